// Presentation mode (issue 12, section 2): F5 fills the screen with the views (no menus,
// toolbars, docks or status bar), draws their text and lines 1.5x larger and shows big
// controls; Ctrl+= / Ctrl+- change the scale; a clicker's PageDown steps and PageUp resets; B
// blanks the screen and any key brings it back; Esc leaves and puts everything back. Screenshots
// with GRADSCAPE_SHOT_DIR (the screen's size: run under Xvfb at 1024x768 and 1920x1080).
#include <vtkGenericOpenGLRenderWindow.h>
#include <QDockWidget>
#include <QMenuBar>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/presentation_mode.h"
#include "app/gui/run_controller.h"
#include "app/gui/vtk_view.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::maybeShoot;
using gradscape::testing::waitForFinishedRuns;

namespace {

int dpiOf(VtkView* view) {
  view->grabFramebuffer();  // renders, which applies the scale
  return view->renderWindow()->GetDPI();
}

int64_t iterationOfFirstRun(MainWindow& window) {
  const auto& runs = window.lastSnapshot().runs;
  return runs.empty() ? -1 : runs[0].iterations;
}

}  // namespace

class PresentationModeTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showActiveTestWindow(window_));
    window_->setLiveMode(false);
    window_->openExample(":/gradscape/scenarios/default.json");
    window_->controller().pause();
    window_->controller().reset();
    QTRY_COMPARE(iterationOfFirstRun(*window_), int64_t(0));
  }
  void cleanup() { window_.reset(); }

  void f5PresentsTheViewsLargeAndEscPutsEverythingBack() {
    auto* map = window_->landscapePanel()->contourView();
    const double ratio = map->devicePixelRatioF();
    QCOMPARE(dpiOf(map), int(std::lround(72 * ratio)));
    QTest::keyClick(window_.get(), Qt::Key_F5);
    QVERIFY(window_->presentation()->active());
    QTRY_VERIFY(window_->windowState() & Qt::WindowFullScreen);
    QVERIFY(!window_->menuBar()->isVisible());
    QVERIFY(!window_->statusBar()->isVisible());
    for (auto* toolbar : window_->findChildren<QToolBar*>()) QVERIFY(!toolbar->isVisible());
    for (auto* dock : window_->findChildren<QDockWidget*>()) QVERIFY(!dock->isVisible());
    QTest::qWait(200);
    // The views take the whole window, their text and lines 1.5x.
    QVERIFY(window_->landscapePanel()->width() >= window_->width() - 16);
    QCOMPARE(dpiOf(map), int(std::lround(72 * ratio * 1.5)));
    auto* bar = window_->presentation()->overlayBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->findChildren<QToolButton*>().size(), qsizetype(4));  // play, step, reset, leave
    if (window_->size() != window_->screen()->size()) {
      // Xvfb has no window manager to apply the full-screen state: size it as one would.
      window_->setGeometry(window_->screen()->geometry());
      QTest::qWait(300);
    }
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_));
    QTest::qWait(300);
    maybeShoot(window_.get(),
               QStringLiteral("presentation_%1x%2").arg(window_->width()).arg(window_->height()));

    QTest::keyClick(window_.get(), Qt::Key_Escape);
    QVERIFY(!window_->presentation()->active());
    QTRY_VERIFY(!(window_->windowState() & Qt::WindowFullScreen));
    QVERIFY(window_->menuBar()->isVisible());
    QVERIFY(window_->statusBar()->isVisible());
    QVERIFY(window_->findChild<QToolBar*>("playbackToolbar")->isVisible());
    QVERIFY(window_->findChild<QDockWidget*>("runsDock")->isVisible());
    QVERIFY(!bar->isVisible());
    QCOMPARE(dpiOf(map), int(std::lround(72 * ratio)));
    // Back in normal mode, Esc stops the runs again.
    window_->controller().play();
    QTest::keyClick(window_.get(), Qt::Key_Escape);
    QVERIFY(waitForFinishedRuns(*window_));
  }

  void ctrlPlusAndMinusChangeTheScale() {
    auto* map = window_->landscapePanel()->contourView();
    const double ratio = map->devicePixelRatioF();
    QTest::keyClick(window_.get(), Qt::Key_F5);
    QTest::keyClick(window_.get(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window_->presentation()->scale(), 1.75);
    QCOMPARE(dpiOf(map), int(std::lround(72 * ratio * 1.75)));
    QTest::keyClick(window_.get(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(window_.get(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(window_->presentation()->scale(), 1.25);
    for (int i = 0; i < 20; ++i) QTest::keyClick(window_.get(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window_->presentation()->scale(), PresentationMode::kMaxScale);
    QTest::keyClick(window_.get(), Qt::Key_Escape);
    // In normal mode the keys set the next presentation's scale; the views stay at 1x.
    QTest::keyClick(window_.get(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(window_->presentation()->scale(), 2.75);
    QCOMPARE(dpiOf(map), int(std::lround(72 * ratio)));
  }

  void clickerKeysStepResetAndBlank() {
    // Outside a presentation PageDown does not step.
    QTest::keyClick(window_.get(), Qt::Key_PageDown);
    QTest::qWait(100);
    QCOMPARE(iterationOfFirstRun(*window_), int64_t(0));
    QTest::keyClick(window_.get(), Qt::Key_F5);
    QTest::keyClick(window_.get(), Qt::Key_PageDown);
    QTRY_COMPARE(iterationOfFirstRun(*window_), int64_t(1));
    QTest::keyClick(window_.get(), Qt::Key_PageDown);
    QTRY_COMPARE(iterationOfFirstRun(*window_), int64_t(2));
    QTest::keyClick(window_.get(), Qt::Key_PageUp);
    QTRY_COMPARE(iterationOfFirstRun(*window_), int64_t(0));
    // B blanks; another key brings the picture back without acting.
    QTest::keyClick(window_.get(), Qt::Key_B);
    QVERIFY(window_->presentation()->blanked());
    QWidget* cover = window_->findChild<QWidget*>("presentationBlank");
    QVERIFY(cover && cover->isVisible() && cover->geometry() == window_->rect());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown);
    QVERIFY(!window_->presentation()->blanked());
    QTest::qWait(100);
    QCOMPARE(iterationOfFirstRun(*window_), int64_t(0));
    QTest::keyClick(window_.get(), Qt::Key_B);
    QVERIFY(window_->presentation()->blanked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_B);
    QVERIFY(!window_->presentation()->blanked());
    // Leaving never leaves the screen blank.
    QTest::keyClick(window_.get(), Qt::Key_B);
    window_->presentation()->setActive(false);
    QVERIFY(!window_->presentation()->blanked());
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(PresentationModeTest)
#include "test_presentation_mode.moc"
