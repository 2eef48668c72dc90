#include "core/optimizers/lion.h"

#include "core/optimizers/adam_family.h"

namespace gradscape {

Lion::Lion(const LionOptions& options) : o_(options) {
  requireBeta(o_.beta1, "beta1");
  requireBeta(o_.beta2, "beta2");
  requireOption(o_.weightDecay >= 0.0, "weight_decay", "must be >= 0");
}

void Lion::onReset(int dim) {
  c_ = Vec::Zero(dim);
  m_ = Vec::Zero(dim);
}

void Lion::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  c_ = o_.beta1 * m_ + (1.0 - o_.beta1) * g;
  x -= lr * (c_.array().sign().matrix() + o_.weightDecay * x);
  m_ = o_.beta2 * m_ + (1.0 - o_.beta2) * g;
}

UpdateParts Lion::explainUpdate(const StepInput& in, Vec& step) const {
  const Lion next = stepCopy(*this, in, step);
  UpdateParts out;
  out.formula = "c ← β₁·m + (1−β₁)·g\nx ← x − lr·(sign(c) + λ·x)\nm ← β₂·m + (1−β₂)·g";
  out.addPart("sign", "−lr·sign(c)", -in.lr * next.c_.array().sign().matrix());
  if (o_.weightDecay != 0.0) out.addPart("weight_decay", "−lr·λ·x", -in.lr * o_.weightDecay * in.x);
  out.addVector("c", "c", next.c_);
  out.addVector("m", "m", next.m_);
  return out;
}

RegistryEntry<Optimizer> lionEntry() {
  return {"lion",
          "Lion",
          "c = b1*m + (1-b1)*g;  x -= lr*(sign(c) + wd*x);  m = b2*m + (1-b2)*g   "
          "(Chen et al. 2023)",
          {ParamSpec::positive("lr", 1e-4, 1e2, "learning rate (size of every coordinate's step)"),
           betaSpec("beta1", 0.9, "weight of m in the signed interpolation c"),
           betaSpec("beta2", 0.99, "decay rate of the momentum m"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "decoupled decay: x -= lr*wd*x")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            LionOptions o;
            o.beta1 = p.get("beta1");
            o.beta2 = p.get("beta2");
            o.weightDecay = p.get("weight_decay");
            return std::make_unique<Lion>(o);
          }};
}

}  // namespace gradscape
