// Adam, AdamW and AMSGrad against steps computed by hand from torch.optim.Adam / AdamW's update
// on f = 1/2 (x^2 + 4 y^2) from (1, -0.5), so g = (x, 4y) and g_1 = (1, -2). Steps 2 and 3 apply
// the same recurrences to g_2, g_3 (arithmetic done in double precision, independently of the
// code under test).
#include <QtTest>

#include "core/optimizers/adam_family.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, -0.5).
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, -0.5);

}  // namespace

class TestAdamFamily : public QObject {
  Q_OBJECT

 private slots:
  void adamMatchesHandComputedFirstSteps() {
    Adam opt(AdamOptions{});
    // t=1: m = 0.1 g, v = 0.001 g^2, bias corrections 0.1 and 0.001, so m_hat = g and
    // sqrt(v_hat) = |g|: x_1 = x_0 - 0.1 g/(|g| + 1e-8) = (1 - 0.1/(1 + 1e-8), -0.5 + 0.2/(2 +
    // 1e-8)). t=2: g = (0.9, -1.6), m = (0.18, -0.34), v = (1.809e-3, 6.556e-3), m_hat = m/0.19,
    // sqrt(v_hat) = sqrt(v/0.001999).
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.900000001, -0.4000000005), vec2(0.8004122297123382, -0.30118742062343007),
                 vec2(0.701586274504415, -0.20487125097072387)});
  }

  void adamL2WeightDecayIsAddedToTheGradient() {
    AdamOptions o;
    o.eps = 0.5;  // on a diagonal quadratic g + lambda x = (c + lambda) x, which Adam's
                  // normalisation cancels up to eps; a large eps keeps the decay visible
    o.weightDecay = 0.5;
    Adam opt(o);
    // t=1: g = (1, -2) + 0.5 (1, -0.5) = (1.5, -2.25); m_hat = g, sqrt(v_hat) = |g|:
    // x_1 = (1 - 0.1*1.5/2, -0.5 + 0.1*2.25/2.75) = (0.925, -0.41818...).
    // Without decay the same eps gives x_1 = (1 - 0.1/1.5, -0.5 + 0.2/2.5) = (0.93333, -0.42).
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.925, -0.4181818181818182), vec2(0.8509164594062052, -0.33829768730916576),
                 vec2(0.7779283508946897, -0.2610796413735296)});
  }

  void adamwDecaysTheIterateBeforeTheAdamStep() {
    auto opt = makeOptimizer("adamw", {{"eps", 0.5}, {"weight_decay", 0.5}});
    QVERIFY(opt);
    // t=1: x <- (1 - 0.1*0.5) x = (0.95, -0.475); then the Adam step on the undecayed
    // g = (1, -2): x_1 = (0.95 - 0.1/1.5, -0.475 + 0.2/2.5) = (0.883333..., -0.395).
    expectSteps(*opt, kC, kX0, 0.1,
                {vec2(0.8833333333333333, -0.39499999999999996),
                 vec2(0.7741418091347017, -0.2979774343694728),
                 vec2(0.6722999989960756, -0.20953093141672896)});
  }

  void amsgradTakesTheMaxOfTheRawSecondMoment() {
    // beta2 = 0.5 lets v shrink once |g| shrinks, so the max matters from t = 2 on.
    auto opt = makeOptimizer("amsgrad", {{"lr", 0.3}, {"beta2", 0.5}});
    QVERIFY(opt);
    // t=1: as Adam, x_1 = (1 - 0.3/(1 + 1e-8), -0.5 + 0.6/(2 + 1e-8)); v_1 = (0.5, 2).
    // t=2: g = (0.7, -0.8), v_2 = 0.5 v_1 + 0.5 g^2 = (0.495, 1.32) < v_1, so vmax = v_1 and
    // denom = sqrt(v_1)/sqrt(0.75) + 1e-8 = (0.8165, 1.63299); m_hat = (0.16, -0.26)/0.19.
    // (Plain Adam gives x_2 = (0.38903, 0.10945); a max over the corrected v_hat gives
    // x_2 = (0.44737, 0.00526).)
    expectSteps(
        *opt, kC, kX0, 0.3,
        {vec2(0.700000003, -0.20000000149999997), vec2(0.39059077554198257, 0.05139499745788956),
         vec2(0.12251211018299013, 0.20768128483428325)});
  }

  void adamwWithAmsgradCombinesBoth() {
    AdamOptions o;
    o.beta2 = 0.5;
    o.weightDecay = 0.1;
    o.decoupledWeightDecay = true;
    o.amsgrad = true;
    Adam opt(o);
    // t=1: x <- 0.97 x = (0.97, -0.485), then -0.3 sign(g): x_1 = (0.67, -0.185) (up to eps).
    expectSteps(
        opt, kC, kX0, 0.3,
        {vec2(0.670000003, -0.18500000149999996), vec2(0.34629219845594267, 0.06614357446340313),
         vec2(0.07826600153295715, 0.21217189676600212)});
  }

  void entriesCarryTorchDefaults() {
    const auto& reg = optimizerRegistry();
    for (const char* name : {"adam", "adamw", "amsgrad"}) {
      const auto* e = reg.find(name);
      QVERIFY2(e, name);
      const ParamValues p = ParamValues::defaults(e->params);
      QCOMPARE(p.get("lr"), 1e-3);
      QCOMPARE(p.get("beta1"), 0.9);
      QCOMPARE(p.get("beta2"), 0.999);
      QCOMPARE(p.get("eps"), 1e-8);
      QCOMPARE(p.get("weight_decay"), std::string(name) == "adamw" ? 1e-2 : 0.0);
    }
  }

  void invalidOptionsAreRejectedNamingTheField() {
    AdamOptions o;
    o.beta1 = 1.0;  // torch: 0 <= beta1 < 1
    expectRejected<Adam>(o, "beta1");
    o = AdamOptions{};
    o.beta2 = -0.1;
    expectRejected<Adam>(o, "beta2");
    o = AdamOptions{};
    o.eps = -1e-8;
    expectRejected<Adam>(o, "eps");
    o = AdamOptions{};
    o.weightDecay = -0.01;
    expectRejected<Adam>(o, "weight_decay");
  }
};

QTEST_APPLESS_MAIN(TestAdamFamily)
#include "test_adam_family.moc"
