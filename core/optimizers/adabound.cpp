#include "core/optimizers/adabound.h"

#include <cmath>

#include "core/optimizers/adam_family.h"

namespace gradscape {

AdaBound::AdaBound(const AdaBoundOptions& options) : o_(options) {
  // The reference's constructor checks, plus base_lr > 0 for the ratio lr / base_lr.
  // Field by field (not validateAdamLikeOptions) to keep the order in which a bad field is named.
  requireBeta(o_.beta1, "beta1");
  requireBeta(o_.beta2, "beta2");
  requireOption(o_.finalLr >= 0.0, "final_lr", "must be >= 0");
  requireBeta(o_.gamma, "gamma");
  requireOption(o_.eps >= 0.0, "eps", "must be >= 0");
  requireOption(o_.weightDecay >= 0.0, "weight_decay", "must be >= 0");
  requireOption(o_.baseLr > 0.0, "lr", "must be > 0");
}

void AdaBound::onReset(int dim) {
  d_ = Vec::Zero(dim);
  m_ = Vec::Zero(dim);
  v_ = Vec::Zero(dim);
  vmax_ = Vec::Zero(o_.amsbound ? dim : 0);
}

void AdaBound::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  const double t = static_cast<double>(iteration());
  d_ = g;
  if (o_.weightDecay != 0.0) d_ += o_.weightDecay * x;
  m_ = o_.beta1 * m_ + (1.0 - o_.beta1) * d_;
  v_.array() = o_.beta2 * v_.array() + (1.0 - o_.beta2) * d_.array().square();
  if (o_.amsbound) vmax_ = vmax_.cwiseMax(v_);
  const Vec& v = o_.amsbound ? vmax_ : v_;
  const double stepSize =
      lr * std::sqrt(1.0 - std::pow(o_.beta2, t)) / (1.0 - std::pow(o_.beta1, t));
  const double finalLr = o_.finalLr * lr / o_.baseLr;
  const double lower = finalLr * (1.0 - 1.0 / (o_.gamma * t + 1.0));
  const double upper = finalLr * (1.0 + 1.0 / (o_.gamma * t));  // +inf for gamma = 0
  x.array() -= (stepSize / (v.array().sqrt() + o_.eps)).max(lower).min(upper) * m_.array();
}

UpdateParts AdaBound::explainUpdate(const StepInput& in, Vec& step) const {
  const AdaBound next = stepCopy(*this, in, step);
  const double t = static_cast<double>(next.iteration());
  const double stepSize =
      in.lr * std::sqrt(1.0 - std::pow(o_.beta2, t)) / (1.0 - std::pow(o_.beta1, t));
  const double finalLr = o_.finalLr * in.lr / o_.baseLr;
  const double lower = finalLr * (1.0 - 1.0 / (o_.gamma * t + 1.0));
  const double upper = finalLr * (1.0 + 1.0 / (o_.gamma * t));
  const Vec& v = o_.amsbound ? next.vmax_ : next.v_;
  const Vec eta = (stepSize / (v.array().sqrt() + o_.eps)).matrix();
  const Vec bounded = eta.array().max(lower).min(upper).matrix();
  UpdateParts out;
  out.formula = weightDecayFormula(o_.weightDecay, false) +
                "m ← β₁·m + (1−β₁)·g\nv ← β₂·v + (1−β₂)·g²\n" +
                (o_.amsbound ? "vₘₐₓ ← max(vₘₐₓ, v)\nη ← lr·√(1−β₂ᵗ)/(1−β₁ᵗ)/(√vₘₐₓ + ε)\n"
                             : "η ← lr·√(1−β₂ᵗ)/(1−β₁ᵗ)/(√v + ε)\n") +
                "x ← x − clip(η, ηₗ, ηᵤ)·m,  ηₗ = f·(1 − 1/(γt + 1)),  ηᵤ = f·(1 + 1/(γt)),  "
                "f = final_lr·lr/lr₀";
  // Adam's step at the unbounded rate, and what the bounds add to it.
  out.addPart("preconditioned", "−η·m", -eta.cwiseProduct(next.m_));
  out.addPart("bounds", "−(clip(η, ηₗ, ηᵤ) − η)·m", -(bounded - eta).cwiseProduct(next.m_));
  if (o_.weightDecay != 0.0) out.addVector("g_decayed", "g + λ·x", next.d_);
  out.addVector("m", "m", next.m_);
  out.addVector("v", "v", next.v_);
  if (o_.amsbound) out.addVector("v_max", "vₘₐₓ", next.vmax_);
  out.addVector("eta", "η", eta);
  out.addVector("eta_bounded", "clip(η, ηₗ, ηᵤ)", bounded);
  out.addScalar("lower_bound", "ηₗ", lower);
  out.addScalar("upper_bound", "ηᵤ", upper);
  return out;
}

RegistryEntry<Optimizer> adaBoundEntry() {
  return {"adabound",
          "AdaBound",
          "eta = lr*sqrt(1-b2^t)/(1-b1^t)/(sqrt(v) + eps);  x -= clip(eta, lower_t, upper_t)*m, "
          "bounds -> final_lr   (Luo et al. 2019)",
          {ParamSpec::positive("lr", 1e-3, 1e2, "Adam learning rate (and the schedule's base)"),
           betaSpec("beta1", 0.9, "decay rate of the first moment m"),
           betaSpec("beta2", 0.999, "decay rate of the second moment v"),
           ParamSpec::positive("final_lr", 0.1, 1e2, "SGD learning rate the bounds converge to"),
           betaSpec("gamma", 1e-3, "convergence speed of the bounds"),
           ParamSpec::positive("eps", 1e-8, 1.0, "added to sqrt(v) in the denominator"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "L2 penalty wd added to g"),
           ParamSpec::flag("amsbound", false, "use the running max of v (AMSBound)")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            AdaBoundOptions o;
            o.beta1 = p.get("beta1");
            o.beta2 = p.get("beta2");
            o.finalLr = p.get("final_lr");
            o.gamma = p.get("gamma");
            o.eps = p.get("eps");
            o.weightDecay = p.get("weight_decay");
            o.amsbound = p.flag("amsbound");
            o.baseLr = p.get("lr");
            return std::make_unique<AdaBound>(o);
          }};
}

}  // namespace gradscape
