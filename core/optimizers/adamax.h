#pragma once
// Adamax, the infinity-norm variant of Adam (Kingma & Ba 2015, sec. 7.1), exactly as
// torch.optim.Adamax (single-tensor path).
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct AdamaxOptions {
  double beta1 = 0.9;        // m <- beta1*m + (1 - beta1)*g
  double beta2 = 0.999;      // u <- max(beta2*u, |g| + eps)
  double eps = 1e-8;         // (inside the max, as torch does)
  double weightDecay = 0.0;  // lambda: g <- g + lambda*x  (L2, coupled)
};

class Adamax final : public Optimizer {
 public:
  explicit Adamax(const AdamaxOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  AdamaxOptions o_;
  Vec d_;  // gradient with L2 decay folded in
  Vec m_;  // exp_avg
  Vec u_;  // exp_inf
};

RegistryEntry<Optimizer> adamaxEntry();

}  // namespace gradscape
