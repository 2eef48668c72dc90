// Every registered objective (2-D and N-D) against finite differences, plus the behaviour of
// individual parameters (Rosenbrock's a and b, Rastrigin's A, the rotated quadratic's condition and
// angle) and Ackley's kink at the origin.
#include <QtTest>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include "core/objectives/objective_registry.h"
#include "support/diagonal_quadratic.h"
#include "support/finite_difference.h"
#include "support/random_vectors.h"

using namespace gradscape;
using gradscape::testing::fdGradient;
using gradscape::testing::fdHessian;
using gradscape::testing::randomPoint;
using gradscape::testing::relativeError;
using gradscape::testing::uniform;
using gradscape::testing::vec2;

namespace {

std::unique_ptr<Objective> make(const QString& name, const QVariantMap& overrides = {}) {
  const auto* e = objectiveRegistry().find(name.toStdString());
  if (!e) return nullptr;
  ParamValues p = ParamValues::defaults(e->params);
  for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
    p.set(it.key().toStdString(), it.value().toDouble());
  }
  return e->make(p);
}

constexpr int kPoints = 32;

}  // namespace

class TestObjectives : public QObject {
  Q_OBJECT

  // Every registry entry with its defaults, plus rows with non-default parameters.
  static void objectiveRows() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariantMap>("params");
    for (const auto& e : objectiveRegistry().entries()) {
      QTest::newRow(e.name.c_str()) << QString::fromStdString(e.name) << QVariantMap{};
    }
    QTest::newRow("rosenbrock a=2 b=10")
        << QString("rosenbrock") << QVariantMap{{"a", 2.0}, {"b", 10.0}};
    QTest::newRow("rastrigin a=3") << QString("rastrigin") << QVariantMap{{"a", 3.0}};
    QTest::newRow("ackley a=5 b=1 c=3")
        << QString("ackley") << QVariantMap{{"a", 5.0}, {"b", 1.0}, {"c", 3.0}};
    QTest::newRow("rotated_quadratic kappa=1000 angle=-50")
        << QString("rotated_quadratic") << QVariantMap{{"condition", 1000.0}, {"angle", -50.0}};
  }

 private slots:
  void registryEntriesAreWellFormed() {
    const auto& entries = objectiveRegistry().entries();
    for (const char* name : {"rosenbrock", "rotated_quadratic", "beale", "booth", "matyas",
                             "goldstein_price", "mccormick", "himmelblau", "six_hump_camel",
                             "three_hump_camel", "branin", "styblinski_tang", "rastrigin", "ackley",
                             "levy_n13", "easom", "saddle", "monkey_saddle"}) {
      QVERIFY2(objectiveRegistry().find(name), name);
    }
    for (size_t i = 0; i < entries.size(); ++i) {
      const auto& e = entries[i];
      const QString name = QString::fromStdString(e.name);
      QVERIFY2(QRegularExpression("^[a-z][a-z0-9]*(_[a-z0-9]+)*$").match(name).hasMatch(),
               qPrintable(name));
      QVERIFY2(!e.title.empty() && !e.help.empty(), qPrintable(name));
      for (size_t j = 0; j < i; ++j) QVERIFY2(entries[j].name != e.name, qPrintable(name));
      for (const auto& spec : e.params) {
        QVERIFY2(checkParam(spec, spec.defaultValue).empty(), qPrintable(name));
      }
      const auto obj = e.make(ParamValues::defaults(e.params));
      QVERIFY(obj);
      QVERIFY(obj->dim() >= 2);
      QCOMPARE(obj->defaultStart(0).size(), obj->dim());
      const Box b = obj->domain();
      QVERIFY2((b.upper.array() > b.lower.array()).all(), qPrintable(name));
    }
  }

  void gradientMatchesFiniteDifferences_data() { objectiveRows(); }
  void gradientMatchesFiniteDifferences() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto obj = make(name, params);
    QVERIFY(obj);
    std::mt19937_64 rng(20240611);
    Vec g(obj->dim());
    for (int k = 0; k < kPoints; ++k) {
      const Vec x = randomPoint(rng, obj->domain());
      obj->gradient(x, g);
      const double err = relativeError(g, fdGradient(*obj, x));
      QVERIFY2(err < 1e-6, qPrintable(QString("at (%1, %2, ...): relative error %3")
                                          .arg(x[0], 0, 'g', 17)
                                          .arg(x[1], 0, 'g', 17)
                                          .arg(err)));
      Vec g2(obj->dim());
      QCOMPARE(obj->valueAndGradient(x, g2), obj->value(x));
      QCOMPARE(g2, g);
    }
  }

  void hessianMatchesFiniteDifferencesOfTheGradient_data() { objectiveRows(); }
  void hessianMatchesFiniteDifferencesOfTheGradient() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto obj = make(name, params);
    QVERIFY(obj);
    std::mt19937_64 rng(7);
    for (int k = 0; k < kPoints; ++k) {
      const Vec x = randomPoint(rng, obj->domain());
      const Mat h = obj->hessian(x);
      const double err = relativeError(h, fdHessian(*obj, x));
      QVERIFY2(err < 1e-6, qPrintable(QString("at (%1, %2, ...): relative error %3")
                                          .arg(x[0], 0, 'g', 17)
                                          .arg(x[1], 0, 'g', 17)
                                          .arg(err)));
    }
  }

  void hessianIsSymmetricAndMatchesHessianVectorProducts_data() { objectiveRows(); }
  void hessianIsSymmetricAndMatchesHessianVectorProducts() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto obj = make(name, params);
    QVERIFY(obj);
    std::mt19937_64 rng(99);
    const int n = obj->dim();
    Vec hv(n), v(n);
    for (int k = 0; k < kPoints; ++k) {
      const Vec x = randomPoint(rng, obj->domain());
      for (int i = 0; i < n; ++i) v[i] = uniform(rng, -1.0, 1.0);
      const Mat h = obj->hessian(x);
      if (n == 2) {
        QCOMPARE(h(0, 1), h(1, 0));
      } else {
        // Assembled from products or rotations: symmetric up to round-off.
        QVERIFY((h - h.transpose()).norm() <= 1e-13 * std::max(1.0, h.norm()));
      }
      obj->hessianVectorProduct(x, v, hv);
      QVERIFY(relativeError(hv, h * v) < (n == 2 ? 1e-14 : 1e-12));
    }
  }

  void rosenbrockParametersMoveTheMinimizer() {
    const auto obj = make("rosenbrock", {{"a", 2.0}, {"b", 10.0}});
    // (a - x)^2 + b (y - x^2)^2 with a = 2, b = 10: at (0, 0) 4 + 0 = 4; at (1, 0) 1 + 10 = 11;
    // zero at (a, a^2) = (2, 4).
    QCOMPARE(obj->value(vec2(0.0, 0.0)), 4.0);
    QCOMPARE(obj->value(vec2(1.0, 0.0)), 11.0);
    const auto mins = obj->minimizers();
    QCOMPARE(mins.size(), size_t{1});
    QCOMPARE(mins[0], vec2(2.0, 4.0));
    QCOMPARE(obj->value(mins[0]), 0.0);
    Vec g(2);
    obj->gradient(mins[0], g);
    QCOMPARE(g, vec2(0.0, 0.0));
  }

  void rastriginAmplitudeScalesTheRipples() {
    // x^2 + y^2 + A (2 - cos 2 pi x - cos 2 pi y): at (0.5, 0) 0.25 + 2A; at integer points
    // the cosines are 1 and only x^2 + y^2 remains.
    const auto a3 = make("rastrigin", {{"a", 3.0}});
    const auto a10 = make("rastrigin");
    QVERIFY(std::abs(a3->value(vec2(0.5, 0.0)) - 6.25) < 1e-12);
    QVERIFY(std::abs(a10->value(vec2(0.5, 0.0)) - 20.25) < 1e-12);
    QVERIFY(std::abs(a3->value(vec2(1.0, -2.0)) - 5.0) < 1e-12);
    QVERIFY(std::abs(a10->value(vec2(1.0, -2.0)) - 5.0) < 1e-12);
    // Hessian at the origin: 2 + 4 pi^2 A on the diagonal.
    const double fourPi2 = 4.0 * std::numbers::pi * std::numbers::pi;
    QVERIFY(std::abs(a3->hessian(vec2(0.0, 0.0))(0, 0) - (2.0 + 3.0 * fourPi2)) < 1e-12);
    QCOMPARE(a3->value(vec2(0.0, 0.0)), 0.0);
  }

  void ackleyAtTheOriginIsFiniteWithAZeroSubgradient() {
    const auto obj = make("ackley");
    Vec g(2);
    obj->gradient(vec2(0.0, 0.0), g);
    QCOMPARE(g, vec2(0.0, 0.0));
    QCOMPARE(obj->value(vec2(0.0, 0.0)), 0.0);
    // At the origin only the cosine term's Hessian remains: exp(1) c^2 / 2 on the diagonal
    // with c = 2 pi, i.e. 2 pi^2 e = 53.6560...
    const double expected = 2.0 * std::numbers::pi * std::numbers::pi * std::numbers::e;
    const Mat h = obj->hessian(vec2(0.0, 0.0));
    QVERIFY(std::abs(h(0, 0) - expected) < 1e-12 * expected);
    QVERIFY(std::abs(h(1, 1) - expected) < 1e-12 * expected);
    QCOMPARE(h(0, 1), 0.0);
    // Just off the origin the cone dominates: the gradient has the cone's slope
    // a b / sqrt(2) = 20 * 0.2 / sqrt(2) = 2.828427 pointing away from the origin.
    obj->gradient(vec2(0.0, -1e-9), g);
    QVERIFY(std::abs(g[0]) < 1e-12);
    QVERIFY(std::abs(g[1] + 4.0 / std::sqrt(2.0)) < 1e-6);
    for (const Vec& x : {vec2(1e-310, 0.0), vec2(0.0, -std::numeric_limits<double>::denorm_min()),
                         vec2(1e-300, 1e-300), vec2(3e-308, -3e-308)}) {
      obj->gradient(x, g);
      QVERIFY(g.allFinite());
      QVERIFY(obj->hessian(x).allFinite());
      QVERIFY(std::isfinite(obj->value(x)));
    }
  }

  void rotatedQuadraticHasEigenvaluesOneAndKappaAlongTheAngle_data() {
    QTest::addColumn<double>("kappa");
    QTest::addColumn<double>("angle");
    QTest::newRow("defaults") << 10.0 << 30.0;
    QTest::newRow("kappa=1000 angle=-50") << 1000.0 << -50.0;
    QTest::newRow("kappa=1e6 angle=89") << 1e6 << 89.0;
    QTest::newRow("kappa=2.5 angle=0") << 2.5 << 0.0;
    QTest::newRow("kappa=4 angle=90") << 4.0 << 90.0;
  }
  void rotatedQuadraticHasEigenvaluesOneAndKappaAlongTheAngle() {
    QFETCH(double, kappa);
    QFETCH(double, angle);
    const auto obj = make("rotated_quadratic", {{"condition", kappa}, {"angle", angle}});
    const Mat h = obj->hessian(vec2(0.3, -1.7));
    Eigen::SelfAdjointEigenSolver<Mat> eig(h);
    QVERIFY(std::abs(eig.eigenvalues()[0] - 1.0) < 1e-9);
    QVERIFY(std::abs(eig.eigenvalues()[1] - kappa) < 1e-12 * kappa);
    // The flat axis (eigenvalue 1) points along (cos angle, sin angle), up to sign.
    const double t = angle * std::numbers::pi / 180.0;
    QVERIFY(std::abs(std::abs(eig.eigenvectors().col(0).dot(vec2(std::cos(t), std::sin(t)))) -
                     1.0) < 1e-12);
    // f = 1/2 x' H x, so along the flat axis f(s u) = s^2 / 2 and along the steep one
    // f(s w) = kappa s^2 / 2.
    QVERIFY(std::abs(obj->value(2.0 * vec2(std::cos(t), std::sin(t))) - 2.0) < 1e-9);
    QVERIFY(std::abs(obj->value(2.0 * vec2(-std::sin(t), std::cos(t))) - 2.0 * kappa) <
            1e-12 * kappa);
  }
};

QTEST_APPLESS_MAIN(TestObjectives)
#include "test_objectives.moc"
