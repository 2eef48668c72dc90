#include "core/optimizers/heavy_ball.h"

#include "core/optimizers/adam_family.h"

namespace gradscape {

HeavyBall::HeavyBall(const HeavyBallOptions& options) : o_(options) {
  requireBeta(o_.beta, "beta");
}

void HeavyBall::onReset(int dim) {
  prev_ = Vec::Zero(dim);
  v_ = Vec::Zero(dim);
}

void HeavyBall::update(GradientOracle& /*oracle*/, VecRef x, VecCRef g, double lr) {
  if (iteration() == 1) prev_ = x;  // x_{-1} = x_0: no displacement yet
  v_ = x - prev_;
  prev_ = x;
  x += o_.beta * v_ - lr * g;
}

UpdateParts HeavyBall::explainUpdate(const StepInput& in, Vec& step) const {
  const HeavyBall next = stepCopy(*this, in, step);
  UpdateParts out;
  out.formula = "x ← x − lr·g + β·Δxₜ₋₁   (Δxₜ₋₁ = x − xₜ₋₁, zero at t = 1)";
  out.addPart("gradient", "−lr·g", -in.lr * in.g);
  out.addPart("momentum", "β·Δxₜ₋₁", o_.beta * next.v_);
  out.addVector("last_step", "Δxₜ₋₁", next.v_);
  return out;
}

RegistryEntry<Optimizer> heavyBallEntry() {
  return {"heavy_ball",
          "Heavy ball (Polyak)",
          "x_{k+1} = x_k - lr*g_k + beta*(x_k - x_{k-1})   (Polyak 1964)",
          {ParamSpec::positive("lr", 1e-3, 1e3, "learning rate"),
           betaSpec("beta", 0.9, "momentum: weight of the last displacement")},
          [](const ParamValues& p) -> std::unique_ptr<Optimizer> {
            HeavyBallOptions o;
            o.beta = p.get("beta");
            return std::make_unique<HeavyBall>(o);
          }};
}

}  // namespace gradscape
