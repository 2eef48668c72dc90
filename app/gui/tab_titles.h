#pragma once
// Keeps every title of a QTabWidget's bar in view: the full titles while they fit the widget's
// width, else the short ones (the tooltips keep saying what each tab is), so a narrow window
// (1024 px on a projector) shows all tabs and no scroll arrows.
#include <QObject>
#include <QStringList>

class QTabWidget;

namespace gradscape::gui {

class TabTitles : public QObject {
  Q_OBJECT
 public:
  // One full and one short title per tab of `tabs`, in tab order; installed on `tabs`.
  TabTitles(QTabWidget* tabs, QStringList full, QStringList brief);
  // Picks the titles for the current width.
  void fit();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void setTitles(const QStringList& titles);
  QTabWidget* tabs_;
  QStringList full_, brief_;
};

}  // namespace gradscape::gui
