#pragma once
// An objective sampled on a regular grid over a 2-D box, ready for contour maps and surfaces.
// Plain data (no VTK): sampling can run on the engine thread and be handed to the GUI.
#include <functional>
#include <vector>
#include "core/objectives/objective.h"

namespace gradscape::plots {

enum class ColorScale { Linear, Log };

struct LandscapeGrid {
  int nx = 0, ny = 0;  // samples along x and y (>= 2 each)
  double xmin = 0, xmax = 1, ymin = 0, ymax = 1;
  std::vector<double> values;         // f at (x_i, y_j), index j * nx + i
  double minValue = 0, maxValue = 1;  // range of the finite samples
  double x(int i) const { return xmin + (xmax - xmin) * i / (nx - 1); }
  double y(int j) const { return ymin + (ymax - ymin) * j / (ny - 1); }
  double at(int i, int j) const { return values[static_cast<size_t>(j) * nx + i]; }
};

// Told the share of the grid sampled so far (after each sample: one sample of a slice of a
// large model can take milliseconds); returns false to stop sampling.
using SamplingProgress = std::function<bool(double fraction)>;

// Samples f (2-D) on an nx x ny grid over `box`. Non-finite samples are kept as NaN and
// excluded from the range. When `progress` returns false the grid comes back empty (nx = 0).
LandscapeGrid sampleLandscape(const Objective& f, const Box& box, int nx = 201, int ny = 201,
                              const SamplingProgress& progress = {});

// The value the colour map and the surface height use for f: f itself (Linear), or
// log10(f - minValue + offset) (Log) with offset = 1e-3 * (maxValue - minValue) (or 1e-12 if 0),
// so landscapes with negative minima work too.
double scaledValue(const LandscapeGrid& grid, ColorScale scale, double f);

// Negative-gradient arrows on an n x n grid over the box: {x, y, -gx, -gy} per arrow.
struct Arrow {
  double x, y, dx, dy;
};
std::vector<Arrow> negativeGradientField(const Objective& f, const Box& box, int n = 21);

// What a landscape view shows besides f.
struct LandscapeStyle {
  ColorScale scale = ColorScale::Log;
  int bands = 24;        // filled contour bands
  bool isolines = true;  // thin lines between the bands
  bool gradientArrows = false;
  bool showMinima = true;
};

}  // namespace gradscape::plots
