#include "core/optimizers/sgd.h"

#include <stdexcept>

namespace gradscape {

Sgd::Sgd(const SgdOptions& options) : o_(options) {
  if (o_.nesterov && (o_.momentum <= 0.0 || o_.dampening != 0.0)) {
    throw std::invalid_argument("nesterov: requires momentum > 0 and dampening = 0");
  }
}

void Sgd::onReset(int dim) {
  d_ = Vec::Zero(dim);
  b_ = Vec::Zero(dim);
}

void Sgd::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  d_ = g;
  if (o_.weightDecay != 0.0) d_ += o_.weightDecay * x;
  if (o_.momentum != 0.0) {
    if (iteration() == 1) {
      b_ = d_;
    } else {
      b_ = o_.momentum * b_ + (1.0 - o_.dampening) * d_;
    }
    if (o_.nesterov) {
      d_ += o_.momentum * b_;
    } else {
      d_ = b_;
    }
  }
  x -= lr * d_;
}

RegistryEntry<Optimizer> sgdEntry() {
  return {"sgd",
          "SGD",
          "b = mu*b + (1-tau)*g;  x -= lr*(nesterov ? g + mu*b : b)   (torch.optim.SGD)",
          {ParamSpec::positive("lr", 1e-3, 1e3, "learning rate"),
           ParamSpec::real("momentum", 0.0, 0.0, 1.0, "momentum factor mu"),
           ParamSpec::real("dampening", 0.0, 0.0, 1.0, "dampening tau for momentum"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "L2 penalty lambda added to g"),
           ParamSpec::flag("nesterov", false, "Nesterov momentum (needs mu > 0, tau = 0)")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            SgdOptions o;
            o.momentum = p.get("momentum");
            o.dampening = p.get("dampening");
            o.weightDecay = p.get("weight_decay");
            o.nesterov = p.flag("nesterov");
            return std::make_unique<Sgd>(o);
          }};
}

}  // namespace gradscape
