// Light and dark themes (issue 12, section 2): View > Theme turns the Qt widgets and every view
// (map, surface, charts) dark or light together, the program's own messages and error fields
// stay readable in both, and the choice is kept for the next start. Screenshots of the window at
// 1024x700 and 1920x1080 and of presentation mode (at the screen's size) in both themes with
// GRADSCAPE_SHOT_DIR.
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QScreen>
#include <QStandardPaths>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>

#include "app/gui/app_theme.h"
#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/number_entry.h"
#include "app/gui/presentation_mode.h"
#include "app/gui/run_controller.h"
#include "app/gui/vtk_view.h"
#include "plots/theme.h"
#include "support/gui_driver.h"
#include "support/wcag_contrast.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::contrast;
using gradscape::testing::countPixelsNear;
using gradscape::testing::maybeShoot;
using gradscape::testing::openDefaultScenario;
using gradscape::testing::qcolor;
using gradscape::testing::renderedFrame;

namespace {

bool near(const QColor& a, const QColor& b, int tolerance = 3) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

// The colour most pixels of a widget's picture have (its background).
QColor commonestColour(const QImage& image) {
  std::map<QRgb, int> counts;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) ++counts[image.pixel(x, y) & 0xffffffu];
  }
  const auto best = std::max_element(counts.begin(), counts.end(),
                                     [](auto& a, auto& b) { return a.second < b.second; });
  return QColor::fromRgb(best->first);
}

}  // namespace

class ThemesTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    QVERIFY(openDefaultScenario(*window_));
  }
  void cleanup() {
    window_->setThemeChoice(ThemeChoice::Light);
    window_.reset();
    saveThemeChoice(ThemeChoice::System);
  }

  void viewMenuTurnsWidgetsAndEveryViewDarkAndBack() {
    window_->resize(1024, 700);
    QTRY_COMPARE(window_->size(), QSize(1024, 700));
    auto* map = window_->landscapePanel()->contourView();
    auto* surface = window_->landscapePanel()->surfaceView();
    auto* chart = window_->convergencePanel()->view();
    auto* darkAction = window_->findChild<QAction*>("theme-dark");
    QVERIFY(darkAction);
    darkAction->trigger();
    QVERIFY(darkAction->isChecked());
    QCOMPARE(plots::currentTheme(), plots::Theme::Dark);
    const plots::Palette& dark = plots::paletteOf(plots::Theme::Dark);

    // The widgets: a dark window with light text.
    const QPalette palette = QApplication::palette();
    QVERIFY(palette.color(QPalette::Window).lightnessF() < 0.3);
    QVERIFY(contrast(palette.color(QPalette::Text), palette.color(QPalette::Base)) >= 7.0);
    QVERIFY(contrast(palette.color(QPalette::WindowText), palette.color(QPalette::Window)) >= 7.0);

    // Every view, in its next frame: the dark paper in the corners, text in the dark ink.
    for (VtkView* view : {map, chart}) {
      const QImage frame = renderedFrame(view);
      QVERIFY(near(frame.pixelColor(1, frame.height() - 2), qcolor(dark.paper)));
      QVERIFY(near(frame.pixelColor(frame.width() - 2, 1), qcolor(dark.paper)));
      QVERIFY(countPixelsNear(frame, qcolor(dark.ink), 8) > 40);
    }
    // Not a white pixel is left in the chart (background, legend box); the map keeps its white
    // start marker.
    QCOMPARE(countPixelsNear(renderedFrame(chart), QColor(255, 255, 255), 2), 0);
    const QImage surfaceFrame = renderedFrame(surface);
    QVERIFY(near(surfaceFrame.pixelColor(1, 1), qcolor(dark.surfaceHigh), 4));
    QVERIFY(
        near(surfaceFrame.pixelColor(1, surfaceFrame.height() - 2), qcolor(dark.surfaceLow), 4));
    maybeShoot(window_.get(), QStringLiteral("theme_dark_1024x700"));
    window_->resize(1920, 1080);
    QTRY_COMPARE(window_->size(), QSize(1920, 1080));
    maybeShoot(window_.get(), QStringLiteral("theme_dark_1920x1080"));

    window_->findChild<QAction*>("theme-light")->trigger();
    QCOMPARE(plots::currentTheme(), plots::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() > 0.7);
    for (VtkView* view : {map, chart}) {
      const QImage frame = renderedFrame(view);
      QVERIFY(near(frame.pixelColor(1, frame.height() - 2), QColor(255, 255, 255)));
    }
    maybeShoot(window_.get(), QStringLiteral("theme_light_1920x1080"));
  }

  void messagesAndRefusedFieldsStayReadableInBothThemes() {
    for (const ThemeChoice choice : {ThemeChoice::Light, ThemeChoice::Dark}) {
      window_->setThemeChoice(choice);
      const bool dark = choice == ThemeChoice::Dark;
      const UiColors& c = uiColors();
      for (const auto& [text, back] :
           {std::pair(c.errorText, c.errorBack), std::pair(c.warningText, c.warningBack),
            std::pair(c.infoText, c.infoBack)}) {
        QVERIFY(contrast(text, back) >= 7.0);
      }
      QVERIFY(contrast(c.alertText, QApplication::palette().color(QPalette::Window)) >= 4.5);
      QVERIFY(contrast(c.alertText, QApplication::palette().color(QPalette::Base)) >= 4.5);
      // The banner shown before the theme changed takes the new colours too.
      window_->banner()->showMessage(QStringLiteral("Could not open x.json: no such file"));
      QTest::qWait(50);
      const QColor banner = commonestColour(window_->banner()->grab().toImage());
      QVERIFY2(dark ? banner.lightnessF() < 0.35 : banner.lightnessF() > 0.85,
               qPrintable(banner.name()));
      QVERIFY(near(banner, c.errorBack, 2));
    }
    // A banner already up when the theme changes follows it.
    window_->setThemeChoice(ThemeChoice::Light);
    QTest::qWait(50);
    QVERIFY(near(commonestColour(window_->banner()->grab().toImage()), uiColors().errorBack, 2));
    // So does a field that refused its value.
    auto* field = window_->findChild<NumberEntry*>();
    QVERIFY(field);
    field->setText(QStringLiteral("abc"));
    emit field->editingFinished();
    QVERIFY(field->hasError());
    window_->setThemeChoice(ThemeChoice::Dark);
    QTest::qWait(50);
    QVERIFY(field->styleSheet().contains(uiColors().fieldErrorBack.name()));
  }

  void theChoiceIsKeptForTheNextStart() {
    window_->setThemeChoice(ThemeChoice::Dark);
    QCOMPARE(savedThemeChoice(), ThemeChoice::Dark);
    QCOMPARE(currentThemeChoice(), ThemeChoice::Dark);
    // A window built now shows the choice in its menu.
    MainWindow second;
    QVERIFY(second.findChild<QAction*>("theme-dark")->isChecked());
    window_->setThemeChoice(ThemeChoice::System);
    QCOMPARE(savedThemeChoice(), ThemeChoice::System);
    // Under Xvfb the platform's palette is light: System means light here.
    QCOMPARE(plots::currentTheme(), plots::Theme::Light);
  }

  void presentationModeInBothThemes() {
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    for (const ThemeChoice choice : {ThemeChoice::Dark, ThemeChoice::Light}) {
      window_->setThemeChoice(choice);
      QTest::keyClick(window_.get(), Qt::Key_F5);
      QVERIFY(window_->presentation()->active());
      if (window_->size() != window_->screen()->size()) {
        // Xvfb has no window manager to apply the full-screen state: size it as one would.
        window_->setGeometry(window_->screen()->geometry());
        QTest::qWait(300);
      }
      const plots::Palette& p = plots::currentPalette();
      auto* map = window_->landscapePanel()->contourView();
      const QImage frame = renderedFrame(map);
      QVERIFY(near(frame.pixelColor(1, frame.height() - 2), qcolor(p.paper)));
      QVERIFY(countPixelsNear(frame, qcolor(p.ink), 8) > 40);
      maybeShoot(window_.get(), QStringLiteral("presentation_%1_%2x%3")
                                    .arg(themeChoiceName(choice))
                                    .arg(window_->width())
                                    .arg(window_->height()));
      QTest::keyClick(window_.get(), Qt::Key_Escape);
      QVERIFY(!window_->presentation()->active());
    }
    // Ctrl+Shift+T switches to the other theme, also in a presentation.
    QCOMPARE(plots::currentTheme(), plots::Theme::Light);
    QTest::keyClick(window_.get(), Qt::Key_F5);
    QTest::keyClick(window_.get(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(plots::currentTheme(), plots::Theme::Dark);
    QTest::keyClick(window_.get(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(plots::currentTheme(), plots::Theme::Light);
    QTest::keyClick(window_.get(), Qt::Key_Escape);
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(ThemesTest)
#include "test_themes.moc"
