// Sampling a landscape on its grid (against hand-computed values of Booth's function), the
// handling of non-finite samples, the linear and log scales of scaledValue, and the negative
// gradient field of a rotated quadratic (against its Hessian written out by hand), and the
// progress told while sampling (which can stop it).
#include <QTest>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "core/objectives/objective_registry.h"
#include "plots/landscape_grid.h"

using namespace gradscape;
using namespace gradscape::plots;

namespace {

Box box(double xmin, double xmax, double ymin, double ymax) {
  Box b{Vec(2), Vec(2)};
  b.lower << xmin, ymin;
  b.upper << xmax, ymax;
  return b;
}

std::unique_ptr<Objective> make(const char* name, const ParamValues& given = {}) {
  const auto* entry = objectiveRegistry().find(name);
  return entry->make(ParamValues::withDefaults(entry->params, given));
}

// f = x + y, except NaN for x > 1.5 and +infinity at (0, 0): what a landscape with a pole and an
// undefined region looks like to the sampler.
class Holey final : public Objective {
 public:
  int dim() const override { return 2; }
  double value(VecCRef x) const override {
    if (x[0] > 1.5) return std::numeric_limits<double>::quiet_NaN();
    if (x[0] == 0.0 && x[1] == 0.0) return std::numeric_limits<double>::infinity();
    return x[0] + x[1];
  }
  void gradient(VecCRef, VecRef g) const override { g.setOnes(); }
  Mat hessian(VecCRef) const override { return Mat::Zero(2, 2); }
  Box domain() const override { return box(-1, 2, -1, 1); }
};

class NowhereFinite final : public Objective {
 public:
  int dim() const override { return 2; }
  double value(VecCRef) const override { return std::numeric_limits<double>::quiet_NaN(); }
  void gradient(VecCRef, VecRef g) const override { g.setConstant(std::nan("")); }
  Mat hessian(VecCRef) const override { return Mat::Zero(2, 2); }
  Box domain() const override { return box(0, 1, 0, 1); }
};

}  // namespace

class TestLandscapeGrid : public QObject {
  Q_OBJECT

 private slots:
  void samplesBoothAtTheGridPoints() {
    const auto booth = make("booth");
    const LandscapeGrid g = sampleLandscape(*booth, box(0, 4, 1, 3), 5, 3);
    QCOMPARE(g.nx, 5);
    QCOMPARE(g.ny, 3);
    QCOMPARE(g.values.size(), size_t{15});
    QCOMPARE(g.x(0), 0.0);
    QCOMPARE(g.x(1), 1.0);
    QCOMPARE(g.x(4), 4.0);
    QCOMPARE(g.y(0), 1.0);
    QCOMPARE(g.y(2), 3.0);
    // (x + 2y - 7)^2 + (2x + y - 5)^2 by hand.
    QCOMPARE(g.at(0, 0), 41.0);           // (0, 1): 25 + 16
    QCOMPARE(g.at(4, 0), 17.0);           // (4, 1): 1 + 16
    QCOMPARE(g.at(2, 1), 2.0);            // (2, 2): 1 + 1
    QCOMPARE(g.at(1, 2), 0.0);            // (1, 3): the minimizer
    QCOMPARE(g.at(4, 2), 45.0);           // (4, 3): 9 + 36
    QCOMPARE(g.values[2 * 5 + 4], 45.0);  // index j * nx + i
    QCOMPARE(g.minValue, 0.0);
    QCOMPARE(g.maxValue, 45.0);
  }

  void nonFiniteSamplesBecomeNaNAndLeaveTheRange() {
    const Holey f;
    const LandscapeGrid g = sampleLandscape(f, box(-1, 2, -1, 1), 7, 5);  // x step 0.5, y step 0.5
    QVERIFY(std::isnan(g.at(6, 0)));                                      // x = 2 > 1.5
    QVERIFY(std::isnan(g.at(2, 2)));  // (0, 0): +inf is not finite either
    QCOMPARE(g.at(1, 2), -0.5);       // (-0.5, 0)
    QCOMPARE(g.minValue, -2.0);       // (-1, -1)
    QCOMPARE(g.maxValue, 2.5);        // (1.5, 1): the largest finite sample
  }

  void aLandscapeWithoutFiniteSamplesKeepsTheDefaultRange() {
    const NowhereFinite f;
    const LandscapeGrid g = sampleLandscape(f, f.domain(), 3, 3);
    for (double v : g.values) QVERIFY(std::isnan(v));
    QCOMPARE(g.minValue, 0.0);
    QCOMPARE(g.maxValue, 1.0);
  }

  void progressIsToldEachSampleAndCanStopTheSampling() {
    const auto booth = make("booth");
    std::vector<double> told;
    const LandscapeGrid whole = sampleLandscape(*booth, booth->domain(), 5, 4, [&](double share) {
      told.push_back(share);
      return true;
    });
    QCOMPARE(told.size(), size_t(20));
    for (size_t k = 0; k < told.size(); ++k) QCOMPARE(told[k], double(k + 1) / 20.0);
    QCOMPARE(whole.nx, 5);
    told.clear();
    const LandscapeGrid stopped = sampleLandscape(*booth, booth->domain(), 5, 4, [&](double share) {
      told.push_back(share);
      return share < 0.5;  // stop at the tenth sample
    });
    QCOMPARE(told.size(), size_t(10));
    QCOMPARE(stopped.nx, 0);
    QVERIFY(stopped.values.empty());
  }

  void rejectsGridsWithFewerThanTwoSamplesPerAxis() {
    const auto booth = make("booth");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleLandscape(*booth, booth->domain(), 1, 5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleLandscape(*booth, booth->domain(), 5, 0));
  }

  void linearScaleIsTheIdentity() {
    LandscapeGrid g;
    g.minValue = -3.0;
    g.maxValue = 40.0;
    QCOMPARE(scaledValue(g, ColorScale::Linear, 12.5), 12.5);
    QCOMPARE(scaledValue(g, ColorScale::Linear, -3.0), -3.0);
  }

  void logScaleShiftsByTheMinimumPlusAThousandthOfTheRange() {
    LandscapeGrid g;
    g.minValue = 2.0;
    g.maxValue = 12.0;  // offset = 1e-3 * 10 = 0.01
    QVERIFY(std::abs(scaledValue(g, ColorScale::Log, 2.0) - (-2.0)) < 1e-12);
    QVERIFY(std::abs(scaledValue(g, ColorScale::Log, 7.0) - std::log10(5.01)) < 1e-12);
    QVERIFY(std::abs(scaledValue(g, ColorScale::Log, 12.0) - std::log10(10.01)) < 1e-12);
  }

  void logScaleWorksWithNegativeMinima() {
    LandscapeGrid g;
    g.minValue = -5.0;
    g.maxValue = 5.0;  // offset 0.01
    QVERIFY(std::abs(scaledValue(g, ColorScale::Log, -5.0) - (-2.0)) < 1e-12);
    QVERIFY(std::abs(scaledValue(g, ColorScale::Log, 0.0) - std::log10(5.01)) < 1e-12);
    QVERIFY(std::isfinite(scaledValue(g, ColorScale::Log, -4.999)));
  }

  void logScaleOfAConstantLandscapeUsesATinyOffset() {
    LandscapeGrid g;
    g.minValue = 3.0;
    g.maxValue = 3.0;
    QVERIFY(std::abs(scaledValue(g, ColorScale::Log, 3.0) - (-12.0)) < 1e-9);
  }

  void gradientFieldPointsAlongMinusTheGradient() {
    // condition 10, angle 30 degrees: A = R diag(1, 10) R', grad f = A x.
    ParamValues p;
    p.set("condition", 10.0);
    p.set("angle", 30.0);
    const auto f = make("rotated_quadratic", p);
    const int n = 4;
    const auto arrows = negativeGradientField(*f, box(-2, 2, -2, 2), n);
    QCOMPARE(arrows.size(), size_t{16});
    const double c = std::cos(std::numbers::pi / 6), s = std::sin(std::numbers::pi / 6);
    const double axx = c * c + 10 * s * s, axy = (1 - 10) * c * s, ayy = s * s + 10 * c * c;
    const double centres[] = {-1.5, -0.5, 0.5, 1.5};  // cell centres of a 4 x 4 partition
    for (int j = 0; j < n; ++j) {
      for (int i = 0; i < n; ++i) {
        const Arrow& a = arrows[static_cast<size_t>(j * n + i)];
        const double x = centres[i], y = centres[j];
        QCOMPARE(a.x, x);
        QCOMPARE(a.y, y);
        QVERIFY(std::abs(a.dx + (axx * x + axy * y)) < 1e-12);
        QVERIFY(std::abs(a.dy + (axy * x + ayy * y)) < 1e-12);
      }
    }
    // Along the flat axis (cos 30, sin 30) the Hessian has eigenvalue 1: -grad f = -x exactly.
    // (1.5, 0.866...) is not a grid centre, so check a single-cell field centred there.
    const double fx = c, fy = s;
    const auto one = negativeGradientField(*f, box(fx - 0.1, fx + 0.1, fy - 0.1, fy + 0.1), 1);
    QCOMPARE(one.size(), size_t{1});
    QVERIFY(std::abs(one[0].dx + fx) < 1e-12);
    QVERIFY(std::abs(one[0].dy + fy) < 1e-12);
  }
};

QTEST_APPLESS_MAIN(TestLandscapeGrid)
#include "test_landscape_grid.moc"
