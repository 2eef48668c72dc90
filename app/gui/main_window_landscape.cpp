// The main window's landscape: the objective drawn on the views, or for many-dimensional
// problems a slice of it (the top-2 Hessian eigenvectors at the start or at an iterate, the
// principal components of a run's path, or random directions) and switching between slices
// without rerunning the runs. A slice is built on a LandscapeJob (a sample of a 10^6-dimensional
// problem takes milliseconds) with progress and Cancel in the status bar; until it is done the
// views keep the previous landscape and its runs, and what was to follow (new runs, play) waits.
#include <QAction>
#include <QActionGroup>
#include <QHBoxLayout>
#include <QMenu>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <algorithm>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_job.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/model_panel.h"
#include "app/gui/objective_editor.h"
#include "app/gui/path_pca_job.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_editor.h"
#include "app/gui/run_list_panel.h"
#include "core/analysis/slice_objective.h"
#include "core/objectives/mlp_classifier.h"
#include "core/objectives/objective_registry.h"
#include "core/scenario/objective_title.h"
#include "core/scenario/scenario_edits.h"
#include "plots/landscape_content.h"

namespace gradscape::gui {

namespace {

QString qs(const std::string& text) {
  return QString::fromStdString(text);
}

enum SliceDirections { kHessian = 0, kHessianAtIterate = 1, kPathPca = 2, kRandom = 3 };
}  // namespace

void MainWindow::refreshLandscape(unsigned followUps) {
  std::shared_ptr<const Objective> objective;
  try {
    objective = makeObjective(scenario_.objective);
  } catch (const std::exception& e) {
    banner_->showMessage(qs(e.what()));
    runFollowUps(followUps);
    return;
  }
  LandscapeRequest request;
  request.objective = objective;
  request.start = scenario_.start;
  request.title = objectiveTitle(scenario_.objective);
  request.minHalfWidth = sliceHalfWidth_;
  request.plane = slicePlane_;
  request.style.scale =
      logScaleAction_->isChecked() ? plots::ColorScale::Log : plots::ColorScale::Linear;
  request.style.gradientArrows = arrowsAction_->isChecked();
  const uint64_t id = ++landscapeRequest_;
  // A request replaced by this one is dropped when it reports; what was to follow it follows
  // this one.
  for (auto& [jobId, job] : landscapeJobs_) job->cancel();
  if (pending_) followUps |= pending_->followUps;
  if (objective->dim() == 2) {  // a few milliseconds: here, and shown at once
    pending_.reset();
    landscapeProgress_->hide();
    const BuiltLandscape built = buildLandscape(request);
    if (built.error.empty()) {
      objective_ = objective;
      showLandscape(built);
    } else {
      banner_->showMessage(tr("Cannot draw this landscape: %1").arg(qs(built.error)));
    }
    runFollowUps(followUps);
    return;
  }
  pending_ = LandscapeWait{id, objective, followUps};
  auto* bar = landscapeProgress_->findChild<QProgressBar*>();
  bar->setValue(0);
  // Progress and Cancel only for work that takes a while (a refit of a small slice does not).
  QTimer::singleShot(250, this, [this, id, dim = objective->dim()] {
    if (!pending_ || pending_->request != id) return;
    landscapeProgress_->show();
    statusBar()->showMessage(tr("Drawing a slice of the landscape of %1 dimensions...").arg(dim));
  });
  auto post = [this](std::function<void()> call) {
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
  };
  landscapeJobs_[id] = std::make_unique<LandscapeJob>(
      std::move(request),
      [post, bar](double share) { post([bar, share] { bar->setValue(int(share * 1000)); }); },
      [this, post, id](BuiltLandscape built) {
        post([this, id, built = std::move(built)] { landscapeBuilt(id, built); });
      });
}

void MainWindow::landscapeBuilt(uint64_t request, const BuiltLandscape& built) {
  landscapeJobs_.erase(request);                          // it has reported: joins at once
  if (!pending_ || pending_->request != request) return;  // replaced or cancelled
  const LandscapeWait wait = *pending_;
  pending_.reset();
  if (landscapeProgress_->isVisible()) statusBar()->clearMessage();
  landscapeProgress_->hide();
  if (!built.error.empty()) {
    banner_->showMessage(tr("Cannot draw a slice of this landscape: %1").arg(qs(built.error)));
  }
  if (built.error.empty() && !built.cancelled) {
    objective_ = wait.objective;
    showLandscape(built);
  }
  runFollowUps(wait.followUps);
}

void MainWindow::cancelLandscape() {
  if (!pending_) return;
  for (auto& [jobId, job] : landscapeJobs_) job->cancel();
  const unsigned followUps = pending_->followUps;
  pending_.reset();
  pendingCameras_.reset();  // they belonged to the landscape that is not coming
  landscapeProgress_->hide();
  // Back to what the views show, so the runs that follow belong to it.
  const bool sameObjective = scenario_.objective == shownObjective_;
  scenario_.objective = shownObjective_;
  setScenarioStart(scenario_, shownStart_);
  slicePlane_ = shownPlane_;
  objectiveEditor_->setScenario(scenario_);
  statusBar()->showMessage(
      sameObjective ? tr("Drawing the landscape was cancelled: the views keep the one shown")
                    : tr("Drawing the landscape was cancelled: the objective is back to the one "
                         "shown, %1")
                          .arg(qs(objectiveTitle(shownObjective_))),
      10000);
  if (!sameObjective) markModified(true);
  runFollowUps(followUps);
}

void MainWindow::runFollowUps(unsigned followUps) {
  if (pending_) {
    pending_->followUps |= followUps;
    return;
  }
  if (followUps & kScenarioRuns) {
    if (validateRuns()) {
      controller_->setScenario(scenario_, projection_);
    } else {
      showNoRuns();
    }
  }
  if (followUps & kRestartRuns) restartRuns();
  if ((followUps & kSetProjection) && !(followUps & (kScenarioRuns | kRestartRuns))) {
    // The runs go on where they are; their next snapshot is drawn on the new slice.
    controller_->setProjection(projection_);
  }
  if (followUps & kPlay) controller_->play();
}

void MainWindow::showLandscape(const BuiltLandscape& built) {
  const LandscapeSource& source = built.source;
  if (!(shownObjective_ == scenario_.objective) && !views_.empty()) {
    // No path of the previous problem's runs on this one's map, not even until the new runs'
    // first snapshot arrives.
    views_.clear();
    redrawRuns();
  }
  shownObjective_ = scenario_.objective;
  shownStart_ = scenario_.start;
  shownPlane_ = slicePlane_;
  projection_ = source.projection;
  const auto* slice = dynamic_cast<const SliceObjective*>(source.shown.get());
  viewPlane_ = slice ? std::make_shared<const SlicePlane>(slice->plane()) : nullptr;
  runEditor_->setSampleCount(objective_->sampleCount());
  model_->setModel(std::dynamic_pointer_cast<const MlpClassifier>(objective_));
  landscape_->setStartMovable(!projection_);
  for (QAction* action : sliceActions_) {
    if (action) action->setEnabled(projection_ != nullptr);
  }
  if (projection_) {
    statusBar()->showMessage(
        tr("%1 dimensions: the maps are a slice spanned by %2, with the paths projected onto it")
            .arg(objective_->dim())
            .arg(qs(source.slice)),
        15000);
  }
  objectiveEditor_->setStartEditable(!projection_);
  landscape_->setLandscape(built.content);
  const auto start = projection_ ? (*projection_)(scenario_.start)
                                 : std::array<double, 2>{scenario_.start[0], scenario_.start[1]};
  landscape_->setStartPoint(start[0], start[1]);
  convergence_->setMinimum(objective_->minimumValue());
  applyClassroomNow();    // setStartEditable may have given the start fields back
  applyPendingCameras();  // a view state's cameras belong to this landscape
  emit landscapeShown();
}

void MainWindow::buildLandscapeProgress() {
  landscapeProgress_ = new QWidget(this);
  landscapeProgress_->setObjectName("landscapeProgress");
  auto* row = new QHBoxLayout(landscapeProgress_);
  row->setContentsMargins(0, 0, 0, 0);
  auto* bar = new QProgressBar(landscapeProgress_);
  bar->setRange(0, 1000);
  bar->setMaximumWidth(140);
  bar->setTextVisible(false);
  bar->setToolTip(
      tr("Sampling the landscape's slice: the views show the previous landscape "
         "and its runs until it is done"));
  auto* cancel = new QToolButton(landscapeProgress_);
  cancel->setObjectName("cancelLandscape");
  cancel->setText(tr("Cancel"));
  cancel->setToolTip(tr("Stop drawing it and go back to the objective shown"));
  connect(cancel, &QToolButton::clicked, this, &MainWindow::cancelLandscape);
  row->addWidget(bar);
  row->addWidget(cancel);
  statusBar()->addPermanentWidget(landscapeProgress_);
  landscapeProgress_->hide();
}

void MainWindow::buildSliceActions(QMenu* view) {
  auto* menu = view->addMenu(tr("Slice &directions"));
  menu->setToolTipsVisible(true);
  auto* group = new QActionGroup(this);
  const std::pair<QString, QString> items[] = {
      {tr("Top-2 Hessian &eigenvectors at the start"),
       tr("The directions of sharpest curvature where the runs start")},
      {tr("Top-2 Hessian eigenvectors at the selected run's &iterate"),
       tr("The directions of sharpest curvature at the selected run's latest iterate, "
          "through it")},
      {tr("&Principal components of the selected run's path"),
       tr("The plane the selected run moves in most, through its final iterate (Li et al. "
          "2018); computed in the background")},
      {tr("&Random directions"),
       tr("Two random directions through the start, filter-normalised: each neuron's part "
          "scaled to its weights' norm (Li et al. 2018)")}};
  for (int i = 0; i < int(sliceActions_.size()); ++i) {
    QAction* action = menu->addAction(items[i].first);
    action->setToolTip(items[i].second);
    action->setCheckable(true);
    action->setChecked(i == kHessian);
    group->addAction(action);
    connect(action, &QAction::triggered, this, [this, i] { chooseSlice(i); });
    sliceActions_[size_t(i)] = action;
  }
}

void MainWindow::resetSlice() {
  pcaJob_.reset();
  slicePlane_.reset();
  sliceHalfWidth_ = 1.0;
  if (sliceActions_[kHessian]) sliceActions_[kHessian]->setChecked(true);
}

void MainWindow::chooseSlice(int directions) {
  if (!projection_) return;  // 2-D: the map is the landscape itself
  pcaJob_.reset();
  if (directions == kHessian) {
    slicePlane_.reset();
    applySlice();
  } else if (directions == kHessianAtIterate) {
    const size_t run = size_t(std::max(runList_->currentRow(), 0));
    if (run >= snapshot_.runs.size() || snapshot_.runs[run].point.size() != objective_->dim()) {
      statusBar()->showMessage(tr("The selected run has no iterate to slice through yet"), 6000);
      return;
    }
    try {
      slicePlane_ = hessianEigenvectorPlane(*objective_, snapshot_.runs[run].point);
    } catch (const std::exception& e) {
      banner_->showMessage(tr("No Hessian slice here: %1").arg(QString::fromStdString(e.what())));
      return;
    }
    slicePlane_->description = "the top-2 Hessian eigenvectors at " + scenario_.runs[run].label +
                               "'s iterate " + std::to_string(snapshot_.runs[run].iterations);
    applySlice();
  } else if (directions == kRandom) {
    const auto filters = objective_->filters();
    slicePlane_ = randomPlane(scenario_.start, scenario_.seed, filters);
    slicePlane_->description = filters.empty()
                                   ? "two random directions through the start, scaled to its norm"
                                   : "two random filter-normalised directions through the start";
    applySlice();
  } else {
    const size_t run = size_t(std::max(runList_->currentRow(), 0));
    if (run >= scenario_.runs.size()) return;
    statusBar()->showMessage(tr("Computing the principal components of %1's path...")
                                 .arg(QString::fromStdString(scenario_.runs[run].label)));
    const uint64_t request = ++pcaRequest_;
    pcaJob_ = std::make_unique<PathPcaJob>(
        scenario_, run, [this, request](std::optional<SlicePlane> plane, std::string error) {
          QMetaObject::invokeMethod(
              this,
              [this, request, plane = std::move(plane), error = std::move(error)] {
                if (request != pcaRequest_) return;  // a newer choice replaced it
                if (!plane) {
                  banner_->showMessage(
                      tr("No principal-component slice: %1").arg(QString::fromStdString(error)));
                  return;
                }
                slicePlane_ = plane;
                applySlice();
              },
              Qt::QueuedConnection);
        });
  }
}

void MainWindow::applySlice() {
  sliceHalfWidth_ = 1.0;
  refreshLandscape(kSetProjection);
}

}  // namespace gradscape::gui
