#pragma once
// The oracle of a problem: exact fields, minibatch fields of a finite sum, and optionally
// synthetic noise on top, all drawn from one seeded generator (a run is reproducible from its
// seed). It passes the problem the run's step t (setStep) and counts what it is asked for.
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "core/objectives/objective.h"
#include "core/oracles/evaluation_counts.h"
#include "core/oracles/gradient_oracle.h"
#include "core/oracles/noise_model.h"
#include "core/problem/problem.h"
#include "core/run/run_spec.h"

namespace gradscape {

class ProblemOracle final : public GradientOracle {
 public:
  // Throws std::invalid_argument when a minibatch is asked of a problem that is no finite
  // sum, or is larger than its sample count.
  ProblemOracle(std::shared_ptr<const Problem> problem, std::unique_ptr<NoiseModel> noise = nullptr,
                uint64_t seed = 0, Minibatch minibatch = {});
  // The oracle of a fixed loss (ObjectiveProblem).
  explicit ProblemOracle(std::shared_ptr<const Objective> objective,
                         std::unique_ptr<NoiseModel> noise = nullptr, uint64_t seed = 0,
                         Minibatch minibatch = {});

  int dim() const override { return problem_->dim(); }
  // With minibatches, g is the batch mean field and the returned value is still the exact
  // (full) loss, so traces and convergence curves show the true objective.
  double evaluate(VecCRef x, VecRef g) override;
  double loss(VecCRef x) override {
    ++counts_.loss;
    return problem_->value(x, t_);
  }
  // False beyond kMaxDenseHessianDim dimensions, or when the problem has no Hessian.
  bool hessian(VecCRef x, Mat& h) override;

  // The step index t passed to the problem (the run sets it before every step).
  void setStep(int64_t t) { t_ = t; }
  const Problem& problem() const { return *problem_; }
  const EvaluationCounts& counts() const { return counts_; }

  // Where its random draws and its counts stand (generator, the epoch's sample order and
  // position), to put back after evaluations that must not count: Run::explainNextStep.
  struct Draws {
    Rng rng;
    std::vector<int> order;
    size_t next = 0;
    EvaluationCounts counts;
  };
  Draws draws() const { return {rng_, order_, next_, counts_}; }
  void restoreDraws(Draws draws) {
    rng_ = draws.rng;
    order_ = std::move(draws.order);
    next_ = draws.next;
    counts_ = draws.counts;
  }

 private:
  // evaluate() with a minibatch draw, synthetic noise or a problem that is no fixed loss.
  double evaluateGeneral(VecCRef x, VecRef g);
  void drawBatch();

  std::shared_ptr<const Problem> problem_;
  // The fixed loss behind the problem when evaluate() is exactly its valueAndGradient (no noise,
  // no minibatch): one virtual call on the per-step hot path, as before problems existed.
  const Objective* direct_ = nullptr;
  std::unique_ptr<NoiseModel> noise_;
  Rng rng_;
  Minibatch minibatch_;
  std::vector<int> order_;  // the epoch's shuffled sample order (without replacement)
  size_t next_ = 0;         // position of the next batch in order_
  std::vector<int> batch_;
  int64_t t_ = 0;
  EvaluationCounts counts_;
};

}  // namespace gradscape
