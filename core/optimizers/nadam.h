#pragma once
// NAdam: Adam with Nesterov momentum and torch's momentum schedule (Dozat 2016), exactly as
// torch.optim.NAdam (single-tensor path).
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct NadamOptions {
  double beta1 = 0.9;        // mu_t = beta1*(1 - 0.5*0.96^(t*psi));  m <- beta1*m + (1 - beta1)*g
  double beta2 = 0.999;      // v <- beta2*v + (1 - beta2)*g^2
  double eps = 1e-8;         // den = sqrt(v/(1 - beta2^t)) + eps
  double weightDecay = 0.0;  // lambda: L2 g <- g + lambda*x, or decoupled x <- (1 - lr*lambda)*x
  double momentumDecay = 4e-3;        // psi in mu_t
  bool decoupledWeightDecay = false;  // NAdamW-style decay of x instead of L2 on g
  // With P_t = prod_{i<=t} mu_i:
  // x -= lr*(1 - mu_t)/(1 - P_t) * g/den;  x -= lr*mu_{t+1}/(1 - P_t*mu_{t+1}) * m/den
};

class Nadam final : public Optimizer {
 public:
  explicit Nadam(const NadamOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  NadamOptions o_;
  Vec d_;                   // gradient with L2 decay folded in
  Vec m_;                   // exp_avg
  Vec v_;                   // exp_avg_sq
  Vec den_;                 // sqrt(v/(1 - beta2^t)) + eps
  double muProduct_ = 1.0;  // prod_{i<=t} mu_i
};

RegistryEntry<Optimizer> nadamEntry();

}  // namespace gradscape
