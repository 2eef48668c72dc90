// Cancelling a run (Ctrl-C in the CLI, Stop in the desktop program) takes about one step, or
// one Hessian-vector product of a curvature measurement, whatever a step costs: the flag is read
// before every step and inside the measurement. The run ends Stopped with a complete trace; an
// abandoned measurement leaves no sample. Slow steps are simulated with objectives that sleep,
// so the bounds hold on a loaded machine; with the old polling every 1024 steps the latency
// would be 1024 steps (5 s here).
#include <QtTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "core/analysis/iterate_spectrum.h"
#include "core/run/run.h"
#include "core/scenario/scenario_json.h"
#include "support/gd_spec.h"
#include "support/quadratic_objective.h"

using namespace gradscape;
using gradscape::testing::gdSpec;
using gradscape::testing::QuadraticObjective;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// f = 1/2 sum c_i x_i^2 whose gradient takes `gradientTime` and whose Hessian-vector product
// takes `productTime` (slept): an expensive step that is cheap to build.
class SlowQuadratic final : public Objective {
 public:
  SlowQuadratic(Vec c, std::chrono::milliseconds gradientTime,
                std::chrono::milliseconds productTime)
      : f_(std::move(c)), gradientTime_(gradientTime), productTime_(productTime) {}
  int dim() const override { return f_.dim(); }
  double value(VecCRef x) const override { return f_.value(x); }
  void gradient(VecCRef x, VecRef g) const override {
    std::this_thread::sleep_for(gradientTime_);
    f_.gradient(x, g);
  }
  Mat hessian(VecCRef x) const override { return f_.hessian(x); }
  void hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const override {
    std::this_thread::sleep_for(productTime_);
    hv = f_.hessian(x).diagonal().cwiseProduct(v);
  }
  Box domain() const override { return f_.domain(); }

 private:
  QuadraticObjective f_;
  std::chrono::milliseconds gradientTime_, productTime_;
};

// Runs run.runToEnd on a thread, sets the flag after `warmUp` and returns the seconds from
// setting it to runToEnd's return.
double secondsToCancel(Run& run, std::chrono::milliseconds warmUp) {
  std::atomic<bool> cancel{false};
  Clock::time_point end;
  std::thread worker([&] {
    run.runToEnd(&cancel);
    end = Clock::now();
  });
  std::this_thread::sleep_for(warmUp);
  const auto start = Clock::now();
  cancel = true;
  worker.join();
  return std::chrono::duration<double>(end - start).count();
}

}  // namespace

class TestRunCancellation : public QObject {
  Q_OBJECT

 private slots:
  void aFlagSetBeforehandStopsTheRunAtItsStart() {
    // f = 1/2 (x^2 + 4 y^2) at (1, 1): f = 2.5, ||g|| = ||(1, 4)|| = sqrt(17).
    std::atomic<bool> cancel{true};
    Vec c(2);
    c << 1.0, 4.0;
    Run run(std::make_shared<QuadraticObjective>(c), gdSpec(0.1, Vec::Ones(2), 1'000'000'000));
    run.runToEnd(&cancel);
    QCOMPARE(run.status(), RunStatus::Stopped);
    QCOMPARE(run.iterations(), 0);
    QCOMPARE(run.trace().size(), 1);
    QCOMPARE(run.trace().loss(0), 2.5);
    QCOMPARE(run.trace().gradNorm(0), std::sqrt(17.0));
  }

  void cancellingExpensiveStepsReturnsWithinAboutOneStep() {
    // 5 ms a gradient; GD on c = (1, 4) with lr 0.1 gives x_k = (0.9^k, 0.6^k).
    Vec c(2);
    c << 1.0, 4.0;
    Run run(std::make_shared<SlowQuadratic>(c, 5ms, 0ms), gdSpec(0.1, Vec::Ones(2), 1'000'000));
    const double seconds = secondsToCancel(run, 100ms);
    QVERIFY2(seconds < 3.0, qPrintable(QString::number(seconds)));
    QCOMPARE(run.status(), RunStatus::Stopped);
    const int64_t k = run.iterations();
    QVERIFY(k >= 1);
    // A complete trace: rows 0..k, the final one at x_k valued exactly.
    const Trace& t = run.trace();
    QCOMPARE(t.size(), k + 1);
    QCOMPARE(t.iteration(k), k);
    const double x = std::pow(0.9, static_cast<double>(k));
    const double y = std::pow(0.6, static_cast<double>(k));
    QVERIFY(std::abs(t.point(k)[0] - x) < 1e-14);
    QVERIFY(std::abs(t.loss(k) - 0.5 * (x * x + 4.0 * y * y)) < 1e-14);
    QCOMPARE(run.finalLoss(), t.loss(k));
  }

  void cancellingACurvatureMeasurementLeavesNoSample() {
    // 300 dimensions (> kDenseTrackingDim: Lanczos from products), 50 ms a product; a
    // measurement at step 0 needs dozens of products, so the flag lands inside it.
    const int n = 300;
    Run run(std::make_shared<SlowQuadratic>(Vec::LinSpaced(n, 1.0, n), 0ms, 50ms),
            gdSpec(1e-3, Vec::Ones(n), 100, 10));
    const double seconds = secondsToCancel(run, 300ms);
    QVERIFY2(seconds < 3.0, qPrintable(QString::number(seconds)));
    QCOMPARE(run.status(), RunStatus::Stopped);
    QCOMPARE(run.iterations(), 0);
    QVERIFY(run.trace().curvature().empty());
    QCOMPARE(run.trace().size(), 1);
    QCOMPARE(run.trace().loss(0), 0.25 * n * (n + 1));  // 1/2 sum i, i = 1..n
  }

  void aStepWhoseMeasurementIsCancelledTakesNoStepAndMeasuresAgainLater() {
    // The desktop program's way: a flag that cancels measurements while it is set, then is
    // cleared. Curvatures 1, 2, 3 (dense path): top 3, bottom 1.
    std::atomic<bool> cancel{true};
    Run run(std::make_shared<QuadraticObjective>(Vec::LinSpaced(3, 1.0, 3.0)),
            gdSpec(0.1, Vec::Ones(3), 10, 1));
    run.setCancelFlag(&cancel);
    QVERIFY(run.step());
    QCOMPARE(run.iterations(), 0);
    QVERIFY(run.trace().empty());
    QVERIFY(run.trace().curvature().empty());
    cancel = false;
    QVERIFY(run.step());
    QCOMPARE(run.iterations(), 1);
    QCOMPARE(run.trace().curvature().size(), size_t{1});
    QCOMPARE(run.trace().curvature()[0].top, 3.0);
    QCOMPARE(run.trace().curvature()[0].bottom, 1.0);
    QCOMPARE(run.trace().point(0)[2], 1.0);
  }

  void replayingToAnIterateIsCancelledWithinAboutOneStep() {
    // An MLP of width 512 on 4000 points: a few milliseconds a step, and tracking every step
    // in the file (which the replay skips: it only needs the iterate).
    const Scenario scenario = parseScenario(R"({
      "version": 1,
      "objective": {"type": "mlp", "dataset": "two_spirals", "samples": 4000, "width": 512},
      "stop": {"max_iterations": 100000, "grad_tol": 0},
      "curvature": {"every": 1},
      "runs": [{"optimizer": {"type": "sgd", "lr": 0.01}}]
    })");
    std::atomic<bool> cancel{false};
    bool cancelled = false;
    Clock::time_point end;
    std::thread worker([&] {
      try {
        replayToIteration(scenario, 0, std::nullopt, &cancel);
      } catch (const AnalysisCancelled&) {
        cancelled = true;
      }
      end = Clock::now();
    });
    std::this_thread::sleep_for(300ms);
    const auto start = Clock::now();
    cancel = true;
    worker.join();
    const double seconds = std::chrono::duration<double>(end - start).count();
    QVERIFY(cancelled);
    QVERIFY2(seconds < 3.0, qPrintable(QString::number(seconds)));
  }

  void replayReportsItsShareEvery256Steps() {
    // 1000 steps asked for: shares after 256, 512 and 768 of them.
    const Scenario scenario = parseScenario(R"({"version": 1, "objective": "booth",
      "stop": {"max_iterations": 5000, "grad_tol": 0},
      "runs": [{"optimizer": {"type": "sgd", "lr": 0.01}}]})");
    std::vector<double> shares;
    const ReplayedIterate it =
        replayToIteration(scenario, 0, 1000, nullptr, [&shares](double f) { shares.push_back(f); });
    QCOMPARE(it.iteration, 1000);
    QCOMPARE(shares, (std::vector<double>{0.256, 0.512, 0.768}));
  }

  void replayIgnoresCurvatureTrackingAndLandsOnTheRunsIterate() {
    const Scenario scenario = parseScenario(R"({
      "version": 1,
      "objective": {"type": "mlp", "dataset": "moons", "samples": 50, "width": 8},
      "stop": {"max_iterations": 30, "grad_tol": 0},
      "curvature": {"every": 1},
      "runs": [{"optimizer": {"type": "adam", "lr": 0.01}, "minibatch": {"size": 10}}]
    })");
    auto runs = makeRuns(scenario);
    runs[0]->runToEnd();
    QCOMPARE(runs[0]->trace().curvature().size(), size_t{30});
    const ReplayedIterate it = replayToIteration(scenario, 0, 17);
    QCOMPARE(it.iteration, 17);
    QCOMPARE(runs[0]->trace().pointIteration(17), 17);
    QVERIFY(it.x == Vec(runs[0]->trace().point(17)));  // bit for bit
  }
};

QTEST_APPLESS_MAIN(TestRunCancellation)
#include "test_run_cancellation.moc"
