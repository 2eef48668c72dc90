#pragma once
// How the 3-D surface turns f into a height, shared by the surface and the runs drawn on it.
#include "plots/landscape_grid.h"

namespace gradscape::plots {

struct HeightMap {
  LandscapeGrid range;  // the grid's value range only (values left empty): what scaledValue needs
  ColorScale scale = ColorScale::Linear;
  double low = 0.0, high = 1.0;  // scaled values of the grid's minimum and maximum
  double top = 0.0;              // height of `high`; 0 draws everything flat

  // A map from [minValue, maxValue] of `grid` onto heights [0, top].
  static HeightMap forGrid(const LandscapeGrid& grid, ColorScale scale, double top);

  // (scaledValue(f) - low) / (high - low) * top, clamped to [0, top]; values below the grid's
  // minimum (the true minimum lies between samples) sit at 0. NaN for NaN.
  double operator()(double f) const;
  // The same for a value already scaled.
  double ofScaled(double s) const;
};

}  // namespace gradscape::plots
