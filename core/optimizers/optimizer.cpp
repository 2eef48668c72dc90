#include "core/optimizers/optimizer.h"

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

}  // namespace gradscape
