#include "core/oracles/objective_oracle.h"

namespace gradscape {

ObjectiveOracle::ObjectiveOracle(std::shared_ptr<const Objective> objective,
                                 std::unique_ptr<NoiseModel> noise, uint64_t seed)
    : objective_(std::move(objective)), noise_(std::move(noise)), rng_(seed) {}

double ObjectiveOracle::evaluate(VecCRef x, VecRef g) {
  const double f = objective_->valueAndGradient(x, g);
  if (noise_) noise_->perturb(g, rng_);
  return f;
}

bool ObjectiveOracle::hessian(VecCRef x, Mat& h) {
  h = objective_->hessian(x);
  return true;
}

}  // namespace gradscape
