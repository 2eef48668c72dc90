// The scenario's classroom settings in the main window: editors show and lock what the file says
// (classroom_access.h), and the actions that bypass them (run shortcuts, dragging the start on
// the map) ask first.
#include <QStatusBar>

#include "app/gui/classroom_access.h"
#include "app/gui/main_window.h"

namespace gradscape::gui {

void MainWindow::applyClassroomNow() {
  applyClassroom(this, scenario_.classroom);
}

bool MainWindow::classroomAllows(const std::string& control) {
  if (scenario_.classroom.access(control) == Classroom::Access::Open) return true;
  statusBar()->showMessage(
      tr("%1 (%2)").arg(QString::fromUtf8(kLockedTip), QString::fromStdString(control)), 5000);
  return false;
}

}  // namespace gradscape::gui
