#pragma once
// The convergence panel: loss, f - f*, gradient norm, step norm or learning rate against
// iteration or evaluations, one curve per run in its colour; log or linear axes; the chart's own
// zoom (wheel) and pan (drag). Hovering reports the iteration under the mouse (on the
// evaluations axis, the selected run's iteration there) so the landscape can highlight it.
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>
#include "plots/convergence_chart.h"

namespace gradscape::gui {

class VtkView;

class ConvergencePanel : public QWidget {
  Q_OBJECT
 public:
  explicit ConvergencePanel(QWidget* parent = nullptr);
  ~ConvergencePanel() override;

  // f* of the objective, when known (enables the "f - f*" quantity).
  void setMinimum(std::optional<double> minimum);
  void setRuns(const std::vector<plots::RunView>& runs);
  void setQuantity(plots::ConvergenceQuantity quantity);
  plots::ConvergenceQuantity quantity() const;
  void setXAxis(plots::ConvergenceAxis axis);
  plots::ConvergenceAxis xAxis() const;
  // The run (index into setRuns' runs) whose evaluations map the evaluations axis to iterations
  // for the hover and the marker: the selected run.
  void setReferenceRun(int index);
  // A vertical line at an iteration (at the reference run's evaluations there on that axis).
  void setMarker(std::optional<double> iteration);
  VtkView* view() const;
  plots::ConvergenceChart& chart() const;

 signals:
  // The iteration under the mouse, or none when it left the plot area.
  void iterationHovered(std::optional<double> iteration);

 private:
  void redraw();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
