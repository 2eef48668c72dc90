// The run controller drives a scenario's runs on its worker thread: what the runs compute.
// Expectations come from the closed form of gradient descent on f = 1/2 (x^2 + 4 y^2) (the
// rotated quadratic with condition 4 and angle 0), from a hand-written Rosenbrock iteration, and
// from running the same scenario synchronously with core's makeRuns. Playing, pausing, stopping
// and resetting: test_run_controller_playback.cpp.
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

#include "app/gui/run_controller.h"
#include "support/run_controller_scenarios.h"

using namespace gradscape;
using namespace gradscape::testing;
using gradscape::gui::EngineSnapshot;
using gradscape::gui::RunController;

class TestRunController : public QObject {
  Q_OBJECT

 private slots:
  void setScenarioEmitsIterationZeroOfEveryRun() {
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    const uint64_t first = controller.setScenario(quadratic({0.1, 0.05}, 100));
    QCOMPARE(controller.generation(), first);
    const auto snap =
        waitForSnapshot(spy, [first](const EngineSnapshot& s) { return s.generation == first; });
    QVERIFY(snap);
    QCOMPARE(snap->runs.size(), size_t{2});
    QVERIFY(!snap->allFinished);
    QCOMPARE(snap->progress, 0.0);
    for (const auto& run : snap->runs) {
      QCOMPARE(run.status, RunStatus::Running);
      QCOMPARE(run.iterations, 0);
      QCOMPARE(run.maxIterations, 100);
      // The start point, valued: f(1, 1) = 1/2 (1 + 4).
      QCOMPARE(run.view.size(), 1);
      QCOMPARE(run.view.x[0], 1.0);
      QCOMPARE(run.view.y[0], 1.0);
      QVERIFY(std::abs(run.loss - 2.5) < 1e-15);
      QVERIFY(run.view.label.empty());
    }
    const uint64_t second = controller.setScenario(quadratic({0.1}, 100));
    QVERIFY(second > first);
    QCOMPARE(controller.generation(), second);
    const auto next =
        waitForSnapshot(spy, [second](const EngineSnapshot& s) { return s.generation == second; });
    QVERIFY(next);
    QCOMPARE(next->runs.size(), size_t{1});
  }

  void runToEndReproducesTheSynchronousRuns() {
    Scenario scenario = rosenbrock({1e-3, 1.5e-3}, 20000);
    ParamValues momentum;
    momentum.set("momentum", 0.9);
    scenario.runs.push_back(sgd(5e-4, scenario.start, scenario.stop, momentum));
    // Gradient noise: the same seed gives the same draws on the worker thread.
    RunSpec noisy = sgd(1e-3, scenario.start, scenario.stop);
    noisy.noise = "gaussian";
    noisy.noiseParams.set("sigma", 0.5);
    noisy.seed = 7;
    scenario.runs.push_back(noisy);

    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    const uint64_t generation = controller.setScenario(scenario);
    controller.runToEnd();
    const auto snap = waitForSnapshot(spy, finishedGeneration(generation));
    QVERIFY(snap);
    QCOMPARE(snap->progress, 1.0);
    for (const auto& run : snap->runs) {
      QCOMPARE(run.status, RunStatus::MaxIterations);
      QVERIFY(run.view.finished);
    }
    compareWithSynchronousRuns(*snap, scenario);
  }

  void stepOnceTakesOneGradientStep() {
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    const double lrs[] = {0.1, 0.05};
    const uint64_t generation = controller.setScenario(quadratic({lrs[0], lrs[1]}, 100));
    controller.stepOnce();
    const auto one = waitForSnapshot(spy, [generation](const EngineSnapshot& s) {
      return s.generation == generation && s.runs[0].iterations > 0;
    });
    QVERIFY(one);
    for (int i = 0; i < 2; ++i) {
      const auto& run = one->runs[static_cast<size_t>(i)];
      const double lr = lrs[i];
      QCOMPARE(run.iterations, 1);
      QCOMPARE(run.status, RunStatus::Running);
      // x_1 = x_0 - lr * grad(x_0) = (1 - lr, 1 - 4 lr); the view holds x_0 and x_1.
      QCOMPARE(run.view.size(), 2);
      QCOMPARE(run.view.iteration.back(), 1.0);
      QVERIFY(std::abs(run.view.x.back() - (1.0 - lr)) < 1e-15);
      QVERIFY(std::abs(run.view.y.back() - (1.0 - 4.0 * lr)) < 1e-15);
      const double x = 1.0 - lr, y = 1.0 - 4.0 * lr;
      QVERIFY(std::abs(run.loss - 0.5 * (x * x + 4.0 * y * y)) < 1e-15);
      QCOMPARE(run.view.lr.back(), lr);
    }
    QVERIFY(std::abs(one->progress - 2.0 / 200.0) < 1e-15);

    controller.stepOnce();
    const auto two = waitForSnapshot(spy, [generation](const EngineSnapshot& s) {
      return s.generation == generation && s.runs[0].iterations > 1;
    });
    QVERIFY(two);
    QCOMPARE(two->runs[0].iterations, 2);
    QVERIFY(std::abs(two->runs[0].view.x.back() - 0.9 * 0.9) < 1e-15);
    QVERIFY(std::abs(two->runs[0].view.y.back() - 0.6 * 0.6) < 1e-15);
  }

  void divergingRunReportsTheStep() {
    // Hand-written Rosenbrock descent (a = 1, b = 100) from (-1, 1): the first iterate whose
    // value or coordinates leave the divergence bound 1e10 is the step the run reports.
    const double lr = 1.0;
    double x = -1.0, y = 1.0, lastFinite = 0.0;
    int64_t divergedAt = -1;
    for (int64_t k = 0; k < 100; ++k) {
      const double f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
      if (!(std::abs(f) <= 1e10) || !(std::abs(x) <= 1e10) || !(std::abs(y) <= 1e10)) {
        divergedAt = k;
        break;
      }
      lastFinite = f;
      const double gx = -2 * (1 - x) - 400 * x * (y - x * x), gy = 200 * (y - x * x);
      x -= lr * gx;
      y -= lr * gy;
    }
    QVERIFY(divergedAt > 0);

    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    const uint64_t generation = controller.setScenario(rosenbrock({1e-3, lr}, 1000));
    controller.runToEnd();
    const auto snap = waitForSnapshot(spy, finishedGeneration(generation));
    QVERIFY(snap);
    const auto& run = snap->runs[1];
    QCOMPARE(run.status, RunStatus::Diverged);
    QCOMPARE(run.statusText, "diverged at step " + std::to_string(divergedAt));
    QCOMPARE(run.iterations, divergedAt);
    QVERIFY(run.view.diverged);
    QVERIFY(run.view.finished);
    // The view ends at the last finite iterate.
    QCOMPARE(run.view.iteration.back(), static_cast<double>(divergedAt - 1));
    QCOMPARE(run.loss, lastFinite);
    QCOMPARE(snap->runs[0].status, RunStatus::MaxIterations);
    QVERIFY(!snap->runs[0].view.diverged);
  }

  void rejectedScenarioKeepsThePreviousRuns_data() {
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("message");
    QTest::newRow("nesterov without momentum") << "nesterov"
                                               << "nesterov";
    QTest::newRow("unknown objective") << "objective"
                                       << "unknown objective";
    QTest::newRow("start of the wrong size") << "start"
                                             << "coordinates";
  }

  void rejectedScenarioKeepsThePreviousRuns() {
    QFETCH(QString, problem);
    QFETCH(QString, message);
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    QSignalSpy errors(&controller, &RunController::error);
    const uint64_t good = controller.setScenario(quadratic({0.1, 0.05, 0.02}, 100));
    QVERIFY(waitForSnapshot(spy, [good](const EngineSnapshot& s) { return s.generation == good; }));

    Scenario bad = quadratic({0.1}, 100);
    if (problem == "nesterov") {
      ParamValues nesterov;
      nesterov.set("nesterov", 1.0);  // needs momentum > 0; the default is 0
      bad.runs[0] = sgd(0.1, bad.start, bad.stop, nesterov);
    } else if (problem == "objective") {
      bad.objective.type = "no_such_objective";
    } else {
      bad.runs[0].start = Vec::Ones(3);
    }
    QCOMPARE(controller.setScenario(bad), good);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, kTimeoutMs);
    const QString text = errors.at(0).at(0).toString();
    QVERIFY2(text.contains(message), qPrintable(text));
    QCOMPARE(controller.generation(), good);

    // The previous three runs are still there and still answer.
    controller.stepOnce();
    const auto stepped = waitForSnapshot(spy, [](const EngineSnapshot& s) {
      return s.runs.size() == 3 && s.runs[0].iterations > 0;
    });
    QVERIFY(stepped);
    QCOMPARE(stepped->generation, good);
    QCOMPARE(stepped->runs[2].iterations, 1);
    QVERIFY(std::abs(stepped->runs[2].view.x.back() - (1.0 - 0.02)) < 1e-15);
  }

  void rapidScenariosLetTheLastOneWin() {
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    Scenario last;
    uint64_t generation = 0;
    for (int i = 0; i < 60; ++i) {
      // Like a slider being dragged: a new learning rate every call, each one run to the end.
      std::vector<double> lrs(static_cast<size_t>(1 + i % 3), 1e-3 + 1e-5 * i);
      last = rosenbrock(lrs, 10000);
      generation = controller.setScenario(last);
      controller.runToEnd();
    }
    const auto snap = waitForSnapshot(spy, finishedGeneration(generation));
    QVERIFY(snap);
    QCOMPARE(snap->runs.size(), last.runs.size());
    compareWithSynchronousRuns(*snap, last);
    uint64_t previous = 0;
    for (qsizetype i = 0; i < spy.count(); ++i) {
      const auto g = snapshotAt(spy, i).generation;
      QVERIFY(g >= previous && g <= generation);
      previous = g;
    }
  }

  void commandsBeforeAnyScenarioDoNothing() {
    RunController controller;
    QSignalSpy spy(&controller, &RunController::snapshotReady);
    QSignalSpy playing(&controller, &RunController::playingChanged);
    QCOMPARE(controller.generation(), uint64_t{0});
    controller.play();
    controller.stepOnce();
    controller.runToEnd();
    controller.reset();
    controller.stop();
    controller.pause();
    // Handled in order after the commands above: the first snapshot is this scenario's start.
    const uint64_t generation = controller.setScenario(quadratic({0.1}, 100));
    controller.stepOnce();
    QVERIFY(waitForSnapshot(spy, [generation](const EngineSnapshot& s) {
      return s.generation == generation && s.runs[0].iterations == 1;
    }));
    for (qsizetype i = 0; i < spy.count(); ++i) QCOMPARE(snapshotAt(spy, i).generation, generation);
    QCOMPARE(playing.count(), 0);
  }
};

QTEST_GUILESS_MAIN(TestRunController)
#include "test_run_controller.moc"
