// Sharing the window's state: Edit > Copy / Paste scenario (the JSON with its view state on the
// clipboard), scenario files dropped on the window, and the parts of the view state that are no
// widget's setting: the slice of an N-D problem and the cameras.
#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMimeData>
#include <QStatusBar>
#include <QTimer>
#include <nlohmann/json.hpp>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/path_pca_job.h"
#include "core/analysis/landscape_source.h"
#include "core/scenario/scenario_json.h"

namespace gradscape::gui {

namespace {

// The local file a drag carries, if it is a scenario's (a .json file); empty otherwise. Only the
// first file of a drag is looked at: one window holds one scenario.
QString droppedScenario(const QMimeData* mime) {
  if (mime == nullptr || !mime->hasUrls() || mime->urls().isEmpty()) return {};
  const QUrl url = mime->urls().constFirst();
  if (!url.isLocalFile()) return {};
  const QString path = url.toLocalFile();
  return QFileInfo(path).suffix().compare(QStringLiteral("json"), Qt::CaseInsensitive) == 0
             ? path
             : QString();
}

bool samePlane(const std::optional<SlicePlane>& a, const std::optional<SlicePlane>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  const auto same = [](const Vec& x, const Vec& y) { return x.size() == y.size() && x == y; };
  return same(a->origin, b->origin) && same(a->u, b->u) && same(a->v, b->v);
}

}  // namespace

void MainWindow::buildShareActions(QMenu* edit) {
  setAcceptDrops(true);
  auto* copy = edit->addAction(tr("&Copy scenario"));
  copy->setObjectName("copyScenario");
  copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
  const QString copyTip =
      tr("Put the scenario on the clipboard as JSON, with the view (cameras, zoom, chart, tab): "
         "paste it into a message, a file or another Gradscape window");
  copy->setToolTip(copyTip);
  copy->setStatusTip(copyTip);
  connect(copy, &QAction::triggered, this, &MainWindow::copyScenario);
  auto* paste = edit->addAction(tr("&Paste scenario"));
  paste->setObjectName("pasteScenario");
  paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
  const QString pasteTip =
      tr("Open the scenario JSON on the clipboard (unsaved work is asked about first)");
  paste->setToolTip(pasteTip);
  paste->setStatusTip(pasteTip);
  connect(paste, &QAction::triggered, this, &MainWindow::pasteScenario);
}

void MainWindow::copyScenario() {
  Scenario shown = scenario_;
  shown.view = viewState();
  QGuiApplication::clipboard()->setText(
      QString::fromStdString(scenarioToJson(shown).dump(2) + '\n'));
  statusBar()->showMessage(tr("Copied the scenario “%1” to the clipboard (JSON)")
                               .arg(QString::fromStdString(scenario_.name)),
                           6000);
}

bool MainWindow::pasteScenario() {
  const QString text = QGuiApplication::clipboard()->text();
  Scenario scenario;
  try {
    scenario = parseScenario(text.toStdString());
  } catch (const std::exception& e) {
    // Nothing is asked and nothing changes: the work on screen stays.
    banner_->showMessage(tr("The clipboard holds no scenario to paste: %1. The work here is "
                            "unchanged.")
                             .arg(QString::fromStdString(e.what())));
    return false;
  }
  if (!confirmDiscard()) return false;
  setScenario(scenario);
  markModified(true);  // it lives on the clipboard only: saving it is asked about
  play();
  statusBar()->showMessage(
      tr("Pasted the scenario “%1”").arg(QString::fromStdString(scenario_.name)), 6000);
  return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!droppedScenario(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QString path = droppedScenario(event->mimeData());
  if (path.isEmpty()) {
    banner_->showMessage(tr("Only a scenario file (.json) can be dropped here."));
    return;
  }
  event->acceptProposedAction();
  // Opened once the drop is over: a question asked inside it would hold the file manager the
  // file came from until it is answered.
  QTimer::singleShot(0, this, [this, path] {
    const auto scenario = readScenarioFile(path);  // a bad file says why, before any question
    if (scenario && confirmDiscard()) showOpened(*scenario, path);
  });
}

std::optional<ViewSlice> MainWindow::sliceView() const {
  if (scenario_.start.size() <= 2) return std::nullopt;  // the map is the landscape itself
  ViewSlice slice;
  slice.halfWidth = sliceHalfWidth_;
  if (slicePlane_) {
    int checked = 1;  // a plane computed at an iterate, unless the menu says how
    for (int i = 1; i < int(sliceActions_.size()); ++i) {
      if (sliceActions_[size_t(i)] && sliceActions_[size_t(i)]->isChecked()) checked = i;
    }
    slice.directions = static_cast<ViewSlice::Directions>(checked);
    slice.origin = slicePlane_->origin;
    slice.u = slicePlane_->u;
    slice.v = slicePlane_->v;
    slice.description = slicePlane_->description;
  }
  if (slice == ViewSlice{}) return std::nullopt;  // the default: said by leaving it out
  return slice;
}

bool MainWindow::applySliceView(const std::optional<ViewSlice>& slice) {
  const auto dim = scenario_.start.size();
  if (dim <= 2) return false;
  const auto [plane, halfWidth] = savedSlice(slice, size_t(dim));
  const int directions = plane ? int(slice->directions) : 0;
  const bool changed = halfWidth != sliceHalfWidth_ || !samePlane(plane, slicePlane_);
  pcaJob_.reset();  // a chosen slice replaces one being computed
  slicePlane_ = plane;
  sliceHalfWidth_ = halfWidth;
  if (QAction* action = sliceActions_[size_t(directions)]) action->setChecked(true);
  return changed;
}

void MainWindow::applyPendingCameras() {
  if (!pendingCameras_) return;
  landscape_->setMapZoomBox(pendingCameras_->map);
  landscape_->setSurfaceCamera(pendingCameras_->surface);
  pendingCameras_.reset();
}

}  // namespace gradscape::gui
