#pragma once
// RMSprop (Hinton, Coursera lecture 6e; centered variant: Graves 2013), exactly as
// torch.optim.RMSprop (single-tensor path).
#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct RmspropOptions {
  double alpha = 0.99;       // v <- alpha*v + (1 - alpha)*g^2
  double eps = 1e-8;         // a = sqrt(v) + eps  (centered: sqrt(v - gbar^2) + eps)
  double weightDecay = 0.0;  // lambda: g <- g + lambda*x  (L2, coupled)
  double momentum = 0.0;     // mu: b <- mu*b + g/a;  x -= lr*b   (mu = 0: x -= lr*g/a)
  bool centered = false;     // gbar <- alpha*gbar + (1 - alpha)*g; subtract gbar^2 from v
};

class Rmsprop final : public Optimizer {
 public:
  explicit Rmsprop(const RmspropOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  RmspropOptions o_;
  Vec d_;     // gradient with L2 decay folded in
  Vec v_;     // square_avg
  Vec gbar_;  // grad_avg, centered only
  Vec a_;     // denominator sqrt(...) + eps
  Vec b_;     // momentum buffer
};

RegistryEntry<Optimizer> rmspropEntry();

}  // namespace gradscape
