// NAdam and RAdam against steps computed by hand from torch.optim.NAdam / RAdam's update on
// f = 1/2 (x^2 + 4 y^2) from (1, -0.5), so g = (x, 4y) and g_1 = (1, -2). Later steps apply the
// same recurrences to g_2, g_3, ... (arithmetic done in double precision, independently of the
// code under test).
#include <QtTest>

#include "core/optimizers/nadam.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/optimizers/radam.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, -0.5).
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, -0.5);

}  // namespace

class TestNadamRadam : public QObject {
  Q_OBJECT

 private slots:
  void nadamMatchesHandComputedFirstSteps() {
    Nadam opt(NadamOptions{});
    // mu_t = 0.9 (1 - 0.5*0.96^(0.004 t)): mu_1 = 0.4500735, mu_2 = 0.4501469.
    // t=1: m = 0.1 g, den = sqrt(0.001 g^2/0.001) + 1e-8 = |g| + 1e-8;
    //      x_1 = x_0 - 0.1 (1 - mu_1)/(1 - mu_1) g/den - 0.1 mu_2/(1 - mu_1 mu_2) 0.1 g/den
    //          = x_0 - 0.1 sign(g) (1 + 0.0564518) = (0.8943548, -0.3943548) (up to eps).
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.894354823220913, -0.39435482269268707),
                 vec2(0.8199730715315754, -0.3246706497758343),
                 vec2(0.7527292676155415, -0.264727042439174)});
  }

  void nadamL2WeightDecayIsAddedToTheGradient() {
    NadamOptions o;
    o.eps =
        0.5;  // g + lambda x = (c + lambda) x is normalised away up to eps; a large eps shows it
    o.weightDecay = 0.5;
    Nadam opt(o);
    // t=1: g = (1.5, -2.25), den = |g| + 0.5 = (2, 2.75); x_1 = x_0 - 0.1 (1.0564518) g/den.
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.920766116623346, -0.41356303631637736),
                 vec2(0.864751029763631, -0.3560177768187904),
                 vec2(0.8140409049473749, -0.30612847676687666)});
  }

  void nadamDecoupledWeightDecayShrinksTheIterate() {
    NadamOptions o;
    o.eps = 0.5;
    o.weightDecay = 0.5;
    o.decoupledWeightDecay = true;
    Nadam opt(o);
    // t=1: x <- 0.95 x_0 = (0.95, -0.475); g = (1, -2) undecayed, den = (1.5, 2.5);
    //      x_1 = (0.95 - 0.10564518/1.5, -0.475 + 0.2112904/2.5) = (0.8795699, -0.3904838).
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.8795698814429741, -0.3904838577315689),
                 vec2(0.7874063678233362, -0.3167553940504225),
                 vec2(0.705791915072059, -0.25562390116481853)});
  }

  void radamTakesUnadaptedStepsUntilRhoExceedsFiveThenRectifies() {
    Radam opt(RadamOptions{});
    // rho_inf = 2/0.001 - 1 = 1999; rho_t = rho_inf - 2 t 0.999^t/(1 - 0.999^t)
    //   = 1, 1.9995, 2.9987, 3.9975, 4.9960, 5.9942 for t = 1..6.
    // t <= 5: x -= 0.1 m/(1 - 0.9^t).  t=1: x_1 = x_0 - 0.1 g = (0.9, -0.3).
    // t=2: g = (0.9, -1.2), m = (0.18, -0.30), x_2 = x_1 - 0.1 m/0.19 = (0.805263, -0.142105).
    // t=6: r_6 = sqrt((rho-4)(rho-2) 1999/(1995*1997*rho)) = 0.0258211 at rho = 5.9942;
    //      x_6 = x_5 - 0.1 m_hat sqrt(1 - 0.999^6)/(sqrt(v) + 1e-8) r_6.
    expectSteps(
        opt, kC, kX0, 0.1,
        {vec2(0.9, -0.3), vec2(0.8052631578947369, -0.1421052631578947),
         vec2(0.7157700524373665, -0.021499320256360394),
         vec2(0.6314866300895146, 0.0665372086297653), vec2(0.552364195101898, 0.12657651831781724),
         vec2(0.5499209792193199, 0.1275102494642007)});
  }

  void radamL2WeightDecayIsAddedToTheGradient() {
    RadamOptions o;
    o.weightDecay = 0.5;
    Radam opt(o);
    // t=1: g = (1, -2) + 0.5 (1, -0.5) = (1.5, -2.25); x_1 = x_0 - 0.1 g = (0.85, -0.275).
    // t=2: g = (0.85, -1.1) + 0.5 x_1 = (1.275, -1.2375); m = 0.09 g_1 + 0.1 g_2 = (0.2625,
    // -0.32625).
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.85, -0.275), vec2(0.7118421052631578, -0.10328947368421051),
                 vec2(0.5852641289570789, 0.022210623422023734)});
  }

  void radamDecoupledWeightDecayShrinksTheIterate() {
    RadamOptions o;
    o.weightDecay = 0.5;
    o.decoupledWeightDecay = true;
    Radam opt(o);
    // t=1: x <- 0.95 x_0 = (0.95, -0.475), then x_1 = x - 0.1 (1, -2) = (0.85, -0.275).
    // t=2: x <- 0.95 x_1 = (0.8075, -0.26125); g = (0.85, -1.1) undecayed; m = (0.175, -0.29).
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.85, -0.27499999999999997), vec2(0.7153947368421052, -0.10861842105263153),
                 vec2(0.5951085890464167, 0.009154702369392198)});
  }

  void entriesCarryTorchDefaults() {
    const auto* n = optimizerRegistry().find("nadam");
    QVERIFY(n);
    ParamValues p = ParamValues::defaults(n->params);
    QCOMPARE(p.get("lr"), 2e-3);
    QCOMPARE(p.get("beta1"), 0.9);
    QCOMPARE(p.get("beta2"), 0.999);
    QCOMPARE(p.get("eps"), 1e-8);
    QCOMPARE(p.get("momentum_decay"), 4e-3);
    QCOMPARE(p.flag("decoupled_weight_decay"), false);
    const auto* r = optimizerRegistry().find("radam");
    QVERIFY(r);
    p = ParamValues::defaults(r->params);
    QCOMPARE(p.get("lr"), 1e-3);
    QCOMPARE(p.get("beta1"), 0.9);
    QCOMPARE(p.get("beta2"), 0.999);
    QCOMPARE(p.get("eps"), 1e-8);
    QCOMPARE(p.flag("decoupled_weight_decay"), false);
  }

  void invalidOptionsAreRejectedNamingTheField() {
    // torch.optim.NAdam / RAdam raise ValueError for these.
    NadamOptions n;
    n.beta1 = 1.0;  // torch: 0 <= beta < 1
    expectRejected<Nadam>(n, "beta1");
    n = NadamOptions{};
    n.beta2 = -0.5;
    expectRejected<Nadam>(n, "beta2");
    n = NadamOptions{};
    n.momentumDecay = -4e-3;
    expectRejected<Nadam>(n, "momentum_decay");
    n = NadamOptions{};
    n.eps = -1.0;
    expectRejected<Nadam>(n, "eps");
    n = NadamOptions{};
    n.weightDecay = -1.0;
    expectRejected<Nadam>(n, "weight_decay");
    RadamOptions r;
    r.beta1 = -0.1;
    expectRejected<Radam>(r, "beta1");
    r = RadamOptions{};
    r.beta2 = 1.0;
    expectRejected<Radam>(r, "beta2");
    r = RadamOptions{};
    r.eps = -1.0;
    expectRejected<Radam>(r, "eps");
    r = RadamOptions{};
    r.weightDecay = -1.0;
    expectRejected<Radam>(r, "weight_decay");
  }
};

QTEST_APPLESS_MAIN(TestNadamRadam)
#include "test_nadam_radam.moc"
