// MatrixOperator and HessianOperator: the products the curvature analyses are built on.
#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/curvature/symmetric_operator.h"

using namespace gradscape;

namespace {

// f(x) = 1/4 sum_i c_i x_i^4: gradient c_i x_i^3, Hessian diag(3 c_i x_i^2), so products
// depend on the point.
class QuarticObjective final : public Objective {
 public:
  explicit QuarticObjective(Vec c) : c_(std::move(c)) {}
  int dim() const override { return static_cast<int>(c_.size()); }
  double value(VecCRef x) const override { return 0.25 * c_.dot(x.array().pow(4).matrix()); }
  void gradient(VecCRef x, VecRef g) const override {
    g = c_.cwiseProduct(x.array().cube().matrix());
  }
  Mat hessian(VecCRef x) const override {
    return (3.0 * c_.cwiseProduct(x.cwiseAbs2())).asDiagonal();
  }
  Box domain() const override { return {Vec::Constant(dim(), -1.0), Vec::Constant(dim(), 1.0)}; }

 private:
  Vec c_;
};

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

class TestCurvatureOperators : public QObject {
  Q_OBJECT

 private slots:
  void matrixOperatorMultipliesByItsMatrix() {
    Mat a(3, 3);
    a << 2, -1, 0, -1, 2, -1, 0, -1, 2;
    const MatrixOperator op(a);
    QCOMPARE(op.size(), 3);
    Vec v(3), out(3);
    v << 1, 2, 3;
    op.apply(v, out);
    // Hand-computed: (2 - 2, -1 + 4 - 3, -2 + 6).
    QCOMPARE(out[0], 0.0);
    QCOMPARE(out[1], 0.0);
    QCOMPARE(out[2], 4.0);
  }

  void matrixOperatorCopiesTheMatrix() {
    Mat a = Mat::Identity(2, 2);
    const MatrixOperator op(a);
    a(0, 0) = 5.0;
    Vec v = Vec::Ones(2), out(2);
    op.apply(v, out);
    QCOMPARE(out[0], 1.0);
  }

  void matrixOperatorRejectsNonSquareAndAsymmetricMatrices() {
    const QString square = invalidArgumentMessage([] { MatrixOperator op(Mat::Zero(2, 3)); });
    QVERIFY2(square.startsWith("matrix:") && square.contains("2x3"), qPrintable(square));
    Mat a(2, 2);
    a << 1, 2, 0, 1;
    const QString symmetric = invalidArgumentMessage([&] { MatrixOperator op(a); });
    QVERIFY2(symmetric.startsWith("matrix:") && symmetric.contains("symmetric"),
             qPrintable(symmetric));
  }

  void hessianOperatorMatchesTheHessianAndCountsProducts() {
    Vec c(3), x(3), v(3), out(3);
    c << 1.0, 2.0, -0.5;
    x << 1.0, -2.0, 3.0;
    v << 0.5, 1.0, -1.0;
    const QuarticObjective f(c);
    const HessianOperator op(f, x);
    QCOMPARE(op.size(), 3);
    QCOMPARE(op.products(), int64_t{0});
    op.apply(v, out);
    op.apply(v, out);
    QCOMPARE(op.products(), int64_t{2});
    // H = diag(3 c_i x_i^2) = diag(3, 24, -13.5).
    QCOMPARE(out[0], 1.5);
    QCOMPARE(out[1], 24.0);
    QCOMPARE(out[2], 13.5);
  }

  void hessianOperatorRejectsAPointOfTheWrongDimension() {
    const QuarticObjective f(Vec::Ones(3));
    const QString message = invalidArgumentMessage([&] { HessianOperator op(f, Vec::Zero(2)); });
    QVERIFY2(message.startsWith("x:") && message.contains("3") && message.contains("2"),
             qPrintable(message));
  }
};

QTEST_APPLESS_MAIN(TestCurvatureOperators)
#include "test_curvature_operators.moc"
