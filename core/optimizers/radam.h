#pragma once
// RAdam: Adam with the variance of the adaptive step rectified (Liu et al. 2020), exactly as
// torch.optim.RAdam (single-tensor path).
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct RadamOptions {
  double beta1 = 0.9;        // m <- beta1*m + (1 - beta1)*g;  m_hat = m/(1 - beta1^t)
  double beta2 = 0.999;      // v <- beta2*v + (1 - beta2)*g^2;  rho_inf = 2/(1 - beta2) - 1
  double eps = 1e-8;         // adaptive factor sqrt(1 - beta2^t)/(sqrt(v) + eps)
  double weightDecay = 0.0;  // lambda: L2 g <- g + lambda*x, or decoupled x <- (1 - lr*lambda)*x
  bool decoupledWeightDecay = false;  // RAdamW-style decay of x instead of L2 on g
  // rho_t = rho_inf - 2 t beta2^t/(1 - beta2^t). rho_t > 5: x -= lr*m_hat*adaptive*r_t with
  // r_t = sqrt((rho_t-4)(rho_t-2)rho_inf / ((rho_inf-4)(rho_inf-2)rho_t)); else x -= lr*m_hat.
};

class Radam final : public Optimizer {
 public:
  explicit Radam(const RadamOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  RadamOptions o_;
  Vec d_;  // gradient with L2 decay folded in
  Vec m_;  // exp_avg
  Vec v_;  // exp_avg_sq
};

RegistryEntry<Optimizer> radamEntry();

}  // namespace gradscape
