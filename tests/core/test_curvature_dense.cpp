// Dense eigenpairs against matrices built with a known spectrum (Q D Q' for a random
// orthogonal Q), and dense Hessian spectra of small objectives.
#include <QtTest>

#include <Eigen/QR>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/curvature/dense_spectrum.h"
#include "support/known_spectra.h"

using namespace gradscape;
using gradscape::testing::randomOrthogonal;

namespace {

// Standard normal by Box-Muller from the top 53 bits of a 64-bit Mersenne twister: the same
// numbers on every platform.
// Haar-like random orthogonal matrix: Q of the QR decomposition of a Gaussian matrix.
// f(x) = 1/2 x' A x + b' x with a constant Hessian A.
class QuadraticObjective final : public Objective {
 public:
  QuadraticObjective(Mat a, Vec b) : a_(std::move(a)), b_(std::move(b)) {}
  int dim() const override { return static_cast<int>(b_.size()); }
  double value(VecCRef x) const override { return 0.5 * x.dot(a_ * x) + b_.dot(x); }
  void gradient(VecCRef x, VecRef g) const override { g = a_ * x + b_; }
  Mat hessian(VecCRef /*x*/) const override {
    ++hessians;
    return a_;
  }
  Box domain() const override { return {Vec::Constant(dim(), -1.0), Vec::Constant(dim(), 1.0)}; }
  mutable int hessians = 0;

 private:
  Mat a_;
  Vec b_;
};

}  // namespace

class TestCurvatureDense : public QObject {
  Q_OBJECT

 private slots:
  void rotatedDiagonalEigenpairsAreRecovered() {
    const int n = 60;
    Vec d(n);
    for (int i = 0; i < n; ++i) d[i] = -3.0 + 0.25 * i;  // distinct, both signs
    const Mat q = randomOrthogonal(n, 7);
    const Mat a = q * d.asDiagonal() * q.transpose();
    const Eigenpairs e = denseEigenpairs(a);
    QCOMPARE(e.values.size(), Eigen::Index{n});
    QCOMPARE(e.vectors.rows(), Eigen::Index{n});
    QCOMPARE(e.vectors.cols(), Eigen::Index{n});
    for (int i = 0; i < n; ++i) {
      // d is already ascending, so value i is d[i] and its eigenvector is +-q.col(i).
      QVERIFY2(std::abs(e.values[i] - d[i]) < 1e-12 * 12.0, qPrintable(QString::number(i)));
      const Vec v = e.vectors.col(i);
      QVERIFY(std::abs(v.norm() - 1.0) < 1e-12);
      QVERIFY(std::abs(std::abs(v.dot(q.col(i))) - 1.0) < 1e-10);
      QVERIFY((a * v - e.values[i] * v).norm() < 1e-11);
    }
  }

  void valuesOnlyLeavesVectorsEmpty() {
    Mat a(2, 2);
    a << 2, 1, 1, 2;  // eigenvalues 1 and 3
    const Eigenpairs e = denseEigenpairs(a, false);
    QCOMPARE(e.vectors.size(), Eigen::Index{0});
    QVERIFY(std::abs(e.values[0] - 1.0) < 1e-14);
    QVERIFY(std::abs(e.values[1] - 3.0) < 1e-14);
  }

  void nonSquareMatrixIsRejected() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, denseEigenpairs(Mat::Zero(2, 3)));
  }

  void denseHessianSpectrumOfAQuadratic() {
    const int n = 12;
    Vec d(n);
    for (int i = 0; i < n; ++i) d[i] = std::pow(2.0, i - 4);  // 1/16 ... 128
    const Mat q = randomOrthogonal(n, 11);
    const QuadraticObjective f(q * d.asDiagonal() * q.transpose(), Vec::Ones(n));
    const Eigenpairs e = denseHessianEigenpairs(f, Vec::Zero(n));
    QCOMPARE(f.hessians, 1);
    for (int i = 0; i < n; ++i) {
      QVERIFY(std::abs(e.values[i] - d[i]) < 1e-12 * 128.0);
      QVERIFY(std::abs(std::abs(e.vectors.col(i).dot(q.col(i))) - 1.0) < 1e-10);
    }
    QCOMPARE(denseHessianEigenpairs(f, Vec::Zero(n), false).vectors.size(), Eigen::Index{0});
  }

  void denseHessianRejectsLargeDimensionsNamingThem() {
    const int n = kMaxDenseHessianDim + 1;
    const QuadraticObjective f(Mat(), Vec::Zero(n));  // hessian() must never be reached
    QString message;
    try {
      denseHessianEigenpairs(f, Vec::Zero(n));
    } catch (const std::invalid_argument& e) {
      message = e.what();
    }
    QVERIFY2(message.startsWith("dim:") && message.contains(QString::number(n)),
             qPrintable(message));
    QCOMPARE(f.hessians, 0);
  }

  void denseHessianHonoursCancelAndReportsProgress() {
    const QuadraticObjective f(Mat::Identity(3, 3), Vec::Zero(3));
    std::atomic<bool> cancel{true};
    AnalysisControl control;
    control.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(AnalysisCancelled,
                             denseHessianEigenpairs(f, Vec::Zero(3), true, control));
    QCOMPARE(f.hessians, 0);

    cancel = false;
    std::vector<double> reports;
    control.progress = [&](double fraction) { reports.push_back(fraction); };
    denseHessianEigenpairs(f, Vec::Zero(3), true, control);
    QVERIFY(!reports.empty());
    QVERIFY(std::is_sorted(reports.begin(), reports.end()));
    QCOMPARE(reports.back(), 1.0);
  }
};

QTEST_APPLESS_MAIN(TestCurvatureDense)
#include "test_curvature_dense.moc"
