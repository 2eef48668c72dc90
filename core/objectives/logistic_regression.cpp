#include "core/objectives/logistic_regression.h"

#include <algorithm>
#include <cmath>

#include "core/data/gaussian_blobs.h"
#include "core/objectives/sample_batch.h"

namespace gradscape {

namespace {

std::vector<ParamSpec> logisticRegressionParams() {
  return {
      ParamSpec::integer("samples", 200, 1, 100000, "number of samples N"),
      ParamSpec::integer("features", 2, 1, 10000,
                         "number of features d (weights: d + 1 with bias)"),
      ParamSpec::real("separation", 3.0, 0.0, 100.0,
                      "distance of each class centre from the origin"),
      ParamSpec::real("l2", 1e-3, 0.0, 100.0, "penalty (l2 / 2) ||w||^2, bias included"),
      ParamSpec::integer("seed", 0, 0, 2147483648.0, "seed of the generated data"),
  };
}

// log(1 + e^t) = max(t, 0) + log1p(e^-|t|): no overflow, full precision in both tails.
double softplus(double t) {
  return std::max(t, 0.0) + std::log1p(std::exp(-std::abs(t)));
}

// 1 / (1 + e^-t) without overflow of e^-t.
double sigmoid(double t) {
  if (t >= 0.0) return 1.0 / (1.0 + std::exp(-t));
  const double e = std::exp(t);
  return e / (1.0 + e);
}

// sigma(t) (1 - sigma(t)) = e / (1 + e)^2 with e = e^-|t| (even in t).
double sigmoidSlope(double t) {
  const double e = std::exp(-std::abs(t));
  return e / ((1.0 + e) * (1.0 + e));
}

}  // namespace

LogisticRegression::LogisticRegression(const LogisticRegressionOptions& o) : l2_(o.l2) {
  const auto specs = logisticRegressionParams();
  requireInSpec(specs, "samples", o.samples);
  requireInSpec(specs, "features", o.features);
  requireInSpec(specs, "separation", o.separation);
  requireInSpec(specs, "l2", o.l2);
  requireInSpec(specs, "seed", static_cast<double>(o.seed));
  checkDataSize(o.samples, o.features);
  data_ = gaussianBlobs(o.samples, o.features, 2, o.separation, o.seed);
  signs_.resize(o.samples);
  for (int i = 0; i < o.samples; ++i)
    signs_[i] = data_.labels[static_cast<size_t>(i)] == 1 ? 1 : -1;
}

Vec LogisticRegression::margins(const Mat& x, const Vec& s, VecCRef w) const {
  const Eigen::Index d = x.cols();
  return s.cwiseProduct(((x * w.head(d)).array() + w[d]).matrix());
}

double LogisticRegression::value(VecCRef w) const {
  const Vec m = margins(data_.features, signs_, w);
  double sum = 0.0;
  for (Eigen::Index i = 0; i < m.size(); ++i) sum += softplus(-m[i]);
  return sum / static_cast<double>(m.size()) + 0.5 * l2_ * w.squaredNorm();
}

double LogisticRegression::meanLoss(const Mat& x, const Vec& s, VecCRef w, VecRef g) const {
  const Eigen::Index d = x.cols();
  const double n = static_cast<double>(x.rows());
  const Vec m = margins(x, s, w);
  double sum = 0.0;
  Vec r(m.size());  // d loss_i / d z_i = -s_i sigma(-s_i z_i)
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    sum += softplus(-m[i]);
    r[i] = -s[i] * sigmoid(-m[i]);
  }
  g.head(d).noalias() = x.transpose() * r / n;
  g[d] = r.sum() / n;
  g += l2_ * w;
  return sum / n + 0.5 * l2_ * w.squaredNorm();
}

double LogisticRegression::valueAndGradient(VecCRef w, VecRef g) const {
  return meanLoss(data_.features, signs_, w, g);
}

double LogisticRegression::batchValueAndGradient(VecCRef w, std::span<const int> batch,
                                                 VecRef g) const {
  checkSampleBatch(batch, data_.size());
  return meanLoss(data_.features(batch, Eigen::all), signs_(batch), w, g);
}

void LogisticRegression::hessianVectorProduct(VecCRef w, VecCRef v, VecRef hv) const {
  const Mat& x = data_.features;
  const Eigen::Index d = x.cols();
  const double n = static_cast<double>(x.rows());
  const Vec m = margins(x, signs_, w);
  Vec t = ((x * v.head(d)).array() + v[d]).matrix();  // X~ v
  for (Eigen::Index i = 0; i < t.size(); ++i) t[i] *= sigmoidSlope(m[i]);
  hv.head(d).noalias() = x.transpose() * t / n;
  hv[d] = t.sum() / n;
  hv += l2_ * v;
}

Mat LogisticRegression::hessian(VecCRef w) const {
  const Mat& x = data_.features;
  const Eigen::Index d = x.cols();
  const Vec m = margins(x, signs_, w);
  // X~' D X~ = (D^1/2 X~)' (D^1/2 X~), accumulated symmetrically.
  Mat scaled(x.rows(), d + 1);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double root = std::sqrt(sigmoidSlope(m[i]));
    scaled.row(i).head(d) = root * x.row(i);
    scaled(i, d) = root;
  }
  Mat h = Mat::Zero(d + 1, d + 1);
  h.selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose(),
                                               1.0 / static_cast<double>(x.rows()));
  h = h.selfadjointView<Eigen::Lower>();
  h.diagonal().array() += l2_;
  return h;
}

Box LogisticRegression::domain() const {
  return {Vec::Constant(dim(), -5.0), Vec::Constant(dim(), 5.0)};
}

RegistryEntry<Objective> logisticRegressionEntry() {
  return {"logistic_regression", "Logistic regression",
          "(1/N) sum log(1 + exp(-s_i w' [x_i; 1])) + (l2/2) ||w||^2 on two Gaussian blobs; a "
          "finite sum over the N samples",
          logisticRegressionParams(), [](const ParamValues& p) -> std::unique_ptr<Objective> {
            LogisticRegressionOptions o;
            o.samples = static_cast<int>(p.integer("samples"));
            o.features = static_cast<int>(p.integer("features"));
            o.separation = p.get("separation");
            o.l2 = p.get("l2");
            o.seed = static_cast<uint64_t>(p.integer("seed"));
            return std::make_unique<LogisticRegression>(o);
          }};
}

}  // namespace gradscape
