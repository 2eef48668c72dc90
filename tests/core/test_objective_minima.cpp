// Known minima of the registered objectives against values published in the literature,
// typed in here independently of the code: the objective's minimizers() sit at the published
// points, the value there is the published minimum, the gradient vanishes, and no point of a
// dense grid over the plotting domain goes lower.
//
// Sources: Surjanovic & Bingham, "Virtual Library of Simulation Experiments" (sfu.ca/~ssurjano),
// and Wikipedia, "Test functions for optimization". Tolerances are the published precision.
#include <QtTest>

#include <cmath>
#include <numbers>

#include "core/objectives/objective_registry.h"
#include "support/diagonal_quadratic.h"

using namespace gradscape;
using gradscape::testing::vec2;

namespace {

struct Published {
  const char* name;
  double minimum;
  double valueTol;
  std::vector<Vec> points;
  double pointTol;  // per coordinate
};

const std::vector<Published>& published() {
  constexpr double pi = std::numbers::pi;
  static const std::vector<Published> table = {
      {"rosenbrock", 0.0, 1e-12, {vec2(1.0, 1.0)}, 1e-12},
      {"rotated_quadratic", 0.0, 1e-12, {vec2(0.0, 0.0)}, 1e-12},
      {"beale", 0.0, 1e-12, {vec2(3.0, 0.5)}, 1e-12},
      {"booth", 0.0, 1e-12, {vec2(1.0, 3.0)}, 1e-12},
      {"matyas", 0.0, 1e-12, {vec2(0.0, 0.0)}, 1e-12},
      {"goldstein_price", 3.0, 1e-12, {vec2(0.0, -1.0)}, 1e-12},
      // Published as -1.9133, although -sqrt(3)/2 - pi/3 = -1.913223 rounds to -1.9132.
      {"mccormick", -1.9133, 1e-4, {vec2(-0.54719, -1.54719)}, 1e-5},
      {"himmelblau",
       0.0,
       1e-12,
       {vec2(3.0, 2.0), vec2(-2.805118, 3.131312), vec2(-3.779310, -3.283186),
        vec2(3.584428, -1.848126)},
       1e-6},
      {"six_hump_camel", -1.0316, 5e-5, {vec2(0.0898, -0.7126), vec2(-0.0898, 0.7126)}, 1e-4},
      {"three_hump_camel", 0.0, 1e-12, {vec2(0.0, 0.0)}, 1e-12},
      {"branin", 0.397887, 1e-6, {vec2(-pi, 12.275), vec2(pi, 2.275), vec2(9.42478, 2.475)}, 1e-5},
      // Wikipedia: -39.16617 n < f(-2.903534, ...) < -39.16616 n, here n = 2.
      {"styblinski_tang", -78.33233, 1e-5, {vec2(-2.903534, -2.903534)}, 1e-6},
      {"rastrigin", 0.0, 1e-12, {vec2(0.0, 0.0)}, 1e-12},
      {"ackley", 0.0, 1e-12, {vec2(0.0, 0.0)}, 1e-12},
      {"levy_n13", 0.0, 1e-12, {vec2(1.0, 1.0)}, 1e-12},
      {"easom", -1.0, 1e-12, {vec2(pi, pi)}, 1e-12},
  };
  return table;
}

const Published* findPublished(const std::string& name) {
  for (const auto& p : published()) {
    if (name == p.name) return &p;
  }
  return nullptr;
}

std::unique_ptr<Objective> make(const std::string& name) {
  const auto* e = objectiveRegistry().find(name);
  return e ? e->make(ParamValues::defaults(e->params)) : nullptr;
}

}  // namespace

class TestObjectiveMinima : public QObject {
  Q_OBJECT

  static void publishedRows() {
    QTest::addColumn<QString>("name");
    for (const auto& p : published()) QTest::newRow(p.name) << QString(p.name);
  }

 private slots:
  void everyObjectiveWithAMinimumHasAPublishedRow() {
    for (const auto& e : objectiveRegistry().entries()) {
      const auto obj = e.make(ParamValues::defaults(e.params));
      // The many-dimensional problems know their minima in closed form (their own suites).
      if (obj->dim() != 2) continue;
      const bool hasMinimum = obj->minimumValue().has_value();
      QVERIFY2(hasMinimum == (findPublished(e.name) != nullptr), e.name.c_str());
      QVERIFY2(hasMinimum == !obj->minimizers().empty(), e.name.c_str());
    }
  }

  void saddlesHaveNoMinimum_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("saddle") << QString("saddle");
    QTest::newRow("monkey_saddle") << QString("monkey_saddle");
  }
  void saddlesHaveNoMinimum() {
    QFETCH(QString, name);
    const auto obj = make(name.toStdString());
    QVERIFY(obj);
    QVERIFY(obj->minimizers().empty());
    QVERIFY(!obj->minimumValue().has_value());
    // The origin is stationary but not a minimum: x^2 - y^2 and x^3 - 3xy^2 both go negative
    // at (0.1, 0.5) (-0.24) and (-0.5, 0) (-0.125).
    Vec g(2);
    obj->gradient(vec2(0.0, 0.0), g);
    QCOMPARE(g, vec2(0.0, 0.0));
    QCOMPARE(obj->value(vec2(0.0, 0.0)), 0.0);
    QVERIFY(obj->value(vec2(0.1, 0.5)) < 0.0 || obj->value(vec2(-0.5, 0.0)) < 0.0);
  }

  void minimizersMatchPublishedPoints_data() { publishedRows(); }
  void minimizersMatchPublishedPoints() {
    QFETCH(QString, name);
    const Published& pub = *findPublished(name.toStdString());
    const auto obj = make(pub.name);
    QVERIFY(obj);
    const auto mins = obj->minimizers();
    QCOMPARE(mins.size(), pub.points.size());
    for (const Vec& p : pub.points) {
      bool found = false;
      for (const Vec& m : mins) found = found || (m - p).cwiseAbs().maxCoeff() <= pub.pointTol;
      QVERIFY2(found, qPrintable(QString("published (%1, %2) missing").arg(p[0]).arg(p[1])));
    }
  }

  void minimumValueMatchesPublishedValue_data() { publishedRows(); }
  void minimumValueMatchesPublishedValue() {
    QFETCH(QString, name);
    const Published& pub = *findPublished(name.toStdString());
    const auto obj = make(pub.name);
    QVERIFY(obj->minimumValue().has_value());
    const double fmin = *obj->minimumValue();
    QVERIFY2(std::abs(fmin - pub.minimum) <= pub.valueTol,
             qPrintable(QString::number(fmin, 'g', 17)));
    Vec g(2);
    for (const Vec& m : obj->minimizers()) {
      // f at each minimizer is the minimum, and the minimizer is stationary.
      QVERIFY2(std::abs(obj->value(m) - fmin) <= 1e-12 * std::max(1.0, std::abs(fmin)),
               qPrintable(QString::number(obj->value(m), 'g', 17)));
      obj->gradient(m, g);
      QVERIFY2(g.norm() < 1e-9, qPrintable(QString("|g| = %1").arg(g.norm())));
    }
  }

  void denseGridNeverGoesBelowPublishedMinimum_data() { publishedRows(); }
  void denseGridNeverGoesBelowPublishedMinimum() {
    QFETCH(QString, name);
    const Published& pub = *findPublished(name.toStdString());
    const auto obj = make(pub.name);
    const Box b = obj->domain();
    constexpr int n = 1001;
    double lowest = INFINITY;
    Vec x(2);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        x << b.lower[0] + (b.upper[0] - b.lower[0]) * i / (n - 1),
            b.lower[1] + (b.upper[1] - b.lower[1]) * j / (n - 1);
        lowest = std::min(lowest, obj->value(x));
      }
    }
    QVERIFY2(lowest >= pub.minimum - pub.valueTol - 1e-12,
             qPrintable(QString("grid minimum %1").arg(lowest, 0, 'g', 17)));
    // The domain shows the minimum: a minimizer lies inside the box.
    bool inside = false;
    for (const Vec& m : obj->minimizers()) {
      inside =
          inside || ((m.array() >= b.lower.array()).all() && (m.array() <= b.upper.array()).all());
    }
    QVERIFY(inside);
  }
};

QTEST_APPLESS_MAIN(TestObjectiveMinima)
#include "test_objective_minima.moc"
