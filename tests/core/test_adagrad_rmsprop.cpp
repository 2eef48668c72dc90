// Adagrad and RMSprop against steps computed by hand from torch.optim.Adagrad / RMSprop's update
// on f = 1/2 (x^2 + 4 y^2) from (1, -0.5), so g = (x, 4y) and g_1 = (1, -2). Steps 2 and 3 apply
// the same recurrences to g_2, g_3 (arithmetic done in double precision, independently of the
// code under test).
#include <QtTest>

#include "core/optimizers/adagrad.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/optimizers/rmsprop.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, -0.5).
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, -0.5);

}  // namespace

class TestAdagradRmsprop : public QObject {
  Q_OBJECT

 private slots:
  void adagradMatchesHandComputedFirstSteps() {
    Adagrad opt(AdagradOptions{});
    // t=1: s = g^2 = (1, 4); x_1 = x_0 - 0.1 g/(sqrt(s) + 1e-10)
    //      = (1 - 0.1/(1 + 1e-10), -0.5 + 0.2/(2 + 1e-10)).
    // t=2: g = (0.9, -1.6), s = (1.81, 6.56), x_2 = x_1 - 0.1 g/sqrt(s).
    expectSteps(
        opt, kC, kX0, 0.1,
        {vec2(0.90000000001, -0.400000000005), vec2(0.8331035268523168, -0.33753049525152046),
         vec2(0.7804561813655163, -0.2908991767882513)});
  }

  void adagradLrDecayWeightDecayAndInitialAccumulatorMatchHandComputedSteps() {
    AdagradOptions o;
    o.lrDecay = 0.5;
    o.weightDecay = 0.1;
    o.initialAccumulatorValue = 0.5;
    Adagrad opt(o);
    // t=1: clr = 0.1; g = (1, -2) + 0.1 (1, -0.5) = (1.1, -2.05); s = 0.5 + g^2 = (1.71, 4.7025);
    //      x_1 = (1 - 0.11/sqrt(1.71), -0.5 + 0.205/sqrt(4.7025)) = (0.915881, -0.405466).
    // t=2: clr = 0.1/(1 + 0.5); t=3: clr = 0.1/(1 + 2*0.5).
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.9158808975872268, -0.4054656899426625),
                 vec2(0.8751937100156727, -0.36490552914488833),
                 vec2(0.8500046027185257, -0.34089240506584606)});
  }

  void rmspropMatchesHandComputedFirstSteps() {
    Rmsprop opt(RmspropOptions{});
    // t=1: v = 0.01 g^2, sqrt(v) = 0.1 |g|; x_1 = x_0 - 0.01 g/(0.1 |g| + 1e-8)
    //      = (1 - 0.01/(0.1 + 1e-8), -0.5 + 0.02/(0.2 + 1e-8)).
    // t=2: g = (0.9, -1.6), v = 0.99 v_1 + 0.01 g^2 = (0.0180, 0.0652).
    expectSteps(opt, kC, kX0, 0.01,
                {vec2(0.9000000099999991, -0.40000000499999977),
                 vec2(0.8329179752650593, -0.3373391709792283),
                 vec2(0.7799822819823541, -0.2904332182895075)});
  }

  void rmspropCenteredSubtractsTheSquaredMeanGradient() {
    RmspropOptions o;
    o.centered = true;
    Rmsprop opt(o);
    // t=1: gbar = 0.01 g, v - gbar^2 = 0.01 g^2 - 0.0001 g^2 = 0.0099 g^2;
    //      x_1 = x_0 - 0.01 g/(sqrt(0.0099) |g| + 1e-8) = (1 - 0.100504, -0.5 + 0.100504).
    expectSteps(opt, kC, kX0, 0.01,
                {vec2(0.8994962285750879, -0.39949622352458364),
                 vec2(0.8317593871030315, -0.3362588280147856),
                 vec2(0.7780684196313441, -0.2887600992256669)});
  }

  void rmspropMomentumAccumulatesTheNormalisedGradient() {
    RmspropOptions o;
    o.momentum = 0.9;
    Rmsprop opt(o);
    // t=1: b = g/(0.1 |g| + 1e-8) ~ 10 sign(g); x_1 as without momentum.
    // t=2: b = 0.9 b_1 + g_2/(sqrt(v_2) + 1e-8), x_2 = x_1 - 0.01 b.
    expectSteps(opt, kC, kX0, 0.01,
                {vec2(0.9000000099999991, -0.40000000499999977),
                 vec2(0.7429179842650584, -0.24733917547922807),
                 vec2(0.552914953234408, -0.07365730825807817)});
  }

  void rmspropCenteredWithMomentumCombinesBoth() {
    RmspropOptions o;
    o.centered = true;
    o.momentum = 0.9;
    Rmsprop opt(o);
    // t=1: as centered without momentum (b_1 = g/(sqrt(0.0099)|g| + 1e-8)).
    expectSteps(opt, kC, kX0, 0.01,
                {vec2(0.8994962285750879, -0.39949622352458364),
                 vec2(0.7413059928206107, -0.24580542918691087),
                 vec2(0.5496501845770552, -0.07086751476039785)});
  }

  void rmspropL2WeightDecayIsAddedToTheGradient() {
    RmspropOptions o;
    o.eps =
        0.1;  // g + lambda x = (c + lambda) x is normalised away up to eps; a large eps shows it
    o.weightDecay = 0.1;
    Rmsprop opt(o);
    // t=1: g = (1.1, -2.05); sqrt(v) + eps = 0.1 |g| + 0.1 = (0.21, 0.305);
    //      x_1 = (1 - 0.011/0.21, -0.5 + 0.0205/0.305) = (0.947619, -0.432787).
    // (Without decay: x_1 = (1 - 0.01/0.2, -0.5 + 0.02/0.3) = (0.95, -0.43333).)
    expectSteps(opt, kC, kX0, 0.01,
                {vec2(0.9476190476190476, -0.43278688524590164),
                 vec2(0.9061137770551165, -0.3848751036290275),
                 vec2(0.8705695443329422, -0.34656193271359415)});
  }

  void entriesCarryTorchDefaults() {
    const auto* a = optimizerRegistry().find("adagrad");
    QVERIFY(a);
    ParamValues p = ParamValues::defaults(a->params);
    QCOMPARE(p.get("lr"), 1e-2);
    QCOMPARE(p.get("lr_decay"), 0.0);
    QCOMPARE(p.get("initial_accumulator_value"), 0.0);
    QCOMPARE(p.get("eps"), 1e-10);
    const auto* r = optimizerRegistry().find("rmsprop");
    QVERIFY(r);
    p = ParamValues::defaults(r->params);
    QCOMPARE(p.get("lr"), 1e-2);
    QCOMPARE(p.get("alpha"), 0.99);
    QCOMPARE(p.get("eps"), 1e-8);
    QCOMPARE(p.get("momentum"), 0.0);
    QCOMPARE(p.flag("centered"), false);
  }

  void invalidOptionsAreRejectedNamingTheField() {
    // torch.optim.Adagrad / RMSprop raise ValueError for these.
    AdagradOptions a;
    a.lrDecay = -0.1;
    expectRejected<Adagrad>(a, "lr_decay");
    a = AdagradOptions{};
    a.initialAccumulatorValue = -1.0;
    expectRejected<Adagrad>(a, "initial_accumulator_value");
    a = AdagradOptions{};
    a.weightDecay = -1.0;
    expectRejected<Adagrad>(a, "weight_decay");
    a = AdagradOptions{};
    a.eps = -1.0;
    expectRejected<Adagrad>(a, "eps");
    RmspropOptions r;
    r.alpha = -0.5;
    expectRejected<Rmsprop>(r, "alpha");
    r = RmspropOptions{};
    r.momentum = -0.9;
    expectRejected<Rmsprop>(r, "momentum");
    r = RmspropOptions{};
    r.eps = -1.0;
    expectRejected<Rmsprop>(r, "eps");
    r = RmspropOptions{};
    r.weightDecay = -1.0;
    expectRejected<Rmsprop>(r, "weight_decay");
  }
};

QTEST_APPLESS_MAIN(TestAdagradRmsprop)
#include "test_adagrad_rmsprop.moc"
