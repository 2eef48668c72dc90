// Implicitly restarted Lanczos (Spectra) against operators with known spectra: Q D Q' for a
// random orthogonal Q, and a 100000-dimensional diagonal operator.
#include <QtTest>

#include <Eigen/QR>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/curvature/lanczos.h"
#include "support/known_spectra.h"

using namespace gradscape;
using gradscape::testing::DiagonalOperator;
using gradscape::testing::rotated;

namespace {

// A Hessian-like spectrum: a bulk spread uniformly over [-1, 1] and five outliers at each end.
Vec bulkWithOutliers(int n) {
  Vec d(n);
  const int bulk = n - 10;
  for (int i = 0; i < bulk; ++i) d[i] = -1.0 + 2.0 * i / (bulk - 1);
  d.tail(10) << -6.0, -4.0, -3.0, -2.5, -1.8, 1.5, 2.0, 3.0, 5.0, 8.0;
  std::sort(d.begin(), d.end());
  return d;
}

void verifyPairs(const Mat& a, const LanczosResult& r, const Vec& expected) {
  QCOMPARE(r.values.size(), expected.size());
  QCOMPARE(r.vectors.cols(), expected.size());
  const double scale = a.cwiseAbs().rowwise().sum().maxCoeff();  // >= ||A||_2
  for (Eigen::Index i = 0; i < expected.size(); ++i) {
    QVERIFY2(std::abs(r.values[i] - expected[i]) <= 1e-8 * std::abs(expected[i]),
             qPrintable(QString("value %1: %2 vs %3").arg(i).arg(r.values[i]).arg(expected[i])));
    const Vec v = r.vectors.col(i);
    QVERIFY(std::abs(v.norm() - 1.0) < 1e-10);
    QVERIFY2((a * v - r.values[i] * v).norm() < 1e-8 * scale, qPrintable(QString::number(i)));
  }
}

QString invalidArgumentMessage(const SymmetricOperator& op, const LanczosOptions& o) {
  try {
    lanczosExtremes(op, o);
  } catch (const std::invalid_argument& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

}  // namespace

class TestCurvatureLanczos : public QObject {
  Q_OBJECT

 private slots:
  void largestAndSmallestOfARotatedSpectrum() {
    const int n = 1000;
    const Vec d = bulkWithOutliers(n);
    const Mat a = rotated(d, 3);
    const MatrixOperator op(a);
    LanczosOptions o;
    o.withVectors = true;
    const LanczosResult top = lanczosExtremes(op, o);
    QVERIFY(top.converged);
    QVERIFY(top.products > 0);
    verifyPairs(a, top, d.tail(5).reverse());  // descending

    o.end = SpectrumEnd::Smallest;
    const LanczosResult bottom = lanczosExtremes(op, o);
    QVERIFY(bottom.converged);
    verifyPairs(a, bottom, d.head(5));  // ascending
  }

  void vectorsAreLeftOutUnlessAsked() {
    const MatrixOperator op(rotated(bulkWithOutliers(200), 5));
    const LanczosResult r = lanczosExtremes(op, LanczosOptions{});
    QCOMPARE(r.values.size(), Eigen::Index{5});
    QCOMPARE(r.vectors.size(), Eigen::Index{0});
  }

  void largeDiagonalOperator() {
    const int n = 100000;
    Vec d = Vec::LinSpaced(n, -1.0, 1.0);
    d.head(3) << -9.0, -7.0, -4.0;
    d.tail(3) << 3.0, 6.0, 10.0;
    const DiagonalOperator op(d);
    LanczosOptions o;
    o.count = 3;
    o.withVectors = true;
    const LanczosResult top = lanczosExtremes(op, o);
    QVERIFY(top.converged);
    QCOMPARE(top.products, op.applications);
    const double expected[] = {10.0, 6.0, 3.0};
    for (int i = 0; i < 3; ++i) {
      QVERIFY(std::abs(top.values[i] - expected[i]) <= 1e-8 * expected[i]);
      // The eigenvector of d[n - 1 - i] is the unit vector e_{n-1-i}.
      QVERIFY(std::abs(std::abs(top.vectors(n - 1 - i, i)) - 1.0) < 1e-8);
    }
    o.end = SpectrumEnd::Smallest;
    const LanczosResult bottom = lanczosExtremes(op, o);
    QVERIFY(bottom.converged);
    QVERIFY(std::abs(bottom.values[0] + 9.0) <= 1e-8 * 9.0);
    QVERIFY(std::abs(bottom.values[1] + 7.0) <= 1e-8 * 7.0);
    QVERIFY(std::abs(bottom.values[2] + 4.0) <= 1e-8 * 4.0);
  }

  void smallOperatorsFallBackToDenseDecomposition() {
    Mat a(3, 3);
    a << 2, -1, 0, -1, 2, -1, 0, -1, 2;  // eigenvalues 2 - sqrt 2, 2, 2 + sqrt 2
    const MatrixOperator op3(a);
    LanczosOptions o;
    o.count = 3;
    o.withVectors = true;
    LanczosResult r = lanczosExtremes(op3, o);
    QVERIFY(r.converged);
    QCOMPARE(r.products, int64_t{3});
    const double s = std::numbers::sqrt2;
    QVERIFY(std::abs(r.values[0] - (2 + s)) < 1e-14);
    QVERIFY(std::abs(r.values[1] - 2) < 1e-14);
    QVERIFY(std::abs(r.values[2] - (2 - s)) < 1e-14);
    for (int i = 0; i < 3; ++i) {
      QVERIFY((a * r.vectors.col(i) - r.values[i] * r.vectors.col(i)).norm() < 1e-13);
    }
    o.end = SpectrumEnd::Smallest;
    o.count = 1;
    r = lanczosExtremes(op3, o);
    QCOMPARE(r.values.size(), Eigen::Index{1});
    QVERIFY(std::abs(r.values[0] - (2 - s)) < 1e-14);

    // Above the dense size, but count = n - 1 leaves Spectra no room for a subspace.
    const int n = 80;
    const Vec d = Vec::LinSpaced(n, 1.0, 80.0);
    const Mat b = rotated(d, 9);
    const MatrixOperator op80(b);
    o.count = n - 1;
    o.end = SpectrumEnd::Largest;
    r = lanczosExtremes(op80, o);
    QVERIFY(r.converged);
    QCOMPARE(r.products, int64_t{n});
    verifyPairs(b, r, d.tail(n - 1).reverse());
  }

  void invalidOptionsAreRejectedNamingTheField() {
    const DiagonalOperator op(Vec::LinSpaced(100, 1.0, 100.0));
    LanczosOptions o;
    o.count = 0;
    QVERIFY(invalidArgumentMessage(op, o).startsWith("count:"));
    o.count = 101;
    const QString tooMany = invalidArgumentMessage(op, o);
    QVERIFY2(tooMany.startsWith("count:") && tooMany.contains("101"), qPrintable(tooMany));
    o = {};
    o.subspace = 5;
    QVERIFY(invalidArgumentMessage(op, o).startsWith("subspace:"));
    o = {};
    o.maxIterations = 0;
    QVERIFY(invalidArgumentMessage(op, o).startsWith("maxIterations:"));
    o = {};
    o.tolerance = 0.0;
    QVERIFY(invalidArgumentMessage(op, o).startsWith("tolerance:"));
    QCOMPARE(op.applications, int64_t{0});
  }

  void nonConvergenceReturnsTheBestRitzValues() {
    // A uniform spectrum has tiny relative gaps: one restart cannot reach 1e-14.
    const int n = 2000;
    const Vec d = Vec::LinSpaced(n, 0.0, 1.0);
    const DiagonalOperator op(d);
    LanczosOptions o;
    o.maxIterations = 1;
    o.tolerance = 1e-14;
    o.withVectors = true;
    const LanczosResult r = lanczosExtremes(op, o);
    QVERIFY(!r.converged);
    QCOMPARE(r.values.size(), Eigen::Index{5});
    QCOMPARE(r.vectors.cols(), Eigen::Index{5});
    for (int i = 0; i < 5; ++i) {
      // Cauchy interlacing: the i-th largest Ritz value lies below the i-th largest eigenvalue.
      QVERIFY(std::isfinite(r.values[i]));
      QVERIFY(r.values[i] <= d[n - 1 - i] + 1e-12);
      QVERIFY(r.values[i] > 0.5);
      QVERIFY(std::abs(r.vectors.col(i).norm() - 1.0) < 1e-10);
      if (i > 0) QVERIFY(r.values[i] <= r.values[i - 1]);
    }
  }

  void cancelBeforehandThrowsWithoutProducts() {
    const DiagonalOperator op(Vec::LinSpaced(500, 1.0, 2.0));
    std::atomic<bool> cancel{true};
    AnalysisControl control;
    control.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(AnalysisCancelled, lanczosExtremes(op, LanczosOptions{}, control));
    QVERIFY_THROWS_EXCEPTION(AnalysisCancelled, extremeEigenvalues(op, control));
    QCOMPARE(op.applications, int64_t{0});
  }

  void cancelFromTheProgressCallbackStopsTheSolve() {
    const int n = 3000;
    const DiagonalOperator op(Vec::LinSpaced(n, 0.0, 1.0));  // slow to converge
    LanczosOptions o;
    o.tolerance = 1e-14;
    std::atomic<bool> cancel{false};
    AnalysisControl control;
    control.cancel = &cancel;
    control.progress = [&](double fraction) {
      if (fraction >= 0.3) cancel = true;
    };
    QVERIFY_THROWS_EXCEPTION(AnalysisCancelled, lanczosExtremes(op, o, control));
    QVERIFY(op.applications > 0);
    const int64_t cancelledAfter = op.applications;

    // Unhindered, the same solve needs more products and reports a monotone 0 -> 1.
    op.applications = 0;
    std::vector<double> reports;
    control.cancel = nullptr;
    control.progress = [&](double fraction) { reports.push_back(fraction); };
    const LanczosResult r = lanczosExtremes(op, o, control);
    QVERIFY(r.products > cancelledAfter);
    QCOMPARE(reports.front(), 0.0);
    QCOMPARE(reports.back(), 1.0);
    QVERIFY(std::is_sorted(reports.begin(), reports.end()));
  }

  void operatorExceptionsPassThroughUnchanged() {
    DiagonalOperator op(Vec::LinSpaced(500, 1.0, 2.0));
    op.throwAfter = 10;
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, lanczosExtremes(op, LanczosOptions{}));
    QCOMPARE(op.applications, int64_t{11});
  }

  void extremeEigenvaluesOfKnownSpectra() {
    const int n = 1000;
    const Vec d = bulkWithOutliers(n);
    const MatrixOperator big(rotated(d, 13));
    ExtremeEigenvalues e = extremeEigenvalues(big);
    QVERIFY(std::abs(e.largest - 8.0) <= 1e-7 * 8.0);
    QVERIFY(std::abs(e.smallest + 6.0) <= 1e-7 * 6.0);
    QVERIFY(e.products > 0 && e.products < n);

    const int m = 30;  // dense path
    const Vec ds = Vec::LinSpaced(m, -0.5, 2.5);
    e = extremeEigenvalues(MatrixOperator(rotated(ds, 17)));
    QVERIFY(std::abs(e.largest - 2.5) < 1e-13);
    QVERIFY(std::abs(e.smallest + 0.5) < 1e-13);
    QCOMPARE(e.products, int64_t{m});

    Vec dl = Vec::LinSpaced(100000, 0.0, 1.0);
    dl[0] = -2.0;
    dl[50000] = 7.0;
    e = extremeEigenvalues(DiagonalOperator(dl));
    QVERIFY(std::abs(e.largest - 7.0) <= 1e-7 * 7.0);
    QVERIFY(std::abs(e.smallest + 2.0) <= 1e-7 * 2.0);
  }
};

QTEST_APPLESS_MAIN(TestCurvatureLanczos)
#include "test_curvature_lanczos.moc"
