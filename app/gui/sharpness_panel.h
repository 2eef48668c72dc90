#pragma once
// The sharpness panel: each run's largest Hessian eigenvalue against iteration with its
// stability threshold (2/lr for GD, 2(1+beta)/lr with momentum) as a dashed line in the run's
// colour — the edge-of-stability picture. Tracking costs time, so it is switched on here:
// "Track every K steps" sets the curvature tracking of every run.
//
// Child objectNames, for tests: "sharpnessEvery" QSpinBox (0 = off), "sharpnessBottom" and
// "sharpnessLogY" QCheckBox, "sharpnessHint" QLabel (shown while nothing is tracked),
// "sharpnessView" VtkView.
#include <QWidget>
#include <memory>
#include <vector>

#include "core/run/run_spec.h"
#include "plots/run_view.h"
#include "plots/sharpness_chart.h"
#include "plots/sharpness_series.h"

namespace gradscape::gui {

class VtkView;

class SharpnessPanel : public QWidget {
  Q_OBJECT
 public:
  explicit SharpnessPanel(QWidget* parent = nullptr);
  ~SharpnessPanel() override;

  // The runs' settings (for their thresholds) and what they have recorded so far.
  void setRuns(const std::vector<RunSpec>& specs, const std::vector<plots::RunView>& views);
  // Shows a tracking interval set elsewhere (a loaded scenario), without emitting.
  void setTrackingInterval(int64_t every);
  VtkView* view() const;
  plots::SharpnessChart& chart() const;

 signals:
  // The user chose to track every K steps (0 = off).
  void trackingIntervalChanged(int64_t every);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

using plots::sharpnessSeries;  // the chart's series for runs (plots/sharpness_series.h)

}  // namespace gradscape::gui
