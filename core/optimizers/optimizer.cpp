#include "core/optimizers/optimizer.h"

#include <iterator>
#include <utility>
#include <vector>

namespace gradscape {

void Optimizer::reset(int dim) {
  g_ = Vec::Zero(dim);
  t_ = 0;
  onReset(dim);
}

double Optimizer::clip(double gradNormSq) {
  const double carried = settled(gradNormSq);
  clipGradient(clip_, g_);
  return carried;
}

double Optimizer::evaluateClipped(GradientOracle& oracle, VecCRef x, VecRef g) const {
  const double f = oracle.evaluate(x, g);
  clipGradient(clip_, g);
  return f;
}

UpdateParts Optimizer::explain(GradientOracle& oracle, VecCRef x, double lr) const {
  const Vec x0 = x;
  Vec g(x0.size());
  const double loss = oracle.evaluate(x0, g);
  Vec clipped = g;
  clipGradient(clip_, clipped);
  Vec step;
  UpdateParts out = explainUpdate({oracle, x0, loss, clipped, lr}, step);
  if ((clipped.array() != g.array()).any()) {
    // The same state stepped with the unclipped gradient, for what clipping took off.
    Vec unclippedStep;
    explainUpdate({oracle, x0, loss, g, lr}, unclippedStep);
    out.removedByClipping = unclippedStep - step;
  }
  if (clip_.mode == Clipping::Mode::Norm) {
    out.formula = "g ← g·min(1, c/(‖g‖ + 10⁻⁶))   (clipping, c = max norm)\n" + out.formula;
  } else if (clip_.mode == Clipping::Mode::Value) {
    out.formula = "g ← clamp(g, −c, c)   (clipping, c = max value)\n" + out.formula;
  }
  UpdateParts common;
  common.addScalar("t", "t", static_cast<double>(t_ + 1));
  common.addScalar("lr", "lr", lr);
  common.addVector("g", "g", g);
  if (clip_.mode != Clipping::Mode::None) common.addVector("g_clipped", "clip(g)", clipped);
  out.quantities.insert(out.quantities.begin(), std::make_move_iterator(common.quantities.begin()),
                        std::make_move_iterator(common.quantities.end()));
  out.addVector("step", "Δx", std::move(step));
  return out;
}

}  // namespace gradscape
