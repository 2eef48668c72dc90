#pragma once
// Exact eigen-decompositions of small symmetric matrices and dense Hessians.
#include "core/curvature/analysis_control.h"
#include "core/objectives/objective.h"
#include "core/types.h"

namespace gradscape {

struct Eigenpairs {
  Vec values;   // ascending
  Mat vectors;  // column j is the unit eigenvector of values[j]; empty when not asked for
};

// Eigen::SelfAdjointEigenSolver on `symmetric` (only its lower triangle is read). Throws
// std::invalid_argument when the matrix is not square.
Eigenpairs denseEigenpairs(const Mat& symmetric, bool withVectors = true);

// The spectrum of f.hessian(x). Throws std::invalid_argument naming the dimension when
// f.dim() > kMaxDenseHessianDim (use Lanczos then), AnalysisCancelled when cancelled before
// the decomposition starts.
Eigenpairs denseHessianEigenpairs(const Objective& f, VecCRef x, bool withVectors = true,
                                  const AnalysisControl& control = {});

}  // namespace gradscape
