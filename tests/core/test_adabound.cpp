// AdaBound against steps computed by hand from the official adabound package's AdaBound.step:
//   m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;  eta = lr sqrt(1-b2^t)/(1-b1^t) / (sqrt(v) + eps)
//   x -= clip(eta, f (1 - 1/(gamma t + 1)), f (1 + 1/(gamma t))) m,  f = final_lr lr / base_lr,
// on f = 1/2 (x^2 + 4 y^2) from (1, 1). gamma = 0.5 makes the bounds bite from the first step.
// Intermediate values were evaluated with a few lines of python implementing these formulas.
#include <QtTest>

#include "core/optimizers/adabound.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, 1).
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, 1.0);

}  // namespace

class TestAdaBound : public QObject {
  Q_OBJECT

  static AdaBoundOptions boundsBiteEarly() {
    AdaBoundOptions o;
    o.gamma = 0.5;
    o.baseLr = 0.1;
    return o;
  }

 private slots:
  void adaBoundMatchesHandComputedFirstSteps() {
    AdaBound opt(boundsBiteEarly());
    // lr = base_lr = 0.1, final_lr = 0.1, gamma = 0.5, b = (0.9, 0.999), eps = 1e-8.
    // 1: m = (0.1, 0.4), sqrt(v) = sqrt(0.001) (1, 4); lr sqrt(0.001)/0.1 = 0.0316228
    //    eta = (0.99999968, 0.24999998); bounds [0.1 (1 - 1/1.5), 0.1 (1 + 1/0.5)] = [1/30, 0.3]
    //    -> clipped (0.3, 0.24999998): x1 = (1 - 0.03, 1 - 0.4 * 0.24999998) = (0.97, 0.90000001)
    // 2: m = (0.187, 0.72), eta = (0.534273, 0.138316), bounds [0.05, 0.2]
    //    -> x2 = (0.97 - 0.2 * 0.187, 0.9 - 0.138316 * 0.72) = (0.9326, 0.80041224)
    // 3: m = (0.26156, 0.968165), eta = (0.381240, 0.102076), bounds [0.06, 1/6]
    //    -> x3 = (0.9326 - 0.26156/6, 0.70158629) = (0.88900667, 0.70158629)
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.97, 0.9000000079056936), vec2(0.9326, 0.8004122413848928),
                 vec2(0.9326 - 0.26156 / 6.0, 0.701586289974623)});
  }

  void scheduledLearningRateScalesTheFinalRateByLrOverBaseLr() {
    AdaBound opt(boundsBiteEarly());
    // Scheduled lr = 0.05 with base_lr = 0.1: eta halves and f = 0.1 * 0.05/0.1 = 0.05, so the
    // bounds halve too: step 1 clips eta_x = 0.49999984 to 0.15 -> x1 = 1 - 0.15 * 0.1 = 0.985.
    // 2: bounds [0.025, 0.1] -> x2 = 0.985 - 0.1 * 0.1885 = 0.96615
    // 3: bounds [0.03, 1/12] -> x3 = 0.96615 - 0.266265/12 = 0.94396125
    expectSteps(opt, kC, kX0, 0.05,
                {vec2(0.985, 0.9500000039528468), vec2(0.96615, 0.9000832496117173),
                 vec2(0.94396125, 0.8503117048176276)});
  }

  void amsboundWithWeightDecayDividesByTheLargestSecondMoment() {
    AdaBoundOptions o = boundsBiteEarly();
    o.beta2 = 0.5;
    o.amsbound = true;
    o.weightDecay = 0.1;
    AdaBound opt(o);
    // g <- c x + 0.1 x.  1: g = (1.1, 4.1), m = (0.11, 0.41), v = 0.5 g^2 = (0.605, 8.405),
    //    eta = 0.1 sqrt(0.5)/0.1 / sqrt(v) = (0.909091, 0.243902) -> (0.3, 0.243902)
    //    x1 = (1 - 0.033, 1 - 0.41 * 0.243902) = (0.967, 0.90000000)
    // 2: v = (0.868229, 11.01055) -> x2 = (0.925926, 0.79862546)
    // 3: v_y falls to 10.866006 but vmax_y = 11.01055: eta_y = 0.345171/sqrt(11.01055) = 0.104023
    //    x3_y = 0.79862546 - 0.104023 * 0.991636 = 0.69547226 (0.69478844 with v_y)
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.967, 0.9000000003449301), vec2(0.925926, 0.7986254631541239),
                 vec2(0.87814519, 0.6954722631659148)});
  }

  void reachesTheMinimumOfAWellConditionedQuadratic() {
    AdaBoundOptions o;
    o.baseLr = 1e-2;
    AdaBound opt(o);
    expectReachesMinimum(opt, vec2(1.0, 2.0), vec2(0.7, -1.3), 1e-2, 2000);
  }

  void registryEntryUsesTheReferenceDefaultsAndLrAsBaseLr() {
    const auto* e = optimizerRegistry().find("adabound");
    QVERIFY(e);
    QCOMPARE(findParam(e->params, "lr")->defaultValue, 1e-3);
    QCOMPARE(findParam(e->params, "final_lr")->defaultValue, 0.1);
    QCOMPARE(findParam(e->params, "gamma")->defaultValue, 1e-3);
    QCOMPARE(findParam(e->params, "eps")->defaultValue, 1e-8);
    QCOMPARE(findParam(e->params, "amsbound")->defaultValue, 0.0);
    // Built with lr = 0.1 and gamma = 0.5, a run at lr = 0.1 must show the unscaled bounds of
    // adaBoundMatchesHandComputedFirstSteps: the factory passes "lr" on as base_lr.
    ParamValues p = ParamValues::defaults(e->params);
    p.set("lr", 0.1);
    p.set("gamma", 0.5);
    auto opt = e->make(p);
    expectSteps(*opt, kC, kX0, 0.1, {vec2(0.97, 0.9000000079056936)});
  }
};

QTEST_APPLESS_MAIN(TestAdaBound)
#include "test_adabound.moc"
