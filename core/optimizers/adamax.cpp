#include "core/optimizers/adamax.h"

#include <cmath>

#include "core/optimizers/adam_family.h"

namespace gradscape {

Adamax::Adamax(const AdamaxOptions& options) : o_(options) {
  // torch.optim.Adamax rejects these in its constructor.
  validateAdamLikeOptions(o_.beta1, o_.beta2, o_.eps, o_.weightDecay);
}

void Adamax::onReset(int dim) {
  d_ = Vec::Zero(dim);
  m_ = Vec::Zero(dim);
  u_ = Vec::Zero(dim);
}

void Adamax::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  d_ = g;
  if (o_.weightDecay != 0.0) d_ += o_.weightDecay * x;
  m_ = o_.beta1 * m_ + (1.0 - o_.beta1) * d_;
  u_.array() = (o_.beta2 * u_.array()).max(d_.array().abs() + o_.eps);
  const double clr = lr / (1.0 - std::pow(o_.beta1, static_cast<double>(iteration())));
  x.array() -= clr * m_.array() / u_.array();
}

UpdateParts Adamax::explainUpdate(const StepInput& in, Vec& step) const {
  const Adamax next = stepCopy(*this, in, step);
  const double bc1 = 1.0 - std::pow(o_.beta1, static_cast<double>(next.iteration()));
  UpdateParts out;
  out.formula = weightDecayFormula(o_.weightDecay, false) +
                "m ← β₁·m + (1−β₁)·g\nu ← max(β₂·u, |g| + ε)\nx ← x − lr·m/((1−β₁ᵗ)·u)";
  out.addPart("preconditioned", "−lr·m/((1−β₁ᵗ)·u)",
              (-in.lr / bc1 * next.m_.array() / next.u_.array()).matrix());
  if (o_.weightDecay != 0.0) out.addVector("g_decayed", "g + λ·x", next.d_);
  out.addVector("m", "m", next.m_);
  out.addVector("u", "u", next.u_);
  out.addScalar("bias_correction1", "1−β₁ᵗ", bc1);
  return out;
}

RegistryEntry<Optimizer> adamaxEntry() {
  return {"adamax",
          "Adamax",
          "m = b1*m + (1-b1)*g;  u = max(b2*u, |g| + eps);  x -= lr/(1-b1^t) * m/u   "
          "(torch.optim.Adamax)",
          {ParamSpec::positive("lr", 2e-3, 1e2, "learning rate"),
           betaSpec("beta1", 0.9, "decay rate of the first moment m"),
           betaSpec("beta2", 0.999, "decay of the infinity-norm estimate u"),
           ParamSpec::positive("eps", 1e-8, 1.0, "added to |g| inside the max"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "L2 penalty lambda added to g")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            AdamaxOptions o;
            o.beta1 = p.get("beta1");
            o.beta2 = p.get("beta2");
            o.eps = p.get("eps");
            o.weightDecay = p.get("weight_decay");
            return std::make_unique<Adamax>(o);
          }};
}

}  // namespace gradscape
