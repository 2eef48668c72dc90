#include "core/curvature/slq.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>

#include "core/curvature/analysis_progress.h"
#include "core/curvature/rademacher.h"

namespace gradscape {

namespace {

// beta_j below this fraction of the largest |alpha|, beta seen so far means A maps the Krylov
// space into itself: the quadrature is already exact, and the next vector would be noise.
constexpr double kBreakdown = 1e-12;

void validate(const SlqOptions& o) {
  if (o.steps < 1) {
    throw std::invalid_argument("steps: must be at least 1, got " + std::to_string(o.steps));
  }
  if (o.probes < 1) {
    throw std::invalid_argument("probes: must be at least 1, got " + std::to_string(o.probes));
  }
}

void checkSizes(const QuadratureNodes& q) {
  if (q.nodes.size() != q.weights.size()) {
    throw std::invalid_argument("weights: must match the nodes one to one, got " +
                                std::to_string(q.weights.size()) + " for " +
                                std::to_string(q.nodes.size()) + " nodes");
  }
}

}  // namespace

QuadratureNodes stochasticLanczosQuadrature(const SymmetricOperator& op, const SlqOptions& options,
                                            const AnalysisControl& control) {
  validate(options);
  const int n = op.size();
  if (n < 1) throw std::invalid_argument("n: the operator must have at least one row, got 0");
  detail::AnalysisProgress progress(control);
  progress.throwIfCancelled();
  progress.report(0.0);

  const int steps = std::min(options.steps, n);
  std::mt19937_64 rng(options.seed);
  QuadratureNodes q;
  q.nodes.reserve(static_cast<size_t>(steps) * options.probes);
  q.weights.reserve(q.nodes.capacity());

  Mat basis(n, steps);
  Vec w(n), alpha(steps), beta(steps);
  const double total = static_cast<double>(steps) * options.probes;
  for (int probe = 0; probe < options.probes; ++probe) {
    detail::fillRademacher(rng, basis.col(0));
    basis.col(0) /= std::sqrt(static_cast<double>(n));
    double scale = 0.0;
    int m = 0;  // Lanczos steps taken for this probe
    while (true) {
      progress.apply(op, basis.col(m), w);
      alpha[m] = basis.col(m).dot(w);
      w -= alpha[m] * basis.col(m);
      if (m > 0) w -= beta[m - 1] * basis.col(m - 1);
      // Full re-orthogonalisation against the stored basis keeps spurious copies of
      // converged Ritz values (ghosts) out of the quadrature. Classical Gram-Schmidt, repeated
      // when a pass removed most of w ("twice is enough": Kahan's criterion, as in Giraud,
      // Langou & Rozloznik 2005), which is rare right after the three-term recurrence.
      const auto v = basis.leftCols(m + 1);
      for (int pass = 0; pass < 2; ++pass) {
        const double before = w.norm();
        w.noalias() -= v * (v.transpose() * w);
        if (w.norm() > std::numbers::sqrt2 / 2 * before) break;
      }
      ++m;
      progress.report((probe * steps + m) / total);
      scale = std::max({scale, std::abs(alpha[m - 1]), m > 1 ? beta[m - 2] : 0.0});
      if (m == steps) break;
      beta[m - 1] = w.norm();
      if (beta[m - 1] <= kBreakdown * scale) break;
      basis.col(m) = w / beta[m - 1];
    }

    // T = Y diag(theta) Y'; node theta_k gets weight Y_1k^2 (the squared first component).
    Eigen::SelfAdjointEigenSolver<Mat> es;
    es.computeFromTridiagonal(alpha.head(m), beta.head(std::max(m - 1, 0)),
                              Eigen::ComputeEigenvectors);
    for (int k = 0; k < m; ++k) {
      const double y1 = es.eigenvectors()(0, k);
      q.nodes.push_back(es.eigenvalues()[k]);
      q.weights.push_back(y1 * y1 / options.probes);
    }
  }
  progress.report(1.0);
  return q;
}

Vec spectralDensity(const QuadratureNodes& q, VecCRef grid, double sigma) {
  checkSizes(q);
  if (!(sigma > 0.0)) {
    throw std::invalid_argument("sigma: must be positive, got " + std::to_string(sigma));
  }
  const double norm = 1.0 / (sigma * std::sqrt(2.0 * std::numbers::pi));
  Vec density = Vec::Zero(grid.size());
  for (size_t i = 0; i < q.nodes.size(); ++i) {
    const double node = q.nodes[i];
    const double w = q.weights[i] * norm;
    density += (w * (-0.5 * ((grid.array() - node) / sigma).square()).exp()).matrix();
  }
  return density;
}

double quadratureMoment(const QuadratureNodes& q, int power) {
  if (power < 0) {
    throw std::invalid_argument("power: must be non-negative, got " + std::to_string(power));
  }
  checkSizes(q);
  double moment = 0.0;
  for (size_t i = 0; i < q.nodes.size(); ++i) {
    moment += q.weights[i] * std::pow(q.nodes[i], power);
  }
  return moment;
}

}  // namespace gradscape
