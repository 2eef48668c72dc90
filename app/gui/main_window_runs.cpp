// The main window's side of the engine: showing snapshots in the views, the run list and the
// status bar; hover read-outs.
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <algorithm>
#include <cmath>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_list_panel.h"
#include "app/gui/sharpness_panel.h"
#include "plots/run_views.h"

namespace gradscape::gui {

namespace {
QString qs(const std::string& text) {
  return QString::fromStdString(text);
}
}  // namespace

void MainWindow::showSnapshot(EngineSnapshot snapshot) {
  if (snapshot.generation != controller_->generation()) return;  // a newer scenario is coming
  // Live mode: the iteration-0 picture of a rerun would only delay the result behind a frame.
  const bool atStart = std::all_of(snapshot.runs.begin(), snapshot.runs.end(),
                                   [](const RunSnapshot& run) { return run.iterations == 0; });
  if (awaitingLiveResult_ && atStart && !snapshot.allFinished) return;
  awaitingLiveResult_ = false;
  views_.clear();
  views_.reserve(snapshot.runs.size());
  int running = 0, diverged = 0, done = 0;
  QString divergedNames;
  for (auto& run : snapshot.runs) {
    views_.push_back(std::move(run.view));
    run.view = {};
  }
  plots::nameRunViews(views_, scenario_.runs);  // unique names: "Adam", "Adam (2)"
  for (size_t i = 0; i < snapshot.runs.size(); ++i) {
    const auto& run = snapshot.runs[i];
    QString status = qs(run.statusText);
    if (run.status == RunStatus::Running) {
      ++running;
      status = tr("%L1 / %L2").arg(run.iterations).arg(run.maxIterations);
    } else {
      ++done;
      if (std::isfinite(run.loss)) status += tr(" · f = %1").arg(run.loss, 0, 'g', 6);
    }
    if (run.status == RunStatus::Diverged) {
      ++diverged;
      if (i < scenario_.runs.size()) {
        divergedNames += (divergedNames.isEmpty() ? "" : "; ") +
                         tr("%1 %2").arg(qs(views_[i].name), qs(run.statusText));
      }
    }
    runList_->setStatus(int(i), status, run.status == RunStatus::Diverged);
  }
  snapshot_ = std::move(snapshot);
  summaryLabel_->setText(running > 0 ? tr("%1 running, %2 finished").arg(running).arg(done)
                                     : tr("%1 finished").arg(done) +
                                           (diverged ? tr(", %1 diverged").arg(diverged) : ""));
  progress_->setValue(int(std::lround(snapshot_.progress * 1000)));
  if (diverged > 0 && snapshot_.allFinished) statusBar()->showMessage(divergedNames, 10000);
  if (snapshot_.allFinished) fitSliceToPaths();
  redrawRuns();
  emit snapshotShown(snapshot_.generation);
}

void MainWindow::fitSliceToPaths() {
  if (!projection_) return;
  double reach = 0.0;
  for (const auto& view : views_) {
    for (size_t k = 0; k < view.x.size(); ++k) {
      if (std::isfinite(view.x[k])) reach = std::max(reach, std::abs(view.x[k]));
      if (std::isfinite(view.y[k])) reach = std::max(reach, std::abs(view.y[k]));
    }
  }
  // Grow (never shrink: the picture should not jump while the user explores) to hold every
  // path with a margin, once the runs have finished.
  if (reach <= landscape_->landscape().grid.xmax) return;
  sliceHalfWidth_ = 1.25 * reach;
  refreshLandscape();
}

void MainWindow::redrawRuns() {
  landscape_->setRuns(views_);
  convergence_->setRuns(views_);
  sharpness_->setRuns(scenario_.runs, views_);
  updateCurvatureGlyph();
  updateSpectrumRun();
  updateUpdateView();
}

std::optional<std::pair<size_t, size_t>> MainWindow::selectedRow(
    std::optional<double> iteration) const {
  const int run = std::max(runList_->currentRow(), 0);
  if (run >= int(views_.size()) || views_[size_t(run)].empty()) return std::nullopt;
  const auto& view = views_[size_t(run)];
  if (!iteration) return std::pair{size_t(run), size_t(view.size() - 1)};
  // The iterate nearest to that iteration (rows may be thinned).
  const auto it = std::lower_bound(view.iteration.begin(), view.iteration.end(), *iteration);
  size_t k = size_t(std::min<std::ptrdiff_t>(it - view.iteration.begin(), view.size() - 1));
  if (k > 0 &&
      std::abs(view.iteration[k - 1] - *iteration) < std::abs(view.iteration[k] - *iteration)) {
    --k;
  }
  return std::pair{size_t(run), k};
}

void MainWindow::showHoveredIteration(std::optional<double> iteration) {
  convergence_->setMarker(iteration);
  hoveredIteration_ = iteration;
  updateCurvatureGlyph();
  if (!iteration) {
    landscape_->setHighlight(std::nullopt);
    return;
  }
  const auto selected = selectedRow(iteration);
  if (!selected) return;
  const auto& view = views_[selected->first];
  const size_t k = selected->second;
  landscape_->setHighlight(std::array<double, 2>{view.x[k], view.y[k]});
  statusBar()->showMessage(tr("%1 at iteration %L2: f = %3, |g| = %4")
                               .arg(qs(view.label))
                               .arg(qint64(view.iteration[k]))
                               .arg(view.loss[k], 0, 'g', 6)
                               .arg(view.gradNorm[k], 0, 'g', 4),
                           4000);
}

void MainWindow::showCursor(std::optional<std::array<double, 2>> point) {
  if (!point || !objective_) {
    cursorLabel_->clear();
    return;
  }
  const Vec x{{(*point)[0], (*point)[1]}};
  cursorLabel_->setText(tr("x = %1   y = %2   f = %3")
                            .arg(x[0], 0, 'f', 4)
                            .arg(x[1], 0, 'f', 4)
                            .arg(objective_->value(x), 0, 'g', 6));
}

void MainWindow::showNoRuns() {
  // What is on screen belongs together: the views keep no paths of runs made for another
  // problem or other settings (the banner says which run to change).
  Scenario none = scenario_;
  none.runs.clear();
  controller_->setScenario(none, projection_);
}

bool MainWindow::validateRuns() {
  if (!objective_) return false;
  for (size_t i = 0; i < scenario_.runs.size(); ++i) {
    try {
      Run probe(objective_, scenario_.runs[i], 4);  // the smallest trace a run accepts
    } catch (const std::exception& e) {
      banner_->showMessage(tr("Run %1 \"%2\": %3 — no run is shown until it is changed.")
                               .arg(i + 1)
                               .arg(qs(scenario_.runs[i].label), qs(e.what())));
      return false;
    }
  }
  return true;
}

}  // namespace gradscape::gui
