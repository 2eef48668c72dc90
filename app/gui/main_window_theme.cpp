// The main window's View > Theme menu (app_theme.h): System, Light or Dark, and Ctrl+Shift+T to
// switch between light and dark.
#include <QActionGroup>
#include <QKeySequence>
#include <QMenu>
#include <QStatusBar>

#include "app/gui/main_window.h"

namespace gradscape::gui {

void MainWindow::buildThemeActions(QMenu* view) {
  auto* menu = view->addMenu(tr("&Theme"));
  menu->setToolTipsVisible(true);
  auto* group = new QActionGroup(this);
  const std::tuple<ThemeChoice, QString, QString> items[] = {
      {ThemeChoice::System, tr("&System"),
       tr("Light or dark as the desktop is (read at start and when chosen)")},
      {ThemeChoice::Light, tr("&Light"), tr("Dark text on light backgrounds: bright rooms, print")},
      {ThemeChoice::Dark, tr("&Dark"), tr("Light text on dark backgrounds: dim rooms, projectors")},
  };
  for (const auto& [choice, text, tip] : items) {
    auto* action = menu->addAction(text);
    action->setObjectName(QStringLiteral("theme-") + themeChoiceName(choice));
    action->setToolTip(tip);
    action->setStatusTip(tip);
    action->setCheckable(true);
    action->setChecked(choice == currentThemeChoice());
    group->addAction(action);
    themeActions_[size_t(choice)] = action;
    const auto chosen = choice;
    connect(action, &QAction::triggered, this, [this, chosen] { setThemeChoice(chosen); });
  }
  menu->addSeparator();
  auto* flip = menu->addAction(tr("Switch &light / dark"));
  flip->setObjectName(QStringLiteral("themeSwitch"));
  flip->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
  flip->setToolTip(tr("The other of the two themes (Ctrl+Shift+T)"));
  addAction(flip);  // works with the menu bar hidden (presentation mode) too
  connect(flip, &QAction::triggered, this, [this] {
    setThemeChoice(plots::currentTheme() == plots::Theme::Dark ? ThemeChoice::Light
                                                               : ThemeChoice::Dark);
  });
}

void MainWindow::setThemeChoice(ThemeChoice choice) {
  applyThemeChoice(choice);
  saveThemeChoice(choice);
  themeActions_[size_t(choice)]->setChecked(true);
  const bool dark = plots::currentTheme() == plots::Theme::Dark;
  statusBar()->showMessage(choice == ThemeChoice::System
                               ? (dark ? tr("Theme: system (dark)") : tr("Theme: system (light)"))
                               : (dark ? tr("Theme: dark") : tr("Theme: light")),
                           4000);
}

}  // namespace gradscape::gui
