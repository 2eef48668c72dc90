#pragma once
// The strip above the views that offers to restore the work of a session that died: a
// question, what would come back, and Restore / Discard. Not a dialog: the window stays usable
// while it shows, and nothing blocks (tests click its buttons).
#include <QFrame>

class QLabel;
class QPushButton;

namespace gradscape::gui {

class RestorePrompt : public QFrame {
  Q_OBJECT
 public:
  explicit RestorePrompt(QWidget* parent = nullptr);
  // Shows the question (bold) and its details below it.
  void ask(const QString& question, const QString& details);
  QString question() const;
  QString details() const;
  QPushButton* restoreButton() const { return restore_; }
  QPushButton* discardButton() const { return discard_; }

 signals:
  void restoreChosen();
  void discardChosen();

 private:
  QLabel* question_;
  QLabel* details_;
  QPushButton* restore_;
  QPushButton* discard_;
};

}  // namespace gradscape::gui
