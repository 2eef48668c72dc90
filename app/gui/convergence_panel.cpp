#include "app/gui/convergence_panel.h"
#include "app/gui/flow_layout.h"

#include <vtkContextInteractorStyle.h>
#include <vtkNew.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/vtk_view.h"

namespace gradscape::gui {

using plots::ConvergenceQuantity;

struct ConvergencePanel::Impl {
  plots::ConvergenceChart chart;
  VtkView* view = nullptr;
  QComboBox* quantity = nullptr;
  QComboBox* axis = nullptr;
  QCheckBox* logX = nullptr;
  QCheckBox* logY = nullptr;
  std::vector<plots::RunView> runs;
  std::optional<double> minimum;
  int reference = 0;

  const plots::RunView* referenceRun() const {
    if (runs.empty()) return nullptr;
    return &runs[static_cast<size_t>(std::clamp(reference, 0, int(runs.size()) - 1))];
  }
  bool byEvaluations() const { return chart.xAxis() == plots::ConvergenceAxis::Evaluations; }
  // A chart x as an iteration, and back.
  std::optional<double> iterationOf(std::optional<double> x) const {
    if (!x || !byEvaluations()) return x;
    const auto* run = referenceRun();
    return run ? std::optional(plots::iterationAtEvaluations(*run, *x)) : std::nullopt;
  }
  std::optional<double> xOf(std::optional<double> iteration) const {
    if (!iteration || !byEvaluations()) return iteration;
    const auto* run = referenceRun();
    return run ? std::optional(plots::evaluationsAt(*run, *iteration)) : std::nullopt;
  }
};

ConvergencePanel::ConvergencePanel(QWidget* parent)
    : QWidget(parent), impl_(std::make_unique<Impl>()) {
  auto* quantity = impl_->quantity = new QComboBox(this);
  quantity->setObjectName("quantity");
  quantity->setToolTip(tr("What the curves show"));
  quantity->addItem(tr("Loss f(x)"), int(ConvergenceQuantity::Loss));
  quantity->addItem(tr("Gap f(x) − f*"), int(ConvergenceQuantity::Gap));
  quantity->addItem(tr("Gradient norm"), int(ConvergenceQuantity::GradNorm));
  quantity->addItem(tr("Step norm"), int(ConvergenceQuantity::StepNorm));
  quantity->addItem(tr("Learning rate"), int(ConvergenceQuantity::LearningRate));
  auto* axis = impl_->axis = new QComboBox(this);
  axis->setObjectName("xAxis");
  axis->setToolTip(
      tr("The x axis: iterations, or the evaluations spent (gradient plus loss-only; L-BFGS's "
         "line search and two-evaluation steps then compare fairly with gradient descent)"));
  axis->addItem(tr("per iteration"), int(plots::ConvergenceAxis::Iteration));
  axis->addItem(tr("per evaluation"), int(plots::ConvergenceAxis::Evaluations));
  impl_->logX = new QCheckBox(tr("Log x"), this);
  impl_->logX->setObjectName("logX");
  impl_->logX->setToolTip(tr("Logarithmic x axis"));
  impl_->logY = new QCheckBox(tr("Log y"), this);
  impl_->logY->setObjectName("logY");
  impl_->logY->setToolTip(
      tr("Logarithmic value axis (drawn linear, with a notice above the chart, while a value is <= "
         "0)"));
  impl_->logY->setChecked(true);
  auto* fit = new QToolButton(this);
  fit->setText(tr("Fit"));
  fit->setToolTip(tr("Fit both axes to the data (after zooming with the wheel or panning)"));

  auto* bar = new FlowLayout;
  bar->setContentsMargins(6, 2, 6, 0);
  bar->addWidget(new QLabel(tr("Convergence:"), this));
  bar->addWidget(quantity);
  bar->addWidget(axis);
  bar->addWidget(impl_->logX);
  bar->addWidget(impl_->logY);
  bar->addWidget(fit);

  impl_->view = new VtkView(this);
  impl_->view->setObjectName("convergenceView");
  impl_->view->setMinimumHeight(160);
  impl_->view->addRenderer(impl_->chart.renderer());
  vtkNew<vtkContextInteractorStyle> style;
  style->SetScene(impl_->chart.scene());
  impl_->view->setInteractorStyle(style);
  impl_->chart.setLogY(true);

  auto* box = new QVBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->setSpacing(2);
  box->addLayout(bar);
  box->addWidget(impl_->view, 1);

  connect(quantity, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
  connect(axis, &QComboBox::currentIndexChanged, this, [this] {
    impl_->chart.setXAxis(xAxis());
    redraw();
  });
  connect(impl_->logX, &QCheckBox::toggled, this, [this](bool on) {
    impl_->chart.setLogX(on);
    impl_->chart.resetZoom();
    impl_->view->requestRender();
  });
  connect(impl_->logY, &QCheckBox::toggled, this, [this](bool on) {
    impl_->chart.setLogY(on);
    redraw();
    impl_->chart.resetZoom();
  });
  connect(fit, &QToolButton::clicked, this, [this] {
    impl_->chart.resetZoom();
    impl_->view->requestRender();
  });
  connect(impl_->view, &VtkView::hovered, this, [this](QPointF display) {
    emit iterationHovered(impl_->iterationOf(impl_->chart.xAt(display.x(), display.y())));
  });
  connect(impl_->view, &VtkView::hoverLeft, this, [this] { emit iterationHovered(std::nullopt); });
}

ConvergencePanel::~ConvergencePanel() = default;

void ConvergencePanel::setMinimum(std::optional<double> minimum) {
  impl_->minimum = minimum;
  auto* model = impl_->quantity;
  const int gap = model->findData(int(ConvergenceQuantity::Gap));
  // "f - f*" needs a known minimum; fall back to the loss when it is not.
  if (!minimum && model->currentIndex() == gap) {
    model->setCurrentIndex(model->findData(int(ConvergenceQuantity::Loss)));
  }
  if (auto* items = qobject_cast<QStandardItemModel*>(model->model())) {
    items->item(gap)->setEnabled(minimum.has_value());
  }
  redraw();
}

void ConvergencePanel::setRuns(const std::vector<plots::RunView>& runs) {
  impl_->runs = runs;
  redraw();
}

void ConvergencePanel::setQuantity(ConvergenceQuantity quantity) {
  impl_->quantity->setCurrentIndex(impl_->quantity->findData(int(quantity)));
}

ConvergenceQuantity ConvergencePanel::quantity() const {
  return static_cast<ConvergenceQuantity>(impl_->quantity->currentData().toInt());
}

void ConvergencePanel::setXAxis(plots::ConvergenceAxis axis) {
  impl_->axis->setCurrentIndex(impl_->axis->findData(int(axis)));
}

plots::ConvergenceAxis ConvergencePanel::xAxis() const {
  return static_cast<plots::ConvergenceAxis>(impl_->axis->currentData().toInt());
}

void ConvergencePanel::setReferenceRun(int index) {
  impl_->reference = index;
}

void ConvergencePanel::setMarker(std::optional<double> iteration) {
  impl_->chart.setMarker(impl_->xOf(iteration));
  impl_->view->requestRender();
}

VtkView* ConvergencePanel::view() const {
  return impl_->view;
}
plots::ConvergenceChart& ConvergencePanel::chart() const {
  return impl_->chart;
}

void ConvergencePanel::redraw() {
  impl_->chart.setRuns(impl_->runs, plots::drawableQuantity(quantity(), impl_->minimum),
                       impl_->minimum);
  impl_->view->requestRender();
}

}  // namespace gradscape::gui
