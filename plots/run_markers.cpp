#include "plots/run_markers.h"

#include <algorithm>
#include <cmath>

namespace gradscape::plots {

namespace {

constexpr Rgb kDark{0.08, 0.08, 0.08};
constexpr Rgb kWarningRed{0.86, 0.08, 0.06};

// Where a run is last seen: its last finite iterate when that is inside the clip rectangle,
// else the point where its path last leaves the rectangle (else the iterate clamped into it).
std::array<double, 3> exitPoint(const RunPlacement& r, const StoredRun& run, size_t first,
                                size_t last) {
  const double lx = run.x[last], ly = run.y[last];
  if (r.contains(lx, ly)) return placeIterate(r, lx, ly, run.f[last]);
  for (size_t k = last; k > first; --k) {
    const double ax = run.x[k - 1], ay = run.y[k - 1], af = run.f[k - 1];
    const double bx = run.x[k], by = run.y[k], bf = run.f[k];
    double t0 = 0.0, t1 = 1.0;
    if (placeable(r, ax, ay, af) && placeable(r, bx, by, bf) &&
        clipSegment(ax, ay, bx, by, r, t0, t1)) {
      return placeIterate(r, lerp(ax, bx, t1), lerp(ay, by, t1), lerp(af, bf, t1));
    }
  }
  return placeIterate(r, std::clamp(lx, r.xmin, r.xmax), std::clamp(ly, r.ymin, r.ymax),
                      run.f[last]);
}

}  // namespace

std::array<double, 3> placeIterate(const RunPlacement& placement, double x, double y, double f) {
  const double z = placement.surface ? (*placement.surface)(f) + placement.lift : placement.lift;
  return {x, y, z};
}

bool placeable(const RunPlacement& placement, double x, double y, double f) {
  return std::isfinite(x) && std::isfinite(y) && (!placement.surface || !std::isnan(f));
}

std::vector<Marker> runEndMarkers(const std::vector<StoredRun>& runs,
                                  const RunPlacement& placement) {
  std::vector<Marker> out;
  // Drawn after every start and end marker: all runs usually share the start, and a run that
  // diverged at its first step has its cross there.
  std::vector<Marker> crosses;
  const RunPlacement& r = placement;
  auto ok = [&](const StoredRun& run, size_t k) {
    return placeable(r, run.x[k], run.y[k], run.f[k]);
  };
  for (const auto& run : runs) {
    const size_t n = run.x.size();
    size_t first = 0;
    while (first < n && !ok(run, first)) ++first;
    if (first == n) continue;
    size_t last = n - 1;
    while (!ok(run, last)) --last;
    if (r.contains(run.x[first], run.y[first])) {
      Marker m;
      m.position = placeIterate(r, run.x[first], run.y[first], run.f[first]);
      m.shape = MarkerShape::Disk;
      m.size = 7.0;
      m.fill = run.color;
      m.outline = kDark;
      m.outlineWidth = 1.2;
      out.push_back(m);
    }
    Marker m;
    if (run.diverged) {
      m.position = exitPoint(r, run, first, last);
      if (first == last) {
        // No path to see: a ring in the run's colour says whose cross this is.
        Marker ring;
        ring.position = m.position;
        ring.shape = MarkerShape::Ring;
        ring.size = 26.0;
        ring.fill = run.color;
        ring.outline = kDark;
        ring.outlineWidth = 1.2;
        crosses.push_back(ring);
      }
      m.shape = MarkerShape::Cross;
      m.size = 16.0;
      m.fill = kWarningRed;
      m.outline = {1.0, 1.0, 1.0};
      m.outlineWidth = 1.8;
      crosses.push_back(m);
      continue;
    } else if (!r.contains(run.x[last], run.y[last])) {
      continue;
    } else if (run.finished) {
      m.position = placeIterate(r, run.x[last], run.y[last], run.f[last]);
      m.shape = MarkerShape::Square;
      m.size = 10.0;
      m.fill = run.color;
      m.outline = kDark;
      m.outlineWidth = 1.5;
    } else {
      m.position = placeIterate(r, run.x[last], run.y[last], run.f[last]);
      m.shape = MarkerShape::Disk;
      m.size = 12.0;
      m.fill = run.color;
      m.outline = {1.0, 1.0, 1.0};
      m.outlineWidth = 2.0;
    }
    out.push_back(m);
  }
  out.insert(out.end(), crosses.begin(), crosses.end());
  return out;
}

}  // namespace gradscape::plots
