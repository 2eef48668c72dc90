#include "core/optimizers/sgd.h"

#include <stdexcept>

namespace gradscape {

Sgd::Sgd(const SgdOptions& options) : o_(options) {
  if (o_.nesterov && (o_.momentum <= 0.0 || o_.dampening != 0.0)) {
    throw std::invalid_argument("nesterov: requires momentum > 0 and dampening = 0");
  }
}

void Sgd::onReset(int dim) {
  b_ = Vec::Zero(dim);
}

void Sgd::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  // Each branch is one fused pass over the arrays (the n = 10^6 benchmark streams them).
  // Plain loops over raw pointers: cheaper than Eigen expressions for n = 2, as fast at 10^6.
  const double wd = o_.weightDecay, mu = o_.momentum;
  // __restrict: x, g and b are distinct arrays, so the loops need no overlap checks.
  double* __restrict xp = x.data();
  const double* __restrict gp = g.data();
  const Eigen::Index n = x.size();
  if (mu == 0.0) {
    // Without weight decay x stays off the multiply chain of its own update.
    if (wd == 0.0) {
      for (Eigen::Index i = 0; i < n; ++i) xp[i] -= lr * gp[i];
    } else {
      for (Eigen::Index i = 0; i < n; ++i) xp[i] -= lr * (gp[i] + wd * xp[i]);
    }
    return;
  }
  // b_1 = d_1; b_k = mu b_{k-1} + (1 - dampening) d_k with d = g + wd x; then
  // x -= lr * (nesterov ? d + mu b : b). One pass over x, g and b.
  const double keep = iteration() == 1 ? 0.0 : mu;
  const double take = iteration() == 1 ? 1.0 : 1.0 - o_.dampening;
  double* __restrict bp = b_.data();
  if (o_.nesterov) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const double d = gp[i] + wd * xp[i];
      bp[i] = keep * bp[i] + take * d;
      xp[i] -= lr * (d + mu * bp[i]);
    }
  } else {
    for (Eigen::Index i = 0; i < n; ++i) {
      bp[i] = keep * bp[i] + take * (gp[i] + wd * xp[i]);
      xp[i] -= lr * bp[i];
    }
  }
}

UpdateParts Sgd::explainUpdate(const StepInput& in, Vec& step) const {
  const Sgd next = stepCopy(*this, in, step);
  const double lr = in.lr, wd = o_.weightDecay, mu = o_.momentum;
  UpdateParts out;
  out.formula = wd != 0.0 ? "g ← g + λ·x\n" : "";
  if (mu == 0.0) {
    out.formula += "x ← x − lr·g";
    out.addPart("gradient", "−lr·g", -lr * in.g);
    if (wd != 0.0) out.addPart("weight_decay", "−lr·λ·x", -lr * wd * in.x);
    return out;
  }
  out.formula += "b ← μ·b + (1−τ)·g   (b₁ = g)\n";
  if (o_.nesterov) {
    // torch: g <- g + mu*b_t; x -= lr*g.
    out.formula += "x ← x − lr·(g + μ·b)";
    out.addPart("gradient", "−lr·g", -lr * in.g);
    if (wd != 0.0) out.addPart("weight_decay", "−lr·λ·x", -lr * wd * in.x);
    out.addPart("momentum", "−lr·μ·bₜ", -lr * mu * next.b_);
  } else {
    // x -= lr*b_t with b_t = keep*b_{t-1} + take*(g + wd*x): the carried buffer and this step's
    // gradient and decay.
    out.formula += "x ← x − lr·b";
    const bool first = next.iteration() == 1;
    const double keep = first ? 0.0 : mu, take = first ? 1.0 : 1.0 - o_.dampening;
    out.addPart("momentum", "−lr·μ·bₜ₋₁", -lr * keep * b_);
    out.addPart("gradient", take == 1.0 ? "−lr·g" : "−lr·(1−τ)·g", -lr * take * in.g);
    if (wd != 0.0) {
      out.addPart("weight_decay", take == 1.0 ? "−lr·λ·x" : "−lr·(1−τ)·λ·x",
                  -lr * take * wd * in.x);
    }
  }
  out.addVector("b_prev", "bₜ₋₁", b_);
  out.addVector("b", "bₜ", next.b_);
  return out;
}

RegistryEntry<Optimizer> sgdEntry() {
  return {"sgd",
          "SGD",
          "b = mu*b + (1-tau)*g;  x -= lr*(nesterov ? g + mu*b : b)   (torch.optim.SGD)",
          {ParamSpec::positive("lr", 1e-3, 1e3, "learning rate"),
           ParamSpec::real("momentum", 0.0, 0.0, 1.0, "momentum factor mu"),
           ParamSpec::real("dampening", 0.0, 0.0, 1.0, "dampening tau for momentum"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "L2 penalty lambda added to g"),
           ParamSpec::flag("nesterov", false, "Nesterov momentum (needs mu > 0, tau = 0)")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            SgdOptions o;
            o.momentum = p.get("momentum");
            o.dampening = p.get("dampening");
            o.weightDecay = p.get("weight_decay");
            o.nesterov = p.flag("nesterov");
            return std::make_unique<Sgd>(o);
          }};
}

}  // namespace gradscape
