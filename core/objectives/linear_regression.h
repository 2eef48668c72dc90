#pragma once
// Least squares on synthetic Gaussian data: the finite-sum quadratic whose Hessian X'X/N is
// a sample covariance (Marchenko-Pastur spectrum for large N and d).
#include <cstdint>
#include <optional>

#include "core/objectives/objective.h"
#include "core/registry/registry.h"

namespace gradscape {

struct LinearRegressionOptions {
  int samples = 200;   // N
  int features = 10;   // d, the dimension of w
  double noise = 0.1;  // standard deviation of the target noise
  double l2 = 0.0;     // ridge penalty (l2 / 2) ||w||^2
  uint64_t seed = 0;
};

// f(w) = (1 / 2N) ||X w - y||^2 + (l2 / 2) ||w||^2, a finite sum of
// f_i(w) = 1/2 (x_i' w - y_i)^2. One std::mt19937_64(seed) draws w* ~ N(0, I) first, then
// per sample the row x_i ~ N(0, I) followed by its noise e_i ~ N(0, 1), with
// y_i = x_i' w* + noise e_i (so the first samples do not change when N grows).
//
// The minimizer solves (X'X/N + l2 I) w = X'y/N. It is known (and the Hessian cached) when
// d <= kMaxDenseHessianDim and that matrix is numerically positive definite (l2 > 0, or
// N >= d with X of full column rank); otherwise minimizers() is empty and minimumValue() none.
class LinearRegression final : public Objective {
 public:
  explicit LinearRegression(const LinearRegressionOptions& options = {});

  int dim() const override { return static_cast<int>(x_.cols()); }
  double value(VecCRef w) const override;
  void gradient(VecCRef w, VecRef g) const override { valueAndGradient(w, g); }
  double valueAndGradient(VecCRef w, VecRef g) const override;
  // X'X/N + l2 I, the same at every w.
  Mat hessian(VecCRef w) const override;
  // X'(X v)/N + l2 v in O(N d).
  void hessianVectorProduct(VecCRef w, VecCRef v, VecRef hv) const override;
  Box domain() const override;
  std::vector<Vec> minimizers() const override;
  std::optional<double> minimumValue() const override { return minimumValue_; }
  Vec defaultStart(uint64_t /*seed*/) const override { return Vec::Zero(dim()); }

  int64_t sampleCount() const override { return x_.rows(); }
  double batchValueAndGradient(VecCRef w, std::span<const int> batch, VecRef g) const override;

  // X, one sample per row (N x d).
  const Mat& dataMatrix() const { return x_; }
  // y (N).
  const Vec& targets() const { return y_; }
  // w*, the weights that generated y.
  const Vec& trueWeights() const { return trueWeights_; }

 private:
  // Mean of 1/2 (x_i' w - y_i)^2 over the rows of x, plus the penalty; gradient into g.
  double meanLoss(const Mat& x, const Vec& y, VecCRef w, VecRef g) const;

  Mat x_;
  Vec y_;
  Vec trueWeights_;
  double l2_ = 0.0;
  Mat hessian_;  // cached when d <= kMaxDenseHessianDim, else empty
  std::optional<Vec> minimizer_;
  std::optional<double> minimumValue_;
};

RegistryEntry<Objective> linearRegressionEntry();

}  // namespace gradscape
