#include "core/optimizers/rmsprop.h"

#include <stdexcept>
#include <string>

namespace gradscape {

Rmsprop::Rmsprop(const RmspropOptions& options) : o_(options) {
  // torch.optim.RMSprop rejects these in its constructor.
  if (!(o_.alpha >= 0.0)) throw std::invalid_argument("alpha: must be >= 0");
  if (!(o_.eps >= 0.0)) throw std::invalid_argument("eps: must be >= 0");
  if (!(o_.weightDecay >= 0.0)) throw std::invalid_argument("weight_decay: must be >= 0");
  if (!(o_.momentum >= 0.0)) throw std::invalid_argument("momentum: must be >= 0");
}

void Rmsprop::onReset(int dim) {
  d_ = Vec::Zero(dim);
  v_ = Vec::Zero(dim);
  gbar_ = Vec::Zero(o_.centered ? dim : 0);
  a_ = Vec::Zero(dim);
  b_ = Vec::Zero(o_.momentum > 0.0 ? dim : 0);
}

void Rmsprop::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  d_ = g;
  if (o_.weightDecay != 0.0) d_ += o_.weightDecay * x;
  v_.array() = o_.alpha * v_.array() + (1.0 - o_.alpha) * d_.array().square();
  if (o_.centered) {
    gbar_ = o_.alpha * gbar_ + (1.0 - o_.alpha) * d_;
    a_.array() = (v_.array() - gbar_.array().square()).sqrt() + o_.eps;
  } else {
    a_.array() = v_.array().sqrt() + o_.eps;
  }
  if (o_.momentum > 0.0) {
    b_.array() = o_.momentum * b_.array() + d_.array() / a_.array();
    x -= lr * b_;
  } else {
    x.array() -= lr * d_.array() / a_.array();
  }
}

UpdateParts Rmsprop::explainUpdate(const StepInput& in, Vec& step) const {
  const Rmsprop next = stepCopy(*this, in, step);
  const double lr = in.lr, mu = o_.momentum, wd = o_.weightDecay;
  const Vec scale = next.a_.cwiseInverse();  // 1/a, a = sqrt(v) + eps (centered: sqrt(v - gbar^2))
  UpdateParts out;
  out.formula = std::string(wd != 0.0 ? "g ← g + λ·x\n" : "") + "v ← α·v + (1−α)·g²\n" +
                (o_.centered ? "ḡ ← α·ḡ + (1−α)·g\na ← √(v − ḡ²) + ε\n" : "a ← √v + ε\n") +
                (mu > 0.0 ? "b ← μ·b + g/a\nx ← x − lr·b" : "x ← x − lr·g/a");
  // x -= lr*b with b = mu*b_{t-1} + (g + lambda*x)/a: the carried buffer, this step's gradient
  // and its decay.
  if (mu > 0.0) out.addPart("momentum", "−lr·μ·bₜ₋₁", -lr * mu * b_);
  out.addPart("preconditioned", "−lr·g/a", -lr * in.g.cwiseProduct(scale));
  if (wd != 0.0) out.addPart("weight_decay", "−lr·λ·x/a", -lr * wd * in.x.cwiseProduct(scale));
  out.addVector("v", "v", next.v_);
  if (o_.centered) out.addVector("g_avg", "ḡ", next.gbar_);
  out.addVector("a", "a", next.a_);
  if (mu > 0.0) out.addVector("b", "b", next.b_);
  return out;
}

RegistryEntry<Optimizer> rmspropEntry() {
  return {"rmsprop",
          "RMSprop",
          "v = alpha*v + (1-alpha)*g^2;  b = mu*b + g/(sqrt(v) + eps);  x -= lr*b   "
          "(torch.optim.RMSprop)",
          {ParamSpec::positive("lr", 1e-2, 1e2, "learning rate"),
           ParamSpec::real("alpha", 0.99, 0.0, 1.0, "decay rate of the squared-gradient average"),
           ParamSpec::positive("eps", 1e-8, 1.0, "added to sqrt(v) in the denominator"),
           ParamSpec::real("weight_decay", 0.0, 0.0, 10.0, "L2 penalty lambda added to g"),
           ParamSpec::real("momentum", 0.0, 0.0, 1.0, "momentum factor mu on g/(sqrt(v) + eps)"),
           ParamSpec::flag("centered", false, "divide by sqrt(v - gbar^2), gbar = average of g")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            RmspropOptions o;
            o.alpha = p.get("alpha");
            o.eps = p.get("eps");
            o.weightDecay = p.get("weight_decay");
            o.momentum = p.get("momentum");
            o.centered = p.flag("centered");
            return std::make_unique<Rmsprop>(o);
          }};
}

}  // namespace gradscape
