// The main window's slices of many-dimensional landscapes: which plane the views show (the
// top-2 Hessian eigenvectors at the start, the principal components of a run's path, or random
// directions) and switching between them without rerunning the runs.
#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QStatusBar>
#include <algorithm>

#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/path_pca_job.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_list_panel.h"

namespace gradscape::gui {

namespace {
enum SliceDirections { kHessian = 0, kHessianAtIterate = 1, kPathPca = 2, kRandom = 3 };
}  // namespace

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
  refreshLandscape();
  // The runs go on where they are; their next snapshot is drawn on the new slice.
  controller_->setProjection(projection_);
}

}  // namespace gradscape::gui
