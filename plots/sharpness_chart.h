#pragma once
// The sharpness panel's chart (vtkChartXY), the edge-of-stability picture of Cohen et al.,
// "Gradient Descent on Neural Networks Typically Occurs at the Edge of Stability" (ICLR 2021):
// the top Hessian eigenvalue of each run against iteration, with the run's stability threshold
// c / lr_k (2 / lr for gradient descent) as a dashed line in the run's colour, and optionally
// the smallest eigenvalue as a dotted line. Zoom and pan by the chart's own interaction; a
// vertical marker at a chosen iteration. No Qt.
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "plots/rgb.h"

class vtkRenderer;
class vtkContextScene;

namespace gradscape::plots {

struct SharpnessSeries {
  std::string name;  // legend text; the threshold is "<name> threshold"
  Rgb color;
  bool visible = true;
  // Curvature samples: top (largest) and bottom (smallest) Hessian eigenvalue at these
  // iterations. `bottom` may be empty.
  std::vector<double> iteration, top, bottom;
  // The stability threshold c / lr_k along the run; empty when the optimizer has none. A
  // constant lr gives a flat line, a schedule a curve; a single sample is drawn flat across
  // the run's iterations.
  std::vector<double> thresholdIteration, threshold;
};

class SharpnessChart {
 public:
  SharpnessChart();
  ~SharpnessChart();
  SharpnessChart(const SharpnessChart&) = delete;
  SharpnessChart& operator=(const SharpnessChart&) = delete;

  // A renderer holding the chart, and the context scene a vtkContextInteractorStyle needs.
  vtkRenderer* renderer() const;
  vtkContextScene* scene() const;

  // Replaces the curves. Invisible series are left out, and so are points that are not finite
  // or cannot be drawn on a log axis (<= 0).
  void setSeries(const std::vector<SharpnessSeries>& series);
  // Also draws each series' smallest eigenvalue as a thin dotted line, in the legend as
  // "<name> smallest" (negative values matter: saddles; a log y axis cannot show them).
  void setShowBottom(bool on);
  bool showBottom() const;
  void setLogY(bool on);
  bool logY() const;
  void setLogX(bool on);
  bool logX() const;
  // Refits both axes to the data (after the user zoomed or panned).
  void resetZoom();
  // The iteration under a display position (VTK display coordinates), when it is inside the
  // plot area.
  std::optional<double> iterationAt(double displayX, double displayY) const;
  // Draws (or removes) a vertical line at an iteration.
  void setMarker(std::optional<double> iteration);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
