#pragma once
// The spectrum panel's state: its controls, the scenario and run it analyses, the newest
// request and the shown result, and the worker. Private to spectrum_panel.cpp (the controls and
// the public interface) and spectrum_panel_analysis.cpp (starting analyses and showing results).
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QString>
#include <QTimer>
#include <QToolButton>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/spectrum_job.h"
#include "app/gui/spectrum_panel.h"
#include "app/gui/vtk_view.h"

namespace gradscape::gui {

namespace spectrum_panel {

inline constexpr int kDebounceMs = 200;
// Fast analyses finish before the progress bar would appear: no flicker.
inline constexpr int kProgressDelayMs = 150;

// What an analysis is asked for; the shown result is stale when the current key differs.
struct RequestKey {
  ObjectiveSpec objective;
  RunSpec run;
  int index = -1;
  int64_t iteration = 0;
  SpectrumChoice choice = SpectrumChoice::Auto;
  bool operator==(const RequestKey&) const = default;
  bool sameRun(const RequestKey& o) const {
    return index == o.index && objective == o.objective && run == o.run;
  }
};

}  // namespace spectrum_panel

struct SpectrumPanel::Impl {
  SpectrumPanel* self = nullptr;
  plots::SpectrumChart chart;
  VtkView* view = nullptr;
  QComboBox* method = nullptr;
  QSlider* slider = nullptr;
  QSpinBox* spin = nullptr;
  QToolButton* finalButton = nullptr;
  QPushButton* analyse = nullptr;
  QProgressBar* progress = nullptr;
  QToolButton* cancel = nullptr;
  QLabel* summary = nullptr;
  QTimer debounce, progressDelay;

  std::optional<Scenario> scenario;
  int index = -1;
  QString name;
  plots::Rgb color;

  std::optional<spectrum_panel::RequestKey> requested;  // of the newest analysis started
  std::optional<SpectrumReport> report;
  std::optional<int64_t> reportedIteration;
  plots::SpectrumData shown;
  std::vector<std::pair<std::string, double>> thresholds;
  QString shownSummary;
  // Last: destroyed first, cancelling and joining every job while the rest is intact.
  std::unique_ptr<SpectrumWorker> worker;

  static QString tr(const char* text) { return SpectrumPanel::tr(text); }

  std::optional<spectrum_panel::RequestKey> currentKey() const;
  void setSummary(const QString& text, bool warning);
  void setBusy(bool on);
  void start();
  void onProgress(SpectrumJob::Stage stage, double fraction);
  void onDone(const SpectrumJobResult& result);
  // The title and colour of the shown spectrum follow the run's name and colour.
  void retitle();
  void clearShown();
  // Analyses a changed run, 200 ms later, unless the newest request already was of it.
  void scheduleWhenRunChanged();
  void autoAnalyse();
};

}  // namespace gradscape::gui
