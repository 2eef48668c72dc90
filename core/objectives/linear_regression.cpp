#include "core/objectives/linear_regression.h"

#include <Eigen/Cholesky>
#include <random>

#include "core/objectives/sample_batch.h"

namespace gradscape {

namespace {

std::vector<ParamSpec> linearRegressionParams() {
  return {
      ParamSpec::integer("samples", 200, 1, 100000, "number of samples N"),
      ParamSpec::integer("features", 10, 1, 10000, "number of features d (the dimension of w)"),
      ParamSpec::real("noise", 0.1, 0.0, 100.0, "standard deviation of the noise on y = X w*"),
      ParamSpec::real("l2", 0.0, 0.0, 100.0, "ridge penalty (l2 / 2) ||w||^2"),
      ParamSpec::integer("seed", 0, 0, 2147483648.0, "seed of the generated data"),
  };
}

}  // namespace

LinearRegression::LinearRegression(const LinearRegressionOptions& o) : l2_(o.l2) {
  const auto specs = linearRegressionParams();
  requireInSpec(specs, "samples", o.samples);
  requireInSpec(specs, "features", o.features);
  requireInSpec(specs, "noise", o.noise);
  requireInSpec(specs, "l2", o.l2);
  requireInSpec(specs, "seed", static_cast<double>(o.seed));
  checkDataSize(o.samples, o.features);

  const int n = o.samples, d = o.features;
  std::mt19937_64 rng(o.seed);
  std::normal_distribution<double> normal;
  trueWeights_.resize(d);
  for (int j = 0; j < d; ++j) trueWeights_[j] = normal(rng);
  x_.resize(n, d);
  y_.resize(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) x_(i, j) = normal(rng);
    y_[i] = x_.row(i).dot(trueWeights_) + o.noise * normal(rng);
  }

  if (d > kMaxDenseHessianDim) return;
  hessian_ = Mat::Zero(d, d);
  hessian_.selfadjointView<Eigen::Lower>().rankUpdate(x_.transpose(), 1.0 / n);
  hessian_ = hessian_.selfadjointView<Eigen::Lower>();
  hessian_.diagonal().array() += l2_;
  const Eigen::LLT<Mat> llt(hessian_);
  // A PSD Gram matrix of a rank-deficient X can pass the factorisation with tiny pivots.
  if (llt.info() == Eigen::Success && llt.rcond() > 1e-12) {
    minimizer_ = llt.solve(x_.transpose() * y_ / n);
    minimumValue_ = value(*minimizer_);
  }
}

double LinearRegression::value(VecCRef w) const {
  return 0.5 * (x_ * w - y_).squaredNorm() / static_cast<double>(x_.rows()) +
         0.5 * l2_ * w.squaredNorm();
}

double LinearRegression::meanLoss(const Mat& x, const Vec& y, VecCRef w, VecRef g) const {
  const double m = static_cast<double>(x.rows());
  const Vec r = x * w - y;
  g.noalias() = x.transpose() * r / m;
  g += l2_ * w;
  return 0.5 * r.squaredNorm() / m + 0.5 * l2_ * w.squaredNorm();
}

double LinearRegression::valueAndGradient(VecCRef w, VecRef g) const {
  return meanLoss(x_, y_, w, g);
}

double LinearRegression::batchValueAndGradient(VecCRef w, std::span<const int> batch,
                                               VecRef g) const {
  checkSampleBatch(batch, x_.rows());
  return meanLoss(x_(batch, Eigen::all), y_(batch), w, g);
}

Mat LinearRegression::hessian(VecCRef /*w*/) const {
  if (hessian_.size() > 0) return hessian_;
  Mat h = x_.transpose() * x_ / static_cast<double>(x_.rows());
  h.diagonal().array() += l2_;
  return h;
}

void LinearRegression::hessianVectorProduct(VecCRef /*w*/, VecCRef v, VecRef hv) const {
  const Vec xv = x_ * v;
  hv.noalias() = x_.transpose() * xv / static_cast<double>(x_.rows());
  hv += l2_ * v;
}

Box LinearRegression::domain() const {
  return {Vec::Constant(dim(), -3.0), Vec::Constant(dim(), 3.0)};
}

std::vector<Vec> LinearRegression::minimizers() const {
  if (!minimizer_) return {};
  return {*minimizer_};
}

RegistryEntry<Objective> linearRegressionEntry() {
  return {"linear_regression", "Least-squares regression",
          "(1/2N) ||X w - y||^2 + (l2/2) ||w||^2 on Gaussian data y = X w* + noise; a finite sum "
          "over the N samples",
          linearRegressionParams(), [](const ParamValues& p) -> std::unique_ptr<Objective> {
            LinearRegressionOptions o;
            o.samples = static_cast<int>(p.integer("samples"));
            o.features = static_cast<int>(p.integer("features"));
            o.noise = p.get("noise");
            o.l2 = p.get("l2");
            o.seed = static_cast<uint64_t>(p.integer("seed"));
            return std::make_unique<LinearRegression>(o);
          }};
}

}  // namespace gradscape
