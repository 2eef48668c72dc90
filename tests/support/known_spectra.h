#pragma once
// Matrices and operators whose spectrum is known by construction, for the curvature tests:
// Q diag(d) Q' with a seeded random orthogonal Q, and diag(d) applied in O(n).
#include <Eigen/QR>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>

#include "core/curvature/symmetric_operator.h"

namespace gradscape::testing {

// N(0, 1) by Box-Muller from the top 53 bits: the same draws on every platform, unlike
// std::normal_distribution.
inline double gaussian(std::mt19937_64& rng) {
  const double u1 = (static_cast<double>(rng() >> 11) + 1.0) * 0x1.0p-53;
  const double u2 = static_cast<double>(rng() >> 11) * 0x1.0p-53;
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

// Q of the QR decomposition of a seeded Gaussian matrix.
inline Mat randomOrthogonal(int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Mat g(n, n);
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < n; ++i) g(i, j) = gaussian(rng);
  }
  return Eigen::HouseholderQR<Mat>(g).householderQ();
}

// Q diag(d) Q': eigenvalues exactly d.
inline Mat rotated(const Vec& d, uint64_t seed) {
  const Mat q = randomOrthogonal(static_cast<int>(d.size()), seed);
  return q * d.asDiagonal() * q.transpose();
}

// diag(d) applied in O(n); counts its products and can fail on purpose after `throwAfter`.
class DiagonalOperator final : public SymmetricOperator {
 public:
  explicit DiagonalOperator(Vec d) : d_(std::move(d)) {}
  int size() const override { return static_cast<int>(d_.size()); }
  void apply(VecCRef v, VecRef out) const override {
    if (++applications > throwAfter) throw std::runtime_error("operator failed on purpose");
    out = d_.cwiseProduct(v);
  }
  mutable int64_t applications = 0;
  int64_t throwAfter = std::numeric_limits<int64_t>::max();

 private:
  Vec d_;
};

}  // namespace gradscape::testing
