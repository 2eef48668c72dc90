#include "core/analysis/slice_plane.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <random>
#include <stdexcept>

#include "core/curvature/dense_spectrum.h"
#include "core/curvature/lanczos.h"
#include "core/curvature/symmetric_operator.h"

namespace gradscape {

PlaneProjector::PlaneProjector(const SlicePlane& plane)
    : origin_(plane.origin), u_(plane.u), v_(plane.v) {
  const double g11 = u_.squaredNorm(), g12 = u_.dot(v_), g22 = v_.squaredNorm();
  const double det = g11 * g22 - g12 * g12;
  if (!(det > 1e-14 * g11 * g22)) {
    throw std::invalid_argument("slice: the two directions are (nearly) parallel");
  }
  i11_ = g22 / det;
  i12_ = -g12 / det;
  i22_ = g11 / det;
}

std::array<double, 2> PlaneProjector::operator()(VecCRef x) const {
  double pu = 0.0, pv = 0.0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double d = x[i] - origin_[i];
    pu += u_[i] * d;
    pv += v_[i] * d;
  }
  return {i11_ * pu + i12_ * pv, i12_ * pu + i22_ * pv};
}

SlicePlane hessianEigenvectorPlane(const Objective& objective, VecCRef at,
                                   const AnalysisControl& control) {
  const int n = objective.dim();
  SlicePlane plane{at, Vec(), Vec(), "top-2 Hessian eigenvectors"};
  if (n <= 200) {  // dense is cheaper than Lanczos's restarts here
    const Eigenpairs e = denseHessianEigenpairs(objective, at, true, control);
    plane.u = e.vectors.col(n - 1);
    plane.v = e.vectors.col(n - 2);
    return plane;
  }
  // A slice needs two directions of high curvature, not eigenvectors to 10 digits: with the
  // near-degenerate top eigenvalues of large problems an exact solve can take thousands of
  // products. A loose tolerance and a few restarts bound the cost.
  LanczosOptions o;
  o.count = 2;
  o.withVectors = true;
  o.tolerance = 1e-4;
  o.maxIterations = 30;
  const LanczosResult r = lanczosExtremes(HessianOperator(objective, at), o, control);
  plane.u = r.vectors.col(0);
  plane.v = r.vectors.col(1);
  return plane;
}

SlicePlane trajectoryPcaPlane(const std::vector<Vec>& points, VecCRef origin) {
  const auto m = static_cast<Eigen::Index>(points.size());
  if (m < 3)
    throw std::invalid_argument("slice: PCA needs at least 3 iterates, got " + std::to_string(m));
  const Eigen::Index n = origin.size();
  Mat centred(n, m);
  for (Eigen::Index j = 0; j < m; ++j) centred.col(j) = points[static_cast<size_t>(j)];
  const Vec mean = centred.rowwise().mean();
  centred.colwise() -= mean;
  // Principal directions from the small m x m Gram matrix: if G w = s w then X w is a
  // principal direction with variance s (no n x n covariance is formed).
  Eigen::SelfAdjointEigenSolver<Mat> eig(centred.transpose() * centred);
  const Vec& s = eig.eigenvalues();
  if (!(s[m - 2] > 1e-12 * std::max(1.0, s[m - 1]))) {
    throw std::invalid_argument("slice: the iterates lie on a line; PCA needs two directions");
  }
  SlicePlane plane{origin, (centred * eig.eigenvectors().col(m - 1)).normalized(),
                   (centred * eig.eigenvectors().col(m - 2)).normalized(),
                   "first two principal components of the trajectory"};
  return plane;
}

SlicePlane randomPlane(VecCRef origin, uint64_t seed,
                       const std::vector<Objective::ParameterRange>& filters) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  const Eigen::Index n = origin.size();
  auto direction = [&] {
    Vec d(n);
    for (Eigen::Index i = 0; i < n; ++i) d[i] = normal(rng);
    if (filters.empty()) {
      d *= (origin.norm() > 0.0 ? origin.norm() : 1.0) / d.norm();
      return d;
    }
    Vec scaled = Vec::Zero(n);
    for (const auto& f : filters) {
      const auto part = d.segment(f.offset, f.size);
      scaled.segment(f.offset, f.size) =
          part * (origin.segment(f.offset, f.size).norm() / part.norm());
    }
    if (scaled.norm() == 0.0) return Vec(d / d.norm());
    return scaled;
  };
  SlicePlane plane{origin, direction(), direction(), "random directions, filter-normalised"};
  return plane;
}

Box sliceBox(const PlaneProjector& projector, const std::vector<Vec>& points, double minHalfWidth) {
  double half = minHalfWidth;
  for (const Vec& p : points) {
    const auto ab = projector(p);
    half = std::max({half, 1.25 * std::abs(ab[0]), 1.25 * std::abs(ab[1])});
  }
  Box box{Vec::Constant(2, -half), Vec::Constant(2, half)};
  return box;
}

}  // namespace gradscape
