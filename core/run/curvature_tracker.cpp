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

}  // namespace

std::optional<CurvatureSample> measureCurvature(const Objective& objective, VecCRef x,
                                                int64_t iteration,
                                                const CurvatureTracking& tracking, uint64_t seed,
                                                const AnalysisControl& control) {
  CurvatureSample s{iteration, 0.0, 0.0, std::numeric_limits<double>::quiet_NaN()};
  if (objective.dim() <= kDenseTrackingDim) {
    throwIfCancelled(control);
    const Mat h = objective.hessian(x);
    throwIfCancelled(control);
    if (!h.allFinite()) return std::nullopt;
    const Eigenpairs e = denseEigenpairs(h, false);
    s.top = e.values[e.values.size() - 1];
    s.bottom = e.values[0];
    if (tracking.trace) s.trace = h.trace();
    return s;
  }
  const HessianOperator op(objective, x);
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
