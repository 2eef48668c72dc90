// Hutchinson's trace estimator: exact on diagonal operators, statistically consistent on
// dense ones (checked against the closed-form variance 2 sum_{i != j} A_ij^2 per probe).
#include <QtTest>

#include <Eigen/QR>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/curvature/hutchinson.h"
#include "support/known_spectra.h"

using namespace gradscape;
using gradscape::testing::DiagonalOperator;
using gradscape::testing::gaussian;
using gradscape::testing::rotated;

namespace {

// Standard deviation of z'Az for one Rademacher probe: sqrt(2 sum_{i != j} A_ij^2).
double probeStd(const Mat& a) {
  return std::sqrt(2.0 * (a.squaredNorm() - a.diagonal().squaredNorm()));
}

}  // namespace

class TestCurvatureHutchinson : public QObject {
  Q_OBJECT

 private slots:
  void exactForDiagonalOperators() {
    std::mt19937_64 rng(1);
    Vec d(500);
    for (auto& x : d) x = gaussian(rng) + 0.3;
    const DiagonalOperator op(d);
    const TraceEstimate t = hutchinsonTrace(op, 8, 42);
    QCOMPARE(t.probes, 8);
    QCOMPARE(op.applications, int64_t{8});
    // z_i^2 = 1, so every probe gives sum_i d_i (up to summation order).
    QVERIFY(std::abs(t.mean - d.sum()) < 1e-11 * d.cwiseAbs().sum());
    QVERIFY(t.standardError < 1e-11 * d.cwiseAbs().sum());
  }

  void oneProbeHasNoStandardError() {
    const MatrixOperator op(rotated(Vec::LinSpaced(20, 1.0, 2.0), 2));
    const TraceEstimate t = hutchinsonTrace(op, 1, 5);
    QCOMPARE(t.probes, 1);
    QCOMPARE(t.standardError, 0.0);
  }

  void denseEstimateIsWithinFourStandardErrors() {
    const int n = 200;
    const Vec d = Vec::LinSpaced(n, -1.0, 3.0);
    const Mat a = rotated(d, 3);
    const MatrixOperator op(a);
    const int probes = 200;
    const TraceEstimate t = hutchinsonTrace(op, probes, 7);
    QVERIFY2(std::abs(t.mean - d.sum()) <= 4.0 * t.standardError,
             qPrintable(QString("%1 vs %2 +- %3").arg(t.mean).arg(d.sum()).arg(t.standardError)));
    // The sample standard error estimates the closed form within its own ~5% noise.
    const double expected = probeStd(a) / std::sqrt(probes);
    QVERIFY2(t.standardError > 0.7 * expected && t.standardError < 1.3 * expected,
             qPrintable(QString("%1 vs %2").arg(t.standardError).arg(expected)));
  }

  void errorShrinksWithMoreProbes() {
    const int n = 100;
    const Vec d = Vec::LinSpaced(n, 0.0, 2.0);
    const MatrixOperator op(rotated(d, 4));
    // Root-mean-square error over 20 seeds: sixteen times the probes, a quarter of the error.
    const auto rmsError = [&](int probes) {
      double sum = 0.0;
      for (uint64_t seed = 0; seed < 20; ++seed) {
        const double e = hutchinsonTrace(op, probes, 1000 + seed).mean - d.sum();
        sum += e * e;
      }
      return std::sqrt(sum / 20);
    };
    const double few = rmsError(10), many = rmsError(160);
    QVERIFY2(many < 0.5 * few, qPrintable(QString("%1 vs %2").arg(many).arg(few)));
    const TraceEstimate t10 = hutchinsonTrace(op, 10, 1), t160 = hutchinsonTrace(op, 160, 1);
    QVERIFY(t160.standardError < 0.5 * t10.standardError);
  }

  void sameSeedSameEstimate() {
    const MatrixOperator op(rotated(Vec::LinSpaced(50, -1.0, 1.0), 6));
    const TraceEstimate a = hutchinsonTrace(op, 5, 99), b = hutchinsonTrace(op, 5, 99);
    const TraceEstimate c = hutchinsonTrace(op, 5, 100);
    QCOMPARE(a.mean, b.mean);
    QCOMPARE(a.standardError, b.standardError);
    QVERIFY(a.mean != c.mean);
  }

  void rejectsTooFewProbes() {
    const DiagonalOperator op(Vec::Ones(3));
    QString message;
    try {
      hutchinsonTrace(op, 0, 1);
    } catch (const std::invalid_argument& e) {
      message = e.what();
    }
    QVERIFY2(message.startsWith("probes:"), qPrintable(message));
  }

  void cancelAndProgress() {
    const DiagonalOperator op(Vec::Ones(10));
    std::atomic<bool> cancel{false};
    AnalysisControl control;
    control.cancel = &cancel;
    std::vector<double> reports;
    control.progress = [&](double fraction) {
      reports.push_back(fraction);
      if (fraction >= 0.5) cancel = true;
    };
    QVERIFY_THROWS_EXCEPTION(AnalysisCancelled, hutchinsonTrace(op, 10, 1, control));
    QCOMPARE(op.applications, int64_t{5});  // cancelled right after the fifth probe's report

    cancel = false;
    reports.clear();
    control.progress = [&](double fraction) { reports.push_back(fraction); };
    hutchinsonTrace(op, 10, 1, control);
    QVERIFY(std::is_sorted(reports.begin(), reports.end()));
    QCOMPARE(reports.front(), 0.0);
    QCOMPARE(reports.back(), 1.0);
  }
};

QTEST_APPLESS_MAIN(TestCurvatureHutchinson)
#include "test_curvature_hutchinson.moc"
