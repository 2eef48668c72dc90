#include "plots/height_map.h"

#include <algorithm>
#include <cmath>

namespace gradscape::plots {

HeightMap HeightMap::forGrid(const LandscapeGrid& grid, ColorScale scale, double top) {
  HeightMap map;
  map.range.nx = grid.nx;
  map.range.ny = grid.ny;
  map.range.xmin = grid.xmin;
  map.range.xmax = grid.xmax;
  map.range.ymin = grid.ymin;
  map.range.ymax = grid.ymax;
  map.range.minValue = grid.minValue;
  map.range.maxValue = grid.maxValue;
  map.range.logOffset = grid.logOffset;
  map.scale = scale;
  map.low = scaledValue(grid, scale, grid.minValue);
  map.high = scaledValue(grid, scale, grid.maxValue);
  if (!(map.high > map.low)) map.high = map.low + 1.0;  // a constant landscape: flat at 0
  map.top = top;
  return map;
}

double HeightMap::operator()(double f) const {
  if (std::isnan(f)) return f;
  return ofScaled(scaledValue(range, scale, std::max(f, range.minValue)));
}

double HeightMap::ofScaled(double s) const {
  if (std::isnan(s)) return s;
  return std::clamp((s - low) / (high - low) * top, 0.0, top);
}

}  // namespace gradscape::plots
