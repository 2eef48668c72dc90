#pragma once
// The spectrum panel: the Hessian spectrum of the loss at any iterate of a run (every
// eigenvalue, the Lanczos extremes, or the SLQ density), with the run's stability threshold
// (2/lr for GD) as a labelled line. The run is replayed to the iterate and analysed on a worker
// thread, cancellable, with progress; only the newest request's result is shown.
#include <QString>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>

#include "core/analysis/iterate_spectrum.h"
#include "plots/rgb.h"
#include "plots/spectrum_chart.h"

namespace gradscape::gui {

class VtkView;

class SpectrumPanel : public QWidget {
  Q_OBJECT
 public:
  explicit SpectrumPanel(QWidget* parent = nullptr);
  // Cancels and joins any analysis.
  ~SpectrumPanel() override;

  // The scenario whose runs are analysed (copied). Cancels a running analysis (without
  // analysisFailed); clears the chart when the objective changed.
  void setScenario(const Scenario& scenario);
  // Which run to analyse: index into scenario.runs, its legend name and colour, and how many
  // iterations it has taken so far (the iteration slider's range is 0..iterations; it follows
  // the run's progress while the slider sits at its end ("final")). A changed run (index or
  // settings) is analysed automatically, 200 ms later, when the panel is visible.
  void setRun(int index, const QString& name, plots::Rgb color, int64_t iterations);
  // Starts an analysis of the current run at the slider's iteration (cancels a running one).
  void analyse();
  // Cancels the running analysis: analysisFailed("cancelled") at once, busy() false.
  void cancel();
  bool busy() const;

  // The iteration the next analysis looks at (the slider's), and moving it as the user would
  // (clamped to 0..iterations; analysed automatically 200 ms later when visible).
  int64_t iteration() const;
  void setIteration(int64_t iteration);
  // The iteration of the shown result (lastReport()).
  std::optional<int64_t> reportedIteration() const;
  // What the chart shows: the spectrum (title included) and the threshold lines.
  const plots::SpectrumData& shownSpectrum() const;
  const std::vector<std::pair<std::string, double>>& shownThresholds() const;

  VtkView* view() const;
  plots::SpectrumChart& chart() const;
  const std::optional<SpectrumReport>& lastReport() const;

 signals:
  // A report is shown.
  void analysisFinished();
  // A bad request (e.g. Exact beyond 2000 dimensions, an iteration the run never reached), or
  // "cancelled" after cancel().
  void analysisFailed(QString message);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
