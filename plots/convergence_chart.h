#pragma once
// The convergence panel's chart (vtkChartXY): one curve per run in the run's colour, of the
// chosen quantity against iteration or evaluations; linear or log axes (a log y axis the data
// cannot use turns linear, with a notice in the chart's title); a diverged run ends in a cross;
// zoom and pan by the chart's own interaction; a vertical marker at a chosen iteration. No Qt.
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "core/scenario/view_state.h"
#include "plots/run_view.h"

class vtkRenderer;
class vtkContextScene;

namespace gradscape::plots {

enum class ConvergenceQuantity {
  Loss,          // f(x_k)
  Gap,           // f(x_k) - f*, when the minimum f* is known
  GradNorm,      // ||g_k||
  LearningRate,  // lr_k
  StepNorm       // ||x_{k+1} - x_k||
};
// The axis title, typeset: "f(x) − f*", "‖∇f(x)‖", "‖xₖ₊₁ − xₖ‖" (UTF-8; the chart shows
// text_style's displayable() of it).
const char* quantityName(ConvergenceQuantity q);
// The quantity a saved view names (core/scenario/view_state.h: the same list in the same order).
ConvergenceQuantity convergenceQuantity(ViewState::Quantity q);
// What the chart is given to draw `q`: the gap f - f* needs the minimum, so without a known
// minimum it is the loss (the convergence panel and `gradscape-cli render` both fall back so).
ConvergenceQuantity drawableQuantity(ConvergenceQuantity q, std::optional<double> minimum);

// What the x axis counts: iterations, or the evaluations spent (field plus loss-only: runs
// whose steps cost several, as L-BFGS's line search, compare fairly with one-evaluation steps).
enum class ConvergenceAxis { Iteration, Evaluations };
// "iteration", "evaluations".
const char* axisName(ConvergenceAxis axis);
// The axis a saved view names (core/scenario/view_state.h).
ConvergenceAxis convergenceAxis(ViewState::ChartX x);

class ConvergenceChart {
 public:
  ConvergenceChart();
  ~ConvergenceChart();
  ConvergenceChart(const ConvergenceChart&) = delete;
  ConvergenceChart& operator=(const ConvergenceChart&) = delete;

  // A renderer holding the chart, and the context scene a vtkContextInteractorStyle needs.
  vtkRenderer* renderer() const;
  vtkContextScene* scene() const;

  // Replaces the curves. `minimum` is f* (used for Gap). Points that are not finite, and
  // iteration 0 on a log x axis, are left out; so are invisible runs. A value <= 0 is never
  // left out: while the curves hold one, a log y axis is drawn linear and notice() says why.
  // A diverged run's last drawn point carries a cross, and its legend entry says "diverged".
  void setRuns(const std::vector<RunView>& runs, ConvergenceQuantity quantity,
               std::optional<double> minimum);
  // The x axis of the curves the next setRuns draws.
  void setXAxis(ConvergenceAxis axis);
  ConvergenceAxis xAxis() const;
  void setLogX(bool on);
  void setLogY(bool on);
  bool logX() const;
  bool logY() const;  // the log y axis asked for (see logYShown)
  // Whether the y axis is drawn logarithmic now: logY() unless a value is <= 0.
  bool logYShown() const;
  // The chart's title while a log y axis was asked for but is drawn linear, e.g. "Log y off:
  // values down to -3.2e+05 (≤ 0) need a linear axis"; empty otherwise.
  const std::string& notice() const;
  // Refits both axes to the data (after the user zoomed or panned).
  void resetZoom();
  // The x under a display position (VTK display coordinates), when it is inside the plot area:
  // an iteration, or on the evaluations axis a number of evaluations.
  std::optional<double> xAt(double displayX, double displayY) const;
  // Draws (or removes) a vertical line at x (in the axis' units, as xAt).
  void setMarker(std::optional<double> x);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
