// Finite points whose gradient or step norm squares to more than a double holds (||v|| >
// sqrt(DBL_MAX) ~ 1.34e154): runs go on, and every norm read back is the true finite one.
// Expected values are worked out by hand from the closed forms, keeping the leading terms
// (the others are below 1e-59 relative).
#include <QtTest>

#include <cmath>
#include <limits>

#include "core/objectives/rosenbrock.h"
#include "core/objectives/six_hump_camel.h"
#include "core/objectives/three_hump_camel.h"
#include "core/optimizers/carried_norm.h"
#include "core/optimizers/clipping.h"
#include "core/run/run.h"
#include "support/gd_spec.h"
#include "support/quadratic_objective.h"

using namespace gradscape;
using gradscape::testing::gdSpec;
using gradscape::testing::QuadraticObjective;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Vec point(double x, double y) {
  Vec p(2);
  p << x, y;
  return p;
}

// GD with the divergence bound raised to 1e300: huge finite values are no divergence.
RunSpec gd(double lr, Vec start, int64_t maxIterations) {
  RunSpec s = gdSpec(lr, std::move(start), maxIterations);
  s.stop.divergenceBound = 1e300;
  return s;
}

bool near(double value, double expected, double relative = 1e-14) {
  return std::abs(value - expected) <= relative * std::abs(expected);
}

}  // namespace

class TestRunOverflow : public QObject {
  Q_OBJECT

 private slots:
  void carriedNormsReadBackTheTrueNorm() {
    QCOMPARE(normFromCarried(carriedSquaredNorm(point(3.0, 4.0))), 5.0);
    QCOMPARE(carriedSquaredNorm(point(3.0, 4.0)), 25.0);  // the square itself, no root taken
    // (3e200, 4e200): the square 2.5e401 overflows; the norm 5e200 does not.
    const double big = carriedSquaredNorm(point(3e200, 4e200));
    QVERIFY(carriedVectorFinite(big));
    QVERIFY(near(normFromCarried(big), 5e200));
    // 1.5e308 * sqrt(2) = 2.1e308 > DBL_MAX: the vector is finite, its norm is not.
    const double huge = carriedSquaredNorm(point(1.5e308, 1.5e308));
    QVERIFY(carriedVectorFinite(huge));
    QCOMPARE(normFromCarried(huge), kInf);
    QVERIFY(!carriedVectorFinite(carriedSquaredNorm(point(kInf, 1.0))));
    QVERIFY(!carriedVectorFinite(carriedSquaredNorm(point(std::nan(""), 1e200))));
  }

  void rosenbrockFarOutIsAFiniteStartNotDivergence() {
    // At (1e60, 1e60): y - x^2 = -1e120, so f = (1 - x)^2 + 100 (y - x^2)^2 = 1e242,
    // g = (-2 (1 - x) - 400 x (y - x^2), 200 (y - x^2)) = (4e182, -2e122), ||g|| = 4e182.
    // lr = 1e-123 moves x by 0.4e60 (y by 2e-1, lost to rounding): x_1 = (6e59, 1e60), where
    // y - x^2 = -3.6e119, f = 100 * 1.296e239 = 1.296e241, ||g|| = 400 * 6e59 * 3.6e119.
    Run run(std::make_shared<Rosenbrock>(), gd(1e-123, point(1e60, 1e60), 1));
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::MaxIterations);
    const Trace& t = run.trace();
    QCOMPARE(t.size(), 2);
    QVERIFY(near(t.loss(0), 1e242));
    QVERIFY(near(t.gradNorm(0), 4e182));
    QVERIFY(near(t.stepNorm(0), 4e59));
    QVERIFY(near(t.point(1)[0], 6e59));
    QVERIFY(near(t.loss(1), 1.296e241));
    QVERIFY(near(t.gradNorm(1), 8.64e181));
    QVERIFY(near(run.finalGradNorm(), 8.64e181));
    QVERIFY(near(run.currentRow().gradNorm, 8.64e181));
  }

  void aStepLongerThanTheSquaresRangeReadsBackFinite() {
    // lr = 1e-20: the step is -lr g_0 = (-4e162, 2e102), norm 4e162 (its square overflows).
    // x_1 = (-4e162, 2e102) is finite but f(x_1) ~ 100 x^4 overflows: divergence at step 1,
    // and the run ends at x_0 with its exact values.
    Run run(std::make_shared<Rosenbrock>(), gd(1e-20, point(1e60, 1e60), 10));
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::Diverged);
    QCOMPARE(run.divergedAt(), 1);
    QCOMPARE(run.trace().size(), 1);
    QVERIFY(near(run.trace().stepNorm(0), 4e162));
    QVERIFY(near(run.finalLoss(), 1e242));
    QVERIFY(near(run.finalGradNorm(), 4e182));
  }

  void stepsWhoseSquaresOverflowKeepTheRunGoing() {
    // f = 1/2 ||x||^2 with lr = 2 flips x: x_k = (-1)^k x_0, every step 2 ||x_0||. x_0 = 7e153
    // in 2-D (||x||^2 = 9.8e307) or 2.9e153 in 20-D (1.68e308): steps of 1.98e154 and 2.59e154,
    // whose squares overflow, between iterates inside the (infinite) bound.
    for (const auto& [n, x0] : {std::pair{2, 7e153}, std::pair{20, 2.9e153}}) {
      RunSpec s = gd(2.0, Vec::Constant(n, x0), 3);
      s.stop.divergenceBound = kInf;
      Run run(std::make_shared<QuadraticObjective>(Vec::Ones(n)), s);
      run.runToEnd();
      QCOMPARE(run.status(), RunStatus::MaxIterations);
      QCOMPARE(run.trace().size(), 4);
      for (int64_t k = 0; k < 3; ++k) {
        QVERIFY(near(run.trace().stepNorm(k), 2.0 * std::sqrt(static_cast<double>(n)) * x0));
      }
      QCOMPARE(run.trace().stepNorm(3), 0.0);
    }
  }

  void theStepOutOfAModestBoundReadsBackFinite() {
    // Bound 1e152: inside it no step can overflow its square, so runs only settle the step out
    // of it, once they have diverged. At (1e37, 1e37): y - x^2 = -1e74, f = 100 * 1e148 = 1e150,
    // g = (400 x (x^2 - y), 200 (y - x^2)) = (4e113, -2e76). lr = 1e41: the step is
    // (-4e154, 2e117), norm 4e154, into x_1 = (-4e154, 2e117), beyond the bound.
    for (const int64_t maxIterations :
         {int64_t{10}, int64_t{1}}) {  // via the step, or the final row
      RunSpec s = gd(1e41, point(1e37, 1e37), maxIterations);
      s.stop.divergenceBound = 1e152;
      Run run(std::make_shared<Rosenbrock>(), s);
      run.runToEnd();
      QCOMPARE(run.statusText(), std::string("diverged at step 1"));
      QCOMPARE(run.trace().size(), 1);
      QVERIFY(near(run.trace().loss(0), 1e150));
      QVERIFY(near(run.trace().gradNorm(0), 4e113));
      QVERIFY(near(run.trace().stepNorm(0), 4e154));
      QCOMPARE(run.point()[0], 1e37);
    }
  }

  void camelFunctionsFarOutAreFiniteStarts() {
    // At (1e50, 1e50) only the top powers count: three-hump f = x^6 / 6 = 1.667e299 and
    // g = (x^5, x + 2y) = (1e250, 3e50); six-hump f = x^6 / 3 = 3.333e299 and
    // g = (2 x^5, 16 y^3) = (2e250, 1.6e151). Both inside the 1e300 bound. lr = 1e-260 moves
    // nothing (1e-10 << ulp(1e50)), so the final row repeats the start's values.
    struct Case {
      std::shared_ptr<const Objective> f;
      double loss, gradNorm;
    };
    for (const Case& c : {Case{std::make_shared<ThreeHumpCamel>(), 1e300 / 6.0, 1e250},
                          Case{std::make_shared<SixHumpCamel>(), 1e300 / 3.0, 2e250}}) {
      Run run(c.f, gd(1e-260, point(1e50, 1e50), 3));
      run.runToEnd();
      QCOMPARE(run.status(), RunStatus::MaxIterations);
      QCOMPARE(run.trace().size(), 4);
      QVERIFY(near(run.trace().loss(0), c.loss));
      QVERIFY(near(run.trace().gradNorm(0), c.gradNorm));
      QVERIFY(near(run.finalGradNorm(), c.gradNorm));
    }
  }

  void gradientToleranceComparesTheTrueNormBeyondTheSquaresRange() {
    // ||g(x_0)|| = 4e182: a tolerance of 1e183 is met at once; one of 1e182 only at x_1, where
    // ||g|| = 8.64e181 (see above). Both tolerances square to inf: norms must be compared.
    RunSpec s = gd(1e-123, point(1e60, 1e60), 5);
    s.stop.gradTol = 1e183;
    Run met(std::make_shared<Rosenbrock>(), s);
    met.runToEnd();
    QCOMPARE(met.status(), RunStatus::Converged);
    QCOMPARE(met.iterations(), 0);
    QVERIFY(near(met.finalGradNorm(), 4e182));
    s.stop.gradTol = 1e182;
    Run later(std::make_shared<Rosenbrock>(), s);
    later.runToEnd();
    QCOMPARE(later.status(), RunStatus::Converged);
    QCOMPARE(later.iterations(), 1);
    QVERIFY(near(later.finalGradNorm(), 8.64e181));
  }

  void manyDimensionalGradientBeyondTheSquaresRange() {
    // n = 20 (Eigen's reduction path): f = 1/2 sum 1e6 x_i^2 at x_i = 1e150 is 1e307 (finite,
    // bound inf), g_i = 1e156, ||g|| = sqrt(20) 1e156 (square 2e313 overflows). lr = 1e-7
    // multiplies x by 1 - 1e-7 * 1e6 = 0.9: step 0.1 sqrt(20) 1e150.
    const int n = 20;
    RunSpec s = gd(1e-7, Vec::Constant(n, 1e150), 1);
    s.stop.divergenceBound = kInf;
    Run run(std::make_shared<QuadraticObjective>(Vec::Constant(n, 1e6)), s);
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::MaxIterations);
    QVERIFY(near(run.trace().gradNorm(0), std::sqrt(20.0) * 1e156, 1e-13));
    QVERIFY(near(run.trace().stepNorm(0), 0.1 * std::sqrt(20.0) * 1e150, 1e-13));
    QVERIFY(near(run.finalGradNorm(), 0.9 * std::sqrt(20.0) * 1e156, 1e-13));
  }

  void normClippingScalesAHugeGradientToItsThreshold() {
    // ||(3e200, 4e200)|| = 5e200; clipped to norm 10: (6, 8).
    Clipping clip;
    clip.mode = Clipping::Mode::Norm;
    clip.threshold = 10.0;
    Vec g = point(3e200, 4e200);
    clipGradient(clip, g);
    QVERIFY(near(g[0], 6.0));
    QVERIFY(near(g[1], 8.0));
  }
};

QTEST_APPLESS_MAIN(TestRunOverflow)
#include "test_run_overflow.moc"
