// Sampling a landscape on its grid (against hand-computed values of Booth's function), the
// handling of non-finite samples, the linear and log scales of scaledValue (with c chosen from the
// samples, checked on hand-made grids and on Beale's basin), and the negative
// gradient field of a rotated quadratic (against its Hessian written out by hand), and the
// progress told while sampling (which can stop it).
#include <QTest>

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/objectives/objective_registry.h"
#include "plots/landscape_grid.h"
#include "plots/scene_overlay.h"

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

// A 1-row grid of n samples f(0), ..., f(n - 1) with their range (what chooseLogOffset reads).
template <class F>
LandscapeGrid line(int n, F f) {
  LandscapeGrid g;
  g.nx = n;
  g.ny = 1;
  g.minValue = INFINITY;
  g.maxValue = -INFINITY;
  for (int i = 0; i < n; ++i) {
    g.values.push_back(f(i));
    g.minValue = std::min(g.minValue, g.values.back());
    g.maxValue = std::max(g.maxValue, g.values.back());
  }
  return g;
}

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

  // A grid whose c was never chosen (logOffset 0) falls back to 1e-3 x the range.
  void logScaleWithoutAChosenOffsetShiftsByAThousandthOfTheRange() {
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
    g.maxValue = 5.0;
    g.logOffset = 0.01;
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

  // f_i = -5 + 0.01 i^2, i = 0..999: f - f_min sorted is 0, 0.01, 0.04, ...; the value at
  // index floor(0.002 * 1000) = 2 is 0.04, inside [1e-9, 1e-3] x the range 9980.01.
  void logOffsetIsALowQuantileOfTheValuesAboveTheMinimum() {
    LandscapeGrid g = line(1000, [](int i) { return -5.0 + 0.01 * i * i; });
    QCOMPARE(g.maxValue, -5.0 + 9980.01);
    QCOMPARE(chooseLogOffset(g), 0.04);
    g.logOffset = chooseLogOffset(g);
    QCOMPARE(heightTitle(g, ColorScale::Log), std::string("log10(f − f_min + c), c = 0.04"));
    QCOMPARE(heightTitle(g, ColorScale::Linear), std::string("f"));
    QVERIFY(std::abs(scaledValue(g, ColorScale::Log, -5.0) - std::log10(0.04)) < 1e-12);
    QVERIFY(std::abs(scaledValue(g, ColorScale::Log, -4.0) - std::log10(1.04)) < 1e-12);
    // NaN samples do not count: 1000 more of them change nothing.
    g.values.resize(2000, std::numeric_limits<double>::quiet_NaN());
    QCOMPARE(chooseLogOffset(g), 0.04);
  }

  // f_i = i: the quantile (2) is above 1e-3 x the range 999, which caps it.
  void logOffsetIsAtMostAThousandthOfTheRange() {
    const LandscapeGrid g = line(1000, [](int i) { return double(i); });
    QCOMPARE(chooseLogOffset(g), 0.999);
  }

  // Five samples at the minimum, one 1e-15 above it, the rest 1000 above: the quantile is 0,
  // the smallest positive difference 1e-15 is below 1e-9 x the range 1000, which bounds it.
  void logOffsetIsAtLeastABillionthOfTheRange() {
    const LandscapeGrid g = line(1000, [](int i) { return i < 5 ? 0.0 : i == 5 ? 1e-15 : 1e3; });
    QCOMPARE(chooseLogOffset(g), 1e-6);
    const LandscapeGrid flat = line(10, [](int) { return 2.0; });
    QCOMPARE(chooseLogOffset(flat), 1e-12);
  }

  // Beale's basin: under the old c = 1e-3 x range every sample with f - f_min < that c got
  // (nearly) one colour, less than log10(2) apart. With c chosen from the samples those same
  // points span more than two decades of the scale.
  void sampledBealeKeepsItsBasinApart() {
    const auto beale = make("beale");
    const LandscapeGrid g = sampleLandscape(*beale, beale->domain(), 201, 201);
    QCOMPARE(g.logOffset, chooseLogOffset(g));
    const double old = 1e-3 * (g.maxValue - g.minValue);
    QVERIFY2(g.logOffset < old / 100.0, qPrintable(QString::number(g.logOffset)));
    double lo = INFINITY, hi = -INFINITY;
    for (double f : g.values) {
      if (!(f - g.minValue < old)) continue;
      lo = std::min(lo, scaledValue(g, ColorScale::Log, f));
      hi = std::max(hi, scaledValue(g, ColorScale::Log, f));
    }
    QVERIFY2(hi - lo > 2.0, qPrintable(QString("%1 %2").arg(lo).arg(hi)));
  }

  void logOffsetPrintsWithThreeSignificantDigits() {
    QCOMPARE(formatLogOffset(0.0123456), std::string("0.0123"));
    QCOMPARE(formatLogOffset(3.5e-7), std::string("3.5e-07"));
    QCOMPARE(formatLogOffset(180.0), std::string("180"));
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
