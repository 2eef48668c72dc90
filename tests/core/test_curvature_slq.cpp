// Stochastic Lanczos quadrature against closed forms: Gauss quadrature exactness, moments
// tr(A^p)/n with their Rademacher variance, exact Ritz values after n steps, and the shape of
// the smoothed density of a two-cluster spectrum.
#include <QtTest>

#include <Eigen/QR>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/curvature/slq.h"
#include "support/known_spectra.h"

using namespace gradscape;
using gradscape::testing::DiagonalOperator;
using gradscape::testing::gaussian;
using gradscape::testing::rotated;

namespace {

double weightSum(const QuadratureNodes& q) {
  return std::accumulate(q.weights.begin(), q.weights.end(), 0.0);
}

// Trapezoid rule on a uniform grid.
double integrate(const Vec& f, double h) {
  return h * (f.sum() - 0.5 * (f[0] + f[f.size() - 1]));
}

template <typename F>
QString invalidArgumentMessage(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class TestCurvatureSlq : public QObject {
  Q_OBJECT

 private slots:
  void weightsSumToOneAndNodesLieInTheSpectrum() {
    const Vec d = Vec::LinSpaced(300, -2.0, 5.0);
    const MatrixOperator op(rotated(d, 1));
    const QuadratureNodes q = stochasticLanczosQuadrature(op, {.steps = 40, .probes = 4});
    QCOMPARE(q.nodes.size(), size_t{160});
    QCOMPARE(q.weights.size(), q.nodes.size());
    QVERIFY(std::abs(weightSum(q) - 1.0) < 1e-12);
    QVERIFY(std::abs(quadratureMoment(q, 0) - 1.0) < 1e-12);
    for (size_t i = 0; i < q.nodes.size(); ++i) {
      QVERIFY(q.weights[i] >= 0.0);
      QVERIFY(q.nodes[i] > -2.0 - 1e-10 && q.nodes[i] < 5.0 + 1e-10);
    }
  }

  void momentsEstimateTracesOfPowers() {
    const int n = 300, probes = 8;
    const Vec d = Vec::LinSpaced(n, -1.0, 3.0);
    const Mat a = rotated(d, 2);
    const MatrixOperator op(a);
    const QuadratureNodes q = stochasticLanczosQuadrature(op, {.steps = 30, .probes = probes});
    Mat power = a;
    for (int p = 1; p <= 2; ++p) {
      const double exact = d.array().pow(p).sum() / n;
      // One unit probe v = z / sqrt(n) has Var(v' B v) = 2 sum_{i != j} B_ij^2 / n^2.
      const double sd =
          std::sqrt(2.0 * (power.squaredNorm() - power.diagonal().squaredNorm()) / probes) / n;
      const double estimate = quadratureMoment(q, p);
      QVERIFY2(std::abs(estimate - exact) <= 4.0 * sd,
               qPrintable(QString("p=%1: %2 vs %3 +- %4").arg(p).arg(estimate).arg(exact).arg(sd)));
      power = power * a;
    }
  }

  void oneDiagonalProbeReproducesAllLowMoments() {
    // For diagonal A every Rademacher probe has v_i^2 = 1/n, so v' A^p v = tr(A^p) / n exactly,
    // and m-step Gauss quadrature is exact for p <= 2m - 1.
    const int n = 500, steps = 10;
    std::mt19937_64 rng(3);
    Vec d(n);
    for (auto& x : d) x = -1.0 + 2.5 * static_cast<double>(rng() >> 11) * 0x1.0p-53;
    const QuadratureNodes q =
        stochasticLanczosQuadrature(DiagonalOperator(d), {.steps = steps, .probes = 1, .seed = 5});
    QCOMPARE(q.nodes.size(), size_t{steps});
    const double norm = d.cwiseAbs().maxCoeff();
    for (int p = 0; p <= 2 * steps - 1; ++p) {
      const double exact = d.array().pow(p).sum() / n;
      QVERIFY2(std::abs(quadratureMoment(q, p) - exact) <= 1e-12 * std::pow(norm, p),
               qPrintable(QString("p=%1: %2 vs %3").arg(p).arg(quadratureMoment(q, p)).arg(exact)));
    }
    // Degree 2m is beyond the rule's exactness: it differs by far more than round-off.
    const double exact = d.array().pow(2 * steps).sum() / n;
    QVERIFY(std::abs(quadratureMoment(q, 2 * steps) - exact) > 1e-9 * std::pow(norm, 2 * steps));
  }

  void fullLengthRunFindsEveryEigenvalue() {
    const int n = 40;
    Vec d(n);
    for (int i = 0; i < n; ++i) d[i] = -2.0 + 0.1 * i + 0.002 * i * i;  // distinct
    const MatrixOperator op(rotated(d, 4));
    const QuadratureNodes q = stochasticLanczosQuadrature(op, {.steps = 100, .probes = 1});
    QCOMPARE(q.nodes.size(), size_t{n});  // steps clamped to n
    std::vector<double> nodes = q.nodes;
    std::sort(nodes.begin(), nodes.end());
    for (int i = 0; i < n; ++i) {
      QVERIFY2(std::abs(nodes[i] - d[i]) < 1e-8, qPrintable(QString::number(i)));
    }
  }

  void multipleOfIdentityStopsAfterOneStep() {
    const int n = 100;
    const DiagonalOperator op(Vec::Constant(n, 2.5));
    const QuadratureNodes q = stochasticLanczosQuadrature(op, {.steps = 20, .probes = 3});
    QCOMPARE(op.applications, int64_t{3});  // the Krylov space of c I is one-dimensional
    QCOMPARE(q.nodes.size(), size_t{3});
    for (size_t i = 0; i < 3; ++i) {
      QVERIFY(std::abs(q.nodes[i] - 2.5) < 1e-14);
      QVERIFY(std::abs(q.weights[i] - 1.0 / 3.0) < 1e-14);
    }
  }

  void densityOfTwoClustersIntegratesToOneAndPeaksAtThem() {
    const int n = 400;
    std::mt19937_64 rng(8);
    Vec d(n);
    for (int i = 0; i < n; ++i) d[i] = (i < 100 ? -1.0 : 3.0) + 0.02 * gaussian(rng);
    const MatrixOperator op(rotated(d, 5));
    const QuadratureNodes q = stochasticLanczosQuadrature(op, {.steps = 60, .probes = 4});
    const double h = 0.005;
    const Vec grid = Vec::LinSpaced(4801, -10.0, 14.0);
    const Vec phi = spectralDensity(q, grid, 0.1);
    QVERIFY(std::abs(integrate(phi, h) - 1.0) < 1e-6);

    const auto peakIn = [&](double lo, double hi) {
      Eigen::Index best = -1;
      for (Eigen::Index i = 0; i < grid.size(); ++i) {
        if (grid[i] >= lo && grid[i] <= hi && (best < 0 || phi[i] > phi[best])) best = i;
      }
      return best;
    };
    const Eigen::Index left = peakIn(-3.0, 1.0), right = peakIn(1.0, 6.0);
    QVERIFY(std::abs(grid[left] + 1.0) < 0.05);
    QVERIFY(std::abs(grid[right] - 3.0) < 0.05);
    const Eigen::Index middle = peakIn(0.999, 1.001);
    QVERIFY(phi[middle] < 1e-6 * phi[right]);
    // A quarter of the eigenvalues sit in the left cluster: its mass is v' P v, whose
    // standard deviation over 4 probes is about sqrt(2 * 100) / 400 / 2 = 0.018.
    const double leftMass = integrate(phi.head(middle + 1), h);
    QVERIFY2(std::abs(leftMass - 0.25) < 0.08, qPrintable(QString::number(leftMass)));
  }

  void sameSeedSameNodes() {
    const MatrixOperator op(rotated(Vec::LinSpaced(80, 0.0, 1.0), 6));
    const SlqOptions o{.steps = 15, .probes = 2, .seed = 77};
    const QuadratureNodes a = stochasticLanczosQuadrature(op, o);
    const QuadratureNodes b = stochasticLanczosQuadrature(op, o);
    QCOMPARE(a.nodes, b.nodes);
    QCOMPARE(a.weights, b.weights);
    const QuadratureNodes c =
        stochasticLanczosQuadrature(op, {.steps = 15, .probes = 2, .seed = 78});
    QVERIFY(a.weights != c.weights);
  }

  void largeDiagonalOperatorRuns() {
    const int n = 100000;
    Vec d = Vec::LinSpaced(n, 0.0, 1.0);
    d[n - 1] = 5.0;  // an isolated outlier, which 100 steps resolve
    const DiagonalOperator op(d);
    const QuadratureNodes q = stochasticLanczosQuadrature(op, {.steps = 100, .probes = 4});
    QCOMPARE(op.applications, int64_t{400});
    QCOMPARE(q.nodes.size(), size_t{400});
    QVERIFY(std::abs(weightSum(q) - 1.0) < 1e-12);
    // Diagonal: every probe reproduces tr(A^p) / n.
    QVERIFY(std::abs(quadratureMoment(q, 1) - d.sum() / n) < 1e-10);
    QVERIFY(std::abs(quadratureMoment(q, 2) - d.squaredNorm() / n) < 1e-10);
    QVERIFY(std::abs(*std::max_element(q.nodes.begin(), q.nodes.end()) - 5.0) < 1e-10);
  }

  void invalidArgumentsAreRejectedNamingThem() {
    const DiagonalOperator op(Vec::Ones(5));
    QVERIFY(invalidArgumentMessage([&] {
              stochasticLanczosQuadrature(op, {.steps = 0});
            }).startsWith("steps:"));
    QVERIFY(invalidArgumentMessage([&] {
              stochasticLanczosQuadrature(op, {.probes = 0});
            }).startsWith("probes:"));
    const QuadratureNodes q = stochasticLanczosQuadrature(op, {});
    QVERIFY(invalidArgumentMessage([&] {
              spectralDensity(q, Vec::Zero(3), 0.0);
            }).startsWith("sigma:"));
    QVERIFY(invalidArgumentMessage([&] { quadratureMoment(q, -1); }).startsWith("power:"));
  }

  void cancelAndProgress() {
    const DiagonalOperator op(Vec::LinSpaced(1000, 0.0, 1.0));
    std::atomic<bool> cancel{true};
    AnalysisControl control;
    control.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(AnalysisCancelled, stochasticLanczosQuadrature(op, {}, control));
    QCOMPARE(op.applications, int64_t{0});

    cancel = false;
    control.progress = [&](double fraction) {
      if (fraction >= 0.5) cancel = true;
    };
    QVERIFY_THROWS_EXCEPTION(AnalysisCancelled, stochasticLanczosQuadrature(op, {}, control));
    QVERIFY(op.applications >= 200 && op.applications < 210);  // half of 100 steps x 4 probes

    cancel = false;
    std::vector<double> reports;
    control.progress = [&](double fraction) { reports.push_back(fraction); };
    stochasticLanczosQuadrature(op, {}, control);
    QVERIFY(std::is_sorted(reports.begin(), reports.end()));
    QCOMPARE(reports.front(), 0.0);
    QCOMPARE(reports.back(), 1.0);
  }
};

QTEST_APPLESS_MAIN(TestCurvatureSlq)
#include "test_curvature_slq.moc"
