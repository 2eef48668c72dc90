#pragma once
// The runs on a landscape, shared by the contour map and the surface: one polyline per visible
// run in its colour over a dark halo, thinner (and the halo gone) where the iterates crowd on
// screen, a dot at each iterate of a run whose iterates are far apart on screen, its start / end
// / current / diverged markers (run_markers.h), an arrow and label where a path first leaves the
// box (exit_indicators.h), and a legend. Polylines are written straight into
// preallocated arrays (setRuns runs at up to 60 Hz with 10^5 points per run).
#include <array>
#include <memory>
#include <optional>
#include <vector>
#include "plots/exit_indicators.h"
#include "plots/height_map.h"
#include "plots/legend_box.h"
#include "plots/marker_overlay.h"
#include "plots/run_polylines.h"
#include "plots/run_view.h"

class vtkPlaneCollection;
class vtkRenderer;

namespace gradscape::plots {

class RunLayers {
 public:
  // Adds the line actors and the legend to `renderer`; markers go to `markers`.
  RunLayers(vtkRenderer* renderer, MarkerOverlay& markers);
  ~RunLayers();
  RunLayers(const RunLayers&) = delete;
  RunLayers& operator=(const RunLayers&) = delete;

  // Re-places the runs already shown (after the landscape changed).
  void setPlacement(const RunPlacement& placement);
  void setRuns(const std::vector<RunView>& runs);

  // Line widths and dots follow the window's DPI / 72 (path_density.h gives them at 72 dpi).
  void setPixelScale(double scale);

  // The world position of an iterate under the current placement (nullopt when not finite).
  std::optional<std::array<double, 3>> place(double x, double y, double f) const;

  // Shows or hides the legend (e.g. when another view of the same runs shows it already).
  void setLegendVisible(bool visible);

  // Clips the paths at these world planes (the contour map's frame when zoomed; null: none), and
  // leaves out off-map labels whose exit lies outside the viewport rectangle {x0, y0, x1, y1}.
  void setClipping(vtkPlaneCollection* planes, std::optional<std::array<double, 4>> rect);

  // Shows or hides the labels of the off-map arrows (the arrows stay).
  void setExitLabelsVisible(bool visible);
  // The off-map labels shown (exit_indicators.h), for tests and layout.
  std::vector<ExitIndicators::Label> exitLabels() const;

  // The legend (empty when no run is visible or it is hidden); the scene places it.
  LegendBox& legend() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
