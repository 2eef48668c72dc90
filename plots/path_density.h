#pragma once
// How crowded a run's iterates are on screen, and the line width and iterate dots that keep a
// dense path (gradient descent's zig-zag across a narrow valley) readable at any zoom: where
// different stretches of the path crowd together, the line and its halo thin, so the background
// shows between successive legs; iterates far apart get a dot each, so single steps can be
// counted. A smooth path of close iterates (a straight approach) is not crowded: it keeps its
// full width.
#include <array>
#include <vector>

namespace gradscape::plots {

// Side of the square cells (device pixels) the on-screen iterates are counted in.
inline constexpr double kDensityCell = 4.0;

struct PathGaps {
  // Typical gap between different stretches of the path (device pixels): the points inside the
  // view are binned into kDensityCell cells; a cell the path enters v separate times (runs of
  // consecutive iterates count once) holds stretches about kDensityCell / v apart (turning points
  // of a zig-zag along a valley wall fill a cell in one dimension). The median over the points;
  // +infinity where no cell is entered twice.
  double crowding;
  // Median distance between consecutive iterates that are both inside the view (+infinity with
  // fewer than two such pairs).
  double step;
};
PathGaps pathGaps(const std::vector<std::array<double, 2>>& pixels, double w, double h);

// Sizes in pixels at 72 dpi (the caller scales them with the window's DPI).
struct PathStyle {
  double line = 2.5;  // the run's coloured line
  double halo = 5.0;  // the dark line under it (0.5 (halo - line) shows on either side)
  double dot = 0.0;   // diameter of the dot at each iterate; 0: no dots
};

// The style for a crowding gap c and step s (pixels at 72 dpi):
//   line = clamp(0.3 c, 1, 2.5)              (full width from c = 8.3 px)
//   halo = line + max(0, 2.5 (line - 1.5))  (5 px at full width, none at line <= 1.5 px)
//   dot  = clamp(0.5 g, 5, 8) with g = min(c, s) when g >= 10, else 0
PathStyle pathStyle(double crowding, double step);

}  // namespace gradscape::plots
