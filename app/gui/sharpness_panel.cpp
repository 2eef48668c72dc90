#include "app/gui/sharpness_panel.h"
#include "app/gui/flow_layout.h"

#include <vtkContextInteractorStyle.h>
#include <vtkNew.h>

#include <QCheckBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "app/gui/vtk_view.h"

namespace gradscape::gui {

struct SharpnessPanel::Impl {
  plots::SharpnessChart chart;
  VtkView* view = nullptr;
  QSpinBox* every = nullptr;
  QCheckBox* bottom = nullptr;
  QCheckBox* logY = nullptr;
  QLabel* hint = nullptr;
};

SharpnessPanel::SharpnessPanel(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.every = new QSpinBox(this);
  d.every->setObjectName("sharpnessEvery");
  d.every->setRange(0, 1'000'000);
  d.every->setSpecialValueText(tr("off"));
  d.every->setPrefix(tr("every "));
  d.every->setSuffix(tr(" steps"));
  d.every->setKeyboardTracking(false);
  d.every->setToolTip(
      tr("Every K steps, every run records the largest and smallest Hessian eigenvalue at its "
         "iterate (exact up to 200 dimensions, Lanczos beyond). Costs about one Hessian per K "
         "steps."));
  d.bottom = new QCheckBox(tr("Smallest"), this);
  d.bottom->setObjectName("sharpnessBottom");
  d.bottom->setToolTip(tr("Also draw the smallest eigenvalue (negative: a saddle direction)"));
  d.logY = new QCheckBox(tr("Log y"), this);
  d.logY->setObjectName("sharpnessLogY");
  d.logY->setToolTip(tr("Logarithmic eigenvalue axis (values <= 0 are left out)"));
  auto* fit = new QToolButton(this);
  fit->setText(tr("Fit"));
  fit->setToolTip(tr("Fit both axes to the data"));

  auto* bar = new FlowLayout;
  bar->setContentsMargins(6, 2, 6, 0);
  bar->addWidget(new QLabel(tr("Track sharpness"), this));
  bar->addWidget(d.every);
  bar->addWidget(d.bottom);
  bar->addWidget(d.logY);
  bar->addWidget(fit);

  d.hint = new QLabel(tr("Sharpness is not tracked. Choose an interval above: each run then "
                         "records its top Hessian eigenvalue, drawn against its stability "
                         "threshold 2/lr (GD) or 2(1+β)/lr (momentum)."),
                      this);
  d.hint->setObjectName("sharpnessHint");
  d.hint->setWordWrap(true);
  d.hint->setContentsMargins(8, 2, 8, 2);

  d.view = new VtkView(this);
  d.view->setObjectName("sharpnessView");
  d.view->setMinimumHeight(160);
  d.view->addRenderer(d.chart.renderer());
  vtkNew<vtkContextInteractorStyle> style;
  style->SetScene(d.chart.scene());
  d.view->setInteractorStyle(style);

  auto* box = new QVBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->setSpacing(2);
  box->addLayout(bar);
  box->addWidget(d.hint);
  box->addWidget(d.view, 1);

  connect(d.every, &QSpinBox::valueChanged, this,
          [this](int every) { emit trackingIntervalChanged(every); });
  connect(d.bottom, &QCheckBox::toggled, this, [this](bool on) {
    impl_->chart.setShowBottom(on);
    impl_->view->requestRender();
  });
  connect(d.logY, &QCheckBox::toggled, this, [this](bool on) {
    impl_->chart.setLogY(on);
    impl_->chart.resetZoom();
    impl_->view->requestRender();
  });
  connect(fit, &QToolButton::clicked, this, [this] {
    impl_->chart.resetZoom();
    impl_->view->requestRender();
  });
}

SharpnessPanel::~SharpnessPanel() = default;

void SharpnessPanel::setRuns(const std::vector<RunSpec>& specs,
                             const std::vector<plots::RunView>& views) {
  const auto series = sharpnessSeries(specs, views);
  const bool any = std::any_of(series.begin(), series.end(),
                               [](const plots::SharpnessSeries& s) { return !s.top.empty(); });
  impl_->hint->setVisible(!any && impl_->every->value() == 0);
  impl_->chart.setSeries(series);
  impl_->view->requestRender();
}

void SharpnessPanel::setTrackingInterval(int64_t every) {
  const QSignalBlocker block(impl_->every);
  impl_->every->setValue(static_cast<int>(std::min<int64_t>(every, impl_->every->maximum())));
  impl_->hint->setVisible(every == 0);
}

VtkView* SharpnessPanel::view() const {
  return impl_->view;
}
plots::SharpnessChart& SharpnessPanel::chart() const {
  return impl_->chart;
}

}  // namespace gradscape::gui
