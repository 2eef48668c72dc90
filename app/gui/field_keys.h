#pragma once
// The keyboard rule for the editors' fields, one a user can predict:
// - A number field (a NumberEntry, a spin box) takes only keys that can be part of a number:
//   digits, '.', '+', '-' and, in real-valued fields, 'e' / 'E' for an exponent. Every other
//   key (Space, R, S, L, G, K, C, N, ...) does what it does in the window, even while the
//   field has the cursor: it never types into the field.
// - A text field (a run's label) takes every key while it has the cursor.
// - Enter commits a field and hands the keyboard back to the map, so the next key acts on the
//   window (a number the field refuses keeps the cursor there, to be corrected).
#include <QObject>
#include <QPointer>
#include <functional>

class QWidget;

namespace gradscape::gui {

class FieldKeys : public QObject {
  Q_OBJECT
 public:
  // Watches the fields of `window` (installed on the application, since the editors rebuild
  // their fields); `home` names the widget that takes the keyboard after Enter.
  FieldKeys(QWidget* window, std::function<QWidget*()> home);
  ~FieldKeys() override;

  // True when `text` typed into `field` could be part of a number there.
  static bool isNumberKey(const QWidget* field, const QString& text);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QPointer<QWidget> window_;
  std::function<QWidget*()> home_;
};

}  // namespace gradscape::gui
