#pragma once
// What the contour map and the 3-D surface have in common: the landscape, the runs drawn on it,
// the start point, the highlighted iterate and picking. Implementations keep VTK behind pimpl;
// only vtkRenderer is named here (forward declared).
#include <array>
#include <optional>
#include <vector>
#include "plots/landscape_grid.h"
#include "plots/run_view.h"

class vtkRenderer;

namespace gradscape::plots {

struct LandscapeContent {
  LandscapeGrid grid;
  LandscapeStyle style;
  std::vector<std::array<double, 2>> minima;  // known global minimizers inside the box
  std::vector<Arrow> arrows;                  // negative-gradient field (drawn when style asks)
  std::string title;                          // e.g. "Rosenbrock (a=1, b=100)"
};

class LandscapeScene {
 public:
  virtual ~LandscapeScene() = default;
  // The renderer to add to a render window (owned by the scene).
  virtual vtkRenderer* renderer() const = 0;
  // Replaces the landscape (and the colour bar, axes, minima, arrows). Keeps the runs.
  virtual void setLandscape(const LandscapeContent& content) = 0;
  // Replaces the runs: one polyline per visible run in its colour, start marker (circle), end
  // marker (square; a red-ringed cross when diverged), and a legend with their labels.
  virtual void setRuns(const std::vector<RunView>& runs) = 0;
  // The start point every run shares (a draggable-looking marker).
  virtual void setStartPoint(double x, double y) = 0;
  // Highlights one iterate (hovered in the convergence panel), or none.
  virtual void setHighlight(std::optional<std::array<double, 2>> point) = 0;
  // The landscape coordinates under a display position (VTK display coordinates: pixels,
  // origin bottom-left). nullopt when the position is not over the landscape.
  virtual std::optional<std::array<double, 2>> pick(double displayX, double displayY) = 0;
  // Shows or hides the legend of the runs (one legend is enough when two views are side by side).
  virtual void setLegendVisible(bool visible) = 0;
  // Smooths edges (FXAA, one full-screen pass). Off for frames that are soon replaced (live
  // reruns, animation), back on for the picture that stays.
  virtual void setAntialiasing(bool on) = 0;
  // Fits the camera to the landscape box.
  virtual void resetCamera() = 0;
};

}  // namespace gradscape::plots
