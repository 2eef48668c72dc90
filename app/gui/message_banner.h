#pragma once
// A dismissable message strip above the views: bad files, rejected settings, diverged runs.
// Non-modal, so the work stays reachable and tests never block on a dialog.
#include <QFrame>

class QLabel;

namespace gradscape::gui {

class MessageBanner : public QFrame {
  Q_OBJECT
 public:
  enum class Kind { Error, Warning, Info };
  explicit MessageBanner(QWidget* parent = nullptr);
  void showMessage(const QString& text, Kind kind = Kind::Error);
  QString text() const;

 private:
  QLabel* label_;
};

}  // namespace gradscape::gui
