#pragma once
// Hutchinson's stochastic trace estimator (Hutchinson 1990; as in PyHessian's trace()):
// tr(A) = E[z' A z] for Rademacher z, estimated by the mean over independent probes.
#include <cstdint>

#include "core/curvature/analysis_control.h"
#include "core/curvature/symmetric_operator.h"

namespace gradscape {

struct TraceEstimate {
  double mean = 0;           // (1/P) sum_k z_k' A z_k
  double standardError = 0;  // sample standard deviation / sqrt(P); 0 for one probe
  int probes = 0;
};

// One operator application per probe. Rademacher probes make the estimate exact for diagonal
// A; its variance is 2 sum_{i != j} A_ij^2 per probe. Throws std::invalid_argument for
// probes < 1 ("probes: ..."), AnalysisCancelled when cancelled.
TraceEstimate hutchinsonTrace(const SymmetricOperator& op, int probes, uint64_t seed,
                              const AnalysisControl& control = {});

}  // namespace gradscape
