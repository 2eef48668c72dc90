// The Qt widget <-> VTK bridge: what VTK draws reaches the widget, Qt input reaches VTK (or
// the left-button signals), VTK timers run, several views live side by side, and a view can be
// destroyed in a shown window.
#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkContextInteractorStyle.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkOutputWindow.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRegularPolygonSource.h>
#include <vtkRenderWindowInteractor.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkSphereSource.h>
#include <vtkStringOutputWindow.h>

#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QImage>
#include <QMouseEvent>
#include <QPointer>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <QWheelEvent>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>

#include "app/gui/surface_format.h"
#include "app/gui/vtk_view.h"
#include "plots/convergence_chart.h"
#include "plots/rgb.h"

using gradscape::gui::VtkView;

namespace {

constexpr int kViewWidth = 320;
constexpr int kViewHeight = 240;

// A renderer with a flat (unlit) coloured square in the middle of a coloured background.
vtkSmartPointer<vtkRenderer> squareScene(double bgR, double bgG, double bgB, double r, double g,
                                         double b) {
  auto renderer = vtkSmartPointer<vtkRenderer>::New();
  renderer->SetBackground(bgR, bgG, bgB);
  vtkNew<vtkRegularPolygonSource> square;
  square->SetNumberOfSides(4);
  square->SetRadius(1.0);
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputConnection(square->GetOutputPort());
  vtkNew<vtkActor> actor;
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(r, g, b);
  actor->GetProperty()->SetLighting(false);
  renderer->AddActor(actor);
  renderer->GetActiveCamera()->SetPosition(0, 0, 10);
  renderer->GetActiveCamera()->SetFocalPoint(0, 0, 0);
  renderer->GetActiveCamera()->SetViewUp(0, 1, 0);
  // The square (radius 1) spans about 2/3 of the height: the corners stay background.
  renderer->GetActiveCamera()->SetViewAngle(2.0 * std::atan(1.5 / 10.0) * 180.0 / M_PI);
  return renderer;
}

bool near(QRgb pixel, int r, int g, int b, int tolerance = 3) {
  return std::abs(qRed(pixel) - r) <= tolerance && std::abs(qGreen(pixel) - g) <= tolerance &&
         std::abs(qBlue(pixel) - b) <= tolerance;
}

QString describe(QRgb p) {
  return QString("(%1, %2, %3)").arg(qRed(p)).arg(qGreen(p)).arg(qBlue(p));
}

// Counts an event on a VTK object and remembers what a callback reads at that moment.
struct EventCounter {
  int count = 0;
  std::function<void(void*)> onEvent;
  vtkNew<vtkCallbackCommand> command;
  EventCounter() {
    command->SetClientData(this);
    command->SetCallback([](vtkObject*, unsigned long, void* self, void* callData) {
      auto* me = static_cast<EventCounter*>(self);
      ++me->count;
      if (me->onEvent) me->onEvent(callData);
    });
  }
};

// A shown top-level window holding one view of the square scene.
struct Window {
  std::unique_ptr<QWidget> top = std::make_unique<QWidget>();
  VtkView* view = new VtkView(top.get());
  vtkSmartPointer<vtkRenderer> renderer = squareScene(0.2, 0.3, 0.4, 1.0, 0.0, 0.0);

  Window() {
    auto* layout = new QHBoxLayout(top.get());
    layout->setContentsMargins(0, 0, 0, 0);
    view->setFixedSize(kViewWidth, kViewHeight);
    layout->addWidget(view);
    view->addRenderer(renderer);
  }
  bool show() {
    QSignalSpy frames(view, &VtkView::frameRendered);
    top->show();
    if (!QTest::qWaitForWindowExposed(top.get())) return false;
    for (int i = 0; i < 100 && frames.count() == 0; ++i) frames.wait(100);
    return frames.count() > 0;
  }
  double dpr() const { return view->devicePixelRatioF(); }
  int deviceHeight() const { return static_cast<int>(std::lround(kViewHeight * dpr())); }
  // VTK display coordinates of a widget position.
  QPointF display(QPoint p) const { return {p.x() * dpr(), deviceHeight() - 1 - p.y() * dpr()}; }
};

}  // namespace

class TestVtkView : public QObject {
  Q_OBJECT

  vtkNew<vtkStringOutputWindow> vtkMessages;
  size_t messagesSeen = 0;

 private slots:
  void initTestCase() {
    // Every VTK error or warning (framebuffer, shader, GL trouble) lands here and fails a test.
    vtkOutputWindow::SetInstance(vtkMessages);
  }

  void cleanup() {
    const std::string all = vtkMessages->GetOutput();
    const std::string messages = all.substr(std::min(messagesSeen, all.size()));
    messagesSeen = all.size();
    QVERIFY2(messages.empty(), messages.c_str());
  }

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

  void leftButtonGoesToTheSignalsWhenNotForwarded() {
    Window w;
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    w.view->setInteractorStyle(style);
    EventCounter presses;
    w.view->interactor()->AddObserver(vtkCommand::LeftButtonPressEvent, presses.command);
    QVERIFY(w.show());
    w.view->setForwardLeftButton(false);
    double before[3];
    w.renderer->GetActiveCamera()->GetPosition(before);

    QSignalSpy pressed(w.view, &VtkView::leftPressed);
    QSignalSpy dragged(w.view, &VtkView::leftDragged);
    QSignalSpy released(w.view, &VtkView::leftReleased);
    QSignalSpy hovered(w.view, &VtkView::hovered);
    QTest::mousePress(w.view, Qt::LeftButton, {}, QPoint(30, 40));
    QTest::mouseMove(w.view, QPoint(120, 90));
    QTest::mouseRelease(w.view, Qt::LeftButton, {}, QPoint(120, 90));

    QCOMPARE(pressed.count(), 1);
    QCOMPARE(pressed.first().first().toPointF(), w.display({30, 40}));
    QVERIFY(dragged.count() >= 1);
    QCOMPARE(dragged.last().first().toPointF(), w.display({120, 90}));
    QCOMPARE(released.count(), 1);
    QCOMPARE(released.first().first().toPointF(), w.display({120, 90}));
    QCOMPARE(hovered.count(), 0);  // the move had a button down
    QCOMPARE(presses.count, 0);
    double after[3];
    w.renderer->GetActiveCamera()->GetPosition(after);
    for (int i = 0; i < 3; ++i) QCOMPARE(after[i], before[i]);
  }

  void leftDragRotatesTheCameraWhenForwarded() {
    Window w;
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    w.view->setInteractorStyle(style);
    EventCounter presses;
    QPointF seen;
    presses.onEvent = [&](void*) {
      const int* p = w.view->interactor()->GetEventPosition();
      seen = QPointF(p[0], p[1]);
    };
    w.view->interactor()->AddObserver(vtkCommand::LeftButtonPressEvent, presses.command);
    QVERIFY(w.show());
    QSignalSpy pressed(w.view, &VtkView::leftPressed);
    double before[3];
    w.renderer->GetActiveCamera()->GetPosition(before);

    QTest::mousePress(w.view, Qt::LeftButton, {}, QPoint(160, 120));
    for (int x = 170; x <= 260; x += 10) QTest::mouseMove(w.view, QPoint(x, 120));
    QTest::mouseRelease(w.view, Qt::LeftButton, {}, QPoint(260, 120));

    QCOMPARE(presses.count, 1);
    QCOMPARE(pressed.count(), 0);
    // VTK got the press at the flipped device-pixel position.
    QCOMPARE(seen, w.display({160, 120}));
    double after[3];
    w.renderer->GetActiveCamera()->GetPosition(after);
    const double moved =
        std::hypot(after[0] - before[0], after[1] - before[1], after[2] - before[2]);
    QVERIFY2(moved > 1.0, qPrintable(QString::number(moved)));
  }

  void wheelZoomsInWholeSteps() {
    Window w;
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    w.view->setInteractorStyle(style);
    EventCounter forward, backward;
    w.view->interactor()->AddObserver(vtkCommand::MouseWheelForwardEvent, forward.command);
    w.view->interactor()->AddObserver(vtkCommand::MouseWheelBackwardEvent, backward.command);
    QVERIFY(w.show());
    vtkCamera* camera = w.renderer->GetActiveCamera();
    const double distance = camera->GetDistance();

    const QPointF at(160, 120);
    auto wheel = [&](int delta) {
      QWheelEvent event(at, w.view->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                        Qt::NoModifier, Qt::NoScrollPhase, false);
      QApplication::sendEvent(w.view, &event);
    };
    // Half a notch (a touchpad) does nothing yet; the second half makes one step.
    wheel(60);
    QCOMPARE(forward.count, 0);
    wheel(60);
    QCOMPARE(forward.count, 1);
    QVERIFY2(camera->GetDistance() < distance, qPrintable(QString::number(camera->GetDistance())));
    wheel(-240);
    QCOMPARE(backward.count, 2);
    QVERIFY(camera->GetDistance() > distance);
  }

  void keysReachTheInteractorWithTheirSymbols() {
    Window w;
    EventCounter keys, chars;
    QStringList syms;
    char code = 0;
    keys.onEvent = [&](void*) { syms << w.view->interactor()->GetKeySym(); };
    chars.onEvent = [&](void*) { code = w.view->interactor()->GetKeyCode(); };
    w.view->interactor()->AddObserver(vtkCommand::KeyPressEvent, keys.command);
    w.view->interactor()->AddObserver(vtkCommand::CharEvent, chars.command);
    QVERIFY(w.show());
    QCOMPARE(w.view->focusPolicy(), Qt::StrongFocus);

    QTest::keyClick(w.view, Qt::Key_Left);
    QCOMPARE(syms, QStringList{"Left"});
    QCOMPARE(chars.count, 0);
    QTest::keyClick(w.view, Qt::Key_A);
    QCOMPARE(code, 'a');
    QCOMPARE(chars.count, 1);
    // QTest presses Shift before the key it modifies.
    QTest::keyClick(w.view, Qt::Key_Plus, Qt::ShiftModifier);
    QCOMPARE(syms, (QStringList{"Left", "a", "Shift_L", "plus"}));
  }

  void hoverAndLeaveAreSignalled() {
    Window w;
    QVERIFY(w.show());
    QVERIFY(w.view->hasMouseTracking());
    QSignalSpy hovered(w.view, &VtkView::hovered);
    QSignalSpy left(w.view, &VtkView::hoverLeft);
    // A move event sent directly: QTest::mouseMove moves the real (Xvfb) cursor, which sends
    // nothing when an earlier case left the cursor at that very position.
    const QPointF at(50, 60);
    QMouseEvent move(QEvent::MouseMove, at, w.view->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(w.view, &move);
    QTRY_VERIFY(hovered.count() >= 1);
    QCOMPARE(hovered.last().first().toPointF(), w.display({50, 60}));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(w.view, &leave);
    QCOMPARE(left.count(), 1);
  }

  void vtkTimersRunOnQtTimers() {
    Window w;
    QVERIFY(w.show());
    vtkRenderWindowInteractor* interactor = w.view->interactor();
    EventCounter ticks;
    int lastId = -1;
    ticks.onEvent = [&](void* callData) { lastId = *static_cast<int*>(callData); };
    interactor->AddObserver(vtkCommand::TimerEvent, ticks.command);

    const int repeating = interactor->CreateRepeatingTimer(5);
    QVERIFY(repeating > 0);
    QTRY_VERIFY_WITH_TIMEOUT(ticks.count >= 3, 10000);
    QCOMPARE(lastId, repeating);
    QVERIFY(interactor->DestroyTimer(repeating));

    const int before = ticks.count;
    const int oneShot = interactor->CreateOneShotTimer(5);
    QVERIFY(oneShot > 0 && oneShot != repeating);
    QTRY_COMPARE_WITH_TIMEOUT(ticks.count, before + 1, 10000);
    QCOMPARE(lastId, oneShot);
    // Fired one-shot timers are gone from VTK's table, and nothing fires any more.
    QCOMPARE(interactor->GetTimerDuration(oneShot), 0ul);
    QTest::qWait(100);
    QCOMPARE(ticks.count, before + 1);
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
