#pragma once
// Stochastic gradient descent with momentum, dampening, Nesterov and L2 weight decay,
// exactly as torch.optim.SGD.
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct SgdOptions {
  double momentum = 0.0;     // mu: b <- mu*b + (1 - dampening)*g  (b_1 = g)
  double dampening = 0.0;    // tau
  double weightDecay = 0.0;  // lambda: g <- g + lambda*x  (L2, coupled)
  bool nesterov = false;     // step along g + mu*b instead of b; needs mu > 0, dampening = 0
};

class Sgd final : public Optimizer {
 public:
  explicit Sgd(const SgdOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  SgdOptions o_;
  Vec b_;  // momentum buffer
};

RegistryEntry<Optimizer> sgdEntry();

}  // namespace gradscape
