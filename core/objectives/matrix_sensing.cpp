#include "core/objectives/matrix_sensing.h"

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "core/objectives/sample_batch.h"
#include "core/registry/params.h"

namespace gradscape {

namespace {

using RowMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// The measurement matrices are stored densely; this caps them at 80 MB.
constexpr double kMaxSensingEntries = 1e7;

std::vector<ParamSpec> matrixSensingParams() {
  return {ParamSpec::integer("size", 10, 2, 200, "n: the target M* is n x n"),
          ParamSpec::integer("rank", 2, 1, 200, "r: rank of the target M* = U U'"),
          ParamSpec::integer("width", 2, 1, 200, "k >= r: columns of the factor X"),
          ParamSpec::integer("measurements", 0, 0, 100000,
                             "m Gaussian linear measurements of X X'; 0 observes it fully"),
          ParamSpec::positive("init_scale", 0.1, 10.0,
                              "std of the default start's entries (small = incremental learning)"),
          ParamSpec::integer("seed", 0, 0, 2147483648.0, "seed of U and the measurements")};
}

Eigen::Map<const Vec> flat(const Mat& m) {
  return Eigen::Map<const Vec>(m.data(), m.size());
}

}  // namespace

void MatrixSensingOptions::validate() const {
  const auto specs = matrixSensingParams();
  requireInSpec(specs, "size", size);
  requireInSpec(specs, "rank", rank);
  requireOption(rank <= size, "rank",
                "must be <= size (" + std::to_string(size) + "), got " + std::to_string(rank));
  requireInSpec(specs, "width", width);
  requireOption(width >= rank, "width",
                "must be >= rank (" + std::to_string(rank) + "), got " + std::to_string(width));
  requireInSpec(specs, "measurements", measurements);
  const double entries = static_cast<double>(measurements) * size * size;
  requireOption(entries <= kMaxSensingEntries, "measurements",
                "measurements x size^2 must be <= 1e7 (memory of the sensing matrices), got " +
                    formatNumber(entries));
  requireInSpec(specs, "init_scale", initScale);
  requireInSpec(specs, "seed", static_cast<double>(seed));
}

MatrixSensing::MatrixSensing(const MatrixSensingOptions& options)
    : n_(options.size), k_(options.width), m_(options.measurements), initScale_(options.initScale) {
  options.validate();
  std::mt19937_64 rng(options.seed);
  std::normal_distribution<double> normal;
  const double scale = 1.0 / std::sqrt(static_cast<double>(n_));
  factor_.resize(n_, options.rank);
  for (Eigen::Index i = 0; i < factor_.size(); ++i) factor_.data()[i] = scale * normal(rng);
  target_ = factor_ * factor_.transpose();
  sensing_.resize(Eigen::Index{n_} * n_, m_);
  Mat g(n_, n_);
  for (int i = 0; i < m_; ++i) {
    for (Eigen::Index j = 0; j < g.size(); ++j) g.data()[j] = normal(rng);
    Eigen::Map<Mat>(sensing_.col(i).data(), n_, n_) = 0.5 * (g + g.transpose());
  }
  observations_ = sensing_.transpose() * flat(target_);
}

Vec MatrixSensing::residuals(const Mat& xxt) const {
  return sensing_.transpose() * flat(xxt) - observations_;
}

double MatrixSensing::value(VecCRef x) const {
  const Eigen::Map<const RowMat> X(x.data(), n_, k_);
  const Mat xxt = X * X.transpose();
  if (m_ == 0) return 0.25 * (xxt - target_).squaredNorm();
  return 0.25 * residuals(xxt).squaredNorm() / m_;
}

double MatrixSensing::valueAndGradient(VecCRef x, VecRef g) const {
  const Eigen::Map<const RowMat> X(x.data(), n_, k_);
  Eigen::Map<RowMat> G(g.data(), n_, k_);
  const Mat xxt = X * X.transpose();
  if (m_ == 0) {
    const Mat e = xxt - target_;
    G.noalias() = e * X;
    return 0.25 * e.squaredNorm();
  }
  const Vec r = residuals(xxt);
  // (1/m) sum r_i A_i, an n x n symmetric matrix.
  const Vec w = sensing_ * r / static_cast<double>(m_);
  G.noalias() = Eigen::Map<const Mat>(w.data(), n_, n_) * X;
  return 0.25 * r.squaredNorm() / m_;
}

double MatrixSensing::batchValueAndGradient(VecCRef x, std::span<const int> batch, VecRef g) const {
  if (m_ == 0) return Objective::batchValueAndGradient(x, batch, g);
  checkSampleBatch(batch, m_);
  const Eigen::Map<const RowMat> X(x.data(), n_, k_);
  const Mat xxt = X * X.transpose();
  Vec w = Vec::Zero(Eigen::Index{n_} * n_);
  double sum = 0.0;
  for (const int i : batch) {
    const double r = sensing_.col(i).dot(flat(xxt)) - observations_[i];
    sum += r * r;
    w += r * sensing_.col(i);
  }
  const double count = static_cast<double>(batch.size());
  Eigen::Map<RowMat>(g.data(), n_, k_).noalias() =
      Eigen::Map<const Mat>(w.data(), n_, n_) * X / count;
  return 0.25 * sum / count;
}

void MatrixSensing::hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const {
  const Eigen::Map<const RowMat> X(x.data(), n_, k_);
  const Eigen::Map<const RowMat> V(v.data(), n_, k_);
  Eigen::Map<RowMat> H(hv.data(), n_, k_);
  const Mat xxt = X * X.transpose();
  if (m_ == 0) {
    // (X V' + V X') X = X (V'X) + V (X'X): k x k products instead of n x n ones.
    const Mat vtx = V.transpose() * X, xtx = X.transpose() * X;
    H.noalias() = X * vtx;
    H.noalias() += V * xtx;
    H.noalias() += (xxt - target_) * V;
    return;
  }
  const Mat xvt = X * V.transpose();
  const Mat dxxt = xvt + xvt.transpose();  // d/dt (X + t V)(X + t V)' at t = 0
  const Vec r = residuals(xxt);
  const Vec dr = sensing_.transpose() * flat(dxxt);
  const Vec w = sensing_ * r / static_cast<double>(m_);
  const Vec dw = sensing_ * dr / static_cast<double>(m_);
  H.noalias() = Eigen::Map<const Mat>(dw.data(), n_, n_) * X;
  H.noalias() += Eigen::Map<const Mat>(w.data(), n_, n_) * V;
}

Box MatrixSensing::domain() const {
  return {Vec::Constant(dim(), -2.0), Vec::Constant(dim(), 2.0)};
}

std::vector<Vec> MatrixSensing::minimizers() const {
  Vec x = Vec::Zero(dim());
  Eigen::Map<RowMat>(x.data(), n_, k_).leftCols(factor_.cols()) = factor_;
  return {x};
}

Vec MatrixSensing::defaultStart(uint64_t seed) const {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, initScale_);
  Vec x(dim());
  for (Eigen::Index i = 0; i < x.size(); ++i) x[i] = normal(rng);
  return x;
}

Mat MatrixSensing::sensingMatrix(int i) const {
  if (i < 0 || i >= m_) {
    throw std::out_of_range("sensingMatrix: index " + std::to_string(i) + " out of range");
  }
  return Eigen::Map<const Mat>(sensing_.col(i).data(), n_, n_);
}

RegistryEntry<Objective> matrixSensingEntry() {
  return {"matrix_sensing", "Matrix sensing / factorization",
          "1/4 |X X' - M*|_F^2 (or its m Gaussian measurements) for rank-r M* = U U', X n x k",
          matrixSensingParams(), [](const ParamValues& p) -> std::unique_ptr<Objective> {
            MatrixSensingOptions o;
            o.size = static_cast<int>(p.integer("size"));
            o.rank = static_cast<int>(p.integer("rank"));
            o.width = static_cast<int>(p.integer("width"));
            o.measurements = static_cast<int>(p.integer("measurements"));
            o.initScale = p.get("init_scale");
            o.seed = static_cast<uint64_t>(p.integer("seed"));
            return std::make_unique<MatrixSensing>(o);
          }};
}

}  // namespace gradscape
