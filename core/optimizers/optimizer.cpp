#include "core/optimizers/optimizer.h"

namespace gradscape {

void Optimizer::reset(int dim) {
  g_ = Vec::Zero(dim);
  t_ = 0;
  onReset(dim);
}

double Optimizer::evaluateClipped(GradientOracle& oracle, VecCRef x, VecRef g) const {
  const double f = oracle.evaluate(x, g);
  clipGradient(clip_, g);
  return f;
}

}  // namespace gradscape
