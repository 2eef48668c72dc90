#pragma once
// Lion, "EvoLved Sign Momentum" (Chen et al. 2023, "Symbolic Discovery of Optimization
// Algorithms", Program 1), with decoupled weight decay:
//   c = beta1*m + (1 - beta1)*g;  x -= lr*(sign(c) + wd*x);  m = beta2*m + (1 - beta2)*g.
// sign(0) = 0 as in torch.sign.
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct LionOptions {
  double beta1 = 0.9;        // interpolation of m and g that is signed for the step
  double beta2 = 0.99;       // m <- beta2*m + (1 - beta2)*g, after the step
  double weightDecay = 0.0;  // wd: x -= lr*wd*x (decoupled)
};

class Lion final : public Optimizer {
 public:
  explicit Lion(const LionOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  LionOptions o_;
  Vec c_;  // beta1*m + (1 - beta1)*g
  Vec m_;  // momentum
};

RegistryEntry<Optimizer> lionEntry();

}  // namespace gradscape
