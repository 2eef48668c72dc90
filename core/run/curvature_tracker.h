#pragma once
// One curvature sample for sharpness tracking during a run.
#include <cstdint>
#include <optional>

#include "core/curvature/analysis_control.h"
#include "core/problem/problem.h"
#include "core/run/run_spec.h"
#include "core/run/trace.h"

namespace gradscape {

// Up to this dimension tracking forms the dense Hessian (exact extremes and trace); beyond it,
// Lanczos from Hessian-vector products and Hutchinson's trace estimate.
inline constexpr int kDenseTrackingDim = 200;

// The extreme eigenvalues (and the trace when `tracking.trace`) of the Hessian of `problem`'s
// loss at (x, step t = iteration); its curvature() must be Problem::Curvature::Hessian. `seed`
// seeds Hutchinson's probes. Empty when the curvature is not finite there (a Hessian with inf or
// NaN entries has no eigenvalues to report: the sample is left out, as any unmeasured iteration,
// rather than recorded as NaN). Throws AnalysisCancelled when control.cancel is set: Lanczos and
// Hutchinson poll it before every Hessian-vector product, the dense path before and after forming
// the Hessian.
std::optional<CurvatureSample> measureCurvature(const Problem& problem, VecCRef x,
                                                int64_t iteration,
                                                const CurvatureTracking& tracking, uint64_t seed,
                                                const AnalysisControl& control = {});

}  // namespace gradscape
