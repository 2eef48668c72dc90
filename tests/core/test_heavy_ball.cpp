// Polyak's heavy ball against steps computed by hand from
// x_{k+1} = x_k - lr_k g_k + beta (x_k - x_{k-1}), x_{-1} = x_0, on f = 1/2 (x^2 + 4 y^2).
#include <QtTest>

#include "core/optimizers/heavy_ball.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, 1), with the learning
// rate of each step given.
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, 1.0);

}  // namespace

class TestHeavyBall : public QObject {
  Q_OBJECT

 private slots:
  void heavyBallMatchesHandComputedFirstSteps() {
    HeavyBall opt(HeavyBallOptions{});
    // beta = 0.9, lr = 0.1:
    // x1 = (1, 1) - 0.1 (1, 4) + 0                                  = (0.9, 0.6)
    // x2 = (0.9, 0.6) - 0.1 (0.9, 2.4) + 0.9 (-0.1, -0.4)           = (0.72, 0)
    // x3 = (0.72, 0) - 0.1 (0.72, 0) + 0.9 (-0.18, -0.6)            = (0.486, -0.54)
    expectSteps(opt, kC, kX0, {0.1, 0.1, 0.1},
                {vec2(0.9, 0.6), vec2(0.72, 0.0), vec2(0.486, -0.54)});
  }

  void scheduledLearningRateScalesOnlyTheGradientTerm() {
    HeavyBall opt(HeavyBallOptions{});
    // lr = 0.1, 0.05, 0.2 (SGD's momentum buffer would scale the whole step instead):
    // x1 = (0.9, 0.6)
    // x2 = (0.9, 0.6) - 0.05 (0.9, 2.4) + 0.9 (-0.1, -0.4)          = (0.765, 0.12)
    // x3 = (0.765, 0.12) - 0.2 (0.765, 0.48) + 0.9 (-0.135, -0.48)  = (0.4905, -0.408)
    expectSteps(opt, kC, kX0, {0.1, 0.05, 0.2},
                {vec2(0.9, 0.6), vec2(0.765, 0.12), vec2(0.4905, -0.408)});
  }

  void resetForgetsThePreviousIterate() {
    HeavyBall opt(HeavyBallOptions{});
    expectSteps(opt, kC, kX0, {0.1, 0.1}, {vec2(0.9, 0.6), vec2(0.72, 0.0)});
    // A fresh run starts without momentum: x1 = (1, 1) - 0.1 (1, 4).
    expectSteps(opt, kC, kX0, 0.1, {vec2(0.9, 0.6)});
  }

  void reachesTheMinimumOfAWellConditionedQuadratic() {
    HeavyBall opt(HeavyBallOptions{});
    // Iteration matrix eigenvalues have modulus sqrt(beta) ~ 0.95: 500 steps shrink by ~1e-11.
    expectReachesMinimum(opt, vec2(1.0, 2.0), vec2(0.7, -1.3), 0.1, 500);
  }

  void registryEntryBuildsFromDefaultsAndRejectsBetaOne() {
    const auto* e = optimizerRegistry().find("heavy_ball");
    QVERIFY(e);
    QVERIFY(findParam(e->params, "lr"));
    QVERIFY(e->make(ParamValues::defaults(e->params)));
    HeavyBallOptions o;
    o.beta = 1.0;
    expectRejected<HeavyBall>(o, "beta");
  }
};

QTEST_APPLESS_MAIN(TestHeavyBall)
#include "test_heavy_ball.moc"
