#pragma once
// Multinomial logistic (softmax) regression on Gaussian blobs: the convex model behind a
// classifier's last layer, with a Hessian that couples the classes.
#include <cstdint>

#include "core/data/labeled_data.h"
#include "core/objectives/objective.h"
#include "core/registry/registry.h"

namespace gradscape {

struct SoftmaxRegressionOptions {
  int samples = 300;        // N
  int features = 2;         // d
  int classes = 3;          // K
  double separation = 3.0;  // distance of each blob centre from the origin
  double l2 = 1e-3;         // penalty (l2 / 2) ||x||^2 over all weights and biases
  uint64_t seed = 0;
};

// Data gaussianBlobs(N, d, K, separation, seed). The parameters are W (K x (d+1)), stored
// row-major: W(c, j) = x[c (d+1) + j], column d the bias. With x~_i = [x_i; 1],
// z_i = W x~_i and p_i = softmax(z_i):
//   f = (1/N) sum_i (logsumexp(z_i) - z_i[y_i]) + (l2 / 2) ||x||^2,
//   grad W = (1/N) sum_i (p_i - e_{y_i}) x~_i' + l2 W,
//   H V = (1/N) sum_i (p_i .* dz_i - p_i (p_i' dz_i)) x~_i' + l2 V with dz_i = V x~_i.
// Minimizers are not computed (no closed form).
class SoftmaxRegression final : public Objective {
 public:
  explicit SoftmaxRegression(const SoftmaxRegressionOptions& options = {});

  int dim() const override { return data_.classes * (data_.dim() + 1); }
  double value(VecCRef x) const override;
  void gradient(VecCRef x, VecRef g) const override { valueAndGradient(x, g); }
  double valueAndGradient(VecCRef x, VecRef g) const override;
  // Block (c, c') = (1/N) X~' diag(p_c (delta_cc' - p_c')) X~ + l2 delta_cc' I.
  Mat hessian(VecCRef x) const override;
  // O(N K d), matrix-free.
  void hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const override;
  Box domain() const override;
  Vec defaultStart(uint64_t /*seed*/) const override { return Vec::Zero(dim()); }

  int64_t sampleCount() const override { return data_.size(); }
  double batchValueAndGradient(VecCRef x, std::span<const int> batch, VecRef g) const override;

  const LabeledData& data() const { return data_; }

 private:
  // Class probabilities (N x K) of the rows of `features`; `lossSum` gets the summed
  // cross-entropy against `labels` when given.
  Mat probabilities(const Mat& features, VecCRef x, const std::vector<int>* labels,
                    double* lossSum) const;
  // Mean cross-entropy over the rows of `features` plus the penalty; gradient into g.
  double meanLoss(const Mat& features, const std::vector<int>& labels, VecCRef x, VecRef g) const;

  LabeledData data_;
  double l2_ = 0.0;
};

RegistryEntry<Objective> softmaxRegressionEntry();

}  // namespace gradscape
