#include "core/optimizers/radam.h"

#include <cmath>

#include "core/optimizers/adam_family.h"

namespace gradscape {

Radam::Radam(const RadamOptions& options) : o_(options) {
  // torch.optim.RAdam rejects these in its constructor.
  validateAdamLikeOptions(o_.beta1, o_.beta2, o_.eps, o_.weightDecay);
}

void Radam::onReset(int dim) {
  d_ = Vec::Zero(dim);
  m_ = Vec::Zero(dim);
  v_ = Vec::Zero(dim);
}

void Radam::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  const double t = static_cast<double>(iteration());
  applyWeightDecay(x, g, d_, lr, o_.weightDecay, o_.decoupledWeightDecay);
  m_ = o_.beta1 * m_ + (1.0 - o_.beta1) * d_;
  v_.array() = o_.beta2 * v_.array() + (1.0 - o_.beta2) * d_.array().square();
  const double bc1 = 1.0 - std::pow(o_.beta1, t);
  const double bc2 = 1.0 - std::pow(o_.beta2, t);
  const double rhoInf = 2.0 / (1.0 - o_.beta2) - 1.0;
  const double rhoT = rhoInf - 2.0 * t * std::pow(o_.beta2, t) / bc2;
  if (rhoT > 5.0) {
    const double rect =
        std::sqrt((rhoT - 4.0) * (rhoT - 2.0) * rhoInf / ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT));
    x.array() -= m_.array() / bc1 * lr * (std::sqrt(bc2) / (v_.array().sqrt() + o_.eps)) * rect;
  } else {
    x.array() -= m_.array() / bc1 * lr;
  }
}

UpdateParts Radam::explainUpdate(const StepInput& in, Vec& step) const {
  const Radam next = stepCopy(*this, in, step);
  const double t = static_cast<double>(next.iteration());
  const double bc1 = 1.0 - std::pow(o_.beta1, t), bc2 = 1.0 - std::pow(o_.beta2, t);
  const double rhoInf = 2.0 / (1.0 - o_.beta2) - 1.0;
  const double rhoT = rhoInf - 2.0 * t * std::pow(o_.beta2, t) / bc2;
  const Vec mHat = next.m_ / bc1;
  UpdateParts out;
  out.formula = weightDecayFormula(o_.weightDecay, o_.decoupledWeightDecay) +
                "m ← β₁·m + (1−β₁)·g\nv ← β₂·v + (1−β₂)·g²\nm̂ ← m/(1−β₁ᵗ)\n"
                "ρₜ ← ρ∞ − 2t·β₂ᵗ/(1−β₂ᵗ),  ρ∞ = 2/(1−β₂) − 1\n"
                "ρₜ > 5:  rₜ ← √((ρₜ−4)(ρₜ−2)ρ∞/((ρ∞−4)(ρ∞−2)ρₜ)),  "
                "x ← x − lr·m̂·rₜ·√(1−β₂ᵗ)/(√v + ε)\n"
                "else:  x ← x − lr·m̂";
  addDecoupledDecayPart(out, in.x, in.lr, o_.weightDecay, o_.decoupledWeightDecay);
  if (o_.weightDecay != 0.0 && !o_.decoupledWeightDecay) {
    out.addVector("g_decayed", "g + λ·x", next.d_);
  }
  out.addVector("m", "m", next.m_);
  out.addVector("v", "v", next.v_);
  out.addVector("m_hat", "m̂", mHat);
  out.addScalar("rho", "ρₜ", rhoT);
  if (rhoT > 5.0) {
    const double rect =
        std::sqrt((rhoT - 4.0) * (rhoT - 2.0) * rhoInf / ((rhoInf - 4.0) * (rhoInf - 2.0) * rhoT));
    const Vec adaptive = (std::sqrt(bc2) / (next.v_.array().sqrt() + o_.eps)).matrix();
    out.addPart("preconditioned", "−lr·m̂·rₜ·√(1−β₂ᵗ)/(√v + ε)",
                -in.lr * rect * mHat.cwiseProduct(adaptive));
    out.addScalar("rect", "rₜ", rect);
    out.addVector("adaptive_lr", "√(1−β₂ᵗ)/(√v + ε)", adaptive);
  } else {
    // The variance of the adaptive rate is not yet tractable: momentum SGD on m_hat.
    out.addPart("momentum", "−lr·m̂", -in.lr * mHat);
  }
  return out;
}

RegistryEntry<Optimizer> radamEntry() {
  return {"radam",
          "RAdam",
          "rho_t = rho_inf - 2t*b2^t/(1-b2^t);  x -= lr*m_hat * (rho_t > 5 ? r_t*sqrt(1-b2^t)/"
          "(sqrt(v) + eps) : 1)   (torch.optim.RAdam)",
          {ParamSpec::positive("lr", 1e-3, 1e2, "learning rate"),
           betaSpec("beta1", 0.9, "decay rate of the first moment m"),
           betaSpec("beta2", 0.999, "decay rate of the second moment v; sets rho_inf"),
           ParamSpec::positive("eps", 1e-8, 1.0, "added to sqrt(v) in the adaptive factor"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "weight decay lambda"),
           ParamSpec::flag("decoupled_weight_decay", false,
                           "decay x by (1 - lr*lambda) instead of adding lambda*x to g")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            RadamOptions o;
            o.beta1 = p.get("beta1");
            o.beta2 = p.get("beta2");
            o.eps = p.get("eps");
            o.weightDecay = p.get("weight_decay");
            o.decoupledWeightDecay = p.flag("decoupled_weight_decay");
            return std::make_unique<Radam>(o);
          }};
}

}  // namespace gradscape
