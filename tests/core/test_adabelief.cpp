// AdaBelief against steps computed by hand from adabelief-pytorch's AdaBelief.step (rectify off):
//   m = b1 m + (1-b1) g;  s = b2 s + (1-b2)(g-m)^2 + eps;
//   x -= lr/(1-b1^t) * m / (sqrt(s)/sqrt(1-b2^t) + eps),
// on f = 1/2 (x^2 + 4 y^2) from (1, 1) with lr = 0.1. Intermediate values were evaluated with a
// few lines of python implementing exactly these formulas.
#include <QtTest>

#include "core/optimizers/adabelief.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, 1) with lr = 0.1.
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, 1.0);

}  // namespace

class TestAdaBelief : public QObject {
  Q_OBJECT

 private slots:
  void adaBeliefMatchesHandComputedFirstSteps() {
    AdaBelief opt(AdaBeliefOptions{});
    // Defaults b = (0.9, 0.999), eps = 1e-16. Per coordinate with g = c x:
    // 1: m = 0.1 g, s = 0.001 (0.9 g)^2, sqrt(s)/sqrt(0.001) = 0.9 |g|,
    //    x1 = 1 - 0.1/0.1 * 0.1 g / (0.9 g) = 1 - 1/9 = 0.8888...  (both coordinates: the
    //    update is invariant to the scale of g)
    // 2: g = 0.8889 c; m = (0.178889, 0.715556); s = (0.00131329, 0.0210126);
    //    denominators (0.810539, 3.242156); x2 = x1 - 0.1/0.19 m/den = 0.7727290919868...
    // 3: m = (0.238273, 0.953092); s = (0.00159762, 0.0255619); den = (0.730118, 2.920474);
    //    x3 = x2 - 0.1/0.271 m/den = 0.6523053662261...
    expectSteps(
        opt, kC, kX0, 0.1,
        {vec2(1.0 - 1.0 / 9.0, 1.0 - 1.0 / 9.0), vec2(0.7727290919868474, 0.7727290919868327),
         vec2(0.6523053662261046, 0.6523053662260796)});
  }

  void epsIsAccumulatedInTheBeliefAsTheReferenceDoes() {
    AdaBeliefOptions o;
    o.eps = 1e-2;
    AdaBelief opt(o);
    // 1: s = 0.001 (0.9 g)^2 + 0.01 = (0.01081, 0.02296);
    //    den = sqrt(s)/sqrt(0.001) + 0.01 = (3.297856, 4.801659); x1 = 1 - m/den
    //    = (1 - 0.1/3.297856, 1 - 0.4/4.801659) = (0.969677273198, 0.916695466090)
    // 2: s = 0.999 s1 + 0.001 (g - m)^2 + 0.01 = (0.0214118, 0.0415812)  (eps added again)
    // 3: s = (0.0318494, 0.0570381)
    expectSteps(
        opt, kC, kX0, 0.1,
        {vec2(0.9696772731981358, 0.9166954660902813), vec2(0.939701689061251, 0.8330206120447481),
         vec2(0.9101083224602217, 0.749707997369378)});
  }

  void decoupledWeightDecayShrinksXBeforeTheStep() {
    AdaBeliefOptions o;
    o.weightDecay = 0.5;
    AdaBelief opt(o);
    // x *= 1 - 0.1 * 0.5 before each step; the gradient was taken at the undecayed x.
    // 1: x1 = 0.95 - 1/9 = 0.838888...
    // 2: g = 0.838889 c; m = (0.173889, 0.695556); s = (0.00125142, 0.0200226);
    //    den = (0.791215, 3.164858); x2 = 0.95 x1 - 0.1/0.19 m/den = 0.68127358820860
    // 3: x3 = 0.52839925230320
    expectSteps(
        opt, kC, kX0, 0.1,
        {vec2(0.95 - 1.0 / 9.0, 0.95 - 1.0 / 9.0), vec2(0.6812735882085988, 0.6812735882085841),
         vec2(0.5283992523031993, 0.5283992523031742)});
  }

  void coupledWeightDecayAddsAnL2Gradient() {
    AdaBeliefOptions o;
    o.weightDecay = 0.5;
    o.weightDecouple = false;
    o.eps = 1e-2;  // breaks AdaBelief's invariance to the scale of g, so the L2 term shows
    AdaBelief opt(o);
    // 1: g = c x + 0.5 x = (1.5, 4.5); m = (0.15, 0.45); s = 0.001 (0.9 g)^2 + 0.01
    //    = (0.0118225, 0.0264025); den = (3.448386, 5.148336);
    //    x1 = (1 - 0.15/3.448386, 1 - 0.45/5.148336) = (0.95650139249, 0.91259312267)
    expectSteps(
        opt, kC, kX0, 0.1,
        {vec2(0.9565013924914886, 0.9125931226713444), vec2(0.9135565055934248, 0.8244333187254778),
         vec2(0.87126762594328, 0.736342254874565)});
  }

  void amsgradDividesByTheLargestBelief() {
    AdaBeliefOptions o;
    o.beta2 = 0.5;
    o.amsgrad = true;
    AdaBelief opt(o);
    // b2 = 0.5 lets s fall: s1 = (0.405, 6.48), s2 = (0.45455, 7.2728), s3 = (0.367807, 5.884907)
    // so step 3 divides by sqrt(s2)/sqrt(0.875) = (0.720754, 2.883014) instead of sqrt(s3):
    // x3 = 0.64620531541352 (without amsgrad it would be 0.63260859757704).
    expectSteps(
        opt, kC, kX0, 0.1,
        {vec2(1.0 - 1.0 / 9.0, 1.0 - 1.0 / 9.0), vec2(0.7679489997175197, 0.7679489997175197),
         vec2(0.6462053154135186, 0.6462053154135186)});
  }

  void reachesTheMinimumOfAWellConditionedQuadratic() {
    AdaBelief opt(AdaBeliefOptions{});
    expectReachesMinimum(opt, vec2(1.0, 2.0), vec2(0.7, -1.3), 1e-2, 2000);
  }

  void registryEntryUsesTheReferenceDefaults() {
    const auto* e = optimizerRegistry().find("adabelief");
    QVERIFY(e);
    QCOMPARE(findParam(e->params, "lr")->defaultValue, 1e-3);
    QCOMPARE(findParam(e->params, "beta1")->defaultValue, 0.9);
    QCOMPARE(findParam(e->params, "beta2")->defaultValue, 0.999);
    QCOMPARE(findParam(e->params, "eps")->defaultValue, 1e-16);
    QCOMPARE(findParam(e->params, "amsgrad")->defaultValue, 0.0);
    QVERIFY(e->make(ParamValues::defaults(e->params)));
  }
};

QTEST_APPLESS_MAIN(TestAdaBelief)
#include "test_adabelief.moc"
