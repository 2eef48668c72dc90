#include "core/curvature/hutchinson.h"

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "core/curvature/analysis_progress.h"
#include "core/curvature/rademacher.h"

namespace gradscape {

TraceEstimate hutchinsonTrace(const SymmetricOperator& op, int probes, uint64_t seed,
                              const AnalysisControl& control) {
  if (probes < 1) {
    throw std::invalid_argument("probes: must be at least 1, got " + std::to_string(probes));
  }
  detail::AnalysisProgress progress(control);
  progress.throwIfCancelled();
  progress.report(0.0);

  const int n = op.size();
  std::mt19937_64 rng(seed);
  Vec z(n), az(n);
  // Welford's running mean and sum of squared deviations: stable for many probes.
  double mean = 0.0, m2 = 0.0;
  for (int k = 0; k < probes; ++k) {
    detail::fillRademacher(rng, z);
    progress.apply(op, z, az);
    const double sample = z.dot(az);
    const double delta = sample - mean;
    mean += delta / (k + 1);
    m2 += delta * (sample - mean);
    progress.report(static_cast<double>(k + 1) / probes);
  }
  TraceEstimate estimate;
  estimate.mean = mean;
  estimate.probes = probes;
  if (probes > 1) estimate.standardError = std::sqrt(m2 / (probes - 1) / probes);
  return estimate;
}

}  // namespace gradscape
