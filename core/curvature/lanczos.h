#pragma once
// Extreme eigenpairs of a symmetric operator by the implicitly restarted Lanczos method
// (Spectra's SymEigsSolver, after ARPACK's dsaupd), with a dense fall-back for small operators.
#include <cstdint>

#include "core/curvature/analysis_control.h"
#include "core/curvature/symmetric_operator.h"
#include "core/types.h"

namespace gradscape {

// Which end of the spectrum, algebraically (Largest: most positive; Smallest: most negative).
enum class SpectrumEnd { Largest, Smallest };

struct LanczosOptions {
  int count = 5;  // eigenpairs wanted, 1 <= count <= n
  SpectrumEnd end = SpectrumEnd::Largest;
  // Krylov subspace dimension m, count < m (clamped to n); 0 picks min(n, max(2 count + 1, 20)).
  int subspace = 0;
  int maxIterations = 1000;  // implicit restarts, >= 1
  // A Ritz pair (theta, y) counts as converged when its residual ||A y - theta y|| is below
  // tolerance * max(|theta|, eps^(2/3)) (Spectra's relative test).
  double tolerance = 1e-10;
  bool withVectors = false;
};

struct LanczosResult {
  // From the chosen end inward: Largest gives descending values, Smallest ascending ones.
  Vec values;
  Mat vectors;             // unit Ritz vectors as columns, matching values (empty unless asked for)
  int64_t products = 0;    // operator applications spent
  bool converged = false;  // false: values are the best Ritz estimates after maxIterations
};

// Throws std::invalid_argument naming the field for invalid options ("count: ..."),
// AnalysisCancelled when cancelled; never lets Spectra's own exceptions through (a failed
// solve is reported as converged = false, with NaN values when no estimate exists).
// Operators with at most 64 rows, or count >= n - 1, are decomposed densely (n products).
LanczosResult lanczosExtremes(const SymmetricOperator& op, const LanczosOptions& options,
                              const AnalysisControl& control = {});

struct ExtremeEigenvalues {
  double largest = 0;
  double smallest = 0;
  int64_t products = 0;
};

// The algebraically largest and smallest eigenvalue together (one Krylov space serving both
// ends, relative tolerance 1e-8), for sharpness tracking during runs; dense for n <= 64.
ExtremeEigenvalues extremeEigenvalues(const SymmetricOperator& op,
                                      const AnalysisControl& control = {});

}  // namespace gradscape
