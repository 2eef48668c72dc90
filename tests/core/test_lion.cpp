// Lion against steps computed by hand from Chen et al. 2023, Program 1:
// c = b1 m + (1 - b1) g;  x -= lr (sign(c) + wd x);  m = b2 m + (1 - b2) g,
// on f = 1/2 (x^2 + 4 y^2) from (1, 0.15) with lr = 0.1.
#include <QtTest>

#include <cmath>

#include "core/optimizers/lion.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// The problem of the hand-computed steps: f = 1/2 (x^2 + 4 y^2) from (1, 0.15) with lr = 0.1.
const Vec kC = vec2(1.0, 4.0);
const Vec kX0 = vec2(1.0, 0.15);

}  // namespace

class TestLion : public QObject {
  Q_OBJECT

 private slots:
  void lionWithWeightDecayMatchesHandComputedFirstSteps() {
    LionOptions o;
    o.weightDecay = 0.1;
    Lion opt(o);
    // b1 = 0.9, b2 = 0.99, wd = 0.1.
    // 1: g = (1, 0.6), c = 0.1 g > 0;  x1 = (1 - 0.1 (1 + 0.1), 0.15 - 0.1 (1 + 0.015))
    //    = (0.89, 0.0485);  m1 = 0.01 g = (0.01, 0.006)
    // 2: g = (0.89, 0.194), c = 0.9 m1 + 0.1 g = (0.098, 0.0248) > 0
    //    x2 = (0.89 - 0.1 (1 + 0.089), 0.0485 - 0.1 (1 + 0.00485)) = (0.7811, -0.051985)
    //    m2 = 0.99 m1 + 0.01 g = (0.0188, 0.00788)
    // 3: g = (0.7811, -0.20794), c = 0.9 m2 + 0.1 g = (0.09503, -0.013702): signs (+, -)
    //    x3 = (0.7811 - 0.1 (1 + 0.07811), -0.051985 - 0.1 (-1 - 0.0051985))
    //       = (0.673289, 0.04853485)
    expectSteps(opt, kC, kX0, 0.1,
                {vec2(0.89, 0.0485), vec2(0.7811, -0.051985), vec2(0.673289, 0.04853485)});
  }

  void momentumCanOverrideTheSignOfTheGradient() {
    LionOptions o;
    o.beta1 = 0.99;
    Lion opt(o);
    // b1 = 0.99, b2 = 0.99, wd = 0: every coordinate moves by exactly lr.
    // 1: c = 0.01 (1, 0.6) > 0 -> x1 = (0.9, 0.05); m1 = (0.01, 0.006)
    // 2: g = (0.9, 0.2), c > 0 -> x2 = (0.8, -0.05); m2 = 0.99 m1 + 0.01 g = (0.0189, 0.00794)
    // 3: g = (0.8, -0.2) but c_y = 0.99 * 0.00794 - 0.002 = 0.0058606 > 0 -> x3 = (0.7, -0.15)
    expectSteps(opt, kC, kX0, 0.1, {vec2(0.9, 0.05), vec2(0.8, -0.05), vec2(0.7, -0.15)});
  }

  void zeroGradientCoordinateDoesNotMove() {
    Lion opt(LionOptions{});
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, 0.0);  // g_y = 0, m_y = 0 -> sign(0) = 0
    opt.reset(2);
    opt.step(q, x, 0.1);
    QCOMPARE(x[1], 0.0);
    QVERIFY(std::abs(x[0] - 0.9) < 1e-15);
  }

  void reachesTheMinimumOfAWellConditionedQuadraticWithADecayingRate() {
    // Sign steps have length lr per coordinate, so Lion circles the minimum at distance ~lr;
    // a geometric decay lr_k = 0.05 * 0.99^k (total length 5) lets it settle.
    Lion opt(LionOptions{});
    DiagonalQuadratic q(vec2(1.0, 2.0));
    Vec x = vec2(0.7, -1.3);
    opt.reset(2);
    double lr = 0.05;
    for (int k = 0; k < 2000; ++k, lr *= 0.99) opt.step(q, x, lr);
    QVERIFY2(x.norm() < 1e-6, qPrintable(QString("|x| = %1").arg(x.norm())));
  }

  void registryEntryUsesThePaperDefaults() {
    const auto* e = optimizerRegistry().find("lion");
    QVERIFY(e);
    QCOMPARE(findParam(e->params, "lr")->defaultValue, 1e-4);
    QCOMPARE(findParam(e->params, "beta1")->defaultValue, 0.9);
    QCOMPARE(findParam(e->params, "beta2")->defaultValue, 0.99);
    QCOMPARE(findParam(e->params, "weight_decay")->defaultValue, 0.0);
    QVERIFY(e->make(ParamValues::defaults(e->params)));
  }
};

QTEST_APPLESS_MAIN(TestLion)
#include "test_lion.moc"
