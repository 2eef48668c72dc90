#include "core/analysis/iterate_spectrum.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/curvature/dense_spectrum.h"
#include "core/curvature/lanczos.h"
#include "core/curvature/symmetric_operator.h"

namespace gradscape {

const char* spectrumMethodName(SpectrumMethod method) {
  switch (method) {
    case SpectrumMethod::Dense:
      return "dense";
    case SpectrumMethod::Lanczos:
      return "lanczos";
    case SpectrumMethod::Slq:
      return "slq";
  }
  return "?";
}

bool parseSpectrumMethod(const std::string& name, SpectrumMethod& method) {
  for (auto m : {SpectrumMethod::Dense, SpectrumMethod::Lanczos, SpectrumMethod::Slq}) {
    if (name == spectrumMethodName(m)) {
      method = m;
      return true;
    }
  }
  return false;
}

namespace {

SpectrumReport slqReport(const SymmetricOperator& op, const SpectrumRequest& request,
                         const AnalysisControl& control) {
  SpectrumReport r;
  r.nodes = stochasticLanczosQuadrature(op, request.slq, control);
  const auto [lo, hi] = std::minmax_element(r.nodes.nodes.begin(), r.nodes.nodes.end());
  r.smallest = *lo;
  r.largest = *hi;
  const double width = std::max(r.largest - r.smallest, 1e-12 * std::max(1.0, std::abs(*hi)));
  r.sigma = request.sigma > 0.0 ? request.sigma : 0.01 * width;
  const int points = std::max(2, request.gridPoints);
  r.grid = Vec::LinSpaced(points, r.smallest - 4.0 * r.sigma, r.largest + 4.0 * r.sigma);
  r.density = spectralDensity(r.nodes, r.grid, r.sigma);
  return r;
}

}  // namespace

SpectrumReport analyseSpectrum(const Objective& objective, VecCRef x,
                               const SpectrumRequest& request, const AnalysisControl& control) {
  const int n = objective.dim();
  SpectrumReport r;
  switch (request.method) {
    case SpectrumMethod::Dense: {
      const Eigenpairs e = denseHessianEigenpairs(objective, x, false, control);
      r.eigenvalues = e.values;
      r.smallest = e.values[0];
      r.largest = e.values[n - 1];
      break;
    }
    case SpectrumMethod::Lanczos: {
      if (request.count < 1 || request.count > n) {
        throw std::invalid_argument("count: must be between 1 and the dimension " +
                                    std::to_string(n) + ", got " + std::to_string(request.count));
      }
      const HessianOperator op(objective, x);
      LanczosOptions o;
      o.count = request.count;
      o.end = SpectrumEnd::Largest;
      const LanczosResult top = lanczosExtremes(op, o, control);
      o.end = SpectrumEnd::Smallest;
      const LanczosResult bottom = lanczosExtremes(op, o, control);
      r.bottom = bottom.values;
      r.top = top.values;
      r.smallest = bottom.values[0];
      r.largest = top.values[0];
      r.products = top.products + bottom.products;
      break;
    }
    case SpectrumMethod::Slq: {
      const HessianOperator op(objective, x);
      r = slqReport(op, request, control);
      r.products = op.products();
      break;
    }
  }
  r.method = request.method;
  r.dim = n;
  return r;
}

ReplayedIterate replayToIteration(const Scenario& scenario, size_t run,
                                  std::optional<int64_t> iteration,
                                  const std::atomic<bool>* cancel) {
  if (run >= scenario.runs.size()) {
    throw std::invalid_argument("run: the scenario has runs 0 to " +
                                std::to_string(scenario.runs.size() - 1) + ", got " +
                                std::to_string(run));
  }
  if (iteration && *iteration < 0) {
    throw std::invalid_argument("iteration: must be >= 0, got " + std::to_string(*iteration));
  }
  // Only the last iterate is needed: a small trace keeps the replay's memory flat.
  Run r(makeObjective(scenario.objective), scenario.runs[run], 64);
  int64_t steps = 0;
  while ((!iteration || r.iterations() < *iteration) && r.step()) {
    if (cancel && (++steps & 255) == 0 && cancel->load(std::memory_order_relaxed)) {
      throw AnalysisCancelled();
    }
  }
  if (iteration && r.iterations() < *iteration) {
    throw std::invalid_argument(
        "iteration: run " + std::to_string(run) + " ended (" + r.statusText() + ") at iteration " +
        std::to_string(r.iterations()) + ", before " + std::to_string(*iteration));
  }
  return {r.point(), r.iterations(), r.currentRow().lr, r.statusText()};
}

}  // namespace gradscape
