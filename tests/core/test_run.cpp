// Runs on f = 1/2 (x^2 + 4 y^2), where gradient descent with step lr multiplies x by (1 - lr)
// and y by (1 - 4 lr) every step, so every recorded row is known in closed form.
#include <QtTest>

#include <atomic>
#include <cmath>

#include "core/objectives/rosenbrock.h"
#include "core/run/run.h"
#include "support/gd_spec.h"
#include "support/quadratic_objective.h"

using namespace gradscape;
using gradscape::testing::QuadraticObjective;

namespace {

std::shared_ptr<const Objective> quadratic() {
  Vec c(2);
  c << 1.0, 4.0;
  return std::make_shared<QuadraticObjective>(c);
}

RunSpec gd(double lr, int64_t maxIterations) {
  return gradscape::testing::gdSpec(lr, Vec::Ones(2), maxIterations);
}

}  // namespace

class TestRun : public QObject {
  Q_OBJECT

 private slots:
  void gradientDescentRecordsClosedFormIterates() {
    Run run(quadratic(), gd(0.1, 20));
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::MaxIterations);
    QCOMPARE(run.iterations(), 20);
    QCOMPARE(run.trace().size(), 21);  // x_0 .. x_20
    for (int64_t k = 0; k <= 20; ++k) {
      const double x = std::pow(0.9, k), y = std::pow(0.6, k);
      QCOMPARE(run.trace().iteration(k), k);
      QVERIFY(std::abs(run.trace().point(k)[0] - x) < 1e-14);
      QVERIFY(std::abs(run.trace().point(k)[1] - y) < 1e-14);
      QVERIFY(std::abs(run.trace().loss(k) - 0.5 * (x * x + 4 * y * y)) < 1e-14);
      QVERIFY(std::abs(run.trace().gradNorm(k) - std::hypot(x, 4 * y)) < 1e-14);
      QCOMPARE(run.trace().lr(k), 0.1);
      if (k < 20) {
        // step = lr * g = (0.1 x, 0.4 y)
        QVERIFY(std::abs(run.trace().stepNorm(k) - std::hypot(0.1 * x, 0.4 * y)) < 1e-14);
      }
    }
    QCOMPARE(run.trace().stepNorm(20), 0.0);
    QVERIFY(std::abs(run.finalLoss() - run.trace().loss(20)) < 1e-300);
  }

  void scheduleAndWarmupSetTheLearningRateOfEachStep() {
    RunSpec s = gd(0.1, 12);
    s.schedule = "step";
    s.scheduleParams.set("step_size", 3);
    s.scheduleParams.set("gamma", 0.5);
    s.warmupSteps = 4;
    s.warmupStartFactor = 0.2;
    Run run(quadratic(), s);
    run.runToEnd();
    // Warmup: 0.1 * (0.2 + 0.8 t / 4) for t < 4; then StepLR from t - 4: 0.1, 0.1, 0.1, 0.05 ...
    const double expected[] = {0.02, 0.04, 0.06, 0.08,  0.1,   0.1,  0.1,
                               0.05, 0.05, 0.05, 0.025, 0.025, 0.025};
    for (int64_t k = 0; k <= 12; ++k) {
      QVERIFY2(std::abs(run.trace().lr(k) - expected[k]) < 1e-15, qPrintable(QString::number(k)));
    }
    // The first step really used lr 0.02: x_1 = 1 - 0.02 * 1.
    QCOMPARE(run.trace().point(1)[0], 1.0 - 0.02);
  }

  void currentRowValuesTheIterateTheTraceHasNotRecordedYet() {
    RunSpec s = gd(0.1, 100);
    s.schedule = "step";
    s.scheduleParams.set("step_size", 3);
    s.scheduleParams.set("gamma", 0.5);
    Run run(quadratic(), s);
    for (int i = 0; i < 5; ++i) QVERIFY(run.step());
    // x_5 from the closed forms with lr 0.1, 0.1, 0.1, 0.05, 0.05 (StepLR halves it at step 3).
    const double x = 0.9 * 0.9 * 0.9 * 0.95 * 0.95, y = 0.6 * 0.6 * 0.6 * 0.8 * 0.8;
    QCOMPARE(run.trace().iteration(run.trace().size() - 1), 4);  // the trace ends at x_4
    const Run::CurrentRow row = run.currentRow();
    QVERIFY(std::abs(row.loss - 0.5 * (x * x + 4 * y * y)) < 1e-15);
    QVERIFY(std::abs(row.gradNorm - std::hypot(x, 4 * y)) < 1e-15);
    QCOMPARE(row.lr, 0.05);  // step 5 still uses the halved rate (the next halving is at 6)
  }

  void convergesAtFirstIterateWithinGradientTolerance() {
    RunSpec s = gd(0.1, 10'000);
    s.stop.gradTol = 1e-3;
    // First k with ||(0.9^k, 4 * 0.6^k)|| <= 1e-3, found by scanning the closed form.
    int64_t expected = 0;
    while (std::hypot(std::pow(0.9, expected), 4 * std::pow(0.6, expected)) > 1e-3) ++expected;
    Run run(quadratic(), s);
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::Converged);
    QCOMPARE(run.iterations(), expected);
    QCOMPARE(run.trace().iteration(run.trace().size() - 1), expected);
    QVERIFY(std::abs(run.point()[0] - std::pow(0.9, expected)) < 1e-14);
    QVERIFY(run.finalGradNorm() <= 1e-3);
  }

  void stopsAtTargetLoss() {
    RunSpec s = gd(0.1, 10'000);
    s.stop.targetLoss = 1e-4;
    int64_t expected = 0;
    auto f = [](int64_t k) { return 0.5 * (std::pow(0.81, k) + 4 * std::pow(0.36, k)); };
    while (f(expected) > 1e-4) ++expected;
    Run run(quadratic(), s);
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::TargetReached);
    QCOMPARE(run.iterations(), expected);
  }

  void divergenceBeyondTheBoundIsAStatusWithItsStep() {
    // lr = 1: y_k = (-3)^k, x_k = 0 after one step; f(x_k) = 2 * 9^k exceeds 1e10 first at
    // k = 11 (2 * 9^10 = 6.97e9, 2 * 9^11 = 6.28e10).
    Run run(quadratic(), gd(1.0, 1000));
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::Diverged);
    QCOMPARE(run.divergedAt(), 11);
    QCOMPARE(run.statusText(), std::string("diverged at step 11"));
    QCOMPARE(run.trace().iteration(run.trace().size() - 1), 10);
    QCOMPARE(run.point()[1], std::pow(-3.0, 10));  // last finite iterate
    QVERIFY(std::isfinite(run.finalLoss()));
    QVERIFY(!run.step());  // a finished run stays finished
  }

  void overflowToInfinityIsDivergenceNotACrash() {
    RunSpec s = gd(1.0, 100'000);
    s.stop.divergenceBound = std::numeric_limits<double>::infinity();
    // y_k = (-3)^k. ||g_k||^2 = (4 y_k)^2 = 16 * 9^k overflows first (k = 322), but the
    // gradient is finite: no divergence, and its norm 4 * 3^k reads back finite. The loss
    // 1/2 (4 y_k^2) overflows next: the run diverges at the first k where 4 * 9^k is infinite.
    int64_t squareOverflows = 0, expected = 0;
    while (std::isfinite(16.0 * std::pow(9.0, squareOverflows))) ++squareOverflows;
    while (std::isfinite(4.0 * std::pow(9.0, expected))) ++expected;
    QVERIFY(expected > squareOverflows);
    Run run(quadratic(), s);
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::Diverged);
    QCOMPARE(run.divergedAt(), expected);
    QVERIFY(run.point().allFinite());
    const double norm = 4.0 * std::pow(3.0, static_cast<double>(squareOverflows));
    QVERIFY(std::abs(run.trace().gradNorm(squareOverflows) - norm) < 1e-13 * norm);
  }

  void manyDimensionalDivergenceEndsAtTheNewestKeptIterate() {
    // 2^17 dimensions with a 64-row trace: only 2^22 / 2^17 = 32 iterates fit, fewer than the
    // rows. GD with lr = 2.1 on f = 1/2 ||x||^2 from x = 1 gives x_k = (-1.1)^k and
    // f_k = 2^16 * 1.21^k, which first exceeds 1e10 at k = 63 (8.9e9 at 62, 1.08e10 at 63).
    const int n = 1 << 17;
    RunSpec s = gd(2.1, 1000);
    s.start = Vec::Ones(n);
    Run run(std::make_shared<QuadraticObjective>(Vec::Ones(n)), s, 64);
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::Diverged);
    QCOMPARE(run.divergedAt(), 63);
    const Trace& t = run.trace();
    QVERIFY(!t.pointsPerRow());
    QCOMPARE(t.size(), 63);
    QVERIFY(t.pointCount() < t.size());
    const int64_t k = t.pointIteration(t.pointCount() - 1);
    QVERIFY(k <= 62 && k >= 60);
    const double xk = std::pow(-1.1, static_cast<double>(k));
    QVERIFY(std::abs(run.point()[n - 1] - xk) < 1e-12 * std::abs(xk));
    QVERIFY(std::abs(run.finalLoss() - 0.5 * n * xk * xk) < 1e-9 * run.finalLoss());
    QVERIFY(std::abs(run.finalGradNorm() - std::sqrt(n) * std::abs(xk)) <
            1e-9 * run.finalGradNorm());
  }

  void lbfgsStallingAtItsToleranceEndsTheRun() {
    RunSpec s;
    s.optimizer = "lbfgs";
    s.optimizerParams.set("line_search", 2);  // strong_wolfe
    s.start = Vec(2);
    s.start << -1.5, 2.0;
    s.stop.maxIterations = 5000;
    s.stop.gradTol = 0.0;
    Run run(std::make_shared<Rosenbrock>(), s);
    run.runToEnd();
    // torch's L-BFGS stops moving once g.d > -tolerance_change; the run must not spin on.
    QCOMPARE(run.status(), RunStatus::Stalled);
    QVERIFY2(run.iterations() < 100, qPrintable(QString::number(run.iterations())));
    QVERIFY(run.finalLoss() < 1e-8);
    QVERIFY((run.point() - run.trace().point(run.trace().size() - 1)).norm() == 0.0);
    QCOMPARE(run.statusText(), std::string("stalled"));
  }

  void runForTakesAtMostItsStepsAndLeavesTheRunGoing() {
    // GD with lr 0.1 on this quadratic: x_k[0] = 0.9^k x_0[0], as stepped one by one.
    Run sliced(quadratic(), gd(0.1, 12));
    Run stepped(quadratic(), gd(0.1, 12));
    QVERIFY(sliced.runFor(5));
    QCOMPARE(sliced.iterations(), 5);
    QCOMPARE(sliced.status(), RunStatus::Running);
    for (int i = 0; i < 5; ++i) stepped.step();
    QVERIFY(sliced.point() == stepped.point());
    QVERIFY(!sliced.runFor(100));  // 7 more reach the 12 allowed
    QCOMPARE(sliced.iterations(), 12);
    QCOMPARE(sliced.status(), RunStatus::MaxIterations);
    std::atomic<bool> cancel{true};
    Run cancelled(quadratic(), gd(0.1, 12));
    QVERIFY(!cancelled.runFor(5, &cancel));
    QCOMPARE(cancelled.status(), RunStatus::Stopped);
    QCOMPARE(cancelled.iterations(), 0);
  }

  void userStopEndsARunBeingStepped() {
    Run run(quadratic(), gd(0.1, 100));
    for (int i = 0; i < 5; ++i) QVERIFY(run.step());
    run.stop();
    QCOMPARE(run.status(), RunStatus::Stopped);
    QCOMPARE(run.iterations(), 5);
    QVERIFY(std::abs(run.point()[0] - std::pow(0.9, 5)) < 1e-15);
  }

  void noisyRunsAreReproducibleFromTheirSeed() {
    RunSpec s = gd(0.05, 200);
    s.noise = "gaussian";
    s.noiseParams.set("sigma", 0.5);
    s.seed = 42;
    Run a(quadratic(), s), b(quadratic(), s);
    a.runToEnd();
    b.runToEnd();
    QCOMPARE(a.point()[0], b.point()[0]);
    QCOMPARE(a.point()[1], b.point()[1]);
    s.seed = 43;
    Run c(quadratic(), s);
    c.runToEnd();
    QVERIFY(c.point()[0] != a.point()[0]);
    // With noise the iterates leave the closed-form path of exact gradient descent.
    QVERIFY(std::abs(a.trace().point(1)[0] - 0.95) > 1e-6);
  }

  void longRunsKeepABoundedEvenlyThinnedTrace() {
    Run run(quadratic(), gd(1e-7, 100'000), 1024);
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::MaxIterations);
    QVERIFY(run.trace().size() <= 1024);
    QCOMPARE(run.trace().iteration(run.trace().size() - 1), 100'000);
    const int64_t stride = run.trace().stride();
    for (int64_t r = 0; r + 1 < run.trace().size(); ++r) {
      QCOMPARE(run.trace().iteration(r), r * stride);
    }
  }

  void badSpecsAreRejectedWithAMessage() {
    RunSpec s = gd(0.1, 10);
    s.start = Vec::Ones(3);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Run(quadratic(), s));
    s = gd(0.1, 10);
    s.optimizer = "no_such_method";
    try {
      Run run(quadratic(), s);
      QFAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& e) {
      QVERIFY(QString(e.what()).contains("no_such_method"));
      QVERIFY(QString(e.what()).contains("sgd"));  // lists what exists
    }
  }
};

QTEST_APPLESS_MAIN(TestRun)
#include "test_run.moc"
