#include "app/gui/number_entry.h"

#include <QKeyEvent>
#include <QLocale>
#include <cmath>

#include "app/gui/app_theme.h"
#include "app/gui/theme_follow.h"
#include "core/registry/params.h"

namespace gradscape::gui {

NumberEntry::NumberEntry(QWidget* parent) : QLineEdit(parent) {
  connect(this, &QLineEdit::editingFinished, this, &NumberEntry::commit);
  showValue();
}

void NumberEntry::restyle() {
  setThemedStyleSheet(this, [this] {
    if (!hasError()) return QString();
    // Only border and background change, so a marked entry keeps the size of its neighbours.
    const UiColors& c = uiColors();
    return QStringLiteral("QLineEdit { border: 1px solid %1; border-radius: 2px; background: %2; }")
        .arg(c.fieldErrorEdge.name(), c.fieldErrorBack.name());
  });
}

NumberEntry::~NumberEntry() = default;

void NumberEntry::setCheck(Check check) {
  check_ = std::move(check);
}

void NumberEntry::setSignificantDigits(int digits) {
  digits_ = digits;
  if (!hasError()) showValue();
}

void NumberEntry::setBaseToolTip(const QString& tip) {
  baseToolTip_ = tip;
  if (!hasError()) setToolTip(tip);
}

void NumberEntry::setValue(double value) {
  value_ = value;
  error_.clear();
  restyle();
  setToolTip(baseToolTip_);
  showValue();
}

bool NumberEntry::parse(const QString& text, double& value) {
  bool ok = false;
  const double v = QLocale::c().toDouble(text.trimmed(), &ok);
  if (ok) value = v;
  return ok;
}

void NumberEntry::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape && (hasError() || text() != shown_)) {
    setValue(value_);
    event->accept();
    return;
  }
  QLineEdit::keyPressEvent(event);
}

void NumberEntry::commit() {
  const QString text = this->text().trimmed();
  if (text == shown_ && !hasError()) return;
  double v = 0.0;
  if (!parse(text, v)) {
    setError(QStringLiteral("must be a number, got \"%1\"").arg(text));
    return;
  }
  std::string problem;
  if (check_) {
    problem = check_(v);
  } else if (!std::isfinite(v)) {
    problem = "must be a finite number, got " + formatNumber(v);
  }
  if (!problem.empty()) {
    setError(QString::fromStdString(problem));
    return;
  }
  const bool differs = v != value_;
  setValue(v);
  if (differs) emit valueCommitted(v);
}

void NumberEntry::showValue() {
  shown_ = digits_ > 0 ? QString::number(value_, 'g', digits_)
                       : QString::fromStdString(formatNumber(value_));
  setText(shown_);
  setCursorPosition(0);
}

void NumberEntry::setError(const QString& message) {
  error_ = message;
  restyle();
  setToolTip(message);
}

}  // namespace gradscape::gui
