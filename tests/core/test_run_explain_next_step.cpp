// Run::explainNextStep with stochastic oracles: the parts sum to the step the run's next step()
// takes, and explaining leaves the run's random draws (noise, minibatch order) as they were.
#include <QtTest>

#include <algorithm>
#include <cfloat>
#include <memory>
#include <utility>

#include "core/objectives/linear_regression.h"
#include "core/objectives/rosenbrock.h"
#include "core/run/run.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

RunSpec spec(const char* optimizer, double lr, Vec start) {
  RunSpec s;
  s.optimizer = optimizer;
  s.optimizerParams.set("lr", lr);
  s.start = std::move(start);
  s.stop.maxIterations = 100;
  s.stop.gradTol = 0.0;
  return s;
}

// Gaussian gradient noise on Rosenbrock.
RunSpec noisy(const char* optimizer, double lr) {
  RunSpec s = spec(optimizer, lr, vec2(-1.5, 2.0));
  s.noise = "gaussian";
  s.noiseParams.set("sigma", 5.0);
  s.seed = 7;
  return s;
}

// Least squares in 10 dimensions on batches of 16 of its 200 samples, drawn without replacement
// (the 30 steps below cross an epoch, so the order is reshuffled once).
RunSpec minibatched(const char* optimizer, double lr) {
  RunSpec s = spec(optimizer, lr, Vec::Constant(10, 0.5));
  s.minibatch = {16, false};
  s.seed = 3;
  return s;
}

// Steps `run` `steps` times, checking before each step that the parts of explainNextStep()
// sum to the step it then takes (to 1e-12 of the largest term, plus the rounding of x).
void expectExplainedSteps(Run& run, int steps) {
  for (int k = 1; k <= steps; ++k) {
    const UpdateParts parts = run.explainNextStep();
    const Vec before = run.point();
    QVERIFY(run.step());
    const Vec actual = run.point() - before;
    double scale = actual.norm();
    for (const UpdatePart& p : parts.parts) scale = std::max(scale, p.vector.norm());
    const double tol =
        1e-12 * scale + 4.0 * DBL_EPSILON * std::max(before.norm(), run.point().norm());
    QVERIFY2((parts.sum() - actual).norm() <= tol,
             qPrintable(QString("step %1: parts sum to %2, the run moved by %3")
                            .arg(k)
                            .arg(coordinates(parts.sum()), coordinates(actual))));
  }
}

}  // namespace

class TestRunExplainNextStep : public QObject {
  Q_OBJECT

 private slots:
  void explainedStepIsTheStepTheRunTakesUnderGradientNoise() {
    Run run(std::make_shared<Rosenbrock>(), noisy("adam", 0.01));
    expectExplainedSteps(run, 10);
  }

  void explainedStepIsTheStepTheRunTakesOnMinibatches() {
    // L-BFGS's strong Wolfe search draws batches of its own inside the step.
    RunSpec s = minibatched("lbfgs", 1.0);
    s.optimizerParams.set("line_search", 2.0);
    Run run(std::make_shared<LinearRegression>(), s);
    expectExplainedSteps(run, 30);
  }

  void explainingLeavesTheRunsDrawsAsTheyWere() {
    RunSpec s = minibatched("sgd", 0.05);
    s.noise = "gaussian";
    s.noiseParams.set("sigma", 0.5);
    const auto objective = std::make_shared<LinearRegression>();
    Run explained(objective, s), plain(objective, s);
    for (int k = 1; k <= 30; ++k) {
      explained.explainNextStep();
      QVERIFY(explained.step());
      QVERIFY(plain.step());
      QVERIFY2(explained.point() == plain.point(), qPrintable(QString("step %1").arg(k)));
    }
  }
};

QTEST_APPLESS_MAIN(TestRunExplainNextStep)
#include "test_run_explain_next_step.moc"
