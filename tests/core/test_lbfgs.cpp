// L-BFGS against iterates computed by hand from torch.optim.LBFGS's iteration (two-loop
// recursion, H0 = s'y/y'y, first step t = min(1, 1/|g|_1) lr, no line search), and with the
// strong Wolfe search on Rosenbrock.
#include <QtTest>

#include <cmath>
#include <functional>
#include <memory>

#include "core/objectives/rosenbrock.h"
#include "core/optimizers/lbfgs.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/problem_oracle.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

class TestLbfgs : public QObject {
  Q_OBJECT

  // Steps from x (updated in place) until done(x), at most 100; returns the count.
  static int stepsUntil(const LbfgsOptions& o, GradientOracle& oracle, Vec& x,
                        const std::function<bool(const Vec&)>& done) {
    Lbfgs opt(o);
    opt.reset(2);
    int steps = 0;
    while (!done(x) && steps < 100) {
      opt.step(oracle, x, 1.0);
      ++steps;
    }
    return steps;
  }

  static LbfgsOptions withLineSearch(LbfgsOptions::LineSearch ls) {
    LbfgsOptions o;
    o.lineSearch = ls;
    return o;
  }

 private slots:
  void lbfgsMatchesHandComputedFirstStepsWithoutLineSearch() {
    Lbfgs opt(LbfgsOptions{});
    DiagonalQuadratic q(vec2(1.0, 4.0));
    // lr = 1, c = (1, 4), x0 = (1, 1).
    // 1: g = (1, 4), d = -g, t = min(1, 1/5) = 0.2 -> x1 = (0.8, 0.2)
    // 2: g = (0.8, 0.8); s = (-0.2, -0.8), y = (-0.2, -3.2), y's = 2.6, H0 = 2.6/10.28
    //    q = -g = (-0.8, -0.8); a = s'q/2.6 = 0.307692; q -= a y -> (-0.738462, 0.184615)
    //    r = H0 q = (-0.186771, 0.046693); b = y'r/2.6 = -0.043101
    //    d = r + (a - b) s = (-0.256929, -0.233942); t = 1 -> x2 = (0.543071, -0.033942)
    // 3: s = d2, y = g3 - g2 = (-0.256929, -0.935768), y's = 0.284928, H0 = 0.302576;
    //    two pairs in the recursion -> d3 = (-0.279793, -0.038345), x3 = (0.263278, -0.072287)
    expectIterates(opt, q, vec2(1.0, 1.0), 1.0,
                   {vec2(0.8, 0.2), vec2(0.543070936845256, -0.03394193355282846),
                    vec2(0.26327759490383107, -0.07228681149739274)});
    QCOMPARE(q.evaluations, 3);  // no line search: one evaluation per step
  }

  void historySizeOneKeepsOnlyTheNewestPair() {
    LbfgsOptions o;
    o.historySize = 1;
    Lbfgs opt(o);
    DiagonalQuadratic q(vec2(1.0, 4.0));
    // Steps 1-2 as above (one pair). Step 3 uses only (s, y) from step 2->3 with
    // H0 = 0.302576: d3 = (-0.325868, -0.025694) -> x3 = (0.217203, -0.059636).
    expectIterates(opt, q, vec2(1.0, 1.0), 1.0,
                   {vec2(0.8, 0.2), vec2(0.543070936845256, -0.03394193355282846),
                    vec2(0.2172030137854256, -0.059636344368414)});
  }

  void pairsWithNonPositiveCurvatureAreSkipped() {
    Lbfgs opt(LbfgsOptions{});
    DiagonalQuadratic saddle(vec2(1.0, -1.0));  // f = (x^2 - y^2)/2
    // 1: g = (1, -0.5), t = 1/1.5 -> x1 = (1/3, 5/6)
    // 2: g = (1/3, -5/6); s = (-2/3, 1/3), y = (-2/3, -1/3), y's = 1/3 > 0, H0 = 0.6
    //    a = s'(-g)/y's = 1.5; q = -g - 1.5 y = (2/3, 4/3); r = 0.6 q = (0.4, 0.8)
    //    b = y'r/y's = -1.6; d = r + 3.1 s = (-5/3, 11/6) -> x2 = (-4/3, 8/3)
    // 3: g = (-4/3, -8/3); s = (-5/3, 11/6), y = (-5/3, -11/6): y's = -7/12 -> skipped.
    //    With the old pair: a = 0, r = 0.6 (4/3, 8/3), b = -3.2, d = r + 3.2 s1 = (-4/3, 8/3)
    //    -> x3 = (-8/3, 16/3)
    expectIterates(
        opt, saddle, vec2(1.0, 0.5), 1.0,
        {vec2(1.0 / 3.0, 5.0 / 6.0), vec2(-4.0 / 3.0, 8.0 / 3.0), vec2(-8.0 / 3.0, 16.0 / 3.0)});
  }

  void learningRateScalesTheSteps() {
    Lbfgs opt(LbfgsOptions{});
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(1.0, 1.0);
    opt.reset(2);
    // lr = 0.5: t1 = 0.2 * 0.5 = 0.1 -> x1 = (0.9, 0.6); then t = 0.5:
    // s = (-0.1, -0.4), y = (-0.1, -1.6), y's = 0.65, H0 = 0.65/2.57 -> d2 = (-0.356929, -0.633942)
    // x2 = x1 + 0.5 d2 = (0.721535, 0.283029)
    opt.step(q, x, 0.5);
    QVERIFY((x - vec2(0.9, 0.6)).norm() < 1e-14);
    opt.step(q, x, 0.5);
    QVERIFY((x - vec2(0.7215354684226281, 0.2830290332235858)).norm() < 1e-12);
  }

  void noStepAtAStationaryPoint() {
    Lbfgs opt(LbfgsOptions{});
    DiagonalQuadratic q(vec2(1.0, 4.0));
    Vec x = vec2(0.0, 0.0);
    opt.reset(2);
    opt.step(q, x, 1.0);  // max |g_i| = 0 <= tolerance_grad
    QCOMPARE(x, vec2(0.0, 0.0));
  }

  void strongWolfeSolvesRosenbrockInUnderAHundredSteps() {
    // With torch's defaults the iteration stops (g.d > -tolerance_change = -1e-9) once the
    // predicted decrease is negligible: loss ~5e-13, ||x - x*|| ~1.5e-6. A smaller
    // tolerance_change lets it continue into the 1e-6 ball.
    ProblemOracle rosen(std::make_shared<Rosenbrock>());
    LbfgsOptions o = withLineSearch(LbfgsOptions::LineSearch::StrongWolfe);
    Vec x = vec2(-1.2, 1.0);
    const int lossSteps =
        stepsUntil(o, rosen, x, [&](const Vec& xk) { return rosen.loss(xk) < 1e-12; });
    QVERIFY2(rosen.loss(x) < 1e-12, qPrintable(QString("loss %1").arg(rosen.loss(x))));

    o.toleranceChange = 1e-15;
    x = vec2(-1.2, 1.0);
    const int steps = stepsUntil(
        o, rosen, x, [](const Vec& xk) { return std::hypot(xk[0] - 1.0, xk[1] - 1.0) <= 1e-6; });
    QVERIFY2(std::hypot(x[0] - 1.0, x[1] - 1.0) <= 1e-6,
             qPrintable(QString("after %1 steps x = (%2, %3)").arg(steps).arg(x[0]).arg(x[1])));
    qInfo(
        "L-BFGS + strong Wolfe from (-1.2, 1): loss < 1e-12 in %d steps, |x - x*| <= 1e-6 in "
        "%d steps",
        lossSteps, steps);
  }

  void backtrackingNeverIncreasesTheLossOnRosenbrock() {
    Lbfgs opt(withLineSearch(LbfgsOptions::LineSearch::Backtracking));
    ProblemOracle rosen(std::make_shared<Rosenbrock>());
    Vec x = vec2(-1.2, 1.0);
    opt.reset(2);
    double f = rosen.loss(x);
    for (int k = 0; k < 100; ++k) {
      opt.step(rosen, x, 1.0);
      const double fNew = rosen.loss(x);
      QVERIFY2(fNew <= f, qPrintable(QString("step %1: %2 -> %3").arg(k + 1).arg(f).arg(fNew)));
      f = fNew;
    }
    QVERIFY2(f < 1e-9, qPrintable(QString("loss %1").arg(f)));
  }

  void reachesTheMinimumOfAWellConditionedQuadratic_data() {
    QTest::addColumn<int>("lineSearch");
    QTest::newRow("none") << int(LbfgsOptions::LineSearch::None);
    QTest::newRow("backtracking") << int(LbfgsOptions::LineSearch::Backtracking);
    QTest::newRow("strong_wolfe") << int(LbfgsOptions::LineSearch::StrongWolfe);
  }
  void reachesTheMinimumOfAWellConditionedQuadratic() {
    QFETCH(int, lineSearch);
    Lbfgs opt(withLineSearch(static_cast<LbfgsOptions::LineSearch>(lineSearch)));
    expectReachesMinimum(opt, vec2(1.0, 2.0), vec2(0.7, -1.3), 1.0, 50);
  }

  void registryEntryBuildsEveryLineSearch() {
    const auto* e = optimizerRegistry().find("lbfgs");
    QVERIFY(e);
    QCOMPARE(findParam(e->params, "lr")->defaultValue, 1.0);
    QCOMPARE(findParam(e->params, "history_size")->defaultValue, 10.0);
    const ParamSpec* ls = findParam(e->params, "line_search");
    QVERIFY(ls);
    QCOMPARE(ls->choices, (std::vector<std::string>{"none", "backtracking", "strong_wolfe"}));
    ParamValues p = ParamValues::defaults(e->params);
    for (int i = 0; i < 3; ++i) {
      p.set("line_search", i);
      QVERIFY(e->make(p));
    }
  }
};

QTEST_APPLESS_MAIN(TestLbfgs)
#include "test_lbfgs.moc"
