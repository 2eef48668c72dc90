#include "plots/landscape_grid.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace gradscape::plots {

namespace {

// The point at which a 2-D slice is evaluated: (x, y) in the first two coordinates, the centre
// of the box in any further ones (objectives of higher dimension are shown as that slice).
Vec slicePoint(const Box& box, int dim) {
  if (dim < 2 || box.lower.size() < dim || box.upper.size() < dim) {
    throw std::invalid_argument("landscape: needs an objective of dimension >= 2 and its box");
  }
  return 0.5 * (box.lower.head(dim) + box.upper.head(dim));
}

}  // namespace

LandscapeGrid sampleLandscape(const Objective& f, const Box& box, int nx, int ny,
                              const SamplingProgress& progress) {
  if (nx < 2 || ny < 2) throw std::invalid_argument("landscape: needs at least 2 x 2 samples");
  Vec p = slicePoint(box, f.dim());
  LandscapeGrid grid;
  grid.nx = nx;
  grid.ny = ny;
  grid.xmin = box.lower[0];
  grid.xmax = box.upper[0];
  grid.ymin = box.lower[1];
  grid.ymax = box.upper[1];
  grid.values.resize(static_cast<size_t>(nx) * static_cast<size_t>(ny));
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  for (int j = 0; j < ny; ++j) {
    p[1] = grid.y(j);
    for (int i = 0; i < nx; ++i) {
      p[0] = grid.x(i);
      double v = f.value(p);
      if (std::isfinite(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      } else {
        v = std::numeric_limits<double>::quiet_NaN();
      }
      grid.values[static_cast<size_t>(j) * nx + i] = v;
      if (progress && !progress(double(j * nx + i + 1) / (double(nx) * ny))) return {};
    }
  }
  if (lo <= hi) {  // else no finite sample: keep the default range
    grid.minValue = lo;
    grid.maxValue = hi;
  }
  grid.logOffset = chooseLogOffset(grid);
  return grid;
}

double chooseLogOffset(const LandscapeGrid& grid) {
  const double range = grid.maxValue - grid.minValue;
  if (!(range > 0.0)) return 1e-12;
  std::vector<double> above;
  above.reserve(grid.values.size());
  for (double v : grid.values) {
    if (std::isfinite(v)) above.push_back(v - grid.minValue);
  }
  const double lo = 1e-9 * range, hi = 1e-3 * range;
  if (above.empty()) return hi;
  const auto k = static_cast<size_t>(kLogOffsetQuantile * static_cast<double>(above.size()));
  std::nth_element(above.begin(), above.begin() + static_cast<std::ptrdiff_t>(k), above.end());
  double c = above[k];
  if (!(c > 0.0)) {
    c = INFINITY;
    for (double d : above) {
      if (d > 0.0) c = std::min(c, d);
    }
  }
  return std::clamp(c, lo, hi);
}

double logOffsetOf(const LandscapeGrid& grid) {
  if (grid.logOffset > 0.0) return grid.logOffset;
  const double range = grid.maxValue - grid.minValue;
  return range > 0.0 ? 1e-3 * range : 1e-12;
}

double scaledValue(const LandscapeGrid& grid, ColorScale scale, double f) {
  if (scale == ColorScale::Linear) return f;
  return std::log10(f - grid.minValue + logOffsetOf(grid));
}

std::string formatLogOffset(double c) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", c);
  return text;
}

std::vector<Arrow> negativeGradientField(const Objective& f, const Box& box, int n) {
  std::vector<Arrow> arrows;
  if (n < 1) return arrows;
  Vec p = slicePoint(box, f.dim());
  Vec g(f.dim());
  arrows.reserve(static_cast<size_t>(n) * static_cast<size_t>(n));
  // Cell centres of an n x n partition: no arrow sits on the frame of the plot.
  const double w = box.upper[0] - box.lower[0], h = box.upper[1] - box.lower[1];
  for (int j = 0; j < n; ++j) {
    p[1] = box.lower[1] + h * (j + 0.5) / n;
    for (int i = 0; i < n; ++i) {
      p[0] = box.lower[0] + w * (i + 0.5) / n;
      f.gradient(p, g);
      arrows.push_back({p[0], p[1], -g[0], -g[1]});
    }
  }
  return arrows;
}

}  // namespace gradscape::plots
