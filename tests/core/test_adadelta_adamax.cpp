// Adadelta and Adamax against steps computed by hand from torch.optim.Adadelta / Adamax's update
// on f = 1/2 (x^2 + 4 y^2) from (1, -0.5), so g = (x, 4y) and g_1 = (1, -2). Steps 2 and 3 apply
// the same recurrences to g_2, g_3 (arithmetic done in double precision, independently of the
// code under test).
#include <QtTest>

#include "core/optimizers/adadelta.h"
#include "core/optimizers/adamax.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, -0.5).
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, -0.5);

}  // namespace

class TestAdadeltaAdamax : public QObject {
  Q_OBJECT

 private slots:
  void adadeltaMatchesHandComputedFirstSteps() {
    Adadelta opt(AdadeltaOptions{});
    // t=1: v = 0.1 g^2 = (0.1, 0.4); d = sqrt(0 + 1e-6)/sqrt(v + 1e-6) g
    //      = 1e-3 (1/sqrt(0.100001), -2/sqrt(0.400001)) = (0.0031623, -0.0031623);
    //      u = 0.1 d^2; x_1 = x_0 - 1.0 d.
    // t=2: d = sqrt(u_1 + 1e-6)/sqrt(v_2 + 1e-6) g_2, now larger than sqrt(1e-6) g/sqrt(v).
    expectSteps(opt, kC, kX0, 1.0,
                {vec2(0.9968377381511013, -0.4968377262926713),
                 vec2(0.9935981984076517, -0.4936030705154756),
                 vec2(0.9903090828008376, -0.4903256817194024)});
  }

  void adadeltaRhoEpsAndWeightDecayMatchHandComputedSteps() {
    AdadeltaOptions o;
    o.rho = 0.5;
    o.eps = 1e-2;
    o.weightDecay = 0.1;
    Adadelta opt(o);
    // t=1: g = (1, -2) + 0.1 (1, -0.5) = (1.1, -2.05); v = 0.5 g^2 = (0.605, 2.10125);
    //      d = 0.1 (1.1/sqrt(0.615), -2.05/sqrt(2.11125)) = (0.140267, -0.141087);
    //      x_1 = (0.859733, -0.358913); u = 0.5 d^2.
    expectSteps(opt, kC, kX0, 1.0,
                {vec2(0.8597331231260655, -0.35891396458128216),
                 vec2(0.7069120444685366, -0.21693378411858294),
                 vec2(0.5539330859778485, -0.10090206740287261)});
  }

  void adamaxMatchesHandComputedFirstSteps() {
    Adamax opt(AdamaxOptions{});
    // t=1: m = 0.1 g, u = |g| + 1e-8, clr = 0.1/(1 - 0.9) = 1: x_1 = x_0 - 0.1 g/(|g| + 1e-8).
    // t=2: g = (0.9, -1.6); u = max(0.999 u_1, |g| + 1e-8) = 0.999 u_1 (the decayed norm wins);
    //      m = (0.18, -0.34), clr = 0.1/0.19.
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.900000001, -0.4000000005), vec2(0.8051683281165902, -0.31043675343714766),
                 vec2(0.7154994747368055, -0.23090975324346794)});
  }

  void adamaxTakesTheFreshGradientWhenItExceedsTheDecayedNorm() {
    AdamaxOptions o;
    o.beta2 = 0.5;
    Adamax opt(o);
    // t=2: u = max(0.5 (1, 2), (0.9, 1.6) + 1e-8) = (0.9, 1.6) + 1e-8 (the |g| + eps side wins);
    //      x_2 = x_1 - 0.1/0.19 (0.18, -0.34)/u.
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.900000001, -0.4000000005), vec2(0.7947368443333334, -0.2881578960098684),
                 vec2(0.6826183737350848, -0.15329463111418742)});
  }

  void adamaxL2WeightDecayIsAddedToTheGradient() {
    AdamaxOptions o;
    o.eps =
        0.5;  // g + lambda x = (c + lambda) x is normalised away up to eps; a large eps shows it
    o.weightDecay = 0.5;
    Adamax opt(o);
    // t=1: g = (1.5, -2.25); u = |g| + 0.5 = (2, 2.75); x_1 = (1 - 0.15/2, -0.5 + 0.225/2.75).
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.925, -0.4181818181818182), vec2(0.85288841473052, -0.34333533185207826),
                 vec2(0.7836895211589535, -0.2752872560199327)});
  }

  void entriesCarryTorchDefaults() {
    const auto* a = optimizerRegistry().find("adadelta");
    QVERIFY(a);
    ParamValues p = ParamValues::defaults(a->params);
    QCOMPARE(p.get("lr"), 1.0);
    QCOMPARE(p.get("rho"), 0.9);
    QCOMPARE(p.get("eps"), 1e-6);
    const auto* m = optimizerRegistry().find("adamax");
    QVERIFY(m);
    p = ParamValues::defaults(m->params);
    QCOMPARE(p.get("lr"), 2e-3);
    QCOMPARE(p.get("beta1"), 0.9);
    QCOMPARE(p.get("beta2"), 0.999);
    QCOMPARE(p.get("eps"), 1e-8);
  }

  void invalidOptionsAreRejectedNamingTheField() {
    // torch.optim.Adadelta / Adamax raise ValueError for these.
    AdadeltaOptions d;
    d.rho = 1.5;  // torch: 0 <= rho <= 1
    expectRejected<Adadelta>(d, "rho");
    d = AdadeltaOptions{};
    d.eps = -1.0;
    expectRejected<Adadelta>(d, "eps");
    d = AdadeltaOptions{};
    d.weightDecay = -1.0;
    expectRejected<Adadelta>(d, "weight_decay");
    AdamaxOptions m;
    m.beta1 = 1.0;  // torch: 0 <= beta < 1
    expectRejected<Adamax>(m, "beta1");
    m = AdamaxOptions{};
    m.beta2 = 1.0;
    expectRejected<Adamax>(m, "beta2");
    m = AdamaxOptions{};
    m.eps = -1.0;
    expectRejected<Adamax>(m, "eps");
    m = AdamaxOptions{};
    m.weightDecay = -1.0;
    expectRejected<Adamax>(m, "weight_decay");
  }
};

QTEST_APPLESS_MAIN(TestAdadeltaAdamax)
#include "test_adadelta_adamax.moc"
