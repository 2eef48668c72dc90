#include "app/gui/log_slider.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>
#include <algorithm>
#include <cmath>

#include "app/gui/form_metrics.h"
#include "app/gui/number_entry.h"

namespace gradscape::gui {

SliderScale SliderScale::forSpec(const ParamSpec& spec, int steps) {
  SliderScale s;
  s.steps = std::max(1, steps);
  s.log = spec.logScale;
  double lo = spec.min;
  double hi = spec.max;
  const double def = spec.defaultValue;
  if (s.log) {
    if (!(lo > 0.0) || !(hi / lo <= 1e6)) {
      const double center = def > 0.0 ? def : (hi > 0.0 && std::isfinite(hi) ? hi * 1e-3 : 1.0);
      lo = std::max(lo, center / 1000.0);
      hi = std::min(hi, center * 1000.0);
    }
    if (!(lo > 0.0) || !(hi > lo)) {
      s.log = false;  // no usable positive range: fall back to the linear rule below
      lo = spec.min;
      hi = spec.max;
    }
  }
  if (!s.log) {
    const double reach = 10.0 * std::max(std::abs(def), 1.0);
    if (!(hi - lo <= 2.0 * reach)) {
      lo = std::max(lo, def - reach);
      hi = std::min(hi, def + reach);
    }
  }
  s.lo = lo;
  s.hi = std::max(lo, hi);
  return s;
}

double SliderScale::valueAt(int position) const {
  const double t = std::clamp(static_cast<double>(position) / steps, 0.0, 1.0);
  if (position <= 0) return lo;
  if (position >= steps) return hi;
  if (log) return lo * std::pow(hi / lo, t);
  return lo + (hi - lo) * t;
}

int SliderScale::positionOf(double value) const {
  if (!(hi > lo) || std::isnan(value)) return 0;
  double t = 0.0;
  if (log) {
    t = value > 0.0 ? std::log(value / lo) / std::log(hi / lo) : 0.0;
  } else {
    t = (value - lo) / (hi - lo);
  }
  t = std::clamp(t, 0.0, 1.0);
  return static_cast<int>(std::lround(t * steps));
}

double SliderScale::roundedValueAt(int position) const {
  const double v = valueAt(position);
  if (position <= 0 || position >= steps) return v;  // the ends stay exact
  if (log) return QString::number(v, 'g', 3).toDouble();
  const double step = (hi - lo) / steps;
  if (!(step > 0.0) || !std::isfinite(step)) return v;
  const double quantum = std::pow(10.0, std::floor(std::log10(step)));
  if (quantum < 1.0) {
    // Divide by an integer count per unit so that e.g. 900 / 1000 is the double nearest 0.9.
    const double perUnit = std::round(1.0 / quantum);
    return std::round(v * perUnit) / perUnit;
  }
  return std::round(v / quantum) * quantum;
}

LogSlider::LogSlider(const ParamSpec& spec, const QString& objectNamePrefix, QWidget* parent)
    : QWidget(parent),
      spec_(spec),
      scale_(SliderScale::forSpec(spec, form_metrics::kSliderSteps)),
      value_(spec.defaultValue) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(form_metrics::kColumnSpacing);

  slider_ = new QSlider(Qt::Horizontal, this);
  slider_->setObjectName(objectNamePrefix + QStringLiteral(".slider"));
  slider_->setRange(0, scale_.steps);
  slider_->setSingleStep(scale_.steps / 100);
  slider_->setPageStep(scale_.steps / 10);
  slider_->setMinimumWidth(40);
  slider_->setToolTip(QStringLiteral("slider covers %1 to %2%3; type any valid value in the box")
                          .arg(QString::fromStdString(formatNumber(scale_.lo)),
                               QString::fromStdString(formatNumber(scale_.hi)),
                               scale_.log ? QStringLiteral(", log scale") : QString()));
  row->addWidget(slider_, 1);

  entry_ = new NumberEntry(this);
  entry_->setObjectName(objectNamePrefix + QStringLiteral(".entry"));
  entry_->setFixedWidth(form_metrics::kEntryWidth);
  entry_->setCheck([spec = spec_](double v) { return checkParam(spec, v); });
  row->addWidget(entry_);

  connect(slider_, &QSlider::valueChanged, this, &LogSlider::onSliderMoved);
  connect(entry_, &NumberEntry::valueCommitted, this, &LogSlider::onEntryCommitted);
  setValue(value_);
}

LogSlider::~LogSlider() = default;

void LogSlider::setValue(double value) {
  value_ = value;
  entry_->setValue(value);
  placeHandle();
}

void LogSlider::onSliderMoved(int position) {
  // The ends of an open range (beta in [0, 1), a > 0) are invalid: use the next position in.
  const int inward = position <= 0 ? 1 : (position >= scale_.steps ? scale_.steps - 1 : position);
  double v = scale_.roundedValueAt(position);
  if (!checkParam(spec_, v).empty()) v = scale_.roundedValueAt(inward);
  if (!checkParam(spec_, v).empty()) v = scale_.valueAt(inward);
  if (!checkParam(spec_, v).empty() || v == value_) return;
  value_ = v;
  entry_->setValue(v);
  emit valueChanged(v);
}

void LogSlider::onEntryCommitted(double value) {
  value_ = value;
  placeHandle();
  emit valueChanged(value);
}

void LogSlider::placeHandle() {
  const QSignalBlocker block(slider_);
  slider_->setValue(scale_.positionOf(value_));
}

}  // namespace gradscape::gui
