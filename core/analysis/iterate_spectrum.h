#pragma once
// The Hessian spectrum at one iterate of a run, by one of three methods: every eigenvalue
// (dense, small n), the extremes by Lanczos (matrix-free), or the eigenvalue density by
// stochastic Lanczos quadrature (matrix-free, large n). Shared by `gradscape-cli spectrum`
// and the desktop program's spectrum panel.
#include <functional>
#include <optional>
#include <string>

#include "core/curvature/analysis_control.h"
#include "core/curvature/slq.h"
#include "core/objectives/objective.h"
#include "core/scenario/scenario.h"

namespace gradscape {

enum class SpectrumMethod { Dense, Lanczos, Slq };

// "dense", "lanczos", "slq"; parse returns false for other names.
const char* spectrumMethodName(SpectrumMethod method);
bool parseSpectrumMethod(const std::string& name, SpectrumMethod& method);

struct SpectrumRequest {
  SpectrumMethod method = SpectrumMethod::Dense;
  int count = 5;         // Lanczos: eigenvalues from each end
  SlqOptions slq;        // SLQ: steps, probes, seed
  int gridPoints = 400;  // SLQ: density samples
  double sigma = 0.0;    // SLQ: Gaussian broadening; 0 = 1% of the spectrum's width
};

struct SpectrumReport {
  SpectrumMethod method = SpectrumMethod::Dense;
  int dim = 0;
  Vec eigenvalues;  // Dense: all, ascending.
  Vec bottom, top;  // Lanczos: the `count` smallest (ascending) and largest (descending)
  double largest = 0.0, smallest = 0.0;
  // SLQ only: the quadrature and the broadened density on an even grid.
  QuadratureNodes nodes;
  Vec grid, density;
  double sigma = 0.0;
  int64_t products = 0;  // Hessian-vector products used (0 for dense)
};

// Throws std::invalid_argument for a request the objective cannot serve (dense beyond
// kMaxDenseHessianDim, count out of range) and AnalysisCancelled when cancelled.
SpectrumReport analyseSpectrum(const Objective& objective, VecCRef x,
                               const SpectrumRequest& request, const AnalysisControl& control = {});

// Replays run `run` of `scenario` from its start to iteration `iteration` (the final iterate
// when empty) and returns that iterate; runs are deterministic, so this is exactly the x_k of a
// full run. Throws std::invalid_argument naming the problem (run index out of range, the run
// ended before that iteration), or AnalysisCancelled when *cancel becomes true.
struct ReplayedIterate {
  Vec x;
  int64_t iteration = 0;
  double lr = 0.0;     // the learning rate the run uses at that iteration
  std::string status;  // the run's status text when it ended before or at the iterate
};
// `progress`, when given, is called every 256 steps with the share done (steps of the
// iteration asked for, else of the run's maximum).
ReplayedIterate replayToIteration(const Scenario& scenario, size_t run,
                                  std::optional<int64_t> iteration,
                                  const std::atomic<bool>* cancel = nullptr,
                                  const std::function<void(double)>& progress = {});

}  // namespace gradscape
