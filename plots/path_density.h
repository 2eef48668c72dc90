#pragma once
// How crowded a run's iterates are on screen, and the line width and iterate dots that keep a
// dense path (gradient descent's zig-zag across a narrow valley) readable at any zoom: the
// denser the iterates, the thinner the line and its halo, so the background shows between
// successive legs; iterates far apart get a dot each, so single steps can be counted.
#include <array>
#include <vector>

namespace gradscape::plots {

// Side of the square cells (device pixels) the on-screen iterates are counted in.
inline constexpr double kDensityCell = 4.0;

// The typical on-screen gap (device pixels) between neighbouring iterates: the points inside
// the w x h view are binned into kDensityCell cells; a point sharing its cell with c - 1 others
// is about kDensityCell / c from its neighbours (points along a curve, such as the turning
// points of a zig-zag along a valley wall, fill a cell in one dimension); a point alone in its
// cell is as far as the nearer of the points before and after it (at least a cell). The
// typical gap is the median over the points, so it is the gap where most iterates are.
// +infinity with fewer than two points inside the view.
double typicalGap(const std::vector<std::array<double, 2>>& pixels, double w, double h);

// Sizes in pixels at 72 dpi (the caller scales them with the window's DPI).
struct PathStyle {
  double line = 2.5;  // the run's coloured line
  double halo = 5.0;  // the dark line under it (0.5 (halo - line) shows on either side)
  double dot = 0.0;   // diameter of the dot at each iterate; 0: no dots
};

// The style for a typical gap g (pixels at 72 dpi):
//   line = clamp(0.3 g, 1, 2.5)              (full width from g = 8.3 px)
//   halo = line + max(0, 2.5 (line - 1.5))  (5 px at full width, none at line <= 1.5 px)
//   dot  = clamp(0.5 g, 5, 8) when g >= 10, else 0  (at least 5 px of line between dots)
PathStyle pathStyleForGap(double gap);

}  // namespace gradscape::plots
