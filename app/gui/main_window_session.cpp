// The main window's session autosave: the unsaved work (scenario, file, view state) is written a
// moment after each change, removed once nothing is unsaved, and the work of a session whose
// program died is offered for restore at the next start.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLocale>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/playback_actions.h"
#include "app/gui/restore_prompt.h"
#include "app/gui/run_list_panel.h"
#include "app/gui/session_autosave.h"

namespace gradscape::gui {

namespace {

// The chart's quantity and the view state's are the same list (plots::convergenceQuantity).
using Quantity = ViewState::Quantity;
static_assert(int(ViewState::Layout::Contour) == int(LandscapePanel::Layout::Contour) &&
              int(ViewState::Layout::Surface) == int(LandscapePanel::Layout::Surface) &&
              int(ViewState::Layout::Both) == int(LandscapePanel::Layout::Both));

// "14:32" today, "3 Jun 2025 14:32" on another day.
QString whenText(const QDateTime& time) {
  const QDateTime local = time.toLocalTime();
  const QLocale locale;
  if (local.date() == QDate::currentDate())
    return locale.toString(local.time(), QStringLiteral("HH:mm"));
  return locale.toString(local, QStringLiteral("d MMM yyyy HH:mm"));
}

}  // namespace

void MainWindow::startAutosave(const QString& directory) {
  if (autosave_) return;  // once per window: a second session would offer the first
  autosave_ = std::make_unique<SessionAutosave>(directory, [this] {
    return sessionToJson(
        {scenario_, filePath_, modified_, viewState(), QDateTime::currentDateTimeUtc()});
  });
  if (!autosave_->error().isEmpty()) {
    banner_->showMessage(tr("Autosave is off: %1. Unsaved work is lost if the program ends "
                            "unexpectedly.")
                             .arg(autosave_->error()),
                         MessageBanner::Kind::Warning);
  }
  connect(autosave_.get(), &SessionAutosave::written, this, [this] { autosaveFailing_ = false; });
  connect(autosave_.get(), &SessionAutosave::writeFailed, this, [this](const QString& reason) {
    if (autosaveFailing_) return;  // said once until it works again
    autosaveFailing_ = true;
    banner_->showMessage(tr("Autosave failed: %1. Save the work to keep it safe.").arg(reason),
                         MessageBanner::Kind::Warning);
  });
  connectViewChanges();

  if (!restorePrompt_) {
    restorePrompt_ = new RestorePrompt(centralWidget());
    // Above the message banner and the views.
    static_cast<QVBoxLayout*>(centralWidget()->layout())->insertWidget(0, restorePrompt_);
    connect(restorePrompt_, &RestorePrompt::restoreChosen, this,
            &MainWindow::restoreCrashedSession);
    connect(restorePrompt_, &RestorePrompt::discardChosen, this,
            &MainWindow::discardCrashedSession);
  }
  crashed_ = claimCrashedSessions(autosave_->directory());
  QStringList unreadable;
  for (auto it = crashed_.begin(); it != crashed_.end();) {
    if (it->session) {
      ++it;
      continue;
    }
    unreadable << tr("The autosaved work from %1 could not be read (%2); the file is kept at %3.")
                      .arg(whenText(it->time), it->error, it->path);
    it = crashed_.erase(it);
  }
  if (!unreadable.isEmpty()) {
    banner_->showMessage(unreadable.join('\n'), MessageBanner::Kind::Warning);
  }
  offerNextCrashedSession();
  sessionChanged();
}

void MainWindow::sessionChanged() {
  if (!autosave_) return;
  if (modified_) {
    autosave_->schedule();
  } else {
    autosave_->clear();  // nothing unsaved: nothing to restore
  }
}

void MainWindow::viewChanged() {
  if (autosave_ && modified_) autosave_->schedule();
}

void MainWindow::connectViewChanges() {
  const auto changed = [this] { viewChanged(); };
  for (QAction* action : layoutActions_) connect(action, &QAction::triggered, this, changed);
  for (QAction* action :
       {logScaleAction_, arrowsAction_, glyphAction_, stepsAction_, playback_->live()}) {
    connect(action, &QAction::toggled, this, changed);
  }
  connect(analysisTabs_, &QTabWidget::currentChanged, this, changed);
  connect(runList_, &RunListPanel::currentRowChanged, this, changed);
  for (const char* name : {"quantity", "xAxis"}) {
    if (auto* box = convergence_->findChild<QComboBox*>(name)) {
      connect(box, &QComboBox::currentIndexChanged, this, changed);
    }
  }
  for (const char* name : {"logX", "logY"}) {
    if (auto* box = convergence_->findChild<QCheckBox*>(name)) {
      connect(box, &QCheckBox::toggled, this, changed);
    }
  }
}

ViewState MainWindow::viewState() const {
  ViewState view;
  view.layout = static_cast<ViewState::Layout>(landscape_->layout());
  view.logColourScale = logScaleAction_->isChecked();
  view.gradientArrows = arrowsAction_->isChecked();
  view.quadraticModel = glyphAction_->isChecked();
  view.newtonSteps = stepsAction_->isChecked();
  view.analysisTab = analysisTabs_->currentIndex();
  view.chartQuantity = static_cast<Quantity>(convergence_->quantity());
  view.chartX = static_cast<ViewState::ChartX>(convergence_->xAxis());
  if (auto* box = convergence_->findChild<QCheckBox*>("logX")) view.chartLogX = box->isChecked();
  if (auto* box = convergence_->findChild<QCheckBox*>("logY")) view.chartLogY = box->isChecked();
  view.selectedRun = std::max(runList_->currentRow(), 0);
  view.liveMode = liveMode();
  view.mapBox = landscape_->mapZoomBox();
  view.surfaceCamera = landscape_->surfaceCamera();
  if (pendingCameras_) {  // not on the views yet: they show the previous landscape
    view.mapBox = pendingCameras_->map;
    view.surfaceCamera = pendingCameras_->surface;
  }
  view.slice = sliceView();
  return view;
}

void MainWindow::applyViewState(const ViewState& view) {
  // The cameras go on the landscape these settings draw (at once when it is already shown).
  pendingCameras_ = PendingCameras{view.mapBox, view.surfaceCamera};
  if (applySliceView(view.slice)) refreshLandscape(kSetProjection);
  landscape_->setLayout(static_cast<LandscapePanel::Layout>(view.layout));
  showLayoutChecked(int(view.layout));
  logScaleAction_->setChecked(view.logColourScale);
  arrowsAction_->setChecked(view.gradientArrows);
  glyphAction_->setChecked(view.quadraticModel);
  stepsAction_->setChecked(view.newtonSteps);
  analysisTabs_->setCurrentIndex(std::clamp(view.analysisTab, 0, analysisTabs_->count() - 1));
  convergence_->setQuantity(plots::convergenceQuantity(view.chartQuantity));
  convergence_->setXAxis(plots::convergenceAxis(view.chartX));
  if (auto* box = convergence_->findChild<QCheckBox*>("logX")) box->setChecked(view.chartLogX);
  if (auto* box = convergence_->findChild<QCheckBox*>("logY")) box->setChecked(view.chartLogY);
  if (view.selectedRun < runList_->count()) runList_->setCurrentRow(view.selectedRun);
  setLiveMode(view.liveMode);
  if (!pending_) applyPendingCameras();
}

void MainWindow::showLayoutChecked(int layout) {
  if (layout >= 0 && layout < int(layoutActions_.size()) && layoutActions_[size_t(layout)]) {
    layoutActions_[size_t(layout)]->setChecked(true);
  }
}

void MainWindow::offerNextCrashedSession() {
  if (crashed_.empty()) {
    restorePrompt_->hide();
    return;
  }
  const CrashedSession& next = crashed_.front();
  const Session& session = *next.session;
  const QString name = session.filePath.isEmpty() ? tr("an untitled scenario")
                                                  : QFileInfo(session.filePath).fileName();
  const int runs = int(session.scenario.runs.size());
  QString details =
      tr("Gradscape ended unexpectedly (a crash, or the program was killed) while %1 — “%2”, "
         "%3 — had unsaved changes. Restore brings them back with the views as they were; "
         "Discard deletes them.")
          .arg(name, QString::fromStdString(session.scenario.name),
               runs == 1 ? tr("1 run") : tr("%1 runs").arg(runs));
  if (crashed_.size() > 1) {
    details += tr(" (%1 more sessions after this one.)").arg(crashed_.size() - 1);
  }
  restorePrompt_->ask(tr("Restore the unsaved work from %1?").arg(whenText(next.time)), details);
}

void MainWindow::restoreCrashedSession() {
  if (crashed_.empty()) return;
  if (!confirmDiscard()) return;  // the work on screen is not given up without asking
  CrashedSession crashed = std::move(crashed_.front());
  crashed_.erase(crashed_.begin());
  const Session& session = *crashed.session;
  Scenario shown = session.scenario;
  shown.view = session.view;
  setScenario(shown, session.filePath);
  markModified(session.modified);
  // This session holds the work now: its own autosave is on disk before the old one goes.
  if (modified_) {
    autosave_->writeNow();
    autosave_->waitForIdle();
  }
  removeCrashedSession(crashed);
  play();
  statusBar()->showMessage(tr("Restored the work from %1").arg(whenText(crashed.time)), 8000);
  offerNextCrashedSession();
}

void MainWindow::discardCrashedSession() {
  if (crashed_.empty()) return;
  removeCrashedSession(crashed_.front());
  crashed_.erase(crashed_.begin());
  offerNextCrashedSession();
}

}  // namespace gradscape::gui
