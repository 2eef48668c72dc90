#include "app/gui/main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/gui/convergence_panel.h"
#include "app/gui/field_keys.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/message_banner.h"
#include "app/gui/objective_editor.h"
#include "app/gui/path_pca_job.h"
#include "app/gui/playback_actions.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_editor.h"
#include "app/gui/run_list_panel.h"
#include "app/gui/session_autosave.h"
#include "app/gui/sharpness_panel.h"
#include "app/gui/spectrum_panel.h"
#include "app/gui/vtk_view.h"
#include "core/scenario/scenario_edits.h"
#include "plots/run_label.h"

// The resources live in the static gradscape_gui library: register them explicitly
// (Q_INIT_RESOURCE must be called outside any namespace).
static void initGradscapeResources() {
  Q_INIT_RESOURCE(gradscape);
}

namespace gradscape::gui {

namespace {
QString qs(const std::string& text) {
  return QString::fromStdString(text);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  initGradscapeResources();
  setObjectName("mainWindow");
  setWindowIcon(QIcon(QStringLiteral(":/gradscape/icon.svg")));
  controller_ = new RunController(this);
  buildPanels();
  buildLandscapeProgress();
  buildActions();
  connectEditors();
  // Number fields leave the window's single-key shortcuts to the window; Enter hands the
  // keyboard back to the landscape view that is shown.
  new FieldKeys(this, [this]() -> QWidget* {
    for (QWidget* view : {static_cast<QWidget*>(landscape_->contourView()),
                          static_cast<QWidget*>(landscape_->surfaceView())}) {
      if (view->isVisible()) return view;
    }
    return landscape_;
  });
  restoreSettings();
}

MainWindow::~MainWindow() {
  // Not a clean end (that is closeEvent): a change still waiting for the autosave's delay is
  // written, and the autosave stays for the next start to offer. Written here, while the
  // window's state is still whole. (The members' destructors join a PathPcaJob still running.)
  if (autosave_) autosave_->flush();
}

void MainWindow::buildPanels() {
  landscape_ = new LandscapePanel(this);
  convergence_ = new ConvergencePanel(this);
  banner_ = new MessageBanner(this);
  buildAnalysisTabs();
  auto* central = new QWidget(this);
  auto* box = new QVBoxLayout(central);
  box->setContentsMargins(4, 4, 4, 0);
  box->setSpacing(4);
  box->addWidget(banner_);
  box->addWidget(landscape_, 1);
  setCentralWidget(central);

  // Left docks: what the runs share (objective, start, stop), and the runs themselves.
  objectiveEditor_ = new ObjectiveEditor(this);
  // "and", not "&": dock titles show an ampersand as it is, menus and tabs as a mnemonic.
  auto* scenarioDock = new QDockWidget(tr("Landscape and start"), this);
  scenarioDock->setObjectName("scenarioDock");
  auto* scenarioScroll = new QScrollArea(scenarioDock);
  scenarioScroll->setWidgetResizable(true);
  scenarioScroll->setFrameShape(QFrame::NoFrame);
  scenarioScroll->setWidget(objectiveEditor_);
  scenarioDock->setWidget(scenarioScroll);
  addDockWidget(Qt::LeftDockWidgetArea, scenarioDock);

  runList_ = new RunListPanel(this);
  runEditor_ = new RunEditor(this);
  auto* runsPane = new QWidget(this);
  auto* runsBox = new QVBoxLayout(runsPane);
  runsBox->setContentsMargins(4, 4, 4, 4);
  runsBox->addWidget(runList_);
  auto* editorScroll = new QScrollArea(runsPane);
  editorScroll->setWidgetResizable(true);
  editorScroll->setFrameShape(QFrame::NoFrame);
  editorScroll->setWidget(runEditor_);
  runsBox->addWidget(editorScroll, 1);
  auto* runsDock = new QDockWidget(tr("Runs"), this);
  runsDock->setObjectName("runsDock");
  runsDock->setWidget(runsPane);
  addDockWidget(Qt::LeftDockWidgetArea, runsDock);
  tabifyDockWidget(scenarioDock, runsDock);
  buildNotesDock(runsDock);
  runsDock->raise();
  resizeDocks({runsDock}, {360}, Qt::Horizontal);

  cursorLabel_ = new QLabel(this);
  cursorLabel_->setObjectName("cursorReadout");
  cursorLabel_->setMinimumWidth(260);
  cursorLabel_->setToolTip(tr("Landscape coordinates and f under the mouse"));
  summaryLabel_ = new QLabel(this);
  summaryLabel_->setObjectName("runSummary");
  progress_ = new QProgressBar(this);
  progress_->setObjectName("progress");
  progress_->setRange(0, 1000);
  progress_->setMaximumWidth(160);
  progress_->setTextVisible(false);
  progress_->setToolTip(tr("Iterations done of all allowed"));
  // Temporary messages (hover read-outs, divergences) take the left; the permanent read-outs sit
  // on the right, each behind a separator, so two messages never run into one line.
  for (QWidget* item : {static_cast<QWidget*>(summaryLabel_), static_cast<QWidget*>(progress_),
                        static_cast<QWidget*>(cursorLabel_)}) {
    if (item != progress_) {
      auto* separator = new QFrame(this);
      separator->setFrameShape(QFrame::VLine);
      separator->setFrameShadow(QFrame::Sunken);
      statusBar()->addPermanentWidget(separator);
      static_cast<QLabel*>(item)->setContentsMargins(6, 0, 6, 0);
    }
    statusBar()->addPermanentWidget(item);
  }
}

void MainWindow::connectEditors() {
  connect(controller_, &RunController::snapshotReady, this, &MainWindow::showSnapshot);
  connect(controller_, &RunController::error, this,
          [this](const QString& message) { banner_->showMessage(message); });
  connect(objectiveEditor_, &ObjectiveEditor::objectiveChanged, this, &MainWindow::objectiveEdited);
  connect(objectiveEditor_, &ObjectiveEditor::startChanged, this, [this] {
    const Vec start = objectiveEditor_->start();
    startEdited(start[0], start[1]);
  });
  connect(objectiveEditor_, &ObjectiveEditor::stopRulesChanged, this, &MainWindow::stopRulesEdited);
  connect(landscape_, &LandscapePanel::startPicked, this, [this](double x, double y) {
    objectiveEditor_->setStart(x, y);
    startEdited(x, y);
  });
  connect(landscape_, &LandscapePanel::pointHovered, this, &MainWindow::showCursor);
  connect(convergence_, &ConvergencePanel::iterationHovered, this,
          &MainWindow::showHoveredIteration);
  connect(runEditor_, &RunEditor::changed, this, &MainWindow::runEdited);
  connect(runList_, &RunListPanel::currentRowChanged, this, &MainWindow::showRunInEditor);
  connect(runList_, &RunListPanel::visibilityChanged, this, [this](int row, bool visible) {
    if (row < 0 || row >= int(scenario_.runs.size())) return;
    if (scenario_.runs[size_t(row)].visible == visible) return;
    scenario_.runs[size_t(row)].visible = visible;  // saved with the scenario
    if (row < int(views_.size())) views_[size_t(row)].visible = visible;
    markModified(true);
    redrawRuns();
  });
  connect(runList_, &RunListPanel::addRequested, this, &MainWindow::addRun);
  connect(runList_, &RunListPanel::duplicateRequested, this, &MainWindow::duplicateRun);
  connect(runList_, &RunListPanel::removeRequested, this, &MainWindow::removeRun);
  connectAnalysisTabs();
}

void MainWindow::setScenario(const Scenario& scenario, const QString& filePath) {
  scenario_ = scenario;
  scenario_.view.reset();  // the window's view is viewState()
  paramMemory_.assign(scenario_.runs.size(), {});
  filePath_ = filePath;
  resetSlice();
  pendingCameras_.reset();
  // The slice is chosen before the landscape is drawn; the rest of the view once it is.
  if (scenario.view) applySliceView(scenario.view->slice);
  sharpness_->setTrackingInterval(scenario_.curvature.every);
  // A scenario that tracks sharpness is about it: show that panel.
  analysisTabs_->setCurrentIndex(scenario_.curvature.every > 0 ? 1 : 0);
  objectiveEditor_->setScenario(scenario_);
  updateNotes();
  applyClassroomNow();
  banner_->hide();
  refreshRunList();
  markModified(false);
  spectrum_->setScenario(scenario_);
  updateSpectrumRun();
  refreshLandscape(kScenarioRuns);
  if (scenario.view) applyViewState(*scenario.view);
}

void MainWindow::play() {
  if (pending_) {
    runFollowUps(kPlay);  // once the landscape and its runs are there
    return;
  }
  controller_->play();
}

void MainWindow::setLiveMode(bool live) {
  playback_->live()->setChecked(live);
}
bool MainWindow::liveMode() const {
  return playback_->live()->isChecked();
}

void MainWindow::objectiveEdited() {
  scenario_.objective = objectiveEditor_->objective();
  try {
    // A change of dimension (or of the data an N-D model is fitted to) needs a new start:
    // the objective's own, seeded by the scenario.
    const auto objective = makeObjective(scenario_.objective);
    if (objective->dim() != 2 || scenario_.start.size() != 2) {
      setScenarioStart(scenario_, objective->defaultStart(scenario_.seed));
    } else if (const Box box = objective->domain();
               !(scenario_.start[0] >= box.lower[0] && scenario_.start[0] <= box.upper[0] &&
                 scenario_.start[1] >= box.lower[1] && scenario_.start[1] <= box.upper[1])) {
      // A start off the new map would run paths nobody sees from a point nobody can pick.
      const Vec old = scenario_.start;
      setScenarioStart(scenario_, objective->defaultStart(scenario_.seed));
      objectiveEditor_->setStart(scenario_.start[0], scenario_.start[1]);
      statusBar()->showMessage(
          tr("The start (%1, %2) lies outside the new map; it moved to this objective's default "
             "start (%3, %4).")
              .arg(old[0], 0, 'g', 4)
              .arg(old[1], 0, 'g', 4)
              .arg(scenario_.start[0], 0, 'g', 4)
              .arg(scenario_.start[1], 0, 'g', 4),
          10000);
    }
    // Minibatches only where there are samples, and no more than there are.
    for (auto& run : scenario_.runs) {
      if (objective->sampleCount() == 0) run.minibatch = {};
      run.minibatch.size = std::min(run.minibatch.size, objective->sampleCount());
    }
  } catch (const std::exception&) {
    // refreshLandscape() reports it.
  }
  resetSlice();
  markModified(true);
  applyClassroomNow();  // a new objective rebuilt its form
  refreshLandscape(kRestartRuns);
}

void MainWindow::startEdited(double x, double y) {
  if (scenario_.start.size() != 2) {
    statusBar()->showMessage(
        tr("A many-dimensional problem starts at its seeded initialisation; the map shows a "
           "slice, so the start cannot be moved on it."),
        6000);
    return;
  }
  if (!classroomAllows("start")) {
    // The marker and the fields go back.
    landscape_->setStartPoint(scenario_.start[0], scenario_.start[1]);
    objectiveEditor_->setStart(scenario_.start[0], scenario_.start[1]);
    return;
  }
  if (const int kept = setScenarioStart(scenario_, Vec{{x, y}}); kept > 0) {
    statusBar()->showMessage(
        tr("%n run(s) keep the start of their own from the scenario file", "", kept), 6000);
  }
  landscape_->setStartPoint(x, y);
  markModified(true);
  restartRuns();
}

void MainWindow::stopRulesEdited() {
  if (const int kept = setScenarioStop(scenario_, objectiveEditor_->stopRules()); kept > 0) {
    statusBar()->showMessage(
        tr("%n run(s) keep the stop rules of their own from the scenario file", "", kept), 6000);
  }
  markModified(true);
  restartRuns();
}

void MainWindow::runEdited() {
  const int row = runList_->currentRow();
  if (row < 0 || row >= int(scenario_.runs.size())) return;
  const bool visible = scenario_.runs[size_t(row)].visible;  // the list's, not the editor's
  scenario_.runs[size_t(row)] = runEditor_->runSpec();
  scenario_.runs[size_t(row)].visible = visible;
  paramMemory_.resize(scenario_.runs.size());
  paramMemory_[size_t(row)] = runEditor_->paramMemory();
  // In place: rebuilding the list would re-show the run and rebuild the editor under the
  // slider the user is dragging.
  runList_->updateEntry(
      row, {qs(plots::runNames(scenario_.runs)[size_t(row)].label), plots::runColor(row), visible});
  markModified(true);
  applyClassroomNow();  // a new optimizer rebuilt its form
  restartRuns();
}

void MainWindow::restartRuns() {
  if (pending_) {
    runFollowUps(kRestartRuns);  // on the objective whose landscape is being built
    return;
  }
  if (!validateRuns()) {
    showNoRuns();
    return;
  }
  if (banner_->isVisible() && banner_->text().startsWith(tr("Run "))) banner_->hide();
  controller_->setScenario(scenario_, projection_);
  spectrum_->setScenario(scenario_);
  if (liveMode()) {
    awaitingLiveResult_ = true;
    controller_->runToEnd();
  }
}

void MainWindow::refreshRunList() {
  std::vector<RunListEntry> entries;
  const auto names = plots::runNames(scenario_.runs);
  for (size_t i = 0; i < scenario_.runs.size(); ++i) {
    entries.push_back({qs(names[i].label), plots::runColor(int(i)), scenario_.runs[i].visible});
  }
  runList_->setEntries(entries);
  for (size_t i = 0; i < snapshot_.runs.size() && i < entries.size(); ++i) {
    const auto& run = snapshot_.runs[i];
    runList_->setStatus(int(i), qs(run.statusText), run.status == RunStatus::Diverged);
  }
}

void MainWindow::showRunInEditor(int row) {
  if (row < 0 || row >= int(scenario_.runs.size())) return;
  convergence_->setReferenceRun(row);  // the evaluations axis' hover reads this run
  paramMemory_.resize(scenario_.runs.size());
  runEditor_->setRunSpec(scenario_.runs[size_t(row)], paramMemory_[size_t(row)]);
  applyClassroomNow();  // the editor's forms were rebuilt
}

void MainWindow::markModified(bool modified) {
  modified_ = modified;
  updateTitle();
  sessionChanged();
}

void MainWindow::updateTitle() {
  const QString name = filePath_.isEmpty() ? tr("untitled") : QFileInfo(filePath_).fileName();
  setWindowTitle(QStringLiteral("%1[*] — %2 — Gradscape").arg(name, qs(scenario_.name)));
  setWindowModified(modified_);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!confirmDiscard()) {
    event->ignore();
    return;
  }
  saveSettings();
  controller_->stop();
  // Saved or deliberately discarded: nothing for the next start to offer.
  if (autosave_) autosave_->finish();
  event->accept();
}

}  // namespace gradscape::gui
