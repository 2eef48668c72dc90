#pragma once
// An objective sampled on a regular grid over a 2-D box, ready for contour maps and surfaces.
// Plain data (no VTK): sampling can run on the engine thread and be handed to the GUI.
#include <functional>
#include <string>
#include <vector>
#include "core/objectives/objective.h"

namespace gradscape::plots {

enum class ColorScale { Linear, Log };

struct LandscapeGrid {
  int nx = 0, ny = 0;  // samples along x and y (>= 2 each)
  double xmin = 0, xmax = 1, ymin = 0, ymax = 1;
  std::vector<double> values;         // f at (x_i, y_j), index j * nx + i
  double minValue = 0, maxValue = 1;  // range of the finite samples
  // c of the log colour scale log10(f - minValue + c), chosen from the samples by
  // chooseLogOffset; 0 until chosen (scaledValue then falls back to 1e-3 of the range).
  double logOffset = 0;
  double x(int i) const { return xmin + (xmax - xmin) * i / (nx - 1); }
  double y(int j) const { return ymin + (ymax - ymin) * j / (ny - 1); }
  double at(int i, int j) const { return values[static_cast<size_t>(j) * nx + i]; }
};

// Told the share of the grid sampled so far (after each sample: one sample of a slice of a
// large model can take milliseconds); returns false to stop sampling.
using SamplingProgress = std::function<bool(double fraction)>;

// Samples f (2-D) on an nx x ny grid over `box`. Non-finite samples are kept as NaN and
// excluded from the range; logOffset is chosen from the samples. When `progress` returns false
// the grid comes back empty (nx = 0).
LandscapeGrid sampleLandscape(const Objective& f, const Box& box, int nx = 201, int ny = 201,
                              const SamplingProgress& progress = {});

// c for the log scale: values of f - minValue below c share the lowest colours, so c should be
// about as small as the values a few cells from the minimum. It is the kLogOffsetQuantile
// quantile of f - minValue over the finite samples (the value at index floor(q n) of the n
// sorted ones, the smallest positive one if that is 0), kept within [1e-9, 1e-3] x the range
// (at most 12 decades of colour; never flatter than the old fixed 1e-3 x range); 1e-12 for a
// constant grid. The default 1e-3 x range would put Beale's whole basin (f < 100 of a range of
// 1e5) into one colour.
inline constexpr double kLogOffsetQuantile = 0.002;
double chooseLogOffset(const LandscapeGrid& grid);

// The value the colour map and the surface height use for f: f itself (Linear), or
// log10(f - minValue + c) (Log) with c = grid.logOffset (1e-3 x the range, or 1e-12 if that is
// 0, for a grid whose c was never chosen), so landscapes with negative minima work too.
double scaledValue(const LandscapeGrid& grid, ColorScale scale, double f);
// That c.
double logOffsetOf(const LandscapeGrid& grid);

// "0.012", "3.5e-07": c as the colour bar's title prints it (3 significant digits).
std::string formatLogOffset(double c);

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
