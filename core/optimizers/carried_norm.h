#pragma once
// Euclidean norms carried squared. No step may wait on a square root, so gradient and step
// norms travel as ||v||^2 and the root is taken when they are read. The square overflows for
// ||v|| > sqrt(DBL_MAX) ~ 1.34e154 although v is finite (Rosenbrock's gradient at (1e60, 1e60)
// is ~4e182); only then, on a slow path, the carried value is minus the norm itself, computed
// with the largest component divided out. A carried value c therefore means
//   c >= 0        ||v|| = sqrt(c)
//   c < 0         ||v|| = -c (-inf: v is finite but its norm exceeds DBL_MAX)
//   +inf or NaN   v has a non-finite component.
#include <cmath>
#include <limits>

#include "core/types.h"

namespace gradscape {

inline constexpr double kLargestDouble = std::numeric_limits<double>::max();

// The slow paths, for a sum of squares `sumSq` that came out non-finite: the carried norm of
// v (n components), or of the difference b - a. They return sumSq when a component (or a
// difference) is itself not finite.
// Cold: the per-step callers keep their registers for the common path.
[[gnu::cold]] double carriedNormAfterOverflow(double sumSq, const double* v, Eigen::Index n);
[[gnu::cold]] double carriedDistanceAfterOverflow(double sumSq, const double* a, const double* b,
                                                  Eigen::Index n);

// False when the carried value says the vector had a non-finite component (+inf or NaN).
inline bool carriedVectorFinite(double carried) {
  return carried <= kLargestDouble;
}

inline double normFromCarried(double carried) {
  return carried >= 0.0 ? std::sqrt(carried) : -carried;
}

// The carried norm of v, for paths off the per-step loop (final rows, current rows).
inline double carriedSquaredNorm(VecCRef v) {
  const double s = v.squaredNorm();
  return carriedVectorFinite(s) ? s : carriedNormAfterOverflow(s, v.data(), v.size());
}

}  // namespace gradscape
