#pragma once
// Adam, AdamW and AMSGrad: one update loop with two switches, exactly as torch.optim.Adam /
// torch.optim.AdamW (single-tensor path). Kingma & Ba 2015; Loshchilov & Hutter 2019 (AdamW);
// Reddi et al. 2018 (AMSGrad).
#include <string>

#include "core/optimizers/optimizer.h"
#include "core/registry/registry.h"

namespace gradscape {

struct AdamOptions {
  double beta1 = 0.9;        // m <- beta1*m + (1 - beta1)*g
  double beta2 = 0.999;      // v <- beta2*v + (1 - beta2)*g^2
  double eps = 1e-8;         // x -= lr/(1 - beta1^t) * m / (sqrt(v)/sqrt(1 - beta2^t) + eps)
  double weightDecay = 0.0;  // lambda: L2 g <- g + lambda*x, or decoupled x <- (1 - lr*lambda)*x
  bool decoupledWeightDecay = false;  // AdamW: decay x directly instead of adding lambda*x to g
  bool amsgrad = false;               // use vmax <- max(vmax, v) (raw, uncorrected v) in place of v
};

class Adam final : public Optimizer {
 public:
  explicit Adam(const AdamOptions& options);

 protected:
  void onReset(int dim) override;
  void update(GradientOracle& oracle, VecRef x, VecCRef g, double lr) override;
  UpdateParts explainUpdate(const StepInput& in, Vec& step) const override;

 private:
  AdamOptions o_;
  Vec d_;                                       // gradient with L2 decay folded in
  Vec m_;                                       // first moment (exp_avg)
  Vec v_;                                       // second moment (exp_avg_sq)
  Vec vmax_;                                    // running max of v (max_exp_avg_sq), AMSGrad only
  double beta1Power_ = 1.0, beta2Power_ = 1.0;  // beta1^t, beta2^t
};

// A decay rate in [0, 1), as torch requires of betas; shared by the Adam-like entries.
ParamSpec betaSpec(std::string name, double def, std::string help);

// Throws std::invalid_argument("field: must be in [0, 1)") unless value is such a decay rate.
void requireBeta(double value, const char* field);

// The constructor checks torch's Adam-like optimizers share: beta1 and beta2 in [0, 1),
// eps >= 0 and weight_decay >= 0, each failure a std::invalid_argument("field: message").
void validateAdamLikeOptions(double beta1, double beta2, double eps, double weightDecay);

// Weight decay as the Adam-like methods apply it before their update: decoupled (AdamW-style)
// shrinks x by (1 - lr*lambda) and leaves d = g; coupled (L2) makes d = g + lambda*x.
inline void applyWeightDecay(VecRef x, VecCRef g, Vec& d, double lr, double lambda,
                             bool decoupled) {
  d = g;
  if (lambda == 0.0) return;
  if (decoupled) {
    x *= 1.0 - lr * lambda;
  } else {
    d += lambda * x;
  }
}

// For explainUpdate, applyWeightDecay as text and as a part: its formula line ("" without
// decay), and its part -lr*lambda*x_k when decoupled (coupled decay is folded into g, whose
// preconditioned step it then shares: no part of its own).
std::string weightDecayFormula(double lambda, bool decoupled);
void addDecoupledDecayPart(UpdateParts& out, VecCRef x, double lr, double lambda, bool decoupled);

RegistryEntry<Optimizer> adamEntry();
RegistryEntry<Optimizer> adamwEntry();
RegistryEntry<Optimizer> amsgradEntry();

}  // namespace gradscape
