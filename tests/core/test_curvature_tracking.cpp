// Sharpness tracking during runs: samples at the right iterations, exact values on quadratics
// (dense and matrix-free paths), the Rosenbrock Hessian's eigenvalues at recorded iterates,
// thinning of long records, and the CSV columns.
#include <QtTest>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <sstream>

#include "core/export/trace_csv.h"
#include "core/objectives/rosenbrock.h"
#include "core/run/curvature_tracker.h"
#include "core/run/run.h"
#include "support/gd_spec.h"
#include "support/quadratic_objective.h"

using namespace gradscape;
using gradscape::testing::QuadraticObjective;

namespace {

RunSpec gd(double lr, int64_t iterations, Vec start, int64_t every, bool trace = false) {
  RunSpec s = gradscape::testing::gdSpec(lr, std::move(start), iterations, every);
  s.curvature.trace = trace;
  return s;
}

// Diagonal curvatures 1, 2, ..., n.
std::shared_ptr<const Objective> ramp(int n) {
  return std::make_shared<QuadraticObjective>(Vec::LinSpaced(n, 1.0, n));
}

}  // namespace

class TestCurvatureTracking : public QObject {
  Q_OBJECT

 private slots:
  void samplesEveryKIterationsFromTheStart() {
    Run run(ramp(3), gd(0.1, 23, Vec::Ones(3), 5));
    run.runToEnd();
    const auto& c = run.trace().curvature();
    QCOMPARE(c.size(), size_t{5});  // iterations 0, 5, 10, 15, 20
    for (size_t i = 0; i < c.size(); ++i) QCOMPARE(c[i].iteration, int64_t(5 * i));
  }

  void trackingOffRecordsNothing() {
    Run run(ramp(3), gd(0.1, 20, Vec::Ones(3), 0));
    run.runToEnd();
    QVERIFY(run.trace().curvature().empty());
  }

  void denseTrackingGivesTheExactSpectrumOfAQuadratic() {
    Run run(ramp(4), gd(0.1, 10, Vec::Ones(4), 3, true));
    run.runToEnd();
    for (const auto& s : run.trace().curvature()) {
      QCOMPARE(s.top, 4.0);
      QCOMPARE(s.bottom, 1.0);
      QCOMPARE(s.trace, 10.0);
    }
  }

  void traceIsNaNWhenNotTracked() {
    Run run(ramp(4), gd(0.1, 4, Vec::Ones(4), 2));
    run.runToEnd();
    QVERIFY(std::isnan(run.trace().curvature().front().trace));
  }

  void matrixFreeTrackingAboveTheDenseLimit() {
    // 500 > kDenseTrackingDim: Lanczos for the extremes, Hutchinson for the trace (exact for a
    // diagonal Hessian with Rademacher probes: z' D z = sum D_ii).
    const int n = 500;
    QVERIFY(n > kDenseTrackingDim);
    Run run(ramp(n), gd(0.001, 4, Vec::Ones(n), 2, true));
    run.runToEnd();
    const auto& c = run.trace().curvature();
    QCOMPARE(c.size(), size_t{2});
    for (const auto& s : c) {
      QVERIFY2(std::abs(s.top - n) < 1e-6 * n, qPrintable(QString::number(s.top, 'g', 17)));
      QVERIFY2(std::abs(s.bottom - 1.0) < 1e-6, qPrintable(QString::number(s.bottom, 'g', 17)));
      QVERIFY(std::abs(s.trace - 0.5 * n * (n + 1)) < 1e-6 * n * n);
    }
  }

  void rosenbrockSamplesMatchTheClosedFormHessianAtTheIterate() {
    auto f = std::make_shared<Rosenbrock>();
    Vec start(2);
    start << -1.5, 2.0;
    Run run(f, gd(1e-3, 200, start, 50, true));
    run.runToEnd();
    const Trace& t = run.trace();
    QCOMPARE(t.curvature().size(), size_t{4});
    for (const auto& s : t.curvature()) {
      const Vec x = t.point(s.iteration);  // every row is kept: row k is iteration k
      QCOMPARE(t.iteration(s.iteration), s.iteration);
      // Hessian of (1 - x)^2 + 100 (y - x^2)^2, written out here independently.
      Eigen::Matrix2d h;
      h << 2.0 - 400.0 * (x[1] - 3.0 * x[0] * x[0]), -400.0 * x[0], -400.0 * x[0], 200.0;
      Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> e(h);
      QVERIFY(std::abs(s.top - e.eigenvalues()[1]) < 1e-9 * std::abs(e.eigenvalues()[1]));
      QVERIFY(std::abs(s.bottom - e.eigenvalues()[0]) <
              1e-9 * std::max(1.0, std::abs(e.eigenvalues()[0])));
      QVERIFY(std::abs(s.trace - h.trace()) < 1e-9 * std::abs(h.trace()));
    }
  }

  void longRecordsThinToEvenMultiples() {
    Run run(ramp(2), gd(0.1, 100, Vec::Ones(2), 1), 8);
    run.runToEnd();
    const auto& c = run.trace().curvature();
    QVERIFY(c.size() <= 8);
    QVERIFY(c.size() >= 4);
    const int64_t stride = run.trace().curvatureStride();
    QVERIFY(stride > 1);
    for (size_t i = 0; i < c.size(); ++i) QCOMPARE(c[i].iteration, int64_t(i) * stride);
  }

  void csvMergesRowsAndSamplesByIteration() {
    Run run(ramp(2), gd(0.1, 4, Vec::Ones(2), 2, true));
    run.runToEnd();
    std::ostringstream out;
    writeTraceCsv(run.trace(), out);
    const QStringList lines = QString::fromStdString(out.str()).trimmed().split('\n');
    QCOMPARE(lines[0], QString("iteration,x0,x1,loss,grad_norm,step_norm,lr,field_evals,"
                               "loss_evals,hessian_products,top_eigenvalue,bottom_eigenvalue,"
                               "hessian_trace"));
    QCOMPARE(lines.size(), 6);             // iterations 0..4
    QVERIFY(lines[1].endsWith(",2,1,3"));  // iteration 0: curvatures 2 and 1, trace 3
    QVERIFY(lines[2].endsWith(",,,"));     // iteration 1: not sampled
    QVERIFY(lines[3].startsWith("2,") && lines[3].endsWith(",2,1,3"));
  }

  void rejectsNegativeInterval() {
    RunSpec s = gd(0.1, 4, Vec::Ones(2), -1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Run(ramp(2), s));
  }
};

QTEST_APPLESS_MAIN(TestCurvatureTracking)
#include "test_curvature_tracking.moc"
