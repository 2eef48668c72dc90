#include "app/gui/run_editor_sections.h"

#include <QCheckBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

#include "app/gui/form_metrics.h"
#include "app/gui/form_rows.h"
#include "core/run/curvature_tracker.h"

namespace gradscape::gui {

namespace {

constexpr int kMaxEvery = 1000000;

int shownInt(int64_t value) {
  return static_cast<int>(std::clamp<int64_t>(value, 0, INT_MAX));
}

QVBoxLayout* rowsLayout(QWidget* owner) {
  auto* rows = new QVBoxLayout(owner);
  rows->setContentsMargins(0, 0, 0, 0);
  rows->setSpacing(form_metrics::kRowSpacing);
  return rows;
}

// A short spin box that reads "<special>" at 0, else "<prefix>N<suffix>"; values are committed
// on Enter, focus loss or an arrow step, not per keystroke.
QSpinBox* makeCountBox(const QString& objectName, const QString& special, const QString& prefix,
                       const QString& suffix, QWidget* parent) {
  QSpinBox* box = makeShortSpinBox(parent);
  box->setObjectName(objectName);
  box->setSpecialValueText(special);
  box->setPrefix(prefix);
  box->setSuffix(suffix);
  box->setKeyboardTracking(false);
  return box;
}

// The width of "every 1000000 steps" in a spin box with this font.
int countBoxWidth(const QFont& font) {
  QSpinBox probe;
  probe.setFont(font);
  probe.setPrefix(QStringLiteral("every "));
  probe.setSuffix(QStringLiteral(" steps"));
  probe.setRange(0, kMaxEvery);
  return probe.sizeHint().width();
}

class ShortSpinBox : public QSpinBox {
 public:
  using QSpinBox::QSpinBox;
  QSize sizeHint() const override {
    if (font() != measuredFont_) {
      measuredFont_ = font();
      width_ = countBoxWidth(font());
    }
    return {width_, QSpinBox::sizeHint().height()};
  }

 private:
  mutable QFont measuredFont_;
  mutable int width_ = 0;
};

const QString kNotASum = QStringLiteral(
    "This objective is not a sum over samples; minibatches need a model fitted to data");

}  // namespace

QSpinBox* makeShortSpinBox(QWidget* parent) {
  auto* box = new ShortSpinBox(parent);
  box->setMinimumWidth(110);
  box->setMaximumWidth(box->sizeHint().width());
  return box;
}

MinibatchRows::MinibatchRows(QWidget* parent) : QWidget(parent) {
  QVBoxLayout* rows = rowsLayout(this);
  sizeBox_ = makeCountBox(QStringLiteral("minibatchSize"), QStringLiteral("full batch"), QString(),
                          QStringLiteral(" samples"), this);
  sizeLabel_ = addLabeledRow(rows, QStringLiteral("Minibatch"), sizeBox_);
  replacement_ = new QCheckBox(QStringLiteral("with replacement"), this);
  replacement_->setObjectName(QStringLiteral("minibatchReplacement"));
  replacementLabel_ = addLabeledRow(rows, QString(), replacement_);

  connect(sizeBox_, &QSpinBox::valueChanged, this, [this](int size) {
    size_ = size;
    emit changed();
  });
  connect(replacement_, &QCheckBox::toggled, this, &MinibatchRows::changed);
  setSampleCount(0);
}

void MinibatchRows::setValue(const Minibatch& minibatch) {
  size_ = minibatch.size;
  const QSignalBlocker blockSize(sizeBox_);
  const QSignalBlocker blockReplacement(replacement_);
  sizeBox_->setValue(shownInt(size_));
  replacement_->setChecked(minibatch.replacement);
}

Minibatch MinibatchRows::value() const {
  return {size_, replacement_->isChecked()};
}

void MinibatchRows::setSampleCount(int64_t samples) {
  const bool sums = samples > 0;
  {
    // The box clamps its value to the new maximum; size_ keeps the wider one until an edit.
    const QSignalBlocker block(sizeBox_);
    sizeBox_->setMaximum(sums ? shownInt(samples) : INT_MAX);
    sizeBox_->setValue(shownInt(size_));
  }
  const QString sizeTip =
      sums ? QStringLiteral(
                 "Samples per gradient step, drawn like torch's DataLoader: a fresh "
                 "shuffle each epoch (last batch may be smaller); 0 uses all samples")
           : kNotASum;
  const QString replacementTip =
      sums ? QStringLiteral(
                 "Draw each batch independently with replacement instead of shuffled "
                 "epochs")
           : kNotASum;
  sizeLabel_->setToolTip(sizeTip);
  sizeBox_->setToolTip(sizeTip);
  replacementLabel_->setToolTip(replacementTip);
  replacement_->setToolTip(replacementTip);
  sizeLabel_->setEnabled(sums);
  sizeBox_->setEnabled(sums);
  replacement_->setEnabled(sums);
}

CurvatureRows::CurvatureRows(QWidget* parent) : QWidget(parent) {
  QVBoxLayout* rows = rowsLayout(this);
  every_ = makeCountBox(QStringLiteral("curvatureEvery"), QStringLiteral("off"),
                        QStringLiteral("every "), QStringLiteral(" steps"), this);
  every_->setRange(0, kMaxEvery);
  addLabeledRow(rows, QStringLiteral("Sharpness"), every_,
                QStringLiteral("Every K steps, record the largest and smallest Hessian eigenvalue "
                               "at the iterate (sharpness); exact up to %1 dimensions, Lanczos "
                               "beyond. Costs time: about one Hessian per K steps")
                    .arg(kDenseTrackingDim));
  trace_ = new QCheckBox(QStringLiteral("Hessian trace too"), this);
  trace_->setObjectName(QStringLiteral("curvatureTrace"));
  trace_->setEnabled(false);
  addLabeledRow(rows, QString(), trace_,
                QStringLiteral("Exact up to %1 dimensions, Hutchinson's estimate beyond")
                    .arg(kDenseTrackingDim));

  connect(every_, &QSpinBox::valueChanged, this, [this](int every) {
    tracking_.every = every;
    trace_->setEnabled(every > 0);
    emit changed();
  });
  connect(trace_, &QCheckBox::toggled, this, &CurvatureRows::changed);
}

void CurvatureRows::setValue(const CurvatureTracking& tracking) {
  tracking_ = tracking;
  const QSignalBlocker blockEvery(every_);
  const QSignalBlocker blockTrace(trace_);
  every_->setValue(shownInt(tracking.every));
  trace_->setChecked(tracking.trace);
  trace_->setEnabled(tracking.every > 0);
}

CurvatureTracking CurvatureRows::value() const {
  CurvatureTracking out = tracking_;
  out.trace = trace_->isChecked();
  return out;
}

}  // namespace gradscape::gui
