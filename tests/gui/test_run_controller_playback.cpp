// The run controller's playback commands on its worker thread: play at a limited or unlimited
// speed, pause, stop, reset, and destruction mid-run. Expectations come from the iteration
// budgets of the scenarios (f = 1/2 (x^2 + 4 y^2) and Rosenbrock), the lock-step contract (every
// run of a scenario at the same iteration) and a reset run repeating its first result. What the
// runs compute: test_run_controller.cpp.
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>

#include "app/gui/run_controller.h"
#include "support/run_controller_scenarios.h"

using namespace gradscape;
using namespace gradscape::testing;
using gradscape::gui::EngineSnapshot;
using gradscape::gui::RunController;

class TestRunControllerPlayback : public QObject {
  Q_OBJECT

 private slots:
  void playAtUnlimitedSpeedFinishesEveryRun() {
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    QSignalSpy playing(&controller, &RunController::playingChanged);
    controller.setSpeed(0.0);
    QCOMPARE(controller.speed(), 0.0);
    const uint64_t generation = controller.setScenario(quadratic({0.1, 0.01}, 5000));
    controller.play();
    QTRY_COMPARE_WITH_TIMEOUT(playing.count(), 2, kTimeoutMs);
    QCOMPARE(playing.at(0).at(0).toBool(), true);
    QCOMPARE(playing.at(1).at(0).toBool(), false);
    QVERIFY(!controller.isPlaying());
    const auto snap = waitForSnapshot(spy, finishedGeneration(generation));
    QVERIFY(snap);
    for (const auto& run : snap->runs) {
      QCOMPARE(run.status, RunStatus::MaxIterations);
      QCOMPARE(run.iterations, 5000);
    }
    QCOMPARE(snap->progress, 1.0);

    // Nothing is left to play.
    controller.play();
    controller.pause();  // answers with a snapshot: the play before it has been handled
    const auto count = spy.count();
    QVERIFY(spy.wait(kTimeoutMs));
    QCOMPARE(playing.count(), 2);
    QCOMPARE(snapshotAt(spy, count).runs[0].iterations, 5000);
  }

  void playAtLimitedSpeedAnimatesInLockStep() {
    RunController controller;
    QCOMPARE(controller.speed(), 2000.0);  // the default
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    const uint64_t generation = controller.setScenario(quadratic({0.01, 0.02}, 1000));
    controller.play();  // about half a second at 2000 steps per second
    const auto done = waitForSnapshot(spy, finishedGeneration(generation));
    QVERIFY(done);
    int intermediate = 0;
    int64_t previous = -1;
    for (qsizetype i = 0; i < spy.count(); ++i) {
      const auto s = snapshotAt(spy, i);
      if (s.generation != generation) continue;
      QCOMPARE(s.runs[0].iterations, s.runs[1].iterations);
      QVERIFY(s.runs[0].iterations >= previous);
      previous = s.runs[0].iterations;
      if (previous > 0 && previous < 1000) ++intermediate;
    }
    QCOMPARE(previous, 1000);
    QVERIFY(intermediate > 0);
  }

  void speedThatIsNotAPositiveRateMeansUnlimited() {
    RunController controller;
    QCOMPARE(controller.speed(), 2000.0);
    controller.setSpeed(500.0);
    QCOMPARE(controller.speed(), 500.0);
    for (double bad : {-1.0, std::nan(""), HUGE_VAL}) {
      controller.setSpeed(bad);
      QCOMPARE(controller.speed(), 0.0);
    }
  }

  void pauseDuringPlayStopsAdvancing() {
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    QSignalSpy playing(&controller, &RunController::playingChanged);
    controller.setSpeed(500.0);
    const uint64_t generation = controller.setScenario(quadratic({1e-6, 2e-6}, 1000000));
    controller.play();
    QVERIFY(waitForSnapshot(spy, [generation](const EngineSnapshot& s) {
      return s.generation == generation && s.runs[0].iterations >= 5;
    }));
    controller.pause();
    QTRY_COMPARE_WITH_TIMEOUT(playing.count(), 2, kTimeoutMs);
    QCOMPARE(playing.at(1).at(0).toBool(), false);
    QVERIFY(!controller.isPlaying());
    // Time a worker that ignored the pause would use to advance (not a synchronisation).
    QTest::qWait(200);
    const auto before = spy.count();
    const auto paused = snapshotAt(spy, before - 1);
    controller.pause();
    QVERIFY(spy.wait(kTimeoutMs));
    const auto again = snapshotAt(spy, before);
    for (size_t i = 0; i < 2; ++i) {
      QCOMPARE(again.runs[i].iterations, paused.runs[i].iterations);
      QCOMPARE(again.runs[i].status, RunStatus::Running);
    }
    QVERIFY(paused.runs[0].iterations < 1000000);
  }

  void resetReturnsToIterationZero() {
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    const uint64_t generation = controller.setScenario(rosenbrock({1e-3}, 3000));
    controller.runToEnd();
    const auto first = waitForSnapshot(spy, finishedGeneration(generation));
    QVERIFY(first);
    QCOMPARE(first->runs[0].iterations, 3000);

    const auto from = spy.count();
    controller.reset();
    const auto reset = waitForSnapshot(
        spy, [](const EngineSnapshot&) { return true; }, from);
    QVERIFY(reset);
    QCOMPARE(reset->generation, generation);
    QCOMPARE(reset->runs[0].iterations, 0);
    QCOMPARE(reset->runs[0].status, RunStatus::Running);
    QCOMPARE(reset->runs[0].view.size(), 1);
    QCOMPARE(reset->runs[0].view.x[0], -1.0);
    QCOMPARE(reset->progress, 0.0);

    controller.runToEnd();
    const auto second = waitForSnapshot(spy, finishedGeneration(generation), spy.count());
    QVERIFY(second);
    QVERIFY(second->runs[0].loss == first->runs[0].loss);
  }

  void stopEndsALongRunToEndAsStopped() {
    // 10^7 tiny steps: nowhere near converged when stopped.
    const int64_t max = 10000000;
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    const uint64_t generation =
        controller.setScenario(rosenbrock({1e-9, 2e-9, 3e-9, 4e-9, 5e-9, 6e-9}, max));
    controller.runToEnd();
    // A long job reports progress on the way.
    const auto going = waitForSnapshot(spy, [generation](const EngineSnapshot& s) {
      return s.generation == generation && s.runs[0].iterations > 0;
    });
    QVERIFY(going);
    if (!going->allFinished) {
      int64_t steps = 0;
      for (const auto& run : going->runs) steps += run.iterations;
      QVERIFY(std::abs(going->progress - static_cast<double>(steps) / (6.0 * max)) < 1e-12);
    }
    controller.stop();
    const auto stopped = waitForSnapshot(spy, finishedGeneration(generation));
    QVERIFY(stopped);
    for (const auto& run : stopped->runs) {
      QCOMPARE(run.status, RunStatus::Stopped);
      QCOMPARE(run.statusText, std::string("stopped"));
      QVERIFY(run.iterations < max);
      QVERIFY(run.view.finished);
      // Lock-step: every run stopped at the same iteration.
      QCOMPARE(run.iterations, stopped->runs[0].iterations);
    }
    QCOMPARE(stopped->progress, 1.0);
  }

  void destroyingMidRunReturnsPromptly_data() {
    QTest::addColumn<double>("speed");
    QTest::addColumn<bool>("play");
    QTest::newRow("run to end") << 0.0 << false;
    QTest::newRow("slow play") << 0.5 << true;
    QTest::newRow("unlimited play") << 0.0 << true;
  }

  void destroyingMidRunReturnsPromptly() {
    QFETCH(double, speed);
    QFETCH(bool, play);
    auto controller = std::make_unique<RunController>();
    QSignalSpy spy(controller.get(), &RunController::snapshotReady);
    controller->setSpeed(speed);
    const uint64_t generation = controller->setScenario(rosenbrock({1e-9, 2e-9}, 10000000));
    if (play) {
      controller->play();
    } else {
      controller->runToEnd();
    }
    QVERIFY(waitForSnapshot(
        spy, [generation](const EngineSnapshot& s) { return s.generation == generation; }));
    controller.reset();
    // Whatever the worker had queued is dropped with the controller.
    QCoreApplication::processEvents();
  }
};

QTEST_GUILESS_MAIN(TestRunControllerPlayback)
#include "test_run_controller_playback.moc"
