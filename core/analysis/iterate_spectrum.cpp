#include "core/analysis/iterate_spectrum.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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

// Working memory an analysis may take (its Krylov basis, or a dense matrix): beyond this the
// request is refused with the figures instead of ending in std::bad_alloc.
constexpr double kMaxAnalysisBytes = 2.0 * (int64_t{1} << 30);

// Three significant digits, for messages.
std::string shortNumber(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", value);
  return buf;
}

std::string gigabytes(double bytes) {
  return shortNumber(bytes / static_cast<double>(int64_t{1} << 30)) + " GB";
}

// Throws std::invalid_argument naming the field when the request cannot be served in memory or
// its numbers cannot give a finite answer.
void checkRequestFits(int n, const SpectrumRequest& request) {
  const double vector = 8.0 * n;
  if (request.method == SpectrumMethod::Lanczos && request.count >= 1 && request.count <= n) {
    // count >= n - 1 is decomposed densely (n x n); else a basis of min(n, 2 count + 1) vectors.
    const double columns = request.count >= n - 1 ? n : std::min(n, 2 * request.count + 1);
    if (columns * vector > kMaxAnalysisBytes) {
      const auto most = static_cast<int64_t>((kMaxAnalysisBytes / vector - 1) / 2);
      throw std::invalid_argument(
          "count: " + std::to_string(request.count) + " eigenvalues from each end need " +
          gigabytes(columns * vector) + " of Lanczos vectors in " + std::to_string(n) +
          " dimensions; at most " + std::to_string(std::min<int64_t>(most, n - 2)) +
          " fit in the " + gigabytes(kMaxAnalysisBytes) + " limit");
    }
  }
  if (request.method == SpectrumMethod::Slq) {
    const double steps = std::min(n, request.slq.steps);
    if (steps * vector > kMaxAnalysisBytes) {
      throw std::invalid_argument("steps: " + std::to_string(request.slq.steps) + " steps need " +
                                  gigabytes(steps * vector) + " of Lanczos vectors; at most " +
                                  std::to_string(static_cast<int64_t>(kMaxAnalysisBytes / vector)) +
                                  " fit in the " + gigabytes(kMaxAnalysisBytes) + " limit");
    }
    // Every probe keeps `steps` nodes and weights.
    if (steps * request.slq.probes * 16.0 > kMaxAnalysisBytes) {
      throw std::invalid_argument("probes: " + std::to_string(request.slq.probes) + " probes of " +
                                  shortNumber(steps) + " steps keep too many quadrature nodes (" +
                                  gigabytes(steps * request.slq.probes * 16.0) + ")");
    }
    if (!std::isfinite(request.sigma) || request.sigma < 0.0 || request.sigma > 1e300) {
      throw std::invalid_argument("sigma: must be a positive number no larger than 1e300, got " +
                                  shortNumber(request.sigma));
    }
  }
}

SpectrumReport slqReport(const SymmetricOperator& op, const SpectrumRequest& request,
                         const AnalysisControl& control) {
  SpectrumReport r;
  r.nodes = stochasticLanczosQuadrature(op, request.slq, control);
  const auto [lo, hi] = std::minmax_element(r.nodes.nodes.begin(), r.nodes.nodes.end());
  r.smallest = *lo;
  r.largest = *hi;
  const double width = std::max(r.largest - r.smallest, 1e-12 * std::max(1.0, std::abs(*hi)));
  r.sigma = request.sigma > 0.0 ? request.sigma : 0.01 * width;
  if (!std::isfinite(r.smallest - 4.0 * r.sigma) || !std::isfinite(r.largest + 4.0 * r.sigma)) {
    throw std::invalid_argument("sigma: " + shortNumber(r.sigma) +
                                " is too wide for this spectrum: the density's grid would not be "
                                "finite");
  }
  const int points = std::max(2, request.gridPoints);
  r.grid = Vec::LinSpaced(points, r.smallest - 4.0 * r.sigma, r.largest + 4.0 * r.sigma);
  r.density = spectralDensity(r.nodes, r.grid, r.sigma);
  return r;
}

}  // namespace

SpectrumReport analyseSpectrum(const Objective& objective, VecCRef x,
                               const SpectrumRequest& request, const AnalysisControl& control) {
  const int n = objective.dim();
  checkRequestFits(n, request);
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
                                  std::optional<int64_t> iteration, const std::atomic<bool>* cancel,
                                  const std::function<void(double)>& progress) {
  if (run >= scenario.runs.size()) {
    throw std::invalid_argument("run: the scenario has runs 0 to " +
                                std::to_string(scenario.runs.size() - 1) + ", got " +
                                std::to_string(run));
  }
  if (iteration && *iteration < 0) {
    throw std::invalid_argument("iteration: must be >= 0, got " + std::to_string(*iteration));
  }
  // Only the last iterate is needed: a small trace keeps the replay's memory flat, and no
  // curvature tracking (it reads x_k but never changes the iterates, so they stay exact).
  RunSpec spec = scenario.runs[run];
  spec.curvature.every = 0;
  Run r(makeObjective(scenario.objective), std::move(spec), 64);
  // The flag is read before every step (a relaxed load, nothing beside a step): cancelling
  // takes about one step whatever a step costs.
  const auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
  const double target = static_cast<double>(
      std::max<int64_t>(1, iteration ? *iteration : r.spec().stop.maxIterations));
  while (!iteration || r.iterations() < *iteration) {
    if (cancelled()) throw AnalysisCancelled();
    if (!r.step()) break;
    if (progress && (r.iterations() & 255) == 0) {
      progress(std::min(1.0, static_cast<double>(r.iterations()) / target));
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
