// Polyak's heavy ball against steps computed by hand from
// x_{k+1} = x_k - lr_k g_k + beta (x_k - x_{k-1}), x_{-1} = x_0, on f = 1/2 (x^2 + 4 y^2).
#include <QtTest>

#include "core/optimizers/heavy_ball.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/diagonal_quadratic.h"

using namespace gradscape;
using gradscape::testing::DiagonalQuadratic;
using gradscape::testing::vec2;

class TestHeavyBall : public QObject {
  Q_OBJECT

  // Steps from (1, 1) on c = (1, 4) with the given learning rate per step.
  static void expectSteps(Optimizer& opt, const std::vector<double>& lrs,
                          const std::vector<Vec>& expected) {
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, 1.0);
    opt.reset(2);
    for (size_t k = 0; k < expected.size(); ++k) {
      opt.step(q, x, lrs[k]);
      QVERIFY2((x - expected[k]).norm() < 1e-12,
               qPrintable(QString("step %1: got (%2, %3)").arg(k + 1).arg(x[0]).arg(x[1])));
    }
  }

 private slots:
  void heavyBallMatchesHandComputedFirstSteps() {
    HeavyBall opt(HeavyBallOptions{});
    // beta = 0.9, lr = 0.1:
    // x1 = (1, 1) - 0.1 (1, 4) + 0                                  = (0.9, 0.6)
    // x2 = (0.9, 0.6) - 0.1 (0.9, 2.4) + 0.9 (-0.1, -0.4)           = (0.72, 0)
    // x3 = (0.72, 0) - 0.1 (0.72, 0) + 0.9 (-0.18, -0.6)            = (0.486, -0.54)
    expectSteps(opt, {0.1, 0.1, 0.1}, {vec2(0.9, 0.6), vec2(0.72, 0.0), vec2(0.486, -0.54)});
  }

  void scheduledLearningRateScalesOnlyTheGradientTerm() {
    HeavyBall opt(HeavyBallOptions{});
    // lr = 0.1, 0.05, 0.2 (SGD's momentum buffer would scale the whole step instead):
    // x1 = (0.9, 0.6)
    // x2 = (0.9, 0.6) - 0.05 (0.9, 2.4) + 0.9 (-0.1, -0.4)          = (0.765, 0.12)
    // x3 = (0.765, 0.12) - 0.2 (0.765, 0.48) + 0.9 (-0.135, -0.48)  = (0.4905, -0.408)
    expectSteps(opt, {0.1, 0.05, 0.2}, {vec2(0.9, 0.6), vec2(0.765, 0.12), vec2(0.4905, -0.408)});
  }

  void resetForgetsThePreviousIterate() {
    HeavyBall opt(HeavyBallOptions{});
    expectSteps(opt, {0.1, 0.1}, {vec2(0.9, 0.6), vec2(0.72, 0.0)});
    // A fresh run starts without momentum: x1 = (1, 1) - 0.1 (1, 4).
    expectSteps(opt, {0.1}, {vec2(0.9, 0.6)});
  }

  void reachesTheMinimumOfAWellConditionedQuadratic() {
    HeavyBall opt(HeavyBallOptions{});
    DiagonalQuadratic q(vec2(1.0, 2.0));
    Vec x = vec2(0.7, -1.3);
    opt.reset(2);
    // Iteration matrix eigenvalues have modulus sqrt(beta) ~ 0.95: 500 steps shrink by ~1e-11.
    for (int k = 0; k < 500; ++k) opt.step(q, x, 0.1);
    QVERIFY2(x.norm() < 1e-6, qPrintable(QString("|x| = %1").arg(x.norm())));
  }

  void registryEntryBuildsFromDefaultsAndRejectsBetaOne() {
    const auto* e = optimizerRegistry().find("heavy_ball");
    QVERIFY(e);
    QVERIFY(findParam(e->params, "lr"));
    QVERIFY(e->make(ParamValues::defaults(e->params)));
    HeavyBallOptions o;
    o.beta = 1.0;
    try {
      HeavyBall bad(o);
      QFAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& err) {
      QVERIFY(QString(err.what()).startsWith("beta:"));
    }
  }
};

QTEST_APPLESS_MAIN(TestHeavyBall)
#include "test_heavy_ball.moc"
