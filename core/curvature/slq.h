#pragma once
// Spectral density by stochastic Lanczos quadrature (Ubaru, Chen & Saad 2017, "Fast
// estimation of tr(f(A)) via stochastic Lanczos quadrature"; Ghorbani, Krishnan & Xiao 2019,
// "An investigation into neural net optimization via Hessian eigenvalue density"; PyHessian's
// density()). For a unit probe v, m Lanczos steps give a tridiagonal T = Y diag(theta) Y';
// the Gauss quadrature sum_k Y_1k^2 f(theta_k) equals v' f(A) v exactly for polynomials f of
// degree <= 2m - 1, and averaging over probes estimates tr(f(A)) / n.
#include <cstdint>
#include <vector>

#include "core/curvature/analysis_control.h"
#include "core/curvature/symmetric_operator.h"
#include "core/types.h"

namespace gradscape {

struct SlqOptions {
  int steps = 100;  // Lanczos steps m per probe (clamped to n), >= 1
  int probes = 4;   // independent Rademacher probes, >= 1
  uint64_t seed = 0;
};

struct QuadratureNodes {
  // All probes' Ritz values theta_k and weights Y_1k^2 / probes (all weights sum to 1).
  std::vector<double> nodes, weights;
};

// Lanczos with full re-orthogonalisation (the basis is stored: memory steps * n doubles) from
// Rademacher probes scaled to unit length; a probe stops early when the Krylov space becomes
// invariant (beta ~ 0). steps * probes operator applications at most. Throws
// std::invalid_argument naming a bad field, AnalysisCancelled when cancelled.
QuadratureNodes stochasticLanczosQuadrature(const SymmetricOperator& op, const SlqOptions& options,
                                            const AnalysisControl& control = {});

// Gaussian-smoothed density phi(t) = sum_i w_i N(t; theta_i, sigma^2) at each grid point; it
// integrates to 1 over the real line. Throws std::invalid_argument for sigma <= 0.
Vec spectralDensity(const QuadratureNodes& q, VecCRef grid, double sigma);

// sum_i w_i theta_i^power: an estimate of tr(A^power) / n (power >= 0).
double quadratureMoment(const QuadratureNodes& q, int power);

}  // namespace gradscape
