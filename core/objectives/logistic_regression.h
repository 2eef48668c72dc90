#pragma once
// Binary logistic regression on two Gaussian blobs: a smooth, convex finite sum whose
// curvature fades where the classes separate (no minimizer at l2 = 0 for separable data).
#include <cstdint>

#include "core/data/labeled_data.h"
#include "core/objectives/objective.h"
#include "core/registry/registry.h"

namespace gradscape {

struct LogisticRegressionOptions {
  int samples = 200;        // N
  int features = 2;         // d; the weights have d + 1 entries (the last is the bias)
  double separation = 3.0;  // distance of each blob centre from the origin
  double l2 = 1e-3;         // penalty (l2 / 2) ||w||^2, bias included
  uint64_t seed = 0;
};

// Data gaussianBlobs(N, d, 2, separation, seed). With x~_i = [x_i; 1], z_i = w' x~_i and
// s_i = +1 for label 1, -1 for label 0:
//   f(w) = (1/N) sum_i log(1 + exp(-s_i z_i)) + (l2 / 2) ||w||^2,
//   grad = -(1/N) sum_i s_i sigma(-s_i z_i) x~_i + l2 w,
//   H = (1/N) X~' D X~ + l2 I with D_ii = sigma(z_i) (1 - sigma(z_i)).
// The softplus and sigmoid are evaluated in forms that neither overflow nor lose the tail
// for |z| in the thousands. Minimizers are not computed (no closed form).
class LogisticRegression final : public Objective {
 public:
  explicit LogisticRegression(const LogisticRegressionOptions& options = {});

  int dim() const override { return data_.dim() + 1; }
  double value(VecCRef w) const override;
  void gradient(VecCRef w, VecRef g) const override { valueAndGradient(w, g); }
  double valueAndGradient(VecCRef w, VecRef g) const override;
  Mat hessian(VecCRef w) const override;
  // X~' D (X~ v) / N + l2 v in O(N d).
  void hessianVectorProduct(VecCRef w, VecCRef v, VecRef hv) const override;
  Box domain() const override;
  Vec defaultStart(uint64_t /*seed*/) const override { return Vec::Zero(dim()); }

  int64_t sampleCount() const override { return data_.size(); }
  double batchValueAndGradient(VecCRef w, std::span<const int> batch, VecRef g) const override;

  const LabeledData& data() const { return data_; }

 private:
  // The margins s_i z_i of the rows of x with signs s.
  Vec margins(const Mat& x, const Vec& s, VecCRef w) const;
  // Mean loss over the rows of x plus the penalty; gradient into g.
  double meanLoss(const Mat& x, const Vec& s, VecCRef w, VecRef g) const;

  LabeledData data_;
  Vec signs_;  // s_i
  double l2_ = 0.0;
};

RegistryEntry<Objective> logisticRegressionEntry();

}  // namespace gradscape
