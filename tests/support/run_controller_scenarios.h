#pragma once
// Scenarios and snapshot waits shared by the run-controller suites (test_run_controller.cpp,
// test_run_controller_playback.cpp). The scenarios have closed forms: gradient descent on
// f = 1/2 (x^2 + 4 y^2) (the rotated quadratic with condition 4 and angle 0), and Rosenbrock
// from (-1, 1), whose reference is the same scenario run synchronously with core's makeRuns.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app/gui/run_controller.h"
#include "core/optimizers/optimizer_registry.h"

namespace gradscape::testing {

using gui::EngineSnapshot;

inline constexpr int kTimeoutMs = 60000;  // generous: two busy cores

inline RunSpec sgd(double lr, const Vec& start, const StopRules& stop, ParamValues given = {}) {
  RunSpec spec;
  spec.optimizer = "sgd";
  given.set("lr", lr);
  spec.optimizerParams = ParamValues::withDefaults(optimizerRegistry().find("sgd")->params, given);
  spec.start = start;
  spec.stop = stop;
  return spec;
}

inline Vec point(double x, double y) {
  Vec p(2);
  p << x, y;
  return p;
}

// f = 1/2 (x^2 + 4 y^2), gradient (x, 4 y): one sgd step maps (x, y) to ((1 - lr) x,
// (1 - 4 lr) y).
inline Scenario quadratic(const std::vector<double>& lrs, int64_t maxIterations) {
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

inline Scenario rosenbrock(const std::vector<double>& lrs, int64_t maxIterations) {
  Scenario s;
  s.objective.type = "rosenbrock";
  s.start = point(-1.0, 1.0);
  s.stop.maxIterations = maxIterations;
  s.stop.gradTol = 0.0;
  for (double lr : lrs) s.runs.push_back(sgd(lr, s.start, s.stop));
  return s;
}

inline EngineSnapshot snapshotAt(const QSignalSpy& spy, qsizetype i) {
  return qvariant_cast<EngineSnapshot>(spy.at(i).at(0));
}

// The first snapshot from index `from` on that satisfies `done`, waiting for it if need be.
inline std::optional<EngineSnapshot> waitForSnapshot(
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

inline std::function<bool(const EngineSnapshot&)> finishedGeneration(uint64_t generation) {
  return
      [generation](const EngineSnapshot& s) { return s.generation == generation && s.allFinished; };
}

// The scenario run synchronously, the reference for the controller's results.
inline std::vector<std::unique_ptr<Run>> runSynchronously(const Scenario& scenario) {
  auto runs = makeRuns(scenario);
  for (auto& run : runs) run->runToEnd();
  return runs;
}

inline void compareWithSynchronousRuns(const EngineSnapshot& snap, const Scenario& scenario) {
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

}  // namespace gradscape::testing
