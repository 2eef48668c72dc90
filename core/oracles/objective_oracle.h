#pragma once
// The oracle of an objective: exact gradients, minibatch gradients of a finite sum, and
// optionally synthetic gradient noise on top, all drawn from one seeded generator (a run is
// reproducible from its seed).
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "core/objectives/objective.h"
#include "core/oracles/gradient_oracle.h"
#include "core/oracles/noise_model.h"
#include "core/run/run_spec.h"

namespace gradscape {

class ObjectiveOracle final : public GradientOracle {
 public:
  // Throws std::invalid_argument when a minibatch is asked of an objective that is no finite
  // sum, or is larger than its sample count.
  ObjectiveOracle(std::shared_ptr<const Objective> objective,
                  std::unique_ptr<NoiseModel> noise = nullptr, uint64_t seed = 0,
                  Minibatch minibatch = {});

  int dim() const override { return objective_->dim(); }
  // With minibatches, g is the batch mean gradient and the returned loss is still the exact
  // (full) loss, so traces and convergence curves show the true objective.
  double evaluate(VecCRef x, VecRef g) override;
  double loss(VecCRef x) override { return objective_->value(x); }
  // False beyond kMaxDenseHessianDim dimensions.
  bool hessian(VecCRef x, Mat& h) override;

  const Objective& objective() const { return *objective_; }

  // Where its random draws stand (generator, the epoch's sample order and position), to put
  // back after evaluations that must not count: Run::explainNextStep.
  struct Draws {
    Rng rng;
    std::vector<int> order;
    size_t next = 0;
  };
  Draws draws() const { return {rng_, order_, next_}; }
  void restoreDraws(Draws draws) {
    rng_ = draws.rng;
    order_ = std::move(draws.order);
    next_ = draws.next;
  }

 private:
  // evaluate() with a minibatch draw or synthetic noise.
  double evaluateSampled(VecCRef x, VecRef g);
  void drawBatch();

  std::shared_ptr<const Objective> objective_;
  std::unique_ptr<NoiseModel> noise_;
  Rng rng_;
  Minibatch minibatch_;
  std::vector<int> order_;  // the epoch's shuffled sample order (without replacement)
  size_t next_ = 0;         // position of the next batch in order_
  std::vector<int> batch_;
};

}  // namespace gradscape
