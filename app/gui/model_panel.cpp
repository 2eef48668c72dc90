#include "app/gui/model_panel.h"

#include <vtkInteractorStyleImage.h>
#include <vtkNew.h>

#include <QElapsedTimer>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "app/gui/vtk_view.h"
#include "core/objectives/mlp_classifier.h"
#include "plots/decision_map.h"

namespace gradscape::gui {

namespace {

constexpr int kMaxGrid = 121, kMinGrid = 25;
// Sampling costs about 20 ns per point (grid or data) and hidden or output unit on the machines
// the tests run on: 1.5 million point-units are about 30 ms on the GUI thread.
constexpr double kCostBudget = 1.5e6;
// A rebuild may take at most this share of the GUI thread's time while parameters stream in.
constexpr qint64 kBusyShare = 4;

struct Parameters {
  Vec x;
  QString runName;
  int64_t iteration = 0;
};

}  // namespace

struct ModelPanel::Impl {
  plots::DecisionMap map;
  VtkView* view = nullptr;
  QLabel* hint = nullptr;
  QTimer throttle;
  QElapsedTimer sinceRebuild;
  qint64 lastCostMs = 0;  // how long the last rebuild took
  std::shared_ptr<const MlpClassifier> model;
  std::optional<Parameters> parameters;
  bool dirty = false;
};

ModelPanel::ModelPanel(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.hint = new QLabel(tr("The Model view shows a classifier's decision regions: choose the "
                         "Two-layer MLP objective"),
                      this);
  d.hint->setObjectName("modelHint");
  d.hint->setWordWrap(true);
  d.hint->setAlignment(Qt::AlignCenter);
  d.hint->setContentsMargins(12, 12, 12, 12);

  d.view = new VtkView(this);
  d.view->setObjectName("modelView");
  d.view->setMinimumSize(200, 160);
  d.view->addRenderer(d.map.renderer());
  vtkNew<vtkInteractorStyleImage> style;  // pan (middle) and zoom (wheel), no rotation
  d.view->setInteractorStyle(style);
  d.view->setToolTip(
      tr("Each place of the input plane is tinted by the class the network gives it, paler where "
         "it is unsure; the dark line is the decision boundary. Points: the training data in "
         "their true classes. Wheel: zoom, middle drag: pan."));
  d.view->hide();

  auto* box = new QVBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->addWidget(d.hint, 1);
  box->addWidget(d.view, 1);

  d.throttle.setSingleShot(true);
  connect(&d.throttle, &QTimer::timeout, this, [this] {
    if (impl_->dirty) rebuild();
  });
}

ModelPanel::~ModelPanel() = default;

void ModelPanel::setModel(std::shared_ptr<const MlpClassifier> model) {
  Impl& d = *impl_;
  if (model == d.model) return;
  d.model = std::move(model);
  d.parameters.reset();
  d.hint->setVisible(d.model == nullptr);
  d.view->setVisible(d.model != nullptr);
  d.throttle.stop();
  d.dirty = d.model != nullptr;
  if (d.dirty && isVisible()) rebuild();
}

void ModelPanel::setParameters(const Vec& x, const QString& runName, int64_t iteration) {
  Impl& d = *impl_;
  if (d.model == nullptr || x.size() != d.model->dim()) return;
  d.parameters = Parameters{x, runName, iteration};
  d.dirty = true;
  schedule();
}

VtkView* ModelPanel::view() const {
  return impl_->view;
}

plots::DecisionMap& ModelPanel::map() const {
  return impl_->map;
}

int ModelPanel::gridSizeFor(const MlpClassifier& model) {
  const double perPoint = model.width() + model.classes();
  const double room = kCostBudget / perPoint - static_cast<double>(model.data().size());
  const double side = std::sqrt(std::max(room, 0.0));
  return static_cast<int>(std::clamp(side, double{kMinGrid}, double{kMaxGrid}));
}

void ModelPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (impl_->dirty) schedule();
}

// At once when the last rebuild is older than one interval, else when the interval is over
// (with the newest parameters by then): a stream of parameters costs one rebuild per interval.
// The interval grows with the cost of a rebuild (big data sets, wide networks), so rebuilds
// never take more than a 1 / kBusyShare of the GUI thread.
void ModelPanel::schedule() {
  Impl& d = *impl_;
  if (!isVisible() || d.throttle.isActive()) return;
  const qint64 interval = std::max<qint64>(1000 / kRedrawsPerSecond, kBusyShare * d.lastCostMs);
  const qint64 since = d.sinceRebuild.isValid() ? d.sinceRebuild.elapsed() : interval;
  if (since >= interval) {
    rebuild();
  } else {
    d.throttle.start(static_cast<int>(interval - since));
  }
}

void ModelPanel::rebuild() {
  Impl& d = *impl_;
  d.dirty = false;
  d.sinceRebuild.start();
  if (d.model == nullptr) return;
  const MlpClassifier& model = *d.model;
  if (d.parameters) {
    const QString title =
        tr("%1 at iteration %2").arg(d.parameters->runName).arg(d.parameters->iteration);
    d.map.setData(
        plots::decisionMapData(model, d.parameters->x, gridSizeFor(model), title.toStdString()));
  } else {
    const QString title =
        tr("Training data: %1 points, %2 classes").arg(model.data().size()).arg(model.classes());
    d.map.setData(plots::trainingDataMap(model, title.toStdString()));
  }
  d.lastCostMs = d.sinceRebuild.elapsed();
  d.view->requestRender();
  emit mapRebuilt();
}

}  // namespace gradscape::gui
