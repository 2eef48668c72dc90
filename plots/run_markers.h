#pragma once
// The screen-space markers of the runs on a landscape: a disk at each start, a square at a
// finished run's end, a white-ringed disk at a running run's current iterate, a red cross where
// a run diverged (or left the box last), and the small dots at iterates of runs sparse enough on
// screen to show them (path_density.h).
#include <array>
#include <vector>

#include "plots/marker_overlay.h"
#include "plots/run_polylines.h"

namespace gradscape::plots {

// The world position of an iterate under `placement` (z on the surface, or the plane's lift).
std::array<double, 3> placeIterate(const RunPlacement& placement, double x, double y, double f);
// Whether an iterate can be placed (x, y finite; f not NaN on a surface).
bool placeable(const RunPlacement& placement, double x, double y, double f);

// Start, end, current and divergence markers of `runs`.
std::vector<Marker> runEndMarkers(const std::vector<StoredRun>& runs,
                                  const RunPlacement& placement);

// A dot of diameter dot[i] (pixels at 72 dpi; 0: none) in run i's colour, with a thin dark
// outline, at each of its placeable iterates inside the placement's rectangle for which
// `onScreen` is true. Empty when more than `limit` dots would be made.
template <class OnScreen>
std::vector<Marker> iterateDots(const std::vector<StoredRun>& runs, const RunPlacement& placement,
                                const std::vector<double>& dot, OnScreen onScreen, size_t limit) {
  std::vector<Marker> out;
  for (size_t i = 0; i < runs.size() && i < dot.size(); ++i) {
    if (dot[i] <= 0.0) continue;
    const StoredRun& run = runs[i];
    for (size_t k = 0; k < run.x.size(); ++k) {
      const double x = run.x[k], y = run.y[k], f = run.f[k];
      if (!placeable(placement, x, y, f) || x < placement.xmin || x > placement.xmax ||
          y < placement.ymin || y > placement.ymax) {
        continue;
      }
      const std::array<double, 3> p = placeIterate(placement, x, y, f);
      if (!onScreen(p)) continue;
      if (out.size() == limit) return {};
      Marker m;
      m.position = p;
      m.shape = MarkerShape::Disk;
      m.size = dot[i];
      m.fill = run.color;
      m.outline = {0.08, 0.08, 0.08};
      m.outlineWidth = 0.8;
      out.push_back(m);
    }
  }
  return out;
}

}  // namespace gradscape::plots
