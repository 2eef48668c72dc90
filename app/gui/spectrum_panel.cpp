#include "app/gui/spectrum_panel.h"
#include "app/gui/flow_layout.h"

#include <vtkContextInteractorStyle.h>
#include <vtkNew.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <vector>

#include "app/gui/spectrum_job.h"
#include "app/gui/spectrum_panel_impl.h"
#include "app/gui/vtk_view.h"

namespace gradscape::gui {

namespace {

using spectrum_panel::kDebounceMs;
using spectrum_panel::kProgressDelayMs;

// A control with the object name tests find it by and its tooltip.
template <class W>
W* control(W* widget, const char* name, const QString& tip) {
  widget->setObjectName(name);
  widget->setToolTip(tip);
  return widget;
}

QToolButton* toolButton(QWidget* parent, const char* name, const QString& text,
                        const QString& tip) {
  auto* button = control(new QToolButton(parent), name, tip);
  button->setText(text);
  return button;
}

QLabel* rowLabel(const QString& text, const QString& tip, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  label->setToolTip(tip);
  return label;
}

}  // namespace

SpectrumPanel::SpectrumPanel(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>()) {
  auto& d = *impl_;
  d.self = this;
  d.worker = std::make_unique<SpectrumWorker>([this](std::function<void()> call) {
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
  });

  const int dense = kMaxDenseHessianDim, extremes = kLanczosCount;
  d.method = control(new QComboBox(this), "spectrumMethod",
                     tr("How the spectrum is computed. Auto: every eigenvalue up to %1 "
                        "dimensions, the SLQ density beyond")
                         .arg(dense));
  const std::pair<QString, QString> methods[] = {
      {tr("Auto"), tr("Exact up to %1 dimensions, else SLQ").arg(dense)},
      {tr("Exact (all eigenvalues)"),
       tr("Forms the dense Hessian and finds every eigenvalue (up to %1 dimensions)").arg(dense)},
      {tr("Lanczos (%1 + %1 extremes)").arg(extremes),
       tr("The %1 largest and %1 smallest eigenvalues by Lanczos on Hessian-vector products")
           .arg(extremes)},
      {tr("SLQ density"), tr("The eigenvalue density by stochastic Lanczos quadrature (Ghorbani "
                             "et al. 2019), from Hessian-vector products")}};
  for (int i = 0; i < 4; ++i) {
    d.method->addItem(methods[i].first, i);
    d.method->setItemData(i, methods[i].second, Qt::ToolTipRole);
  }

  d.slider = control(new QSlider(Qt::Horizontal, this), "spectrumIteration",
                     tr("The iterate x_k whose Hessian is analysed (the run is replayed to it); "
                        "at the right end it follows the run"));
  d.slider->setRange(0, 0);
  d.slider->setMinimumWidth(80);
  d.spin = control(new QSpinBox(this), "spectrumIterationSpin",
                   tr("Iteration k of the iterate to analyse"));
  d.spin->setRange(0, 0);
  d.spin->setKeyboardTracking(false);  // typed digits count once the entry is done
  d.spin->setAccelerated(true);
  d.finalButton = toolButton(this, "spectrumFinal", tr("Final"),
                             tr("Snap to the run's last iterate and follow it as the run goes on"));
  d.finalButton->setCheckable(true);
  d.finalButton->setChecked(true);
  d.analyse = control(new QPushButton(tr("Analyse"), this), "spectrumAnalyse",
                      tr("Compute the spectrum at the chosen iterate (Ctrl+Return)"));
  auto* fit =
      toolButton(this, "spectrumFit", tr("Fit"),
                 tr("Fit both axes to the spectrum (after zooming with the wheel or panning)"));

  d.summary = new QLabel(this);
  d.summary->setObjectName("spectrumSummary");
  d.summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // Long summaries are cut at the panel's edge rather than widening it (the tooltip has all).
  d.summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  d.setSummary(QString(), false);
  d.progress = control(new QProgressBar(this), "spectrumProgress",
                       tr("Progress of the analysis; a moving bar while the run is replayed to "
                          "the iterate"));
  d.progress->setFixedWidth(140);
  d.progress->setMaximumHeight(16);
  d.progress->hide();
  d.cancel = toolButton(this, "spectrumCancel", tr("Cancel"), tr("Stop the running analysis"));
  d.cancel->hide();

  auto* bar = new FlowLayout;
  bar->setContentsMargins(6, 2, 6, 0);
  bar->addWidget(rowLabel(tr("Spectrum:"), d.method->toolTip(), this));
  bar->addWidget(d.method);
  bar->addWidget(rowLabel(tr("at iteration"), d.slider->toolTip(), this));
  d.slider->setMinimumWidth(120);
  bar->addWidget(d.slider);
  bar->addWidget(d.spin);
  bar->addWidget(d.finalButton);
  bar->addWidget(d.analyse);
  bar->addWidget(fit);
  auto* status = new QHBoxLayout;
  status->setContentsMargins(8, 0, 6, 0);
  status->addWidget(d.summary, 1);
  status->addWidget(d.progress);
  status->addWidget(d.cancel);

  d.view = new VtkView(this);
  d.view->setObjectName("spectrumView");
  d.view->setMinimumHeight(160);
  d.view->addRenderer(d.chart.renderer());
  vtkNew<vtkContextInteractorStyle> style;
  style->SetScene(d.chart.scene());
  d.view->setInteractorStyle(style);
  d.retitle();  // the empty chart says what to do

  auto* box = new QVBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->setSpacing(2);
  box->addLayout(bar);
  box->addLayout(status);
  box->addWidget(d.view, 1);

  d.debounce.setSingleShot(true);
  d.debounce.setInterval(kDebounceMs);
  connect(&d.debounce, &QTimer::timeout, this, [this] { impl_->autoAnalyse(); });
  d.progressDelay.setSingleShot(true);
  d.progressDelay.setInterval(kProgressDelayMs);
  connect(&d.progressDelay, &QTimer::timeout, this, [this] {
    if (!impl_->worker->busy()) return;
    impl_->progress->show();
    impl_->cancel->show();
  });

  // The slider and the spin box mirror each other; a settled value is analysed (debounced).
  connect(d.slider, &QSlider::valueChanged, this, [this](int value) {
    auto& p = *impl_;
    const QSignalBlocker block(p.spin);
    p.spin->setValue(value);
    p.finalButton->setChecked(value == p.slider->maximum());
    if (!p.slider->isSliderDown()) p.debounce.start();
  });
  connect(d.slider, &QSlider::sliderReleased, this, [this] { impl_->debounce.start(); });
  connect(d.spin, &QSpinBox::valueChanged, this, [this](int value) {
    impl_->slider->setValue(value);
    impl_->debounce.start();
  });
  connect(d.finalButton, &QToolButton::clicked, this, [this] {
    impl_->finalButton->setChecked(true);
    impl_->slider->setValue(impl_->slider->maximum());
  });
  connect(d.method, &QComboBox::currentIndexChanged, this, [this] { impl_->debounce.start(); });
  connect(d.analyse, &QPushButton::clicked, this, &SpectrumPanel::analyse);
  connect(d.cancel, &QToolButton::clicked, this, &SpectrumPanel::cancel);
  connect(fit, &QToolButton::clicked, this, [this] {
    impl_->chart.resetZoom();
    impl_->view->requestRender();
  });
  for (auto key : {Qt::Key_Return, Qt::Key_Enter}) {
    auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | key), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &SpectrumPanel::analyse);
  }
}

SpectrumPanel::~SpectrumPanel() = default;

void SpectrumPanel::setScenario(const Scenario& scenario) {
  auto& d = *impl_;
  if (d.scenario && *d.scenario == scenario) return;
  const bool objectiveChanged = !d.scenario || d.scenario->objective != scenario.objective;
  if (d.worker->cancel()) d.setBusy(false);
  d.scenario = scenario;
  d.worker->forgetIterate();
  if (objectiveChanged) d.clearShown();
  d.scheduleWhenRunChanged();
}

void SpectrumPanel::setRun(int index, const QString& name, plots::Rgb color, int64_t iterations) {
  auto& d = *impl_;
  const bool relabel = name != d.name || !(color == d.color);
  const bool following = d.slider->value() == d.slider->maximum();
  d.index = index;
  d.name = name;
  d.color = color;
  const int top = int(std::clamp<int64_t>(iterations, 0, INT_MAX));
  {
    const QSignalBlocker blockSlider(d.slider), blockSpin(d.spin);
    d.slider->setRange(0, top);
    d.slider->setPageStep(std::max(1, top / 10));
    d.spin->setRange(0, top);
    if (following) d.slider->setValue(top);
    d.spin->setValue(d.slider->value());
    d.finalButton->setChecked(d.slider->value() == top);
  }
  if (relabel && d.reportedIteration) d.retitle();
  d.scheduleWhenRunChanged();
}

void SpectrumPanel::analyse() {
  impl_->start();
}

void SpectrumPanel::cancel() {
  auto& d = *impl_;
  if (!d.worker->cancel()) return;
  d.setBusy(false);
  d.setSummary(d.shownSummary.isEmpty() ? tr("Analysis cancelled")
                                        : tr("Cancelled; showing: %1").arg(d.shownSummary),
               false);
  emit analysisFailed(QStringLiteral("cancelled"));
}

bool SpectrumPanel::busy() const {
  return impl_->worker->busy();
}

int64_t SpectrumPanel::iteration() const {
  return impl_->slider->value();
}

void SpectrumPanel::setIteration(int64_t iteration) {
  impl_->slider->setValue(int(std::clamp<int64_t>(iteration, 0, impl_->slider->maximum())));
}

std::optional<int64_t> SpectrumPanel::reportedIteration() const {
  return impl_->reportedIteration;
}

const plots::SpectrumData& SpectrumPanel::shownSpectrum() const {
  return impl_->shown;
}

const std::vector<std::pair<std::string, double>>& SpectrumPanel::shownThresholds() const {
  return impl_->thresholds;
}

VtkView* SpectrumPanel::view() const {
  return impl_->view;
}

plots::SpectrumChart& SpectrumPanel::chart() const {
  return impl_->chart;
}

const std::optional<SpectrumReport>& SpectrumPanel::lastReport() const {
  return impl_->report;
}

void SpectrumPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  const auto key = impl_->currentKey();
  if (key && impl_->requested != key) impl_->debounce.start();
}

}  // namespace gradscape::gui
