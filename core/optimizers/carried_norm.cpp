#include "core/optimizers/carried_norm.h"

#include <algorithm>

namespace gradscape {

namespace {

// -||u|| for u_i = component(i), as scale * sqrt(sum (u_i / scale)^2) with scale = max |u_i|:
// every term is at most 1, so nothing overflows before the final product.
template <class Component>
double scaledNegativeNorm(double sumSq, Eigen::Index n, Component component) {
  double scale = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double a = std::abs(component(i));
    if (!(a <= kLargestDouble)) return sumSq;  // inf or NaN: the vector is not finite
    scale = std::max(scale, a);
  }
  if (scale == 0.0) return sumSq;  // an all-zero vector cannot have overflowed
  double s = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double r = component(i) / scale;
    s += r * r;
  }
  return -(scale * std::sqrt(s));
}

}  // namespace

double carriedNormAfterOverflow(double sumSq, const double* v, Eigen::Index n) {
  return scaledNegativeNorm(sumSq, n, [v](Eigen::Index i) { return v[i]; });
}

double carriedDistanceAfterOverflow(double sumSq, const double* a, const double* b,
                                    Eigen::Index n) {
  return scaledNegativeNorm(sumSq, n, [a, b](Eigen::Index i) { return b[i] - a[i]; });
}

}  // namespace gradscape
