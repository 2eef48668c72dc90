// The main window's landscape: the objective drawn on the views, or for many-dimensional
// problems a slice of it (the top-2 Hessian eigenvectors at the start or at an iterate, the
// principal components of a run's path, or random directions) and switching between slices
// without rerunning the runs.
#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QStatusBar>
#include <algorithm>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/landscape_source.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/model_panel.h"
#include "app/gui/objective_editor.h"
#include "app/gui/path_pca_job.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_editor.h"
#include "app/gui/run_list_panel.h"
#include "core/objectives/mlp_classifier.h"
#include "core/objectives/objective_registry.h"
#include "plots/landscape_content.h"
#include "plots/run_label.h"

namespace gradscape::gui {

namespace {

QString qs(const std::string& text) {
  return QString::fromStdString(text);
}

// "Rosenbrock (a=1, b=100)"; with many parameters only those that differ from their defaults
// ("Two-layer MLP classifier (dataset=xor, width=32)"); choices by name.
std::string objectiveTitle(const ObjectiveSpec& spec) {
  const auto* entry = objectiveRegistry().find(spec.type);
  std::string title = entry ? entry->title : spec.type;
  std::string params;
  if (entry) {
    const ParamValues values = ParamValues::withDefaults(entry->params, spec.params);
    const bool onlyChanged = entry->params.size() > 3;
    for (const auto& p : entry->params) {
      const double v = values.get(p.name);
      if (onlyChanged && v == p.defaultValue) continue;
      const auto choice = static_cast<size_t>(v);
      const std::string text = p.kind == ParamKind::Choice && choice < p.choices.size()
                                   ? p.choices[choice]
                                   : plots::labelNumber(v);
      params += (params.empty() ? "" : ", ") + p.name + "=" + text;
    }
  }
  return params.empty() ? title : title + " (" + params + ")";
}

enum SliceDirections { kHessian = 0, kHessianAtIterate = 1, kPathPca = 2, kRandom = 3 };
}  // namespace

void MainWindow::refreshLandscape() {
  try {
    objective_ = makeObjective(scenario_.objective);
  } catch (const std::exception& e) {
    banner_->showMessage(qs(e.what()));
    return;
  }
  plots::LandscapeStyle style;
  style.scale = logScaleAction_->isChecked() ? plots::ColorScale::Log : plots::ColorScale::Linear;
  style.gradientArrows = arrowsAction_->isChecked();
  LandscapeSource source;
  try {
    source = landscapeSource(objective_, scenario_.start, objectiveTitle(scenario_.objective),
                             sliceHalfWidth_, slicePlane_);
  } catch (const std::exception& e) {
    banner_->showMessage(tr("Cannot draw a slice of this landscape: %1").arg(qs(e.what())));
    return;
  }
  projection_ = source.projection;
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
  landscape_->setLandscape(
      plots::makeLandscapeContent(*source.shown, source.title, style, source.samples));
  const auto start = projection_ ? (*projection_)(scenario_.start)
                                 : std::array<double, 2>{scenario_.start[0], scenario_.start[1]};
  landscape_->setStartPoint(start[0], start[1]);
  convergence_->setMinimum(objective_->minimumValue());
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
  refreshLandscape();
  // The runs go on where they are; their next snapshot is drawn on the new slice.
  controller_->setProjection(projection_);
}

}  // namespace gradscape::gui
