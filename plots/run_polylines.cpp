#include "plots/run_polylines.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace gradscape::plots {

namespace {

unsigned char toByte(double v) {
  // NaN reads as 0: converting a NaN to an integer is undefined behaviour.
  const double c = std::isnan(v) ? 0.0 : std::clamp(v, 0.0, 1.0);
  return static_cast<unsigned char>(std::lround(c * 255.0));
}

}  // namespace

double lerp(double a, double b, double t) {
  if (t <= 0.0) return a;
  if (t >= 1.0) return b;
  const double v = a + t * (b - a);
  return std::isnan(v) ? (std::isinf(b) ? b : a) : v;
}

bool clipSegment(double ax, double ay, double bx, double by, const RunPlacement& r, double& t0,
                 double& t1) {
  t0 = 0.0;
  t1 = 1.0;
  const double dx = bx - ax, dy = by - ay;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {ax - r.xmin, r.xmax - ax, ay - r.ymin, r.ymax - ay};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0.0) {
      if (q[k] < 0.0) return false;
    } else {
      const double t = q[k] / p[k];
      if (p[k] < 0.0) {
        t0 = std::max(t0, t);
      } else {
        t1 = std::min(t1, t);
      }
    }
  }
  return t0 <= t1;
}

void buildPolylines(const std::vector<StoredRun>& runs, const RunPlacement& placement,
                    double spacing, Polylines& out) {
  out.offsets.clear();
  out.cellRgb.clear();
  size_t bound = 0;  // every segment adds at most two points (when a polyline opens)
  for (const auto& run : runs) bound += 2 * run.x.size();
  bound = std::max<size_t>(bound, 1);  // arrays pointing in always get a valid buffer
  if (out.xyz.size() < 3 * bound) out.xyz.resize(3 * bound);
  out.offsets.push_back(0);
  const HeightMap* surface = placement.surface ? &*placement.surface : nullptr;
  const double lift = placement.lift;
  const RunPlacement& r = placement;
  float* xyz = out.xyz.data();
  size_t count = 0;
  const double spacing2 = spacing * spacing;
  bool open = false;
  // A vertex closer than `spacing` to the polyline's previous one is held back: it is drawn only
  // when the polyline ends there (the last vertex of every polyline is exact).
  bool held = false;
  std::array<float, 3> heldPoint{};
  auto put = [&](const std::array<float, 3>& q) {
    std::copy(q.begin(), q.end(), xyz + 3 * count);
    ++count;
  };
  auto emit = [&](double x, double y, double f) {
    const std::array<float, 3> q{
        static_cast<float>(x), static_cast<float>(y),
        static_cast<float>(surface != nullptr ? (*surface)(f) + lift : lift)};
    if (open && spacing2 > 0.0) {
      const float* last = xyz + 3 * (count - 1);
      const double dx = q[0] - last[0], dy = q[1] - last[1], dz = q[2] - last[2];
      if (dx * dx + dy * dy + dz * dz < spacing2) {
        held = true;
        heldPoint = q;
        return;
      }
    }
    held = false;
    put(q);
  };
  auto finite = [&](double x, double y, double f) {
    return std::isfinite(x) && std::isfinite(y) && (surface == nullptr || !std::isnan(f));
  };
  for (const auto& run : runs) {
    const std::array<unsigned char, 3> rgb{toByte(run.color.r), toByte(run.color.g),
                                           toByte(run.color.b)};
    open = false;
    held = false;
    auto close = [&] {
      if (held) put(heldPoint);
      held = false;
      if (open) {
        out.offsets.push_back(static_cast<vtkTypeInt64>(count));
        out.cellRgb.insert(out.cellRgb.end(), rgb.begin(), rgb.end());
      }
      open = false;
    };
    const size_t n = run.x.size();
    const float* xs = run.x.data();
    const float* ys = run.y.data();
    const float* fs = run.f.data();
    bool aOk = n > 0 && finite(xs[0], ys[0], fs[0]);
    bool aIn = aOk && r.contains(xs[0], ys[0]);
    for (size_t k = 1; k < n; ++k) {
      const double ax = xs[k - 1], ay = ys[k - 1], af = fs[k - 1];
      const double bx = xs[k], by = ys[k], bf = fs[k];
      const bool bOk = finite(bx, by, bf);
      const bool bIn = bOk && r.contains(bx, by);
      if (aIn && bIn) {  // the common case: no clipping
        if (!open) {
          emit(ax, ay, af);
          open = true;
        }
        emit(bx, by, bf);
      } else {
        double t0 = 0.0, t1 = 1.0;
        if (!aOk || !bOk || !clipSegment(ax, ay, bx, by, r, t0, t1)) {
          close();
        } else {
          if (!open || t0 > 0.0) {
            close();
            emit(lerp(ax, bx, t0), lerp(ay, by, t0), lerp(af, bf, t0));
            open = true;
          }
          emit(lerp(ax, bx, t1), lerp(ay, by, t1), lerp(af, bf, t1));
          if (t1 < 1.0) close();
        }
      }
      aOk = bOk;
      aIn = bIn;
    }
    close();
  }
  // Points emitted for a polyline that never closed cannot occur: every open emits two.
  out.count = count;
}

}  // namespace gradscape::plots
