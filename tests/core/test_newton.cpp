// Damped Newton with a modified spectrum: exact on quadratics, hand-computed damped steps, and
// never uphill where the Hessian is indefinite (a saddle and Rosenbrock off its valley floor).
#include <QtTest>

#include <memory>

#include "core/objectives/rosenbrock.h"
#include "core/optimizers/newton.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/problem_oracle.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// f = 1/2 (x - x*)' A (x - x*) with A = [[3, 1], [1, 2]] (eigenvectors off the axes).
class RotatedQuadratic final : public GradientOracle {
 public:
  RotatedQuadratic() : a_(2, 2), center_(vec2(0.5, -0.25)) { a_ << 3.0, 1.0, 1.0, 2.0; }
  int dim() const override { return 2; }
  double evaluate(VecCRef x, VecRef g) override {
    g = a_ * (x - center_);
    return loss(x);
  }
  double loss(VecCRef x) override { return 0.5 * (x - center_).dot(a_ * (x - center_)); }
  bool hessian(VecCRef /*x*/, Mat& h) override {
    h = a_;
    return true;
  }
  Vec center() const { return center_; }

 private:
  Mat a_;
  Vec center_;
};

// A quadratic whose oracle offers no Hessian.
class NoHessian final : public GradientOracle {
 public:
  int dim() const override { return 2; }
  double evaluate(VecCRef x, VecRef g) override { return q_.evaluate(x, g); }
  double loss(VecCRef x) override { return q_.loss(x); }

 private:
  DiagonalQuadratic q_{vec2(1.0, 4.0)};
};

NewtonOptions options(NewtonOptions::Indefinite mode, double lambda) {
  NewtonOptions o;
  o.indefinite = mode;
  o.lambda = lambda;
  return o;
}

// The direction d of one step x -> x - d (lr = 1).
Vec newtonDirection(Newton& opt, GradientOracle& oracle, const Vec& x0) {
  Vec x = x0;
  opt.reset(2);
  opt.step(oracle, x, 1.0);
  return x0 - x;
}

}  // namespace

Q_DECLARE_METATYPE(NewtonOptions::Indefinite)

class TestNewton : public QObject {
  Q_OBJECT

  static void addModes() {
    QTest::addColumn<NewtonOptions::Indefinite>("mode");
    QTest::newRow("absolute") << NewtonOptions::Indefinite::Absolute;
    QTest::newRow("shift") << NewtonOptions::Indefinite::Shift;
  }

 private slots:
  void undampedStepLandsOnTheMinimumOfAQuadratic_data() { addModes(); }
  void undampedStepLandsOnTheMinimumOfAQuadratic() {
    QFETCH(NewtonOptions::Indefinite, mode);
    Newton opt(options(mode, 0.0));
    expectSteps(opt, vec2(1.0, 4.0), vec2(1.0, 1.0), 1.0, {vec2(0.0, 0.0)}, 1e-14);
    RotatedQuadratic rotated;
    expectIterates(opt, rotated, vec2(-2.0, 3.0), 1.0, {rotated.center()}, 1e-13);
  }

  void dampedStepsMatchHandComputedValues() {
    Newton opt(options(NewtonOptions::Indefinite::Absolute, 1.0));
    // lambda = 1, lr = 0.5: x_i <- x_i - 0.5 c_i x_i / (c_i + 1), a factor 0.75 in x and
    // 1 - 0.5 * 4/5 = 0.6 in y per step.
    expectSteps(opt, vec2(1.0, 4.0), vec2(1.0, 1.0), 0.5,
                {vec2(0.75, 0.6), vec2(0.5625, 0.36), vec2(0.421875, 0.216)}, 1e-14);
  }

  void saddleFreeStepEscapesTheSaddleDownhill() {
    // f = x^2 - y^2 at (1, 1): g = (2, -2), H = diag(2, -2). Plain Newton H^-1 g = (1, 1) would
    // jump onto the saddle point (0, 0) (g.d = 0). Absolute, lambda = 0: d = (2/2, -2/2) =
    // (1, -1), x1 = (0, 2), f: 0 -> -4.
    Newton opt(options(NewtonOptions::Indefinite::Absolute, 0.0));
    DiagonalQuadratic saddle(vec2(2.0, -2.0));
    Vec x = vec2(1.0, 1.0);
    opt.reset(2);
    opt.step(saddle, x, 1.0);
    QVERIFY((x - vec2(0.0, 2.0)).norm() < 1e-14);
    QCOMPARE(saddle.loss(x), -4.0);
  }

  void shiftMakesTheSpectrumPositive() {
    // Same saddle, shift with lambda = 1: tau = 1 + 2 = 3, H + 3 I = diag(5, 1):
    // d = (2/5, -2/1) = (0.4, -2); lr = 0.1 -> x1 = (0.96, 1.2), f = 0.9216 - 1.44 < 0.
    Newton opt(options(NewtonOptions::Indefinite::Shift, 1.0));
    expectSteps(opt, vec2(2.0, -2.0), vec2(1.0, 1.0), 0.1, {vec2(0.96, 1.2)}, 1e-14);
  }

  void neverStepsUphillOnIndefiniteHessians_data() {
    QTest::addColumn<NewtonOptions::Indefinite>("mode");
    QTest::addColumn<double>("lambda");
    QTest::newRow("absolute, default lambda") << NewtonOptions::Indefinite::Absolute << 1e-4;
    QTest::newRow("absolute, lambda 0") << NewtonOptions::Indefinite::Absolute << 0.0;
    QTest::newRow("shift, default lambda") << NewtonOptions::Indefinite::Shift << 1e-4;
    QTest::newRow("shift, lambda 0") << NewtonOptions::Indefinite::Shift << 0.0;
  }
  void neverStepsUphillOnIndefiniteHessians() {
    QFETCH(NewtonOptions::Indefinite, mode);
    QFETCH(double, lambda);
    Newton opt(options(mode, lambda));

    // Saddle x^2 - y^2 at (1, 1).
    DiagonalQuadratic saddle(vec2(2.0, -2.0));
    const Vec s0 = vec2(1.0, 1.0);
    const Vec sg = vec2(2.0, -2.0);
    const Vec sd = newtonDirection(opt, saddle, s0);
    QVERIFY(sg.dot(sd) > 0.0);
    QVERIFY(saddle.loss(s0 - 1e-6 * sd.normalized()) < saddle.loss(s0));

    // Rosenbrock at (-0.7, 0.5), just above the valley floor y = x^2 = 0.49:
    // H = [[2 - 400*0.5 + 1200*0.49, -400*(-0.7)], [280, 200]] = [[390, 280], [280, 200]],
    // det = 78000 - 78400 = -400 < 0: indefinite. g = (-2*1.7 - 400*(-0.7)*0.01, 200*0.01)
    // = (-0.6, 2). Plain Newton H^-1 g = [[200, -280], [-280, 390]] g / -400 = (1.7, -2.37)
    // has g.d = -1.02 - 4.74 = -5.76 < 0: stepping x - d would go uphill.
    ProblemOracle rosen(std::make_shared<Rosenbrock>());
    const Vec r0 = vec2(-0.7, 0.5);
    Mat h;
    QVERIFY(rosen.hessian(r0, h));
    QVERIFY(h.determinant() < 0.0);
    const Vec rg = vec2(-0.6, 2.0);
    Vec oracleGradient = Vec::Zero(2);
    rosen.evaluate(r0, oracleGradient);
    QVERIFY((oracleGradient - rg).norm() < 1e-12);
    QVERIFY(rg.dot(h.inverse() * rg) < 0.0);  // the plain Newton direction is uphill here
    const Vec rd = newtonDirection(opt, rosen, r0);
    QVERIFY2(rg.dot(rd) > 0.0, qPrintable(QString("g.d = %1").arg(rg.dot(rd))));
    QVERIFY(rosen.loss(r0 - 1e-6 * rd.normalized()) < rosen.loss(r0));
  }

  void fallsBackToAGradientStepWithoutAHessian() {
    Newton opt(NewtonOptions{});
    NoHessian q;
    expectIterates(opt, q, vec2(1.0, 1.0), 0.1, {vec2(0.9, 0.6)}, 1e-15);  // x - 0.1 (1, 4)
  }

  void reachesTheMinimumOfAWellConditionedQuadratic() {
    Newton opt(NewtonOptions{});
    // lambda = 1e-4: each step leaves a fraction lambda/(c + lambda) <= 1e-4 of x.
    expectReachesMinimum(opt, vec2(1.0, 2.0), vec2(0.7, -1.3), 1.0, 3);
  }

  void registryEntryBuildsFromDefaults() {
    const auto* e = optimizerRegistry().find("newton");
    QVERIFY(e);
    QCOMPARE(findParam(e->params, "lr")->defaultValue, 1.0);
    QCOMPARE(findParam(e->params, "lambda")->defaultValue, 1e-4);
    QCOMPARE(findParam(e->params, "indefinite")->choices.size(), size_t(2));
    QVERIFY(e->make(ParamValues::defaults(e->params)));
  }
};

QTEST_APPLESS_MAIN(TestNewton)
#include "test_newton.moc"
