#include "core/run/curvature_tracker.h"

#include <limits>

#include "core/curvature/dense_spectrum.h"
#include "core/curvature/hutchinson.h"
#include "core/curvature/lanczos.h"
#include "core/curvature/symmetric_operator.h"

namespace gradscape {

CurvatureSample measureCurvature(const Objective& objective, VecCRef x, int64_t iteration,
                                 const CurvatureTracking& tracking, uint64_t seed) {
  CurvatureSample s{iteration, 0.0, 0.0, std::numeric_limits<double>::quiet_NaN()};
  if (objective.dim() <= kDenseTrackingDim) {
    const Mat h = objective.hessian(x);
    if (!h.allFinite()) {
      s.top = s.bottom = std::numeric_limits<double>::quiet_NaN();
      return s;
    }
    const Eigenpairs e = denseEigenpairs(h, false);
    s.top = e.values[e.values.size() - 1];
    s.bottom = e.values[0];
    if (tracking.trace) s.trace = h.trace();
    return s;
  }
  const HessianOperator op(objective, x);
  const ExtremeEigenvalues extremes = extremeEigenvalues(op);
  s.top = extremes.largest;
  s.bottom = extremes.smallest;
  if (tracking.trace) s.trace = hutchinsonTrace(op, tracking.traceProbes, seed).mean;
  return s;
}

}  // namespace gradscape
