// Matrix factorization and sensing: derivatives against finite differences, the known
// minimizer, closed forms at X = 0, the rotational flat directions at the minimum, the
// measurement model and its expectation, and the validation messages.
#include <QtTest>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

#include "core/objectives/matrix_sensing.h"
#include "support/finite_difference.h"
#include "support/random_vectors.h"

using namespace gradscape;
using gradscape::testing::fdGradient;
using gradscape::testing::fdHessian;
using gradscape::testing::randomVector;
using gradscape::testing::relativeError;
using gradscape::testing::uniform;

namespace {

using RowMat = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// vec(X) row-major, the objective's layout.
Vec flatten(const Mat& m) {
  const RowMat r = m;
  return Eigen::Map<const Vec>(r.data(), r.size());
}

MatrixSensingOptions options(int n, int r, int k, int m, uint64_t seed = 1) {
  MatrixSensingOptions o;
  o.size = n;
  o.rank = r;
  o.width = k;
  o.measurements = m;
  o.seed = seed;
  return o;
}

}  // namespace

class TestMatrixSensing : public QObject {
  Q_OBJECT

  static void problemRows() {
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("r");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("m");
    QTest::newRow("factorization n=6 r=2 k=3") << 6 << 2 << 3 << 0;
    QTest::newRow("factorization n=5 r=2 k=2") << 5 << 2 << 2 << 0;
    QTest::newRow("factorization n=4 r=1 k=4") << 4 << 1 << 4 << 0;
    QTest::newRow("sensing n=5 r=2 k=3 m=30") << 5 << 2 << 3 << 30;
    QTest::newRow("sensing n=6 r=1 k=1 m=12") << 6 << 1 << 1 << 12;
  }

 private slots:
  void registryEntryDescribesTheDefaultProblem() {
    const auto e = matrixSensingEntry();
    QCOMPARE(QString::fromStdString(e.name), QString("matrix_sensing"));
    QStringList names;
    for (const auto& s : e.params) {
      names << QString::fromStdString(s.name);
      QVERIFY2(checkParam(s, s.defaultValue).empty(), s.name.c_str());
    }
    QCOMPARE(names, QStringList({"size", "rank", "width", "measurements", "init_scale", "seed"}));
    const auto obj = e.make(ParamValues::defaults(e.params));
    QCOMPARE(obj->dim(), 20);
    QCOMPARE(obj->sampleCount(), int64_t{0});
    QCOMPARE(obj->minimumValue().value_or(-1.0), 0.0);
    ParamValues p = ParamValues::defaults(e.params);
    p.set("measurements", 50);
    QCOMPARE(e.make(p)->sampleCount(), int64_t{50});
  }

  void gradientMatchesFiniteDifferences_data() { problemRows(); }
  void gradientMatchesFiniteDifferences() {
    QFETCH(int, n);
    QFETCH(int, r);
    QFETCH(int, k);
    QFETCH(int, m);
    const MatrixSensing f(options(n, r, k, m));
    std::mt19937_64 rng(2);
    Vec g(f.dim());
    for (int t = 0; t < 16; ++t) {
      const Vec x = randomVector(rng, f.dim());
      QCOMPARE(f.valueAndGradient(x, g), f.value(x));
      const double err = relativeError(g, fdGradient(f, x));
      QVERIFY2(err < 1e-7, qPrintable(QString("point %1: relative error %2").arg(t).arg(err)));
    }
  }

  void hessianVectorProductMatchesFiniteDifferencesOfTheGradient_data() { problemRows(); }
  void hessianVectorProductMatchesFiniteDifferencesOfTheGradient() {
    QFETCH(int, n);
    QFETCH(int, r);
    QFETCH(int, k);
    QFETCH(int, m);
    const MatrixSensing f(options(n, r, k, m));
    std::mt19937_64 rng(3);
    const double h = 1e-5;
    Vec hv(f.dim()), gp(f.dim()), gm(f.dim());
    for (int t = 0; t < 16; ++t) {
      const Vec x = randomVector(rng, f.dim()), v = randomVector(rng, f.dim());
      f.hessianVectorProduct(x, v, hv);
      f.gradient(x + h * v, gp);
      f.gradient(x - h * v, gm);
      const double err = relativeError(hv, (gp - gm) / (2.0 * h));
      QVERIFY2(err < 1e-7, qPrintable(QString("point %1: relative error %2").arg(t).arg(err)));
    }
    const Vec x = randomVector(rng, f.dim());
    const Mat hess = f.hessian(x);
    QCOMPARE(hess, Mat(hess.transpose()));
    QVERIFY(relativeError(hess, fdHessian(f, x)) < 1e-7);
  }

  void paddedFactorIsAMinimizerWithZeroGradient_data() { problemRows(); }
  void paddedFactorIsAMinimizerWithZeroGradient() {
    QFETCH(int, n);
    QFETCH(int, r);
    QFETCH(int, k);
    QFETCH(int, m);
    const MatrixSensing f(options(n, r, k, m));
    const auto mins = f.minimizers();
    QCOMPARE(mins.size(), size_t{1});
    const Eigen::Map<const RowMat> X(mins[0].data(), n, k);
    QCOMPARE(Mat(X.leftCols(r)), f.factor());
    QCOMPARE(X.rightCols(k - r).norm(), 0.0);
    QVERIFY(relativeError(X * X.transpose(), f.target()) < 1e-15);
    Vec g(f.dim());
    QVERIFY(f.valueAndGradient(mins[0], g) < 1e-28);
    QVERIFY(g.norm() < 1e-14);
    // The Hessian at a global minimum is positive semidefinite.
    const Eigen::SelfAdjointEigenSolver<Mat> eig(f.hessian(mins[0]));
    QVERIFY(eig.eigenvalues().minCoeff() > -1e-12);
  }

  void zeroFactorCostsAQuarterOfTheTargetsSquaredNorm() {
    const MatrixSensing f(options(7, 3, 4, 0, 9));
    const Mat& target = f.target();
    QCOMPARE(target, Mat(f.factor() * f.factor().transpose()));
    QVERIFY(std::abs(f.value(Vec::Zero(f.dim())) - 0.25 * target.squaredNorm()) < 1e-15);
    // X = 0 is a strict saddle: grad 0 and H[V] = -M* V, i.e. H = -(M* kron I_k) in the
    // row-major layout, with eigenvalues minus those of M*.
    Vec g(f.dim());
    f.gradient(Vec::Zero(f.dim()), g);
    QCOMPARE(g.norm(), 0.0);
    Mat expected = Mat::Zero(f.dim(), f.dim());
    for (int i = 0; i < 7; ++i) {
      for (int l = 0; l < 7; ++l) {
        for (int j = 0; j < 4; ++j) expected(i * 4 + j, l * 4 + j) = -target(i, l);
      }
    }
    QVERIFY(relativeError(f.hessian(Vec::Zero(f.dim())), expected) < 1e-15);
  }

  void targetHasRankRWithEigenvaluesNearOne() {
    const MatrixSensing f(options(60, 3, 3, 0, 4));
    const Eigen::SelfAdjointEigenSolver<Mat> eig(f.target());
    const Vec& ev = eig.eigenvalues();  // ascending
    QVERIFY(ev.head(57).cwiseAbs().maxCoeff() < 1e-12);
    // N(0, 1/n) entries: U'U is near I_r, so the nonzero eigenvalues sit in about
    // (1 +- sqrt(r/n))^2 = [0.60, 1.50] whatever n is.
    QVERIFY2(ev[57] > 0.4 && ev[59] < 2.0, qPrintable(QString("%1 .. %2").arg(ev[57]).arg(ev[59])));
  }

  void rotationsOfTheFactorAreFlatAtTheMinimum_data() {
    QTest::addColumn<int>("m");
    QTest::newRow("factorization") << 0;
    QTest::newRow("sensing m=40") << 40;
  }
  void rotationsOfTheFactorAreFlatAtTheMinimum() {
    QFETCH(int, m);
    // k = r: X X' is unchanged by X -> X exp(t S) for skew S, so V = U S is a null direction.
    const MatrixSensing f(options(6, 3, 3, m, 5));
    const Mat& u = f.factor();
    std::mt19937_64 rng(6);
    Vec hv(f.dim());
    for (int t = 0; t < 5; ++t) {
      Mat a(3, 3);
      for (Eigen::Index i = 0; i < a.size(); ++i) a.data()[i] = uniform(rng, -1.0, 1.0);
      const Mat skew = a - a.transpose();
      const Vec v = flatten(u * skew);
      QVERIFY(v.norm() > 0.1);
      f.hessianVectorProduct(f.minimizers()[0], v, hv);
      QVERIFY2(hv.norm() < 1e-13, qPrintable(QString::number(hv.norm())));
    }
    // Scaling U is not a symmetry: along V = U the curvature is positive. For the
    // factorization H[U] = (U U' + U U') U, so <U, H[U]> = 2 tr((U'U)^2).
    const Vec v = flatten(u);
    f.hessianVectorProduct(f.minimizers()[0], v, hv);
    const double curvature = v.dot(hv);
    QVERIFY(curvature > 0.1);
    if (m == 0) {
      const Mat gram = u.transpose() * u;
      QVERIFY(std::abs(curvature - 2.0 * (gram * gram).trace()) < 1e-13);
    }
  }

  void sensingMeasurementsMatchTheirDefinition() {
    const MatrixSensing f(options(5, 2, 3, 25, 7));
    QCOMPARE(f.observations().size(), Eigen::Index{25});
    std::mt19937_64 rng(8);
    const Vec x = randomVector(rng, f.dim());
    const Eigen::Map<const RowMat> X(x.data(), 5, 3);
    const Mat xxt = X * X.transpose();
    double sum = 0.0;
    for (int i = 0; i < 25; ++i) {
      const Mat a = f.sensingMatrix(i);
      QCOMPARE(a, Mat(a.transpose()));
      QVERIFY(std::abs(f.observations()[i] - a.cwiseProduct(f.target()).sum()) < 1e-13);
      const double r = a.cwiseProduct(xxt).sum() - f.observations()[i];
      sum += r * r;
      // A batch of one measurement: 1/4 r_i^2 with gradient r_i A_i X.
      Vec g(f.dim());
      const int one[] = {i};
      QVERIFY(std::abs(f.batchValueAndGradient(x, one, g) - 0.25 * r * r) < 1e-12);
      QVERIFY(relativeError(g, flatten(r * a * X)) < 1e-12);
    }
    QVERIFY(std::abs(f.value(x) - sum / 100.0) < 1e-12);
    std::vector<int> all(25);
    std::iota(all.begin(), all.end(), 0);
    Vec g(f.dim()), gb(f.dim());
    QVERIFY(std::abs(f.batchValueAndGradient(x, all, gb) - f.valueAndGradient(x, g)) < 1e-13);
    QVERIFY(relativeError(gb, g) < 1e-13);
    const int bad[] = {25};
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, f.batchValueAndGradient(x, bad, g));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, f.sensingMatrix(-1));
    // Fully observed factorization is not a finite sum.
    const MatrixSensing full(options(5, 2, 3, 0, 7));
    QVERIFY_THROWS_EXCEPTION(std::logic_error, full.batchValueAndGradient(x, all, g));
  }

  void manyMeasurementsAverageToTheFactorizationLoss() {
    // E <A, D>^2 = ||D||_F^2 for symmetric D and A = (G + G')/2: the sensing loss is an
    // unbiased estimate of the factorization loss. With m = 4000 its relative spread is about
    // sqrt(2 / 4000) = 2%.
    const MatrixSensing sensing(options(5, 2, 2, 4000, 10));
    const MatrixSensing full(options(5, 2, 2, 0, 10));
    QCOMPARE(sensing.target(), full.target());
    std::mt19937_64 rng(11);
    for (int t = 0; t < 3; ++t) {
      const Vec x = randomVector(rng, full.dim());
      const double a = sensing.value(x), b = full.value(x);
      QVERIFY2(std::abs(a - b) < 0.12 * b, qPrintable(QString("%1 vs %2").arg(a).arg(b)));
    }
  }

  void defaultStartIsASmallSeededGaussian() {
    MatrixSensingOptions o = options(40, 2, 5, 0);
    o.initScale = 0.01;
    const MatrixSensing f(o);
    const Vec a = f.defaultStart(3), b = f.defaultStart(3), c = f.defaultStart(4);
    QCOMPARE(a, b);
    QVERIFY((a - c).norm() > 1e-3);
    const double sd = std::sqrt(a.squaredNorm() / static_cast<double>(a.size()));
    QVERIFY2(std::abs(sd - 0.01) < 0.0015, qPrintable(QString::number(sd)));
  }

  void badOptionsNameTheParameter_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("r");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("m");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QString>("message");
    QTest::newRow("size 1") << "size" << 1 << 1 << 1 << 0 << 0.1 << "got 1";
    QTest::newRow("rank 0") << "rank" << 5 << 0 << 1 << 0 << 0.1 << "got 0";
    QTest::newRow("rank > size") << "rank" << 3 << 4 << 4 << 0 << 0.1 << "must be <= size";
    QTest::newRow("width < rank") << "width" << 6 << 3 << 2 << 0 << 0.1 << "must be >= rank";
    QTest::newRow("measurements < 0") << "measurements" << 6 << 2 << 2 << -1 << 0.1 << "got -1";
    QTest::newRow("measurements too many for memory")
        << "measurements" << 200 << 2 << 2 << 1000 << 0.1 << "memory";
    QTest::newRow("init_scale 0") << "init_scale" << 6 << 2 << 2 << 0 << 0.0 << "got 0";
  }
  void badOptionsNameTheParameter() {
    QFETCH(QString, field);
    QFETCH(int, n);
    QFETCH(int, r);
    QFETCH(int, k);
    QFETCH(int, m);
    QFETCH(double, scale);
    QFETCH(QString, message);
    MatrixSensingOptions o = options(n, r, k, m);
    o.initScale = scale;
    try {
      const MatrixSensing f(o);
      QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
      const QString what = e.what();
      QVERIFY2(what.startsWith(field + ":") && what.contains(message), e.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestMatrixSensing)
#include "test_matrix_sensing.moc"
