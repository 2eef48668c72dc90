#pragma once
// Seeded random points and directions for the objective suites.
#include <Eigen/Core>

#include <random>

#include "core/objectives/objective.h"
#include "core/types.h"

namespace gradscape::testing {

// Uniform in [lo, hi) from the top 53 bits of a 64-bit Mersenne twister: the same points on
// every platform, unlike std::uniform_real_distribution.
inline double uniform(std::mt19937_64& rng, double lo, double hi) {
  return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// A vector of n coordinates uniform in [-scale, scale).
inline Vec randomVector(std::mt19937_64& rng, Eigen::Index n, double scale = 1.0) {
  Vec v(n);
  for (Eigen::Index i = 0; i < n; ++i) v[i] = uniform(rng, -scale, scale);
  return v;
}

// A point uniform in the box.
inline Vec randomPoint(std::mt19937_64& rng, const Box& b) {
  Vec x(b.lower.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) x[i] = uniform(rng, b.lower[i], b.upper[i]);
  return x;
}

}  // namespace gradscape::testing
