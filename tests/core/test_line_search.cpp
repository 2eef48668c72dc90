// Line searches: the cubic interpolation step against polynomials whose minimizers are known,
// and the Armijo / strong Wolfe conditions re-checked independently at the accepted step on
// Rosenbrock along the steepest-descent direction.
#include <QtTest>

#include <cmath>

#include "core/objectives/rosenbrock.h"
#include "core/optimizers/line_search.h"
#include "support/diagonal_quadratic.h"

using namespace gradscape;
using gradscape::testing::vec2;

namespace {

// phi(t) = f(x0 + t d) on an objective, counting calls.
class Ray final : public LineFunction {
 public:
  Ray(const Objective& f, Vec x0, Vec d) : f_(f), x0_(std::move(x0)), d_(std::move(d)) {}
  double evaluate(double t, VecRef g) override {
    ++calls;
    const Vec x = x0_ + t * d_;
    f_.gradient(x, g);
    return f_.value(x);
  }
  int calls = 0;

 private:
  const Objective& f_;
  Vec x0_, d_;
};

struct SteepestDescentFromStart {
  Rosenbrock rosen;
  Vec x0 = vec2(-1.2, 1.0);
  Vec g0 = Vec::Zero(2);
  Vec d = Vec::Zero(2);
  double f0 = 0.0, gtd0 = 0.0;
  SteepestDescentFromStart() {
    rosen.gradient(x0, g0);  // (-215.6, -88)
    d = -g0;
    f0 = rosen.value(x0);  // 24.2
    gtd0 = g0.dot(d);
  }
  double f(double t) const { return rosen.value(x0 + t * d); }
  double slope(double t) const {
    Vec g = Vec::Zero(2);
    rosen.gradient(x0 + t * d, g);
    return g.dot(d);
  }
};

}  // namespace

class TestLineSearch : public QObject {
  Q_OBJECT

 private slots:
  void cubicInterpolationFindsTheMinimizerOfACubic() {
    // phi = t^3 - 3t: phi(0) = 0, phi'(0) = -3, phi(2) = 2, phi'(2) = 9; local minimum at t = 1.
    QCOMPARE(cubicInterpolate(0.0, 0.0, -3.0, 2.0, 2.0, 9.0, 0.0, 2.0), 1.0);
    // Same cubic with the points given in the other order.
    QCOMPARE(cubicInterpolate(2.0, 2.0, 9.0, 0.0, 0.0, -3.0, 0.0, 2.0), 1.0);
  }

  void cubicInterpolationIsClampedToItsBounds() {
    // phi = (t - 3)^2 from t = 0 (9, -6) and t = 1 (4, -4): minimizer 3, clamped to 1.
    QCOMPARE(cubicInterpolate(0.0, 9.0, -6.0, 1.0, 4.0, -4.0, 0.0, 3.0), 3.0);
    QCOMPARE(cubicInterpolate(0.0, 9.0, -6.0, 1.0, 4.0, -4.0, 0.0, 1.0), 1.0);
  }

  void cubicInterpolationWithoutAMinimizerBisects() {
    // phi = t^3 + t has phi' > 0 everywhere: d1 = 5 - 6 = -1, d1^2 - g1 g2 = 1 - 4 < 0.
    QCOMPARE(cubicInterpolate(0.0, 0.0, 1.0, 1.0, 2.0, 4.0, 0.0, 1.0), 0.5);
  }

  void armijoBacktrackingAcceptsTheFirstHalvingWithSufficientDecrease() {
    SteepestDescentFromStart p;
    Ray ray(p.rosen, p.x0, p.d);
    Vec g = Vec::Zero(2);
    const LineSearchResult r = backtrackingArmijo(ray, 1.0, p.f0, p.gtd0, g);
    const double c1 = 1e-4;
    QVERIFY(r.t < 1.0);
    QVERIFY(p.f(r.t) <= p.f0 + c1 * r.t * p.gtd0);             // accepted step: Armijo holds
    QVERIFY(!(p.f(2 * r.t) <= p.f0 + c1 * 2 * r.t * p.gtd0));  // the previous trial failed
    QCOMPARE(r.evaluations, int(std::lround(std::log2(1.0 / r.t))) + 1);
    QCOMPARE(ray.calls, r.evaluations);
    QCOMPARE(r.f, p.f(r.t));
  }

  void strongWolfeConditionsHoldAtTheAcceptedStep_data() {
    QTest::addColumn<double>("t0");
    QTest::newRow("too long: zoom") << 1.0;
    QTest::newRow("too short: extrapolate") << 1e-6;
    QTest::newRow("moderate") << 1e-3;
  }
  void strongWolfeConditionsHoldAtTheAcceptedStep() {
    QFETCH(double, t0);
    SteepestDescentFromStart p;
    Ray ray(p.rosen, p.x0, p.d);
    StrongWolfeSearch search;
    search.resize(2);
    Vec g = Vec::Zero(2);
    const LineSearchResult r = search.search(ray, p.d, t0, p.f0, p.g0, p.gtd0, g);
    const double c1 = 1e-4, c2 = 0.9;
    QVERIFY(r.t > 0.0);
    QVERIFY2(p.f(r.t) <= p.f0 + c1 * r.t * p.gtd0, qPrintable(QString("t = %1").arg(r.t)));
    QVERIFY2(
        std::abs(p.slope(r.t)) <= c2 * std::abs(p.gtd0),
        qPrintable(
            QString("t = %1, phi'(t) = %2, phi'(0) = %3").arg(r.t).arg(p.slope(r.t)).arg(p.gtd0)));
    // The returned loss and gradient belong to the returned step.
    QCOMPARE(r.f, p.f(r.t));
    QCOMPARE(g.dot(p.d), p.slope(r.t));
    QVERIFY(r.evaluations <= 26);
    QCOMPARE(ray.calls, r.evaluations);
  }

  void strongWolfeAcceptsAGoodFirstTrialWithOneEvaluation() {
    // f = (x^2 + 4 y^2)/2 along d = -(1, 0) from (1, 0): phi(1) = 0 is the exact minimizer
    // along the ray, with phi'(1) = 0.
    testing::DiagonalQuadratic q(vec2(1.0, 4.0));
    struct QuadRay final : LineFunction {
      testing::DiagonalQuadratic& q;
      explicit QuadRay(testing::DiagonalQuadratic& quad) : q(quad) {}
      double evaluate(double t, VecRef g) override { return q.evaluate(vec2(1.0 - t, 0.0), g); }
    } ray(q);
    StrongWolfeSearch search;
    search.resize(2);
    Vec g = Vec::Zero(2);
    const LineSearchResult r =
        search.search(ray, vec2(-1.0, 0.0), 1.0, 0.5, vec2(1.0, 0.0), -1.0, g);
    QCOMPARE(r.t, 1.0);
    QCOMPARE(r.f, 0.0);
    QCOMPARE(r.evaluations, 1);
  }
};

QTEST_APPLESS_MAIN(TestLineSearch)
#include "test_line_search.moc"
