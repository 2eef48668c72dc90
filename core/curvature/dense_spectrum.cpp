#include "core/curvature/dense_spectrum.h"

#include <Eigen/Eigenvalues>
#include <stdexcept>
#include <string>

#include "core/curvature/analysis_progress.h"
#include "core/curvature/operator_matrix.h"

namespace gradscape {

Eigenpairs denseEigenpairs(const Mat& symmetric, bool withVectors) {
  if (symmetric.rows() != symmetric.cols()) {
    throw std::invalid_argument("matrix: must be square, got " + std::to_string(symmetric.rows()) +
                                "x" + std::to_string(symmetric.cols()));
  }
  Eigenpairs result;
  if (symmetric.rows() == 0) return result;
  const Eigen::SelfAdjointEigenSolver<Mat> solver(
      symmetric, withVectors ? Eigen::ComputeEigenvectors : Eigen::EigenvaluesOnly);
  if (solver.info() != Eigen::Success) {
    throw std::invalid_argument("matrix: eigen-decomposition failed (non-finite entries?)");
  }
  result.values = solver.eigenvalues();
  if (withVectors) result.vectors = solver.eigenvectors();
  return result;
}

Eigenpairs denseHessianEigenpairs(const Objective& f, VecCRef x, bool withVectors,
                                  const AnalysisControl& control) {
  if (f.dim() > kMaxDenseHessianDim) {
    throw std::invalid_argument("dim: dense Hessian spectra are limited to " +
                                std::to_string(kMaxDenseHessianDim) + " dimensions, got " +
                                std::to_string(f.dim()));
  }
  if (x.size() != f.dim()) {
    throw std::invalid_argument("x: must have the objective's dimension " +
                                std::to_string(f.dim()) + ", got " + std::to_string(x.size()));
  }
  detail::AnalysisProgress progress(control);
  progress.throwIfCancelled();
  progress.report(0.0);
  const Mat h = f.hessian(x);
  progress.throwIfCancelled();
  progress.report(0.5);
  Eigenpairs result = denseEigenpairs(h, withVectors);
  progress.report(1.0);
  return result;
}

namespace detail {

Mat operatorMatrix(const SymmetricOperator& op, AnalysisProgress& progress, double progressShare) {
  const int n = op.size();
  Mat a(n, n);
  Vec e = Vec::Zero(n);
  for (int j = 0; j < n; ++j) {
    e[j] = 1.0;
    progress.apply(op, e, a.col(j));
    e[j] = 0.0;
    progress.report(progressShare * (j + 1) / n);
  }
  return 0.5 * (a + a.transpose());
}

}  // namespace detail

}  // namespace gradscape
