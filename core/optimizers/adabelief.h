#pragma once
// AdaBelief (Zhuang et al. 2020, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in
// Observed Gradients"), following the official adabelief-pytorch 0.2.x AdaBelief.step with
// rectify=False and fixed_decay=False (the paper's Algorithm 2; the package's RAdam-style
// rectification is not implemented):
//   m = b1*m + (1-b1)*g;  s = b2*s + (1-b2)*(g-m)^2 + eps   (eps is added into the state)
//   x -= lr/(1-b1^t) * m / (sqrt(s)/sqrt(1-b2^t) + eps)
// amsgrad uses smax = max(smax, s) in place of s. Weight decay is decoupled (x *= 1 - lr*wd
// before the step, the package default weight_decouple=True) or an L2 term added to g.
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct AdaBeliefOptions {
  double beta1 = 0.9;          // m <- b1*m + (1 - b1)*g
  double beta2 = 0.999;        // s <- b2*s + (1 - b2)*(g - m)^2 + eps
  double eps = 1e-16;          // added to s every step and to the denominator
  double weightDecay = 0.0;    // wd
  bool weightDecouple = true;  // x *= 1 - lr*wd (AdamW-style); false: g <- g + wd*x
  bool amsgrad = false;        // divide by sqrt of the running max of s
};

class AdaBelief final : public Optimizer {
 public:
  explicit AdaBelief(const AdaBeliefOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  AdaBeliefOptions o_;
  Vec d_;     // gradient with L2 decay folded in
  Vec m_;     // exp_avg
  Vec s_;     // exp_avg_var
  Vec smax_;  // max_exp_avg_var, amsgrad only
};

RegistryEntry<Optimizer> adaBeliefEntry();

}  // namespace gradscape
