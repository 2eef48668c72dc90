#pragma once
// Widgets whose colours are not the palette's own (message strips, error fields, help text)
// follow the theme: their colouring runs again whenever the application's palette changes.
#include <QString>
#include <functional>

class QWidget;

namespace gradscape::gui {

// Runs `apply` now and after every change of the application's palette, while `widget` lives.
// A later call with the same `key` on the same widget replaces the earlier function.
void followTheme(QWidget* widget, const QString& key, std::function<void()> apply);

// Keeps `widget`'s style sheet the one `sheet` builds for the current theme (app_theme.h's
// uiColors()); the sheet is set only when it differs from the widget's.
void setThemedStyleSheet(QWidget* widget, std::function<QString()> sheet);

}  // namespace gradscape::gui
