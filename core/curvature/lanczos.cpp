#include "core/curvature/lanczos.h"

#include <Spectra/SymEigsSolver.h>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <exception>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/curvature/analysis_progress.h"
#include "core/curvature/operator_matrix.h"

namespace gradscape {

namespace {

// Up to this size an operator is assembled from n products and decomposed exactly: an
// iterative solve seldom needs fewer products, and Spectra needs count < n anyway.
constexpr int kDenseOperatorLimit = 64;

// Thrown through Spectra when the wrapped operator throws; the original exception is kept
// aside and rethrown once Spectra has unwound, so it cannot be mistaken for Spectra's own.
struct OperatorFailed {};

// Spectra's matrix-operation concept (Spectra 1.0: Scalar, rows(), cols(), perform_op).
class SpectraAdapter {
 public:
  using Scalar = double;

  SpectraAdapter(const SymmetricOperator& op, detail::AnalysisProgress& progress, int subspace)
      : op_(op), progress_(progress), typicalProducts_(4.0 * subspace) {}

  Eigen::Index rows() const { return op_.size(); }
  Eigen::Index cols() const { return op_.size(); }

  void perform_op(const double* in, double* out) const {
    const Eigen::Map<const Vec> x(in, op_.size());
    Eigen::Map<Vec> y(out, op_.size());
    try {
      progress_.apply(op_, x, y);
    } catch (...) {
      failure_ = std::current_exception();
      throw OperatorFailed{};
    }
    ++products_;
    // Restarted Lanczos has no known length: a saturating estimate, about 1/2 after the
    // typical 4 m products; 1 is reported when the solve returns.
    const double p = static_cast<double>(products_);
    progress_.report(p / (p + typicalProducts_));
  }

  int64_t products() const { return products_; }
  std::exception_ptr failure() const { return failure_; }

 private:
  const SymmetricOperator& op_;
  detail::AnalysisProgress& progress_;
  double typicalProducts_;
  mutable int64_t products_ = 0;
  mutable std::exception_ptr failure_;
};

// Gives access to the final Krylov factorisation A V = V H + f e', whose Ritz pairs are the
// best estimates when not all wanted pairs converged.
class Solver : public Spectra::SymEigsSolver<SpectraAdapter> {
 public:
  using Spectra::SymEigsSolver<SpectraAdapter>::SymEigsSolver;

  // Ritz pairs of H picked by `take` (indices into H's ascending eigenvalues).
  template <typename Take>
  void ritzPairs(int count, Take take, bool withVectors, LanczosResult& result) const {
    const Mat& h = this->m_fac.matrix_H();
    const Eigen::SelfAdjointEigenSolver<Mat> es(h, Eigen::ComputeEigenvectors);
    const int m = static_cast<int>(h.rows());
    result.values.resize(count);
    Mat y(m, count);
    for (int i = 0; i < count; ++i) {
      const int k = take(i, m);
      result.values[i] = es.eigenvalues()[k];
      y.col(i) = es.eigenvectors().col(k);
    }
    if (withVectors) result.vectors = this->m_fac.matrix_V() * y;
  }
};

void validate(const LanczosOptions& o, int n) {
  const auto fail = [](const std::string& field, const std::string& what, const auto& got) {
    std::ostringstream message;
    message << field << ": " << what << ", got " << got;
    throw std::invalid_argument(message.str());
  };
  if (n < 1) fail("n", "the operator must have at least one row", n);
  if (o.count < 1) fail("count", "must be at least 1", o.count);
  if (o.count > n) fail("count", "must not exceed the operator size " + std::to_string(n), o.count);
  if (o.subspace != 0 && o.subspace <= o.count) {
    fail("subspace", "must be 0 (automatic) or exceed count " + std::to_string(o.count),
         o.subspace);
  }
  if (o.maxIterations < 1) fail("maxIterations", "must be at least 1", o.maxIterations);
  if (!(o.tolerance > 0.0)) fail("tolerance", "must be positive", o.tolerance);
}

// Index into ascending eigenvalues for the i-th value counted from `end` inward.
int fromEnd(SpectrumEnd end, int i, int m) {
  return end == SpectrumEnd::Largest ? m - 1 - i : i;
}

LanczosResult denseExtremes(const SymmetricOperator& op, const LanczosOptions& o,
                            detail::AnalysisProgress& progress) {
  const int n = op.size();
  const Mat a = detail::operatorMatrix(op, progress, 0.95);
  const Eigen::SelfAdjointEigenSolver<Mat> es(
      a, o.withVectors ? Eigen::ComputeEigenvectors : Eigen::EigenvaluesOnly);
  LanczosResult result;
  result.products = n;
  result.converged = es.info() == Eigen::Success;
  result.values.resize(o.count);
  if (o.withVectors) result.vectors.resize(n, o.count);
  for (int i = 0; i < o.count; ++i) {
    const int k = fromEnd(o.end, i, n);
    result.values[i] = es.eigenvalues()[k];
    if (o.withVectors) result.vectors.col(i) = es.eigenvectors().col(k);
  }
  return result;
}

// One Spectra solve with `nev` pairs; Spectra's own exceptions become converged = false.
LanczosResult spectraSolve(const SymmetricOperator& op, int nev, int ncv, Spectra::SortRule select,
                           Spectra::SortRule sort, int maxIterations, double tolerance,
                           bool withVectors, detail::AnalysisProgress& progress,
                           const auto& takeFromH) {
  SpectraAdapter adapter(op, progress, ncv);
  LanczosResult result;
  try {
    Solver solver(adapter, nev, ncv);
    solver.init();
    solver.compute(select, maxIterations, tolerance, sort);
    if (solver.info() == Spectra::CompInfo::Successful) {
      result.converged = true;
      result.values = solver.eigenvalues();
      if (withVectors) result.vectors = solver.eigenvectors();
    } else {
      solver.ritzPairs(nev, takeFromH, withVectors, result);
    }
  } catch (const OperatorFailed&) {
    std::rethrow_exception(adapter.failure());
  } catch (const std::exception&) {
    result.converged = false;
    result.values = Vec::Constant(nev, std::numeric_limits<double>::quiet_NaN());
    result.vectors.resize(0, 0);
  }
  result.products = adapter.products();
  return result;
}

}  // namespace

LanczosResult lanczosExtremes(const SymmetricOperator& op, const LanczosOptions& options,
                              const AnalysisControl& control) {
  const int n = op.size();
  validate(options, n);
  detail::AnalysisProgress progress(control);
  progress.throwIfCancelled();
  progress.report(0.0);

  LanczosResult result;
  if (n <= kDenseOperatorLimit || options.count >= n - 1) {
    result = denseExtremes(op, options, progress);
  } else {
    const int ncv = options.subspace == 0 ? std::min(n, std::max(2 * options.count + 1, 20))
                                          : std::min(n, options.subspace);
    const bool largest = options.end == SpectrumEnd::Largest;
    const auto rule = largest ? Spectra::SortRule::LargestAlge : Spectra::SortRule::SmallestAlge;
    result = spectraSolve(op, options.count, ncv, rule, rule, options.maxIterations,
                          options.tolerance, options.withVectors, progress,
                          [end = options.end](int i, int m) { return fromEnd(end, i, m); });
  }
  progress.report(1.0);
  return result;
}

ExtremeEigenvalues extremeEigenvalues(const SymmetricOperator& op, const AnalysisControl& control) {
  const int n = op.size();
  if (n < 1) throw std::invalid_argument("n: the operator must have at least one row, got 0");
  detail::AnalysisProgress progress(control);
  progress.throwIfCancelled();
  progress.report(0.0);

  ExtremeEigenvalues e;
  if (n <= kDenseOperatorLimit) {
    const Mat a = detail::operatorMatrix(op, progress, 0.95);
    const Eigen::SelfAdjointEigenSolver<Mat> es(a, Eigen::EigenvaluesOnly);
    e = {es.eigenvalues()[n - 1], es.eigenvalues()[0], n};
  } else {
    // BothEnds with two pairs: one from each end, sorted largest first.
    const LanczosResult r = spectraSolve(op, 2, std::min(n, 20), Spectra::SortRule::BothEnds,
                                         Spectra::SortRule::LargestAlge, 1000, 1e-8, false,
                                         progress, [](int i, int m) { return i == 0 ? m - 1 : 0; });
    e = {r.values[0], r.values[1], r.products};
  }
  progress.report(1.0);
  return e;
}

}  // namespace gradscape
