// The main window on screens of every size: whenever the window's width changes (a projector at
// 1024 px, a 1920 px monitor, full screen), the docks take a quarter of it, between 270 and
// 380 px, so the views keep the rest; the landscape panel keeps its views' shares itself.
#include <QDockWidget>
#include <QResizeEvent>
#include <algorithm>
#include <cmath>

#include "app/gui/main_window.h"

namespace gradscape::gui {

namespace {
constexpr double kDockShare = 0.25;
constexpr int kDockMin = 270, kDockMax = 380;
}  // namespace

int MainWindow::dockWidthFor(int windowWidth) {
  return std::clamp(int(std::lround(kDockShare * windowWidth)), kDockMin, kDockMax);
}

void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  if (event->size().width() == event->oldSize().width()) return;
  QList<QDockWidget*> docks;
  QList<int> widths;
  for (auto* dock : findChildren<QDockWidget*>()) {
    if (dock->isVisible() && !dock->isFloating() &&
        dockWidgetArea(dock) == Qt::LeftDockWidgetArea) {
      docks.append(dock);
      widths.append(dockWidthFor(event->size().width()));
    }
  }
  if (!docks.isEmpty()) resizeDocks(docks, widths, Qt::Horizontal);
}

}  // namespace gradscape::gui
