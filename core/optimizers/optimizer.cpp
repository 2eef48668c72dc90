#include "core/optimizers/optimizer.h"

namespace gradscape {

void Optimizer::reset(int dim) {
  g_ = Vec::Zero(dim);
  t_ = 0;
  onReset(dim);
}

StepInfo Optimizer::step(GradientOracle& oracle, VecRef x, double lr) {
  StepInfo info;
  info.loss = oracle.evaluate(x, g_);
  info.gradNorm = g_.norm();
  clipGradient(clip_, g_);
  ++t_;
  update(oracle, x, g_, lr);
  return info;
}

double Optimizer::evaluateClipped(GradientOracle& oracle, VecCRef x, VecRef g) const {
  const double f = oracle.evaluate(x, g);
  clipGradient(clip_, g);
  return f;
}

}  // namespace gradscape
