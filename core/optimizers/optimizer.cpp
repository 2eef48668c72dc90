#include "core/optimizers/optimizer.h"

#include <cmath>

namespace gradscape {

void Optimizer::reset(int dim) {
  g_ = Vec::Zero(dim);
  t_ = 0;
  onReset(dim);
}

StepInfo Optimizer::step(GradientOracle& oracle, VecRef x, double lr) {
  StepInfo info;
  info.loss = oracle.evaluate(x, g_);
  double g2 = 0.0;  // a plain loop: cheaper than Eigen's reduction for tiny n
  for (Eigen::Index i = 0; i < g_.size(); ++i) g2 += g_[i] * g_[i];
  info.gradNorm = std::sqrt(g2);
  if (clip_.mode != Clipping::Mode::None) clipGradient(clip_, g_);
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
