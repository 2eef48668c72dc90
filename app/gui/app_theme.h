#pragma once
// The program's light and dark themes: the Qt widgets' palette and the scenes' palette
// (plots/theme.h) change together. *View > Theme* offers System, Light and Dark; the choice is
// kept in the settings.
//
// "System" follows the desktop's colour scheme as Qt 6.4 reports it: the palette the platform
// gave the application before Gradscape set one (dark when its window colour is darker than its
// text), or a GTK_THEME ending in ":dark". Qt 6.4 has no colour-scheme hint or signal, so a
// change of the desktop's scheme is seen at the next start or when System is chosen again.
#include <QColor>
#include <QString>
#include <optional>

#include "plots/theme.h"

namespace gradscape::gui {

enum class ThemeChoice { System, Light, Dark };

QString themeChoiceName(ThemeChoice choice);  // "system", "light", "dark"
std::optional<ThemeChoice> themeChoiceFromName(const QString& name);

// The theme the desktop asks for (see above).
plots::Theme systemTheme();
plots::Theme resolveTheme(ThemeChoice choice);

// Makes `theme` current for the scenes and sets the application's palette to match; widgets
// and views receive a palette change and redraw.
void applyTheme(plots::Theme theme);

// The choice in use (System until one is applied), applying one, and the one kept in the
// settings, which the program applies at start (main.cpp) before it builds its window.
ThemeChoice currentThemeChoice();
void applyThemeChoice(ThemeChoice choice);
ThemeChoice savedThemeChoice();
void saveThemeChoice(ThemeChoice choice);

// Colours of the program's own messages and marks, readable on the current theme's window.
struct UiColors {
  QColor errorBack, errorText;      // banner: something failed
  QColor warningBack, warningText;  // banner: something to know
  QColor infoBack, infoText, infoEdge;
  QColor fieldErrorBack, fieldErrorEdge;  // a field holding a value it refused
  QColor alertText;                       // a warning in a panel's text, a run's problem
};
const UiColors& uiColors();

}  // namespace gradscape::gui
