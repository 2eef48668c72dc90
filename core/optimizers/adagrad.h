#pragma once
// Adagrad (Duchi, Hazan & Singer 2011), exactly as torch.optim.Adagrad (single-tensor path).
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct AdagradOptions {
  double lrDecay = 0.0;                  // eta: clr = lr / (1 + (t - 1)*eta)
  double weightDecay = 0.0;              // lambda: g <- g + lambda*x  (L2, coupled)
  double initialAccumulatorValue = 0.0;  // s_0 (every coordinate)
  double eps = 1e-10;                    // s <- s + g^2;  x -= clr * g / (sqrt(s) + eps)
};

class Adagrad final : public Optimizer {
 public:
  explicit Adagrad(const AdagradOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  AdagradOptions o_;
  Vec d_;  // gradient with L2 decay folded in
  Vec s_;  // sum of squared gradients (state_sum)
};

RegistryEntry<Optimizer> adagradEntry();

}  // namespace gradscape
