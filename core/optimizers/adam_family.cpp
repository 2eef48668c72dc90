#include "core/optimizers/adam_family.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace gradscape {

Adam::Adam(const AdamOptions& options) : o_(options) {
  // torch.optim.Adam / AdamW reject these in their constructors.
  validateAdamLikeOptions(o_.beta1, o_.beta2, o_.eps, o_.weightDecay);
}

void Adam::onReset(int dim) {
  d_ = Vec::Zero(dim);
  m_ = Vec::Zero(dim);
  v_ = Vec::Zero(dim);
  vmax_ = Vec::Zero(o_.amsgrad ? dim : 0);
  beta1Power_ = 1.0;
  beta2Power_ = 1.0;
}

void Adam::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  // beta^t as running products (torch computes beta ** step; the two agree to rounding, about
  // t ulps) — two pow() calls per step would cost more than the rest of a 2-D step.
  beta1Power_ *= o_.beta1;
  beta2Power_ *= o_.beta2;
  // torch: x -= (lr / bc1) * m / (sqrt(v) / sqrt(bc2) + eps). Multiplying through by sqrt(bc2)
  // gives the same quantity as (lr sqrt(bc2) / bc1) * m / (sqrt(v) + eps sqrt(bc2)) (the
  // "efficient version" of Kingma & Ba's Algorithm 1, with their eps-hat = eps sqrt(bc2)), which
  // takes a division off every coordinate's sqrt -> divide chain; the two agree to rounding.
  const double sqrtBc2 = std::sqrt(1.0 - beta2Power_);
  const double stepSize = lr * sqrtBc2 / (1.0 - beta1Power_);
  const double epsHat = o_.eps * sqrtBc2;
  const bool l2 = o_.weightDecay != 0.0 && !o_.decoupledWeightDecay;
  if (o_.weightDecay != 0.0 && o_.decoupledWeightDecay) x *= 1.0 - lr * o_.weightDecay;
  if (l2) d_ = g + o_.weightDecay * x;
  const auto& d = l2 ? static_cast<VecCRef>(d_) : g;
  // One pass over x, d, m and v (and v_max): m <- b1 m + (1-b1) d, v <- b2 v + (1-b2) d^2,
  // x <- x - stepSize * m / (sqrt(v or v_max) + epsHat). The arrays are distinct (__restrict).
  const double b1 = o_.beta1, b2 = o_.beta2;
  const double* __restrict dp = d.data();
  double* __restrict xp = x.data();
  double* __restrict mp = m_.data();
  double* __restrict vp = v_.data();
  const Eigen::Index n = x.size();
  if (o_.amsgrad) {
    double* __restrict vmaxp = vmax_.data();
    for (Eigen::Index i = 0; i < n; ++i) {
      mp[i] = b1 * mp[i] + (1.0 - b1) * dp[i];
      vp[i] = b2 * vp[i] + (1.0 - b2) * dp[i] * dp[i];
      vmaxp[i] = std::max(vmaxp[i], vp[i]);
      xp[i] -= stepSize * mp[i] / (std::sqrt(vmaxp[i]) + epsHat);
    }
  } else {
    for (Eigen::Index i = 0; i < n; ++i) {
      mp[i] = b1 * mp[i] + (1.0 - b1) * dp[i];
      vp[i] = b2 * vp[i] + (1.0 - b2) * dp[i] * dp[i];
      xp[i] -= stepSize * mp[i] / (std::sqrt(vp[i]) + epsHat);
    }
  }
}

UpdateParts Adam::explainUpdate(const StepInput& in, Vec& step) const {
  const Adam next = stepCopy(*this, in, step);
  const double bc1 = 1.0 - next.beta1Power_, bc2 = 1.0 - next.beta2Power_;
  const Vec mHat = next.m_ / bc1;
  // AMSGrad divides by the running max of the raw v, bias-corrected at this step (torch).
  const Vec vHat = (o_.amsgrad ? next.vmax_ : next.v_) / bc2;
  UpdateParts out;
  out.formula = weightDecayFormula(o_.weightDecay, o_.decoupledWeightDecay) +
                "m ← β₁·m + (1−β₁)·g\nv ← β₂·v + (1−β₂)·g²\nm̂ ← m/(1−β₁ᵗ)\n" +
                (o_.amsgrad ? "vₘₐₓ ← max(vₘₐₓ, v)\nv̂ₘₐₓ ← vₘₐₓ/(1−β₂ᵗ)\nx ← x − lr·m̂/(√v̂ₘₐₓ + ε)"
                            : "v̂ ← v/(1−β₂ᵗ)\nx ← x − lr·m̂/(√v̂ + ε)");
  addDecoupledDecayPart(out, in.x, in.lr, o_.weightDecay, o_.decoupledWeightDecay);
  out.addPart("preconditioned", o_.amsgrad ? "−lr·m̂/(√v̂ₘₐₓ + ε)" : "−lr·m̂/(√v̂ + ε)",
              -in.lr * (mHat.array() / (vHat.array().sqrt() + o_.eps)).matrix());
  if (o_.weightDecay != 0.0 && !o_.decoupledWeightDecay) {
    out.addVector("g_decayed", "g + λ·x", in.g + o_.weightDecay * in.x);
  }
  out.addVector("m", "m", next.m_);
  out.addVector("v", "v", next.v_);
  if (o_.amsgrad) out.addVector("v_max", "vₘₐₓ", next.vmax_);
  out.addVector("m_hat", "m̂", mHat);
  out.addVector(o_.amsgrad ? "v_hat_max" : "v_hat", o_.amsgrad ? "v̂ₘₐₓ" : "v̂", vHat);
  out.addScalar("bias_correction1", "1−β₁ᵗ", bc1);
  out.addScalar("bias_correction2", "1−β₂ᵗ", bc2);
  return out;
}

std::string weightDecayFormula(double lambda, bool decoupled) {
  if (lambda == 0.0) return "";
  return decoupled ? "x ← x − lr·λ·x\n" : "g ← g + λ·x\n";
}

void addDecoupledDecayPart(UpdateParts& out, VecCRef x, double lr, double lambda, bool decoupled) {
  if (lambda != 0.0 && decoupled) out.addPart("weight_decay", "−lr·λ·x", -lr * lambda * x);
}

ParamSpec betaSpec(std::string name, double def, std::string help) {
  ParamSpec s = ParamSpec::real(std::move(name), def, 0.0, 1.0, std::move(help));
  s.maxInclusive = false;
  return s;
}

void requireBeta(double value, const char* field) {
  requireOption(value >= 0.0 && value < 1.0, field, "must be in [0, 1)");
}

void validateAdamLikeOptions(double beta1, double beta2, double eps, double weightDecay) {
  requireBeta(beta1, "beta1");
  requireBeta(beta2, "beta2");
  requireOption(eps >= 0.0, "eps", "must be >= 0");
  requireOption(weightDecay >= 0.0, "weight_decay", "must be >= 0");
}

namespace {

std::vector<ParamSpec> adamParams(double weightDecay, const char* decayHelp, bool amsgradFlag) {
  std::vector<ParamSpec> p = {
      ParamSpec::positive("lr", 1e-3, 1e2, "learning rate"),
      betaSpec("beta1", 0.9, "decay rate of the first moment m"),
      betaSpec("beta2", 0.999, "decay rate of the second moment v"),
      ParamSpec::positive("eps", 1e-8, 1.0, "added to the corrected sqrt(v) in the denominator"),
      ParamSpec::real("weight_decay", weightDecay, 0.0, 10.0, decayHelp)};
  if (amsgradFlag) {
    p.push_back(ParamSpec::flag("amsgrad", false, "divide by sqrt of the running max of v"));
  }
  return p;
}

AdamOptions adamOptions(const ParamValues& p) {
  AdamOptions o;
  o.beta1 = p.get("beta1");
  o.beta2 = p.get("beta2");
  o.eps = p.get("eps");
  o.weightDecay = p.get("weight_decay");
  o.amsgrad = p.has("amsgrad") && p.flag("amsgrad");
  return o;
}

}  // namespace

RegistryEntry<Optimizer> adamEntry() {
  return {"adam", "Adam",
          "m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g^2;  x -= lr*m_hat/(sqrt(v_hat) + eps)   "
          "(torch.optim.Adam)",
          adamParams(0.0, "L2 penalty lambda added to g", true),
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            return std::make_unique<Adam>(adamOptions(p));
          }};
}

RegistryEntry<Optimizer> adamwEntry() {
  return {"adamw", "AdamW", "x *= 1 - lr*lambda;  then the Adam step on g   (torch.optim.AdamW)",
          adamParams(1e-2, "decoupled decay: x *= 1 - lr*lambda", true),
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            AdamOptions o = adamOptions(p);
            o.decoupledWeightDecay = true;
            return std::make_unique<Adam>(o);
          }};
}

RegistryEntry<Optimizer> amsgradEntry() {
  return {"amsgrad", "AMSGrad",
          "Adam with vmax = max(vmax, v);  x -= lr*m_hat/(sqrt(vmax)/sqrt(1-b2^t) + eps)   "
          "(torch.optim.Adam, amsgrad=True)",
          adamParams(0.0, "L2 penalty lambda added to g", false),
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            AdamOptions o = adamOptions(p);
            o.amsgrad = true;
            return std::make_unique<Adam>(o);
          }};
}

}  // namespace gradscape
