#include "core/optimizers/adabelief.h"

#include <cmath>

#include "core/optimizers/adam_family.h"

namespace gradscape {

AdaBelief::AdaBelief(const AdaBeliefOptions& options) : o_(options) {
  validateAdamLikeOptions(o_.beta1, o_.beta2, o_.eps, o_.weightDecay);
}

void AdaBelief::onReset(int dim) {
  d_ = Vec::Zero(dim);
  m_ = Vec::Zero(dim);
  s_ = Vec::Zero(dim);
  smax_ = Vec::Zero(o_.amsgrad ? dim : 0);
}

void AdaBelief::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  const double t = static_cast<double>(iteration());
  applyWeightDecay(x, g, d_, lr, o_.weightDecay, o_.weightDecouple);
  m_ = o_.beta1 * m_ + (1.0 - o_.beta1) * d_;
  s_.array() = o_.beta2 * s_.array() + (1.0 - o_.beta2) * (d_ - m_).array().square() + o_.eps;
  if (o_.amsgrad) smax_ = smax_.cwiseMax(s_);
  const Vec& s = o_.amsgrad ? smax_ : s_;
  const double stepSize = lr / (1.0 - std::pow(o_.beta1, t));
  const double sqrtBc2 = std::sqrt(1.0 - std::pow(o_.beta2, t));
  x.array() -= stepSize * m_.array() / (s.array().sqrt() / sqrtBc2 + o_.eps);
}

UpdateParts AdaBelief::explainUpdate(const StepInput& in, Vec& step) const {
  const AdaBelief next = stepCopy(*this, in, step);
  const double t = static_cast<double>(next.iteration());
  const double bc1 = 1.0 - std::pow(o_.beta1, t), bc2 = 1.0 - std::pow(o_.beta2, t);
  const Vec mHat = next.m_ / bc1;
  const Vec sHat = (o_.amsgrad ? next.smax_ : next.s_) / bc2;
  UpdateParts out;
  out.formula = weightDecayFormula(o_.weightDecay, o_.weightDecouple) +
                "m ← β₁·m + (1−β₁)·g\ns ← β₂·s + (1−β₂)·(g − m)² + ε\n" +
                (o_.amsgrad ? "sₘₐₓ ← max(sₘₐₓ, s)\nŝ ← sₘₐₓ/(1−β₂ᵗ)\n" : "ŝ ← s/(1−β₂ᵗ)\n") +
                "m̂ ← m/(1−β₁ᵗ)\nx ← x − lr·m̂/(√ŝ + ε)";
  addDecoupledDecayPart(out, in.x, in.lr, o_.weightDecay, o_.weightDecouple);
  out.addPart("preconditioned", "−lr·m̂/(√ŝ + ε)",
              -in.lr * (mHat.array() / (sHat.array().sqrt() + o_.eps)).matrix());
  if (o_.weightDecay != 0.0 && !o_.weightDecouple) {
    out.addVector("g_decayed", "g + λ·x", next.d_);
  }
  out.addVector("m", "m", next.m_);
  out.addVector("s", "s", next.s_);
  if (o_.amsgrad) out.addVector("s_max", "sₘₐₓ", next.smax_);
  out.addVector("m_hat", "m̂", mHat);
  out.addVector("s_hat", "ŝ", sHat);
  return out;
}

RegistryEntry<Optimizer> adaBeliefEntry() {
  return {"adabelief",
          "AdaBelief",
          "m = b1*m + (1-b1)*g;  s = b2*s + (1-b2)*(g-m)^2 + eps;  x -= lr*m_hat/(sqrt(s_hat) + "
          "eps)   (Zhuang et al. 2020)",
          {ParamSpec::positive("lr", 1e-3, 1e2, "learning rate"),
           betaSpec("beta1", 0.9, "decay rate of the first moment m"),
           betaSpec("beta2", 0.999, "decay rate of the belief s = EMA of (g - m)^2"),
           ParamSpec::positive("eps", 1e-16, 1.0, "added to s every step and to the denominator"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "weight decay wd"),
           ParamSpec::flag("weight_decouple", true,
                           "decoupled decay x *= 1 - lr*wd (else L2: g += wd*x)"),
           ParamSpec::flag("amsgrad", false, "divide by sqrt of the running max of s")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            AdaBeliefOptions o;
            o.beta1 = p.get("beta1");
            o.beta2 = p.get("beta2");
            o.eps = p.get("eps");
            o.weightDecay = p.get("weight_decay");
            o.weightDecouple = p.flag("weight_decouple");
            o.amsgrad = p.flag("amsgrad");
            return std::make_unique<AdaBelief>(o);
          }};
}

}  // namespace gradscape
