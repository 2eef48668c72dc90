#include "plots/path_exits.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "plots/run_label.h"

namespace gradscape::plots {

PathExits pathExits(const StoredRun& run, const RunPlacement& placement) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  PathExits out;
  const size_t n = std::min(run.x.size(), run.y.size());
  for (size_t k = 1; k < n; ++k) {
    const double ax = run.x[k - 1], ay = run.y[k - 1], bx = run.x[k], by = run.y[k];
    if (!std::isfinite(ax) || !std::isfinite(ay) || !std::isfinite(bx) || !std::isfinite(by))
      continue;
    // Most segments lie inside the box: no need to clip them (runs hold up to 10^5 iterates).
    if (placement.contains(ax, ay) && placement.contains(bx, by)) continue;
    double t0 = 0.0, t1 = 1.0;
    if (!clipSegment(ax, ay, bx, by, placement, t0, t1) || t1 >= 1.0) continue;
    if (out.count++ > 0) continue;
    out.x = lerp(ax, bx, t1);
    out.y = lerp(ay, by, t1);
    const double fa = k - 1 < run.f.size() ? run.f[k - 1] : kNaN;
    const double fb = k < run.f.size() ? run.f[k] : kNaN;
    out.f = lerp(fa, fb, t1);
    out.dx = bx - ax;
    out.dy = by - ay;
    out.iteration = k < run.iteration.size() ? run.iteration[k] : static_cast<double>(k);
  }
  return out;
}

std::string exitLabel(const PathExits& exits) {
  std::string text = "off map at k = " + labelNumber(exits.iteration);
  if (exits.count > 1) text += ", +" + std::to_string(exits.count - 1) + " more";
  return text;
}

}  // namespace gradscape::plots
