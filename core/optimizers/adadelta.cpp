#include "core/optimizers/adadelta.h"

#include <stdexcept>
#include <string>

namespace gradscape {

Adadelta::Adadelta(const AdadeltaOptions& options) : o_(options) {
  // torch.optim.Adadelta rejects these in its constructor.
  if (!(o_.rho >= 0.0 && o_.rho <= 1.0)) throw std::invalid_argument("rho: must be in [0, 1]");
  if (!(o_.eps >= 0.0)) throw std::invalid_argument("eps: must be >= 0");
  if (!(o_.weightDecay >= 0.0)) throw std::invalid_argument("weight_decay: must be >= 0");
}

void Adadelta::onReset(int dim) {
  d_ = Vec::Zero(dim);
  v_ = Vec::Zero(dim);
  u_ = Vec::Zero(dim);
  delta_ = Vec::Zero(dim);
}

void Adadelta::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  d_ = g;
  if (o_.weightDecay != 0.0) d_ += o_.weightDecay * x;
  v_.array() = o_.rho * v_.array() + (1.0 - o_.rho) * d_.array().square();
  delta_.array() = (u_.array() + o_.eps).sqrt() / (v_.array() + o_.eps).sqrt() * d_.array();
  u_.array() = o_.rho * u_.array() + (1.0 - o_.rho) * delta_.array().square();
  x -= lr * delta_;
}

UpdateParts Adadelta::explainUpdate(const StepInput& in, Vec& step) const {
  const Adadelta next = stepCopy(*this, in, step);
  // The step's per-coordinate rate sqrt(u_{t-1} + eps)/sqrt(v_t + eps): the u before this step.
  const Vec rate = ((u_.array() + o_.eps).sqrt() / (next.v_.array() + o_.eps).sqrt()).matrix();
  UpdateParts out;
  out.formula = std::string(o_.weightDecay != 0.0 ? "g ← g + λ·x\n" : "") +
                "v ← ρ·v + (1−ρ)·g²\nΔ ← √(u + ε)/√(v + ε)·g\nu ← ρ·u + (1−ρ)·Δ²\n"
                "x ← x − lr·Δ";
  // Delta is linear in g + lambda*x at the given rate: the gradient and the decay apart.
  out.addPart("preconditioned", "−lr·√(u + ε)/√(v + ε)·g", -in.lr * rate.cwiseProduct(in.g));
  if (o_.weightDecay != 0.0) {
    out.addPart("weight_decay", "−lr·√(u + ε)/√(v + ε)·λ·x",
                -in.lr * o_.weightDecay * rate.cwiseProduct(in.x));
  }
  out.addVector("v", "v", next.v_);
  out.addVector("u_prev", "uₜ₋₁", u_);
  out.addVector("delta", "Δ", next.delta_);
  out.addVector("u", "u", next.u_);
  return out;
}

RegistryEntry<Optimizer> adadeltaEntry() {
  return {"adadelta",
          "Adadelta",
          "v = rho*v + (1-rho)*g^2;  d = sqrt(u+eps)/sqrt(v+eps)*g;  u = rho*u + (1-rho)*d^2;  "
          "x -= lr*d   (torch.optim.Adadelta)",
          {ParamSpec::positive("lr", 1.0, 1e2, "learning rate (scales the unit-free step d)"),
           ParamSpec::real("rho", 0.9, 0.0, 1.0, "decay rate of both running averages"),
           ParamSpec::positive("eps", 1e-6, 1.0, "added inside both square roots"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "L2 penalty lambda added to g")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            AdadeltaOptions o;
            o.rho = p.get("rho");
            o.eps = p.get("eps");
            o.weightDecay = p.get("weight_decay");
            return std::make_unique<Adadelta>(o);
          }};
}

}  // namespace gradscape
