#include "core/run/curvature_tracker.h"

#include <cmath>
#include <limits>

#include "core/curvature/dense_spectrum.h"
#include "core/curvature/hutchinson.h"
#include "core/curvature/lanczos.h"
#include "core/curvature/symmetric_operator.h"

namespace gradscape {

namespace {

void throwIfCancelled(const AnalysisControl& control) {
  if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
    throw AnalysisCancelled();
  }
}

// The Hessian of a problem's loss at (x, t) through its Hessian-vector products.
class ProblemHessian final : public SymmetricOperator {
 public:
  ProblemHessian(const Problem& problem, VecCRef x, int64_t t) : problem_(problem), x_(x), t_(t) {}
  int size() const override { return problem_.dim(); }
  void apply(VecCRef v, VecRef out) const override {
    problem_.hessianVectorProduct(x_, t_, v, out);
  }

 private:
  const Problem& problem_;
  Vec x_;
  int64_t t_;
};

}  // namespace

std::optional<CurvatureSample> measureCurvature(const Problem& problem, VecCRef x,
                                                int64_t iteration,
                                                const CurvatureTracking& tracking, uint64_t seed,
                                                const AnalysisControl& control) {
  CurvatureSample s{iteration, 0.0, 0.0, std::numeric_limits<double>::quiet_NaN()};
  if (problem.dim() <= kDenseTrackingDim) {
    throwIfCancelled(control);
    const Mat h = problem.hessian(x, iteration);
    throwIfCancelled(control);
    if (!h.allFinite()) return std::nullopt;
    const Eigenpairs e = denseEigenpairs(h, false);
    s.top = e.values[e.values.size() - 1];
    s.bottom = e.values[0];
    if (tracking.trace) s.trace = h.trace();
    return s;
  }
  const ProblemHessian op(problem, x, iteration);
  const ExtremeEigenvalues extremes = extremeEigenvalues(op, control);
  // Lanczos reports NaN when the products were not finite and no estimate exists.
  if (!std::isfinite(extremes.largest) || !std::isfinite(extremes.smallest)) return std::nullopt;
  s.top = extremes.largest;
  s.bottom = extremes.smallest;
  if (tracking.trace) {
    // A non-finite estimate stays NaN: a missing value, like an untracked trace.
    const double t = hutchinsonTrace(op, tracking.traceProbes, seed, control).mean;
    if (std::isfinite(t)) s.trace = t;
  }
  return s;
}

}  // namespace gradscape
