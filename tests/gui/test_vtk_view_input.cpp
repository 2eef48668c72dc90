// The Qt widget <-> VTK bridge, input side: Qt input reaches VTK (or the left-button signals),
// wheel steps, keys with their VTK symbols, hover and leave, and VTK timers run on Qt timers.
// Drawing and the views' life cycle: test_vtk_view.cpp.
#include <vtkCommand.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkRenderWindowInteractor.h>

#include <QApplication>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <string>

#include "app/gui/surface_format.h"
#include "app/gui/vtk_view.h"
#include "support/vtk_messages.h"
#include "support/vtk_view_window.h"

using gradscape::gui::VtkView;
using namespace gradscape::testing;

class TestVtkViewInput : public QObject {
  Q_OBJECT

  gradscape::testing::VtkMessages vtkMessages;

 private slots:
  void initTestCase() {
    // Every VTK error or warning (framebuffer, shader, GL trouble) lands here and fails a test.
    vtkMessages.install();
  }

  void cleanup() { vtkMessages.expectNone(); }

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
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  TestVtkViewInput test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_vtk_view_input.moc"
