#pragma once
// Polyak's heavy-ball method (Polyak 1964, "Some methods of speeding up the convergence of
// iteration methods"): x_{k+1} = x_k - lr_k g_k + beta (x_k - x_{k-1}), with x_{-1} = x_0.
// For a constant lr it traces the same iterates as torch.optim.SGD with momentum beta; under a
// schedule they differ (here the momentum term is the last displacement, not lr times a buffer).
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct HeavyBallOptions {
  double beta = 0.9;  // momentum: weight of the last displacement x_k - x_{k-1}
};

class HeavyBall final : public Optimizer {
 public:
  explicit HeavyBall(const HeavyBallOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  HeavyBallOptions o_;
  Vec prev_;  // x_{k-1}
  Vec v_;     // x_k - x_{k-1}
};

RegistryEntry<Optimizer> heavyBallEntry();

}  // namespace gradscape
