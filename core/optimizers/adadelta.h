#pragma once
// Adadelta (Zeiler 2012), exactly as torch.optim.Adadelta (single-tensor path).
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct AdadeltaOptions {
  double rho = 0.9;          // v <- rho*v + (1 - rho)*g^2;  u <- rho*u + (1 - rho)*delta^2
  double eps = 1e-6;         // delta = sqrt(u + eps)/sqrt(v + eps) * g;  x -= lr*delta
  double weightDecay = 0.0;  // lambda: g <- g + lambda*x  (L2, coupled)
};

class Adadelta final : public Optimizer {
 public:
  explicit Adadelta(const AdadeltaOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  AdadeltaOptions o_;
  Vec d_;      // gradient with L2 decay folded in
  Vec v_;      // square_avg
  Vec u_;      // acc_delta
  Vec delta_;  // this step's unscaled update
};

RegistryEntry<Optimizer> adadeltaEntry();

}  // namespace gradscape
