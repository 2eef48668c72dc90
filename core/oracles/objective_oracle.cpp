#include "core/oracles/objective_oracle.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

namespace gradscape {

ObjectiveOracle::ObjectiveOracle(std::shared_ptr<const Objective> objective,
                                 std::unique_ptr<NoiseModel> noise, uint64_t seed,
                                 Minibatch minibatch)
    : objective_(std::move(objective)),
      noise_(std::move(noise)),
      rng_(seed),
      minibatch_(minibatch) {
  if (minibatch_.size < 0) {
    throw std::invalid_argument("minibatch.size: must be >= 0, got " +
                                std::to_string(minibatch_.size));
  }
  if (minibatch_.size == 0) return;
  const int64_t n = objective_->sampleCount();
  if (n == 0) {
    throw std::invalid_argument(
        "minibatch: this objective is not a sum over samples, so it has no minibatches");
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

void ObjectiveOracle::drawBatch() {
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

double ObjectiveOracle::evaluate(VecCRef x, VecRef g) {
  // The exact case is a tail call: it sits on the per-step hot path of every plain run.
  if (minibatch_.size > 0 || noise_) return evaluateSampled(x, g);
  return objective_->valueAndGradient(x, g);
}

double ObjectiveOracle::evaluateSampled(VecCRef x, VecRef g) {
  double f;
  if (minibatch_.size > 0) {
    drawBatch();
    objective_->batchValueAndGradient(x, batch_, g);
    f = objective_->value(x);
  } else {
    f = objective_->valueAndGradient(x, g);
  }
  if (noise_) noise_->perturb(g, rng_);
  return f;
}

bool ObjectiveOracle::hessian(VecCRef x, Mat& h) {
  if (objective_->dim() > kMaxDenseHessianDim) return false;
  h = objective_->hessian(x);
  return true;
}

}  // namespace gradscape
