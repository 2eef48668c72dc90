#pragma once
// Runs as the chart suites hand them to the convergence chart: made-up losses over given
// iterations, the other per-step columns constant.
#include <string>
#include <utility>
#include <vector>

#include "plots/rgb.h"
#include "plots/run_view.h"

namespace gradscape::testing {

// A run named `label` in run colour `colorIndex` with these iterations and losses; gradient and
// step norms 1, learning rate 0.1, and every point at the origin.
inline plots::RunView runOf(std::vector<double> iteration, std::vector<double> loss, int colorIndex,
                            const std::string& label = "run") {
  plots::RunView run;
  run.label = label;
  run.color = plots::runColor(colorIndex);
  run.iteration = std::move(iteration);
  run.loss = std::move(loss);
  const size_t n = run.iteration.size();
  run.gradNorm.assign(n, 1.0);
  run.stepNorm.assign(n, 1.0);
  run.lr.assign(n, 0.1);
  run.x.assign(n, 0.0);
  run.y.assign(n, 0.0);
  return run;
}

// The iterations 0, 1, ..., n - 1.
inline std::vector<double> range(int n) {
  std::vector<double> v(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) v[static_cast<size_t>(i)] = i;
  return v;
}

}  // namespace gradscape::testing
