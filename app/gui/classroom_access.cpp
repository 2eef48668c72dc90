#include "app/gui/classroom_access.h"

#include <QWidget>
#include <map>
#include <vector>

namespace gradscape::gui {

namespace {

// The widgets each section names.
const std::map<std::string, std::vector<QString>>& sectionWidgets() {
  static const std::map<std::string, std::vector<QString>> widgets{
      {"objective", {"objective"}},
      {"start", {"startX", "startY"}},
      {"stop", {"stopGroup"}},
      {"optimizer", {"optimizer"}},
      {"schedule", {"scheduleGroup"}},
      {"gradient", {"gradientGroup"}},
      {"curvature", {"curvatureGroup"}},
      {"runs", {"addRun", "duplicateRun", "removeRun", "label"}}};
  return widgets;
}

// The control a widget belongs to: its section, or the parameter of a "param.<name>.<part>".
std::string controlOf(const QString& objectName) {
  for (const auto& [section, names] : sectionWidgets()) {
    for (const QString& name : names) {
      if (name == objectName) return section;
    }
  }
  if (objectName.startsWith(QStringLiteral("param."))) {
    return objectName.section(QLatin1Char('.'), 1, 1).toStdString();
  }
  return {};
}

void restore(QWidget* w) {
  if (w->property("classroomHid").toBool()) {
    w->setVisible(true);
    w->setProperty("classroomHid", false);
  }
  if (w->property("classroomLocked").toBool()) {
    w->setEnabled(w->property("classroomWasEnabled").toBool());
    w->setToolTip(w->property("classroomTip").toString());
    w->setProperty("classroomLocked", false);
  }
}

}  // namespace

void applyClassroom(QWidget* root, const Classroom& classroom) {
  for (QWidget* w : root->findChildren<QWidget*>()) {
    restore(w);
    if (classroom.empty()) continue;
    const std::string control = controlOf(w->objectName());
    if (control.empty()) continue;
    switch (classroom.access(control)) {
      case Classroom::Access::Open:
        break;
      case Classroom::Access::Hidden:
        if (!w->isHidden()) {
          w->setProperty("classroomHid", true);
          w->hide();
        }
        break;
      case Classroom::Access::Locked:
        w->setProperty("classroomLocked", true);
        w->setProperty("classroomWasEnabled", !w->testAttribute(Qt::WA_Disabled));
        w->setProperty("classroomTip", w->toolTip());
        w->setEnabled(false);
        w->setToolTip(QString::fromUtf8(kLockedTip));
        break;
    }
  }
}

}  // namespace gradscape::gui
