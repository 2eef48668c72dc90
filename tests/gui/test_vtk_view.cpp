// The Qt widget <-> VTK bridge: what VTK draws reaches the widget, changes show after a render
// request, several views live side by side, and a view can be destroyed in a shown window or
// move to another. Qt input, hover and VTK timers: test_vtk_view_input.cpp.
#include <vtkContextInteractorStyle.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QImage>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <QWidget>

#include <cmath>
#include <string>

#include "app/gui/surface_format.h"
#include "app/gui/vtk_view.h"
#include "plots/convergence_chart.h"
#include "plots/rgb.h"
#include "support/vtk_messages.h"
#include "support/vtk_view_window.h"

using gradscape::gui::VtkView;
using namespace gradscape::testing;

class TestVtkView : public QObject {
  Q_OBJECT

  gradscape::testing::VtkMessages vtkMessages;

 private slots:
  void initTestCase() {
    // Every VTK error or warning (framebuffer, shader, GL trouble) lands here and fails a test.
    vtkMessages.install();
  }

  void cleanup() { vtkMessages.expectNone(); }

  void drawsTheSceneIntoTheWidget() {
    Window w;
    QVERIFY(w.show());
    const QImage image = w.view->grabFramebuffer();
    QVERIFY(!image.isNull());
    const QRgb corner = image.pixel(3, 3);
    const QRgb centre = image.pixel(image.width() / 2, image.height() / 2);
    QVERIFY2(near(corner, 51, 77, 102), qPrintable(describe(corner)));
    QVERIFY2(near(centre, 255, 0, 0), qPrintable(describe(centre)));
    // Opaque: the read-back makes alpha 1 (VTK leaves the background at 0).
    QCOMPARE(qAlpha(centre), 255);
  }

  void changesShowAfterRequestRender() {
    Window w;
    QVERIFY(w.show());
    QSignalSpy frames(w.view, &VtkView::frameRendered);
    w.renderer->SetBackground(0.0, 1.0, 0.0);
    w.view->requestRender();
    QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    const QRgb corner = w.view->grabFramebuffer().pixel(3, 3);
    QVERIFY2(near(corner, 0, 255, 0), qPrintable(describe(corner)));
  }

  void aRenderOutsidePaintIsShown() {
    // Interactor styles render on their own (vtkRenderWindow::Render outside paintEvent).
    Window w;
    QVERIFY(w.show());
    QSignalSpy frames(w.view, &VtkView::frameRendered);
    w.renderer->SetBackground(1.0, 1.0, 0.0);
    w.view->renderWindow()->Render();
    QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    const QRgb corner = w.view->grabFramebuffer().pixel(3, 3);
    QVERIFY2(near(corner, 255, 255, 0), qPrintable(describe(corner)));
  }

  void threeViewsInOneWindowEachShowTheirScene() {
    QWidget top;
    auto* layout = new QHBoxLayout(&top);
    auto* a = new VtkView(&top);
    auto* b = new VtkView(&top);
    auto* c = new VtkView(&top);
    for (auto* v : {a, b, c}) {
      v->setFixedSize(kViewWidth, kViewHeight);
      layout->addWidget(v);
    }
    auto sa = squareScene(0.0, 0.0, 1.0, 1.0, 0.0, 0.0);
    auto sb = squareScene(1.0, 1.0, 1.0, 0.0, 0.5, 0.0);
    a->addRenderer(sa);
    b->addRenderer(sb);
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    a->setInteractorStyle(style);

    // The third hosts the convergence chart with its own interaction style (VTK timers).
    gradscape::plots::ConvergenceChart chart;
    gradscape::plots::RunView run;
    run.label = "run";
    run.color = gradscape::plots::runColor(1);
    for (int k = 0; k <= 200; ++k) {
      run.iteration.push_back(k);
      run.loss.push_back(std::pow(0.97, k));
    }
    chart.setLogY(true);
    chart.setRuns({run}, gradscape::plots::ConvergenceQuantity::Loss, std::nullopt);
    c->addRenderer(chart.renderer());
    vtkNew<vtkContextInteractorStyle> chartStyle;
    chartStyle->SetScene(chart.scene());
    c->setInteractorStyle(chartStyle);

    QSignalSpy fa(a, &VtkView::frameRendered), fb(b, &VtkView::frameRendered),
        fc(c, &VtkView::frameRendered);
    top.show();
    QVERIFY(QTest::qWaitForWindowExposed(&top));
    QTRY_VERIFY_WITH_TIMEOUT(fa.count() > 0 && fb.count() > 0 && fc.count() > 0, 10000);

    const QImage ia = a->grabFramebuffer(), ib = b->grabFramebuffer(), ic = c->grabFramebuffer();
    QVERIFY2(near(ia.pixel(3, 3), 0, 0, 255), qPrintable(describe(ia.pixel(3, 3))));
    QVERIFY(near(ia.pixel(kViewWidth / 2, kViewHeight / 2), 255, 0, 0));
    QVERIFY2(near(ib.pixel(3, 3), 255, 255, 255), qPrintable(describe(ib.pixel(3, 3))));
    QVERIFY(near(ib.pixel(kViewWidth / 2, kViewHeight / 2), 0, 128, 0));
    // The chart: white background and the run's curve.
    const auto colour = gradscape::plots::runColor(1);
    int curve = 0;
    for (int y = 0; y < ic.height(); ++y) {
      for (int x = 0; x < ic.width(); ++x) {
        curve += near(ic.pixel(x, y), int(std::lround(colour.r * 255)),
                      int(std::lround(colour.g * 255)), int(std::lround(colour.b * 255)), 6)
                     ? 1
                     : 0;
      }
    }
    QVERIFY2(curve > 100, qPrintable(QString::number(curve)));
    QVERIFY(near(ic.pixel(2, 2), 255, 255, 255));

    // A wheel over the chart zooms it through vtkContextInteractorStyle, which redraws on a
    // VTK timer: a new frame must come without anyone calling requestRender().
    fc.clear();
    const QPointF at(kViewWidth / 2.0, kViewHeight / 2.0);
    QWheelEvent wheel(at, c->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(c, &wheel);
    QTRY_VERIFY_WITH_TIMEOUT(fc.count() > 0, 10000);

    const QString shots = qEnvironmentVariable("GRADSCAPE_SHOT_DIR");
    if (!shots.isEmpty()) {
      QDir().mkpath(shots);
      top.grab().save(shots + "/view.png");
    }
    // Leave the window before the chart (which owns the renderer) goes.
    top.hide();
    delete c;
  }

  void destroyingAViewInAShownWindowIsClean() {
    Window w;
    QVERIFY(w.show());
    vtkRenderer* renderer = w.renderer;
    QPointer<VtkView> view = w.view;
    delete w.view;
    QVERIFY(view.isNull());
    // The render window let go of the renderer (it keeps its own reference count alive).
    QVERIFY(renderer->GetRenderWindow() == nullptr);
    QCoreApplication::processEvents();
    // A new view can take the renderer over.
    auto* again = new VtkView(w.top.get());
    again->setFixedSize(kViewWidth, kViewHeight);
    w.top->layout()->addWidget(again);
    again->addRenderer(renderer);
    QSignalSpy frames(again, &VtkView::frameRendered);
    again->show();
    QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    QVERIFY(near(again->grabFramebuffer().pixel(kViewWidth / 2, kViewHeight / 2), 255, 0, 0));
    w.top.reset();
  }

  void aViewCanMoveToAnotherWindow() {
    // Reparented into another top-level window, the view keeps drawing (its context is its own).
    Window w;
    QVERIFY(w.show());
    QWidget other;
    auto* layout = new QHBoxLayout(&other);
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    QSignalSpy frames(w.view, &VtkView::frameRendered);
    layout->addWidget(w.view);
    w.view->show();
    QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    QVERIFY(near(w.view->grabFramebuffer().pixel(kViewWidth / 2, kViewHeight / 2), 255, 0, 0));
    delete w.view;
  }
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  TestVtkView test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_vtk_view.moc"
