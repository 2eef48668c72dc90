#include "app/gui/field_keys.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTimer>

#include "app/gui/number_entry.h"

namespace gradscape::gui {

namespace {
bool isNumberField(const QWidget* widget) {
  return qobject_cast<const NumberEntry*>(widget) != nullptr ||
         qobject_cast<const QAbstractSpinBox*>(widget) != nullptr;
}

bool isField(const QWidget* widget) {
  return isNumberField(widget) || qobject_cast<const QLineEdit*>(widget) != nullptr;
}
}  // namespace

FieldKeys::FieldKeys(QWidget* window, std::function<QWidget*()> home)
    : QObject(window), window_(window), home_(std::move(home)) {
  qApp->installEventFilter(this);
}

FieldKeys::~FieldKeys() {
  qApp->removeEventFilter(this);
}

bool FieldKeys::isNumberKey(const QWidget* field, const QString& text) {
  if (text.size() != 1) return false;
  const QChar c = text.front();
  if (c.isDigit() || c == u'+' || c == u'-') return true;
  // Integer spin boxes take digits and a sign only; real fields also a point and an exponent.
  const bool real = qobject_cast<const NumberEntry*>(field) != nullptr ||
                    qobject_cast<const QDoubleSpinBox*>(field) != nullptr;
  return real && (c == u'.' || c == u'e' || c == u'E');
}

bool FieldKeys::eventFilter(QObject* watched, QEvent* event) {
  const auto type = event->type();
  if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress) return false;
  auto* field = qobject_cast<QWidget*>(watched);
  if (!field || !window_ || field->window() != window_ || !isField(field)) return false;
  auto* key = static_cast<QKeyEvent*>(event);
  const auto mods = key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);

  // A field accepts the shortcut override of every printable key, which keeps the window's
  // single-key shortcuts from firing. Number fields let the keys a number has no use for go
  // to the window, and never type them (a key that is no shortcut does nothing there).
  const bool foreign = mods == Qt::NoModifier && isNumberField(field) && !key->text().isEmpty() &&
                       key->text().front().isPrint() && !isNumberKey(field, key->text());
  if (type == QEvent::ShortcutOverride) {
    if (!foreign) return false;
    event->ignore();
    return true;
  }
  if (foreign) return true;

  if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && mods == Qt::NoModifier) {
    // After the field has committed the value (its own handling of this key press), the
    // keyboard goes back to the window, unless the field refused the value.
    QPointer<QWidget> committed(field);
    QTimer::singleShot(0, this, [this, committed] {
      if (!committed || !committed->hasFocus()) return;
      if (const auto* entry = qobject_cast<const NumberEntry*>(committed.data());
          entry && entry->hasError()) {
        return;
      }
      if (QWidget* home = home_ ? home_() : nullptr) home->setFocus(Qt::ShortcutFocusReason);
    });
  }
  return false;
}

}  // namespace gradscape::gui
