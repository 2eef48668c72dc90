// The contour map in a window, 1024 x 700, with the map's own mouse handling (vtkInteractorStyle
// Image, as the landscape panel sets it: wheel and right drag zoom, middle drag pans): zoomed
// and panned the way a person does it, the axes follow the part of the landscape on show. Every
// tick lies inside the range the frame shows and the ticks span it (no gap wider than a step at
// either end), the step shrinks when zoomed in, and no two tick labels overlap. With
// $GRADSCAPE_SHOT_DIR set, the window is saved as map_zoomed.png.
#include <vtkInteractorStyleImage.h>
#include <vtkNew.h>

#include <QApplication>
#include <QHBoxLayout>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <QWidget>

#include <array>
#include <cmath>
#include <memory>

#include "app/gui/vtk_view.h"
#include "plots/contour_scene.h"
#include "support/gui_driver.h"
#include "support/quadratic_landscape.h"

using namespace gradscape;
using gradscape::gui::VtkView;

namespace {

struct MapWindow {
  std::unique_ptr<QWidget> top = std::make_unique<QWidget>();
  VtkView* view = new VtkView(top.get());
  plots::ContourScene scene;
  vtkNew<vtkInteractorStyleImage> style;

  MapWindow() {
    auto* layout = new QHBoxLayout(top.get());
    layout->setContentsMargins(0, 0, 0, 0);
    view->setFixedSize(1024, 700);
    layout->addWidget(view);
    view->addRenderer(scene.renderer());
    view->setInteractorStyle(style);
    scene.setLandscape(testing::quadraticLandscape(plots::ColorScale::Linear));
  }
  ~MapWindow() { view->removeRenderer(scene.renderer()); }
  void frame() { (void)testing::renderedFrame(view); }
  QPoint centre() const { return {512, 350}; }
  void wheel(int notches) {
    const QPointF at = centre();
    QWheelEvent event(at, view->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view, &event);
  }
  void drag(Qt::MouseButton button, QPoint by) {
    QPoint at = centre();
    QTest::mousePress(view, button, Qt::NoModifier, at);
    for (int k = 1; k <= 10; ++k) {
      at = centre() + by * k / 10;
      QMouseEvent move(QEvent::MouseMove, at, view->mapToGlobal(at), Qt::NoButton, button,
                       Qt::NoModifier);
      QApplication::sendEvent(view, &move);
    }
    QTest::mouseRelease(view, button, Qt::NoModifier, at);
  }
};

// The ticks of one axis against the range [lo, hi] on show.
QString tickFault(const plots::AxisTicks& ticks, double lo, double hi) {
  if (ticks.values.size() < 2) return "fewer than two ticks";
  const double slack = 1e-9 * (hi - lo);
  for (double v : ticks.values) {
    if (v < lo - slack || v > hi + slack)
      return QString("tick %1 outside [%2, %3]").arg(v).arg(lo).arg(hi);
  }
  if (ticks.values.front() - lo > ticks.step + slack ||
      hi - ticks.values.back() > ticks.step + slack) {
    return QString("ticks %1..%2 leave a gap in [%3, %4]")
        .arg(ticks.values.front())
        .arg(ticks.values.back())
        .arg(lo)
        .arg(hi);
  }
  return {};
}

QString overlapFault(const std::vector<std::array<double, 4>>& boxes) {
  for (size_t i = 0; i < boxes.size(); ++i) {
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      const auto& a = boxes[i];
      const auto& b = boxes[j];
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) {
        return QString("labels %1 and %2 overlap").arg(i).arg(j);
      }
    }
  }
  return {};
}

}  // namespace

class TestMapZoom : public QObject {
  Q_OBJECT

 private slots:
  void axesFollowWheelZoomRightDragZoomAndPan() {
    MapWindow w;
    w.top->show();
    QVERIFY(QTest::qWaitForWindowExposed(w.top.get()));
    w.frame();
    const double wholeStep = w.scene.xTicks().step;
    QVERIFY(!w.scene.zoomBox().has_value() ||
            w.scene.zoomBox()->xmax - w.scene.zoomBox()->xmin > 3.9);

    w.wheel(4);
    w.frame();
    w.drag(Qt::RightButton, {0, -120});  // dragging up zooms in further
    w.frame();
    const auto zoomed = w.scene.zoomBox();
    QVERIFY(zoomed.has_value());
    w.drag(Qt::MiddleButton, {150, 90});
    w.frame();
    const auto shown = w.scene.zoomBox();
    QVERIFY(shown.has_value());
    QVERIFY2(shown->xmax - shown->xmin < 2.0,
             qPrintable(QString::number(shown->xmax - shown->xmin)));
    QVERIFY2(
        std::abs(shown->xmin - zoomed->xmin) > 0.1 && std::abs(shown->ymin - zoomed->ymin) > 0.1,
        "the middle drag did not pan");
    const QString x = tickFault(w.scene.xTicks(), shown->xmin, shown->xmax);
    QVERIFY2(x.isEmpty(), qPrintable(x));
    const QString y = tickFault(w.scene.yTicks(), shown->ymin, shown->ymax);
    QVERIFY2(y.isEmpty(), qPrintable(y));
    QVERIFY(w.scene.xTicks().step < wholeStep);
    const QString overlap = overlapFault(w.scene.tickLabelBoxes());
    QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
    testing::maybeShoot(w.top.get(), "map_zoomed");
  }
};

QTEST_MAIN(TestMapZoom)
#include "test_map_zoom.moc"
