#pragma once
// AdaBound / AMSBound (Luo et al. 2019, "Adaptive Gradient Methods with Dynamic Bound of
// Learning Rate"), exactly as AdaBound.step of the official `adabound` package (L2 weight decay):
//   m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g^2;  eta = lr*sqrt(1-b2^t)/(1-b1^t) / (sqrt(v) + eps)
//   x -= clip(eta, lower(t), upper(t)) * m   coordinate-wise, with
//   lower = f*(1 - 1/(gamma*t + 1)),  upper = f*(1 + 1/(gamma*t)),  f = final_lr * lr / base_lr.
// base_lr is the run's base learning rate (the optimizer's "lr" parameter), so the bounds close
// on final_lr under a constant schedule and scale with the schedule otherwise, as the reference
// does with the lr it was constructed with.
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct AdaBoundOptions {
  double beta1 = 0.9;        // m <- b1*m + (1 - b1)*g
  double beta2 = 0.999;      // v <- b2*v + (1 - b2)*g^2
  double finalLr = 0.1;      // the SGD learning rate the bounds converge to
  double gamma = 1e-3;       // convergence speed of the bounds
  double eps = 1e-8;         // added to sqrt(v)
  double weightDecay = 0.0;  // L2: g <- g + wd*x
  bool amsbound = false;     // use vmax = max(vmax, v) in place of v
  double baseLr = 1e-3;      // lr the schedule is relative to (the "lr" parameter)
};

class AdaBound final : public Optimizer {
 public:
  explicit AdaBound(const AdaBoundOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  AdaBoundOptions o_;
  Vec d_;     // gradient with L2 decay folded in
  Vec m_;     // exp_avg
  Vec v_;     // exp_avg_sq
  Vec vmax_;  // max_exp_avg_sq, amsbound only
};

RegistryEntry<Optimizer> adaBoundEntry();

}  // namespace gradscape
