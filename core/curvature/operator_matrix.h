#pragma once
// Private helper: the dense matrix of a small symmetric operator, for the dense fall-backs of
// the iterative analyses.
#include "core/curvature/analysis_progress.h"
#include "core/curvature/symmetric_operator.h"

namespace gradscape::detail {

// Column j is A e_j (n products, each preceded by a cancel check; progress runs from 0 to
// `progressShare`); the result is symmetrised, since round-off in the products can leave it a
// few ulps from the exact symmetry of A.
Mat operatorMatrix(const SymmetricOperator& op, AnalysisProgress& progress,
                   double progressShare = 1.0);

}  // namespace gradscape::detail
