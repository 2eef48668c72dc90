#include "core/optimizers/adagrad.h"

#include <stdexcept>
#include <string>

namespace gradscape {

Adagrad::Adagrad(const AdagradOptions& options) : o_(options) {
  // torch.optim.Adagrad rejects these in its constructor.
  if (!(o_.lrDecay >= 0.0)) throw std::invalid_argument("lr_decay: must be >= 0");
  if (!(o_.weightDecay >= 0.0)) throw std::invalid_argument("weight_decay: must be >= 0");
  if (!(o_.initialAccumulatorValue >= 0.0)) {
    throw std::invalid_argument("initial_accumulator_value: must be >= 0");
  }
  if (!(o_.eps >= 0.0)) throw std::invalid_argument("eps: must be >= 0");
}

void Adagrad::onReset(int dim) {
  d_ = Vec::Zero(dim);
  s_ = Vec::Constant(dim, o_.initialAccumulatorValue);
}

void Adagrad::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  d_ = g;
  if (o_.weightDecay != 0.0) d_ += o_.weightDecay * x;
  const double clr = lr / (1.0 + static_cast<double>(iteration() - 1) * o_.lrDecay);
  s_.array() += d_.array().square();
  x.array() -= clr * d_.array() / (s_.array().sqrt() + o_.eps);
}

UpdateParts Adagrad::explainUpdate(const StepInput& in, Vec& step) const {
  const Adagrad next = stepCopy(*this, in, step);
  const double clr = in.lr / (1.0 + static_cast<double>(next.iteration() - 1) * o_.lrDecay);
  const Vec scale = (1.0 / (next.s_.array().sqrt() + o_.eps)).matrix();  // 1/(sqrt(s) + eps)
  UpdateParts out;
  out.formula = std::string(o_.weightDecay != 0.0 ? "g ← g + λ·x\n" : "") +
                "clr ← lr/(1 + (t−1)·η)\ns ← s + g²\nx ← x − clr·g/(√s + ε)";
  // The step is linear in g + lambda*x at a given s: the gradient and the decay apart.
  out.addPart("preconditioned", "−clr·g/(√s + ε)", -clr * in.g.cwiseProduct(scale));
  if (o_.weightDecay != 0.0) {
    out.addPart("weight_decay", "−clr·λ·x/(√s + ε)",
                -clr * o_.weightDecay * in.x.cwiseProduct(scale));
  }
  out.addVector("s", "s", next.s_);
  out.addScalar("clr", "clr", clr);
  return out;
}

RegistryEntry<Optimizer> adagradEntry() {
  return {"adagrad",
          "Adagrad",
          "s += g^2;  x -= lr/(1 + (t-1)*lr_decay) * g/(sqrt(s) + eps)   (torch.optim.Adagrad)",
          {ParamSpec::positive("lr", 1e-2, 1e2, "learning rate"),
           ParamSpec::real("lr_decay", 0.0, 0.0, 1.0, "lr is divided by 1 + (t-1)*lr_decay"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "L2 penalty lambda added to g"),
           ParamSpec::real("initial_accumulator_value", 0.0, 0.0, 10.0,
                           "starting value of the sum of squared gradients"),
           ParamSpec::positive("eps", 1e-10, 1.0, "added to sqrt(s) in the denominator")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            AdagradOptions o;
            o.lrDecay = p.get("lr_decay");
            o.weightDecay = p.get("weight_decay");
            o.initialAccumulatorValue = p.get("initial_accumulator_value");
            o.eps = p.get("eps");
            return std::make_unique<Adagrad>(o);
          }};
}

}  // namespace gradscape
