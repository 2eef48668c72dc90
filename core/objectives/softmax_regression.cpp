#include "core/objectives/softmax_regression.h"

#include <cmath>

#include "core/data/gaussian_blobs.h"
#include "core/objectives/sample_batch.h"

namespace gradscape {

namespace {

// W as stored in x: K rows of d + 1 weights.
using RowMajorMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

std::vector<ParamSpec> softmaxRegressionParams() {
  return {
      ParamSpec::integer("samples", 300, 1, 100000, "number of samples N"),
      ParamSpec::integer("features", 2, 1, 10000, "number of features d"),
      ParamSpec::integer("classes", 3, 2, 100, "number of classes K (weights: K x (d + 1))"),
      ParamSpec::real("separation", 3.0, 0.0, 100.0,
                      "distance of each class centre from the origin"),
      ParamSpec::real("l2", 1e-3, 0.0, 100.0, "penalty (l2 / 2) ||W||^2, biases included"),
      ParamSpec::integer("seed", 0, 0, 2147483648.0, "seed of the generated data"),
  };
}

// Writes (1/n) R' X~ (K x (d+1), row-major) into out: the weight gradient for logit
// derivatives R (n x K) of the samples X (n x d).
void backProject(const Mat& r, const Mat& features, VecRef out) {
  const Eigen::Index k = r.cols(), d = features.cols();
  const double n = static_cast<double>(features.rows());
  Eigen::Map<RowMajorMat> g(out.data(), k, d + 1);
  g.leftCols(d).noalias() = r.transpose() * features / n;
  g.col(d) = r.colwise().sum().transpose() / n;
}

// Z = X W_features' + 1 b' (n x K) for W stored row-major in w.
Mat logits(const Mat& features, VecCRef w, Eigen::Index classes) {
  const Eigen::Index d = features.cols();
  const Eigen::Map<const RowMajorMat> weights(w.data(), classes, d + 1);
  Mat z = features * weights.leftCols(d).transpose();
  z.rowwise() += weights.col(d).transpose();
  return z;
}

}  // namespace

SoftmaxRegression::SoftmaxRegression(const SoftmaxRegressionOptions& o) : l2_(o.l2) {
  const auto specs = softmaxRegressionParams();
  requireInSpec(specs, "samples", o.samples);
  requireInSpec(specs, "features", o.features);
  requireInSpec(specs, "classes", o.classes);
  requireInSpec(specs, "separation", o.separation);
  requireInSpec(specs, "l2", o.l2);
  requireInSpec(specs, "seed", static_cast<double>(o.seed));
  checkDataSize(o.samples, o.features);
  data_ = gaussianBlobs(o.samples, o.features, o.classes, o.separation, o.seed);
}

Mat SoftmaxRegression::probabilities(const Mat& features, VecCRef x, const std::vector<int>* labels,
                                     double* lossSum) const {
  Mat p = logits(features, x, data_.classes);
  double sum = 0.0;
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    // Shifting by the largest logit keeps exp() in (0, 1]; the loss is
    // logsumexp(z) - z_y = log(sum exp(z - top)) - (z_y - top).
    const double top = p.row(i).maxCoeff();
    const double shiftedLabel = labels ? p(i, (*labels)[static_cast<size_t>(i)]) - top : 0.0;
    p.row(i) = (p.row(i).array() - top).exp().matrix();
    const double total = p.row(i).sum();
    p.row(i) /= total;
    sum += std::log(total) - shiftedLabel;
  }
  if (lossSum) *lossSum = sum;
  return p;
}

double SoftmaxRegression::value(VecCRef x) const {
  double sum = 0.0;
  probabilities(data_.features, x, &data_.labels, &sum);
  return sum / static_cast<double>(data_.size()) + 0.5 * l2_ * x.squaredNorm();
}

double SoftmaxRegression::meanLoss(const Mat& features, const std::vector<int>& labels, VecCRef x,
                                   VecRef g) const {
  double sum = 0.0;
  Mat r = probabilities(features, x, &labels, &sum);  // becomes P - onehot(y)
  for (Eigen::Index i = 0; i < r.rows(); ++i) r(i, labels[static_cast<size_t>(i)]) -= 1.0;
  backProject(r, features, g);
  g += l2_ * x;
  return sum / static_cast<double>(features.rows()) + 0.5 * l2_ * x.squaredNorm();
}

double SoftmaxRegression::valueAndGradient(VecCRef x, VecRef g) const {
  return meanLoss(data_.features, data_.labels, x, g);
}

double SoftmaxRegression::batchValueAndGradient(VecCRef x, std::span<const int> batch,
                                                VecRef g) const {
  checkSampleBatch(batch, data_.size());
  std::vector<int> labels;
  labels.reserve(batch.size());
  for (const int i : batch) labels.push_back(data_.labels[static_cast<size_t>(i)]);
  return meanLoss(data_.features(batch, Eigen::all), labels, x, g);
}

void SoftmaxRegression::hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const {
  const Mat p = probabilities(data_.features, x, nullptr, nullptr);
  const Mat dz = logits(data_.features, v, data_.classes);  // row i: (V x~_i)'
  // Row i: p_i .* dz_i - p_i (p_i' dz_i), the softmax Jacobian applied to dz_i.
  Mat t = p.cwiseProduct(dz);
  const Vec inner = t.rowwise().sum();
  t.array() -= p.array().colwise() * inner.array();
  backProject(t, data_.features, hv);
  hv += l2_ * v;
}

Mat SoftmaxRegression::hessian(VecCRef x) const {
  const Mat& features = data_.features;
  const Eigen::Index k = data_.classes, d = features.cols(), width = d + 1;
  const double n = static_cast<double>(features.rows());
  const Mat p = probabilities(features, x, nullptr, nullptr);
  Mat augmented(features.rows(), width);
  augmented << features, Vec::Ones(features.rows());
  Mat h(k * width, k * width);
  for (Eigen::Index c = 0; c < k; ++c) {
    for (Eigen::Index c2 = c; c2 < k; ++c2) {
      // d^2 loss_i / dz_c dz_c2 = p_c (delta_cc2 - p_c2).
      Vec weight = -p.col(c).cwiseProduct(p.col(c2));
      if (c == c2) weight += p.col(c);
      const Mat block = augmented.transpose() * weight.asDiagonal() * augmented / n;
      h.block(c * width, c2 * width, width, width) = block;
      h.block(c2 * width, c * width, width, width) = block.transpose();
    }
  }
  // Round-off leaves the diagonal blocks a few ulps from symmetric.
  h = 0.5 * (h + h.transpose()).eval();
  h.diagonal().array() += l2_;
  return h;
}

Box SoftmaxRegression::domain() const {
  return {Vec::Constant(dim(), -5.0), Vec::Constant(dim(), 5.0)};
}

RegistryEntry<Objective> softmaxRegressionEntry() {
  return {"softmax_regression", "Softmax regression",
          "mean cross-entropy of softmax(W [x_i; 1]) on K Gaussian blobs + (l2/2) ||W||^2; a "
          "finite sum over the N samples",
          softmaxRegressionParams(), [](const ParamValues& p) -> std::unique_ptr<Objective> {
            SoftmaxRegressionOptions o;
            o.samples = static_cast<int>(p.integer("samples"));
            o.features = static_cast<int>(p.integer("features"));
            o.classes = static_cast<int>(p.integer("classes"));
            o.separation = p.get("separation");
            o.l2 = p.get("l2");
            o.seed = static_cast<uint64_t>(p.integer("seed"));
            return std::make_unique<SoftmaxRegression>(o);
          }};
}

}  // namespace gradscape
