#include "app/gui/app_theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

#include "app/gui/app_settings.h"

namespace gradscape::gui {

namespace {

// The palette the platform gave the application, kept before the first applyTheme replaces it.
const QPalette& platformPalette() {
  static const QPalette palette = QApplication::palette();
  return palette;
}

bool isDark(const QPalette& palette) {
  return palette.color(QPalette::Window).lightnessF() <
         palette.color(QPalette::WindowText).lightnessF();
}

// A dark palette for Qt's widgets, in the hues of the scenes' dark paper (plots/theme.cpp).
QPalette darkPalette() {
  QPalette p;
  const QColor window(45, 47, 52), base(30, 32, 36), text(232, 234, 238), button(54, 57, 63);
  const QColor dimText(128, 132, 140);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(38, 40, 45));
  p.setColor(QPalette::ToolTipBase, QColor(58, 61, 68));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(150, 154, 162));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, button);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, QColor(255, 110, 100));
  p.setColor(QPalette::Light, QColor(78, 82, 90));
  p.setColor(QPalette::Midlight, QColor(64, 67, 74));
  p.setColor(QPalette::Mid, QColor(40, 42, 47));
  p.setColor(QPalette::Dark, QColor(24, 25, 28));
  p.setColor(QPalette::Shadow, QColor(10, 10, 12));
  p.setColor(QPalette::Highlight, QColor(58, 124, 212));
  p.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
  p.setColor(QPalette::Link, QColor(120, 176, 255));
  p.setColor(QPalette::LinkVisited, QColor(186, 150, 255));
  for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, dimText);
  }
  p.setColor(QPalette::Disabled, QPalette::Button, QColor(48, 50, 55));
  p.setColor(QPalette::Disabled, QPalette::Base, QColor(38, 40, 45));
  return p;
}

// The light palette: the platform's when it is light, else the style's own.
QPalette lightPalette() {
  const QPalette& platform = platformPalette();
  return isDark(platform) ? QApplication::style()->standardPalette() : platform;
}

constexpr UiColors kLightColors{
    .errorBack = QColor(0xfd, 0xe8, 0xe8),
    .errorText = QColor(0x8a, 0x1c, 0x1c),
    .warningBack = QColor(0xff, 0xf4, 0xd6),
    .warningText = QColor(0x6b, 0x4a, 0x00),
    .infoBack = QColor(0xe6, 0xf0, 0xfb),
    .infoText = QColor(0x1b, 0x3d, 0x66),
    .infoEdge = QColor(0x9d, 0xbd, 0xe3),
    .fieldErrorBack = QColor(0xfd, 0xec, 0xea),
    .fieldErrorEdge = QColor(0xd3, 0x2f, 0x2f),
    .alertText = QColor(0xa8, 0x32, 0x1e),
};

constexpr UiColors kDarkColors{
    .errorBack = QColor(0x4a, 0x1f, 0x22),
    .errorText = QColor(0xff, 0xc4, 0xc0),
    .warningBack = QColor(0x45, 0x38, 0x14),
    .warningText = QColor(0xff, 0xe0, 0x9a),
    .infoBack = QColor(0x1f, 0x33, 0x4d),
    .infoText = QColor(0xc6, 0xdd, 0xfa),
    .infoEdge = QColor(0x3f, 0x63, 0x8f),
    .fieldErrorBack = QColor(0x4a, 0x1f, 0x22),
    .fieldErrorEdge = QColor(0xff, 0x6b, 0x60),
    .alertText = QColor(0xff, 0x8a, 0x70),
};

ThemeChoice current = ThemeChoice::System;

}  // namespace

QString themeChoiceName(ThemeChoice choice) {
  switch (choice) {
    case ThemeChoice::Light:
      return QStringLiteral("light");
    case ThemeChoice::Dark:
      return QStringLiteral("dark");
    case ThemeChoice::System:
      break;
  }
  return QStringLiteral("system");
}

std::optional<ThemeChoice> themeChoiceFromName(const QString& name) {
  for (auto choice : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
    if (name == themeChoiceName(choice)) return choice;
  }
  return std::nullopt;
}

plots::Theme systemTheme() {
  if (qEnvironmentVariable("GTK_THEME").endsWith(QStringLiteral(":dark"))) {
    return plots::Theme::Dark;
  }
  return isDark(platformPalette()) ? plots::Theme::Dark : plots::Theme::Light;
}

plots::Theme resolveTheme(ThemeChoice choice) {
  switch (choice) {
    case ThemeChoice::Light:
      return plots::Theme::Light;
    case ThemeChoice::Dark:
      return plots::Theme::Dark;
    case ThemeChoice::System:
      break;
  }
  return systemTheme();
}

void applyTheme(plots::Theme theme) {
  platformPalette();  // kept before it is replaced
  plots::setCurrentTheme(theme);
  QApplication::setPalette(theme == plots::Theme::Dark ? darkPalette() : lightPalette());
}

ThemeChoice currentThemeChoice() {
  return current;
}

void applyThemeChoice(ThemeChoice choice) {
  current = choice;
  applyTheme(resolveTheme(choice));
}

ThemeChoice savedThemeChoice() {
  return themeChoiceFromName(appSettings().value(QStringLiteral("theme")).toString())
      .value_or(ThemeChoice::System);
}

void saveThemeChoice(ThemeChoice choice) {
  appSettings().setValue(QStringLiteral("theme"), themeChoiceName(choice));
}

const UiColors& uiColors() {
  return plots::currentTheme() == plots::Theme::Dark ? kDarkColors : kLightColors;
}

}  // namespace gradscape::gui
