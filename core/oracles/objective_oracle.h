#pragma once
// The oracle of a deterministic objective, optionally with synthetic gradient noise drawn
// from its own seeded generator (a run is reproducible from its seed).
#include <cstdint>
#include <memory>

#include "core/objectives/objective.h"
#include "core/oracles/gradient_oracle.h"
#include "core/oracles/noise_model.h"

namespace gradscape {

class ObjectiveOracle final : public GradientOracle {
 public:
  ObjectiveOracle(std::shared_ptr<const Objective> objective,
                  std::unique_ptr<NoiseModel> noise = nullptr, uint64_t seed = 0);

  int dim() const override { return objective_->dim(); }
  double evaluate(VecCRef x, VecRef g) override;
  double loss(VecCRef x) override { return objective_->value(x); }
  bool hessian(VecCRef x, Mat& h) override;

  const Objective& objective() const { return *objective_; }

 private:
  std::shared_ptr<const Objective> objective_;
  std::unique_ptr<NoiseModel> noise_;
  Rng rng_;
};

}  // namespace gradscape
