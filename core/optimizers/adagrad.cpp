#include "core/optimizers/adagrad.h"

#include <stdexcept>

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
