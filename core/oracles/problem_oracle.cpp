#include "core/oracles/problem_oracle.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

#include "core/problem/objective_problem.h"

namespace gradscape {

ProblemOracle::ProblemOracle(std::shared_ptr<const Problem> problem,
                             std::unique_ptr<NoiseModel> noise, uint64_t seed, Minibatch minibatch)
    : problem_(std::move(problem)), noise_(std::move(noise)), rng_(seed), minibatch_(minibatch) {
  if (minibatch_.size < 0) {
    throw std::invalid_argument("minibatch.size: must be >= 0, got " +
                                std::to_string(minibatch_.size));
  }
  if (minibatch_.size == 0) {
    if (!noise_) direct_ = problem_->objective();
    return;
  }
  const int64_t n = problem_->sampleCount();
  if (n == 0) {
    throw std::invalid_argument(
        "minibatch: this problem is not a sum over samples, so it has no minibatches");
  }
  if (minibatch_.size > n) {
    throw std::invalid_argument("minibatch.size: must be <= the " + std::to_string(n) +
                                " samples, got " + std::to_string(minibatch_.size));
  }
  order_.resize(static_cast<size_t>(n));
  std::iota(order_.begin(), order_.end(), 0);
  next_ = order_.size();  // the first draw shuffles
  batch_.reserve(static_cast<size_t>(minibatch_.size));
}

ProblemOracle::ProblemOracle(std::shared_ptr<const Objective> objective,
                             std::unique_ptr<NoiseModel> noise, uint64_t seed, Minibatch minibatch)
    : ProblemOracle(lossProblem(std::move(objective)), std::move(noise), seed, minibatch) {}

void ProblemOracle::drawBatch() {
  const auto size = static_cast<size_t>(minibatch_.size);
  batch_.clear();
  if (minibatch_.replacement) {
    std::uniform_int_distribution<int> pick(0, static_cast<int>(order_.size()) - 1);
    for (size_t i = 0; i < size; ++i) batch_.push_back(pick(rng_));
    return;
  }
  if (next_ >= order_.size()) {
    std::shuffle(order_.begin(), order_.end(), rng_);
    next_ = 0;
  }
  const size_t end = std::min(order_.size(), next_ + size);
  batch_.assign(order_.begin() + static_cast<std::ptrdiff_t>(next_),
                order_.begin() + static_cast<std::ptrdiff_t>(end));
  next_ = end;
}

double ProblemOracle::evaluate(VecCRef x, VecRef g) {
  ++counts_.field;
  // The fixed loss's exact case is a tail call: it sits on the per-step hot path of most runs.
  if (direct_) return direct_->valueAndGradient(x, g);
  return evaluateGeneral(x, g);
}

double ProblemOracle::evaluateGeneral(VecCRef x, VecRef g) {
  double f;
  if (minibatch_.size > 0) {
    drawBatch();
    problem_->batchField(x, t_, batch_, g);
    f = problem_->value(x, t_);
  } else {
    f = problem_->field(x, t_, g);
  }
  if (noise_) noise_->perturb(g, rng_);
  return f;
}

bool ProblemOracle::hessian(VecCRef x, Mat& h) {
  const int n = problem_->dim();
  if (n > kMaxDenseHessianDim || problem_->curvature() != Problem::Curvature::Hessian) {
    return false;
  }
  counts_.hessianProducts += n;
  h = problem_->hessian(x, t_);
  return true;
}

}  // namespace gradscape
