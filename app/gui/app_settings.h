#pragma once
// The program's settings (window layout, recent files, theme): one store for every part.
#include <QSettings>

namespace gradscape::gui {

inline QSettings appSettings() {
  return QSettings(QStringLiteral("Gradscape"), QStringLiteral("Gradscape"));
}

}  // namespace gradscape::gui
