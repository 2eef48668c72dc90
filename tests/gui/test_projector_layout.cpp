// The window on a projector (issue 12, section 1): at 1024x700, 1280x720 and 1920x1080 (and
// 1024x600, which the window must accept) every view shown is usable and none overlaps another;
// the map's view is at least half the window's height and its plotted box a usable size; the run
// editor is not cut off on the right; layout keys 1/2/3 give the space to the views they name;
// shrinking the window and growing it again gives the map its space back; all five analysis tab
// titles show whole, without scroll arrows, at 1024x700 and 1920x1080. Screenshots of each
// size with GRADSCAPE_SHOT_DIR.
#include <QDockWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/run_editor.h"
#include "app/gui/vtk_view.h"
#include "plots/contour_scene.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::maybeShoot;
using gradscape::testing::openDefaultScenario;

namespace {

QRect inWindow(const QWidget* widget, const QWidget* window) {
  return QRect(widget->mapTo(window, QPoint(0, 0)), widget->size());
}

// The plotted box of the contour map, in logical pixels: {width, height}.
QSizeF plottedBox(MainWindow& window) {
  const auto& map =
      static_cast<const plots::ContourScene&>(window.landscapePanel()->contourScene());
  const auto box = map.plotBox();
  const double ratio = window.landscapePanel()->contourView()->devicePixelRatioF();
  return {box[2] / ratio, box[3] / ratio};
}

}  // namespace

class ProjectorLayoutTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    QVERIFY(openDefaultScenario(*window_));
  }
  void cleanup() { window_.reset(); }

  void everyViewIsUsableAtLectureSizes_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x700") << QSize(1024, 700);
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("1024x600") << QSize(1024, 600);
  }
  void everyViewIsUsableAtLectureSizes() {
    QFETCH(QSize, size);
    window_->resize(size);
    QTRY_COMPARE(window_->size(), size);  // the window accepts the size
    QTest::qWait(300);                    // a frame at the new size
    auto* contour = window_->landscapePanel()->contourView();
    auto* surface = window_->landscapePanel()->surfaceView();
    auto* tabs = window_->analysisTabs();
    const QRect frame = window_->rect();
    const QRect map = inWindow(contour, window_.get());
    const QRect surf = inWindow(surface, window_.get());
    const QRect chart = inWindow(tabs, window_.get());
    for (const QRect& r : {map, surf, chart}) QVERIFY(frame.contains(r));
    QVERIFY(!map.intersects(surf) && !map.intersects(chart) && !surf.intersects(chart));
    QVERIFY2(map.height() >= size.height() / 2, qPrintable(QString::number(map.height())));
    // The plotted map (a 4 x 4 box for Rosenbrock) is big enough to read from the back row.
    const QSizeF box = plottedBox(*window_);
    QVERIFY2(box.width() >= 0.4 * size.height() && box.height() >= 0.4 * size.height(),
             qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
    // The surface and the chart keep room to be read.
    QVERIFY(surf.width() >= 250 && surf.height() >= 200);
    QVERIFY(chart.width() >= 250 && chart.height() >= 200);
    // The run editor fits its dock: no horizontal scroll bar hides its right edge.
    auto* editorScroll =
        qobject_cast<QScrollArea*>(window_->runEditor()->parentWidget()->parentWidget());
    QVERIFY(editorScroll);
    QVERIFY2(!editorScroll->horizontalScrollBar()->isVisible(),
             qPrintable(QStringLiteral("editor needs %1 px, has %2")
                            .arg(window_->runEditor()->minimumSizeHint().width())
                            .arg(editorScroll->viewport()->width())));
    maybeShoot(window_.get(), QStringLiteral("layout_%1x%2").arg(size.width()).arg(size.height()));
  }

  void layoutKeysGiveTheSpaceToTheViewsTheyName() {
    window_->resize(1024, 700);
    QTRY_COMPARE(window_->size(), QSize(1024, 700));
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    QTest::qWait(200);
    auto* contour = window_->landscapePanel()->contourView();
    auto* surface = window_->landscapePanel()->surfaceView();
    auto* tabs = window_->analysisTabs();
    window_->landscapePanel()->contourView()->setFocus();
    const QSizeF bothBox = plottedBox(*window_);
    QTest::keyClick(window_.get(), Qt::Key_1);  // the map
    QTRY_VERIFY(!surface->isVisible());
    QTest::qWait(200);
    QVERIFY(contour->width() > 1.5 * tabs->width());
    QVERIFY(plottedBox(*window_).width() > bothBox.width());
    QTest::keyClick(window_.get(), Qt::Key_2);  // the surface
    QTRY_VERIFY(!contour->isVisible());
    QVERIFY(surface->isVisible());
    QVERIFY(surface->height() > 1.5 * tabs->height());
    QTest::keyClick(window_.get(), Qt::Key_3);  // both
    QTRY_VERIFY(contour->isVisible() && surface->isVisible());
    QVERIFY(contour->width() > surface->width());
  }

  void everyAnalysisTabTitleShowsAt1024x700() {
    for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
      window_->resize(size);
      QTRY_COMPARE(window_->size(), size);
      QTest::qWait(200);
      QTabBar* bar = window_->analysisTabs()->tabBar();
      QCOMPARE(bar->count(), 5);
      // No scroll arrows (QTabBar's two tool buttons), every tab inside the bar's visible width
      // and wide enough for its whole title.
      for (const QToolButton* arrow : bar->findChildren<QToolButton*>()) {
        QVERIFY2(!arrow->isVisible(),
                 qPrintable(QStringLiteral("scroll arrows at %1 px").arg(size.width())));
      }
      const int visible = window_->analysisTabs()->width();
      // The bar's preferred width (every tab at its title's width, unsqueezed) fits.
      QVERIFY2(bar->sizeHint().width() <= visible,
               qPrintable(QStringLiteral("the tabs want %1 px of %2: %3")
                              .arg(bar->sizeHint().width())
                              .arg(visible)
                              .arg(bar->tabText(0) + " " + bar->tabText(1))));
      for (int i = 0; i < bar->count(); ++i) {
        const QRect tab = bar->tabRect(i);
        const QString title = bar->tabText(i);
        QVERIFY2(tab.left() >= 0 && tab.right() < visible,
                 qPrintable(QStringLiteral("%1 at %2..%3 of %4")
                                .arg(title)
                                .arg(tab.left())
                                .arg(tab.right())
                                .arg(visible)));
        QVERIFY2(tab.width() >= bar->fontMetrics().horizontalAdvance(title),
                 qPrintable(QStringLiteral("%1: %2 px for %3 px of text; bar wants %4 of %5")
                                .arg(title)
                                .arg(tab.width())
                                .arg(bar->fontMetrics().horizontalAdvance(title))
                                .arg(bar->sizeHint().width())
                                .arg(visible)));
      }
      // Wide enough, the full titles.
      if (size.width() >= 1920) QCOMPARE(bar->tabText(0), QStringLiteral("Convergence"));
      maybeShoot(window_.get(), QStringLiteral("tabs_%1x%2").arg(size.width()).arg(size.height()));
    }
  }

  void growingTheWindowAgainGivesTheMapItsSpaceBack() {
    window_->resize(1920, 1080);
    QTRY_COMPARE(window_->size(), QSize(1920, 1080));
    QTest::qWait(200);
    const int before = window_->landscapePanel()->contourView()->width();
    window_->resize(1024, 600);
    QTRY_COMPARE(window_->size(), QSize(1024, 600));
    QTest::qWait(200);
    window_->resize(1920, 1080);
    QTRY_COMPARE(window_->size(), QSize(1920, 1080));
    QTest::qWait(200);
    QVERIFY(std::abs(window_->landscapePanel()->contourView()->width() - before) <= 4);
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(ProjectorLayoutTest)
#include "test_projector_layout.moc"
