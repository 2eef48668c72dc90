// The run controller drives a scenario's runs on its worker thread. Expectations come from the
// closed form of gradient descent on f = 1/2 (x^2 + 4 y^2) (the rotated quadratic with
// condition 4 and angle 0), from a hand-written Rosenbrock iteration, and from running the same
// scenario synchronously with core's makeRuns.
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <functional>
#include <optional>

#include "app/gui/run_controller.h"
#include "core/optimizers/optimizer_registry.h"

using namespace gradscape;
using gradscape::gui::EngineSnapshot;
using gradscape::gui::RunController;

namespace {

constexpr int kTimeoutMs = 60000;  // generous: two busy cores

RunSpec sgd(double lr, const Vec& start, const StopRules& stop, ParamValues given = {}) {
  RunSpec spec;
  spec.optimizer = "sgd";
  given.set("lr", lr);
  spec.optimizerParams = ParamValues::withDefaults(optimizerRegistry().find("sgd")->params, given);
  spec.start = start;
  spec.stop = stop;
  return spec;
}

Vec point(double x, double y) {
  Vec p(2);
  p << x, y;
  return p;
}

// f = 1/2 (x^2 + 4 y^2), gradient (x, 4 y): one sgd step maps (x, y) to ((1 - lr) x,
// (1 - 4 lr) y).
Scenario quadratic(const std::vector<double>& lrs, int64_t maxIterations) {
  Scenario s;
  s.objective.type = "rotated_quadratic";
  s.objective.params.set("condition", 4.0);
  s.objective.params.set("angle", 0.0);
  s.start = point(1.0, 1.0);
  s.stop.maxIterations = maxIterations;
  s.stop.gradTol = 0.0;
  for (double lr : lrs) s.runs.push_back(sgd(lr, s.start, s.stop));
  return s;
}

Scenario rosenbrock(const std::vector<double>& lrs, int64_t maxIterations) {
  Scenario s;
  s.objective.type = "rosenbrock";
  s.start = point(-1.0, 1.0);
  s.stop.maxIterations = maxIterations;
  s.stop.gradTol = 0.0;
  for (double lr : lrs) s.runs.push_back(sgd(lr, s.start, s.stop));
  return s;
}

EngineSnapshot snapshotAt(const QSignalSpy& spy, qsizetype i) {
  return qvariant_cast<EngineSnapshot>(spy.at(i).at(0));
}

// The first snapshot from index `from` on that satisfies `done`, waiting for it if need be.
std::optional<EngineSnapshot> waitForSnapshot(
    QSignalSpy& spy, const std::function<bool(const EngineSnapshot&)>& done, qsizetype from = 0) {
  QElapsedTimer timer;
  timer.start();
  for (qsizetype i = from;;) {
    for (; i < spy.count(); ++i) {
      EngineSnapshot s = snapshotAt(spy, i);
      if (done(s)) return s;
    }
    const auto left = kTimeoutMs - timer.elapsed();
    if (left <= 0) return std::nullopt;
    spy.wait(static_cast<int>(left));
  }
}

std::function<bool(const EngineSnapshot&)> finishedGeneration(uint64_t generation) {
  return
      [generation](const EngineSnapshot& s) { return s.generation == generation && s.allFinished; };
}

// The scenario run synchronously, the reference for the controller's results.
std::vector<std::unique_ptr<Run>> runSynchronously(const Scenario& scenario) {
  auto runs = makeRuns(scenario);
  for (auto& run : runs) run->runToEnd();
  return runs;
}

void compareWithSynchronousRuns(const EngineSnapshot& snap, const Scenario& scenario) {
  const auto expected = runSynchronously(scenario);
  QCOMPARE(snap.runs.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& got = snap.runs[i];
    const Run& want = *expected[i];
    QCOMPARE(got.status, want.status());
    QCOMPARE(got.iterations, want.iterations());
    // Bitwise: the same steps in the same order.
    QVERIFY2(got.loss == want.finalLoss(), qPrintable(QString::number(got.loss, 'g', 17)));
    QVERIFY(got.view.x.back() == want.point()[0]);
    QVERIFY(got.view.y.back() == want.point()[1]);
    const auto ref = plots::makeRunView(want.trace(), int64_t{1} << 17);
    QVERIFY(got.view.loss == ref.loss);
    QVERIFY(got.view.x == ref.x);
    QVERIFY(got.view.iteration == ref.iteration);
  }
}

}  // namespace

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

QTEST_GUILESS_MAIN(TestRunController)
#include "test_run_controller.moc"
