#include "core/optimizers/nadam.h"

#include <cmath>

#include "core/optimizers/adam_family.h"

namespace gradscape {

Nadam::Nadam(const NadamOptions& options) : o_(options) {
  // torch.optim.NAdam rejects these in its constructor.
  validateAdamLikeOptions(o_.beta1, o_.beta2, o_.eps, o_.weightDecay);
  requireOption(o_.momentumDecay >= 0.0, "momentum_decay", "must be >= 0");
}

void Nadam::onReset(int dim) {
  d_ = Vec::Zero(dim);
  m_ = Vec::Zero(dim);
  v_ = Vec::Zero(dim);
  den_ = Vec::Zero(dim);
  muProduct_ = 1.0;
}

void Nadam::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  const double t = static_cast<double>(iteration());
  const double bc2 = 1.0 - std::pow(o_.beta2, t);
  applyWeightDecay(x, g, d_, lr, o_.weightDecay, o_.decoupledWeightDecay);
  const double mu = o_.beta1 * (1.0 - 0.5 * std::pow(0.96, t * o_.momentumDecay));
  const double muNext = o_.beta1 * (1.0 - 0.5 * std::pow(0.96, (t + 1.0) * o_.momentumDecay));
  muProduct_ *= mu;
  const double muProductNext = muProduct_ * muNext;
  m_ = o_.beta1 * m_ + (1.0 - o_.beta1) * d_;
  v_.array() = o_.beta2 * v_.array() + (1.0 - o_.beta2) * d_.array().square();
  den_.array() = (v_.array() / bc2).sqrt() + o_.eps;
  // Two separate updates, in torch's order.
  x.array() -= lr * (1.0 - mu) / (1.0 - muProduct_) * d_.array() / den_.array();
  x.array() -= lr * muNext / (1.0 - muProductNext) * m_.array() / den_.array();
}

UpdateParts Nadam::explainUpdate(const StepInput& in, Vec& step) const {
  const Nadam next = stepCopy(*this, in, step);
  const double t = static_cast<double>(next.iteration());
  const double mu = o_.beta1 * (1.0 - 0.5 * std::pow(0.96, t * o_.momentumDecay));
  const double muNext = o_.beta1 * (1.0 - 0.5 * std::pow(0.96, (t + 1.0) * o_.momentumDecay));
  const double product = next.muProduct_, productNext = product * muNext;
  UpdateParts out;
  out.formula = weightDecayFormula(o_.weightDecay, o_.decoupledWeightDecay) +
                "μₜ ← β₁·(1 − ½·0.96^(t·ψ))\nΠₜ ← Πₜ₋₁·μₜ\nm ← β₁·m + (1−β₁)·g\n"
                "v ← β₂·v + (1−β₂)·g²\nv̂ ← v/(1−β₂ᵗ)\n"
                "x ← x − lr·(1−μₜ)/(1−Πₜ)·g/(√v̂ + ε) − lr·μₜ₊₁/(1−Πₜ·μₜ₊₁)·m/(√v̂ + ε)";
  addDecoupledDecayPart(out, in.x, in.lr, o_.weightDecay, o_.decoupledWeightDecay);
  // den_ = sqrt(v_hat) + eps, as the update divides by it.
  out.addPart(
      "gradient", "−lr·(1−μₜ)/(1−Πₜ)·g/(√v̂ + ε)",
      (-in.lr * (1.0 - mu) / (1.0 - product) * next.d_.array() / next.den_.array()).matrix());
  out.addPart(
      "momentum", "−lr·μₜ₊₁/(1−Πₜ·μₜ₊₁)·m/(√v̂ + ε)",
      (-in.lr * muNext / (1.0 - productNext) * next.m_.array() / next.den_.array()).matrix());
  if (o_.weightDecay != 0.0 && !o_.decoupledWeightDecay) {
    out.addVector("g_decayed", "g + λ·x", next.d_);
  }
  out.addVector("m", "m", next.m_);
  out.addVector("v", "v", next.v_);
  out.addVector("v_hat", "v̂", next.v_ / (1.0 - std::pow(o_.beta2, t)));
  out.addScalar("mu", "μₜ", mu);
  out.addScalar("mu_next", "μₜ₊₁", muNext);
  out.addScalar("mu_product", "Πₜ", product);
  return out;
}

RegistryEntry<Optimizer> nadamEntry() {
  return {
      "nadam",
      "NAdam",
      "x -= lr*[(1-mu_t)/(1-prod mu)*g + mu_{t+1}/(1-prod mu*mu_{t+1})*m]/(sqrt(v_hat) + eps),"
      "  mu_t = b1*(1 - 0.5*0.96^(t*psi))   (torch.optim.NAdam)",
      {ParamSpec::positive("lr", 2e-3, 1e2, "learning rate"),
       betaSpec("beta1", 0.9, "decay rate of the first moment m; scales mu_t"),
       betaSpec("beta2", 0.999, "decay rate of the second moment v"),
       ParamSpec::positive("eps", 1e-8, 1.0, "added to the corrected sqrt(v)"),
       ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "weight decay lambda"),
       ParamSpec::real("momentum_decay", 4e-3, 0.0, 1.0, "psi in mu_t = b1*(1 - 0.5*0.96^(t*psi))"),
       ParamSpec::flag("decoupled_weight_decay", false,
                       "decay x by (1 - lr*lambda) instead of adding lambda*x to g")},
      [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
        NadamOptions o;
        o.beta1 = p.get("beta1");
        o.beta2 = p.get("beta2");
        o.eps = p.get("eps");
        o.weightDecay = p.get("weight_decay");
        o.momentumDecay = p.get("momentum_decay");
        o.decoupledWeightDecay = p.flag("decoupled_weight_decay");
        return std::make_unique<Nadam>(o);
      }};
}

}  // namespace gradscape
