// SpectrumQuadratic: the chosen eigenvalues (typed in by hand), the dense Hessian's spectrum
// from an independent eigen-solver, eigenvectors through Hessian-vector products, the
// orthogonal rotation, derivatives against finite differences, seeding, and a matrix-free run
// at dimension 200000.
#include <QtTest>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <random>
#include <stdexcept>

#include "core/objectives/spectrum_quadratic.h"
#include "support/finite_difference.h"
#include "support/random_vectors.h"

using namespace gradscape;
using gradscape::testing::fdGradient;
using gradscape::testing::fdHessian;
using gradscape::testing::relativeError;
using gradscape::testing::uniform;

Q_DECLARE_METATYPE(gradscape::SpectrumDistribution)
Q_DECLARE_METATYPE(gradscape::SpectrumQuadraticOptions)
Q_DECLARE_METATYPE(gradscape::Vec)

namespace {

Vec randomVector(std::mt19937_64& rng, int n, double lo = -1.0, double hi = 1.0) {
  Vec v(n);
  for (int i = 0; i < n; ++i) v[i] = uniform(rng, lo, hi);
  return v;
}

SpectrumQuadraticOptions options(int dim, double condition, double maxEigenvalue,
                                 SpectrumDistribution distribution, double largeFraction = 0.1,
                                 bool rotate = true, uint64_t seed = 0) {
  SpectrumQuadraticOptions o;
  o.dim = dim;
  o.condition = condition;
  o.maxEigenvalue = maxEigenvalue;
  o.distribution = distribution;
  o.largeFraction = largeFraction;
  o.rotate = rotate;
  o.seed = seed;
  return o;
}

Vec values(std::initializer_list<double> list) {
  Vec v(static_cast<Eigen::Index>(list.size()));
  Eigen::Index i = 0;
  for (const double x : list) v[i++] = x;
  return v;
}

void addDistributionRows() {
  QTest::addColumn<SpectrumDistribution>("distribution");
  QTest::addColumn<bool>("rotate");
  for (const bool rotate : {true, false}) {
    const char* r = rotate ? "rotated" : "diagonal";
    QTest::addRow("uniform %s", r) << SpectrumDistribution::Uniform << rotate;
    QTest::addRow("log_uniform %s", r) << SpectrumDistribution::LogUniform << rotate;
    QTest::addRow("two_clusters %s", r) << SpectrumDistribution::TwoClusters << rotate;
  }
}

}  // namespace

class TestSpectrumQuadratic : public QObject {
  Q_OBJECT

 private slots:
  void eigenvaluesMatchTheClosedForms_data() {
    QTest::addColumn<SpectrumQuadraticOptions>("opts");
    QTest::addColumn<Vec>("expected");
    using D = SpectrumDistribution;
    // mu = L / condition; evenly spaced: mu + (L - mu) i / (n - 1).
    QTest::newRow("uniform n=5 L=2 kappa=4")
        << options(5, 4.0, 2.0, D::Uniform) << values({0.5, 0.875, 1.25, 1.625, 2.0});
    // Geometric: 1, 2, 4, 8, 16.
    QTest::newRow("log_uniform n=5 L=16 kappa=16")
        << options(5, 16.0, 16.0, D::LogUniform) << values({1.0, 2.0, 4.0, 8.0, 16.0});
    // 7 small on [1, 2] (step 1/6), 3 large on [50, 100].
    QTest::newRow("two_clusters n=10 fraction=0.3")
        << options(10, 100.0, 100.0, D::TwoClusters, 0.3)
        << values({1.0, 7.0 / 6, 8.0 / 6, 9.0 / 6, 10.0 / 6, 11.0 / 6, 2.0, 50.0, 75.0, 100.0});
    // round(0.8 * 5) = 4 small on [0.1, 0.2], one large at L.
    QTest::newRow("two_clusters n=5 fraction=0.2")
        << options(5, 10.0, 1.0, D::TwoClusters, 0.2) << values({0.1, 0.4 / 3, 0.5 / 3, 0.2, 1.0});
    // One large eigenvalue sits at L; one small eigenvalue sits at 2 mu.
    QTest::newRow("two_clusters n=2 fraction=0.5")
        << options(2, 100.0, 10.0, D::TwoClusters, 0.5) << values({0.2, 10.0});
    QTest::newRow("two_clusters fraction=1")
        << options(3, 100.0, 10.0, D::TwoClusters, 1.0) << values({5.0, 7.5, 10.0});
    QTest::newRow("two_clusters fraction=0")
        << options(3, 100.0, 10.0, D::TwoClusters, 0.0) << values({0.1, 0.15, 0.2});
    // condition 2 < 4: mu = 2, L = 4, clusters meet at sqrt(8).
    QTest::newRow("two_clusters kappa=2 meet at sqrt(mu L)")
        << options(4, 2.0, 4.0, D::TwoClusters, 0.5)
        << values({2.0, std::sqrt(8.0), std::sqrt(8.0), 4.0});
    QTest::newRow("condition 1 is flat")
        << options(3, 1.0, 3.0, D::LogUniform) << values({3.0, 3.0, 3.0});
  }
  void eigenvaluesMatchTheClosedForms() {
    QFETCH(SpectrumQuadraticOptions, opts);
    QFETCH(Vec, expected);
    const SpectrumQuadratic q(opts);
    QCOMPARE(q.eigenvalues().size(), expected.size());
    for (Eigen::Index i = 0; i < expected.size(); ++i) {
      QVERIFY2(std::abs(q.eigenvalues()[i] - expected[i]) <= 1e-14 * expected[i],
               qPrintable(QString("lambda_%1 = %2, expected %3")
                              .arg(i)
                              .arg(q.eigenvalues()[i], 0, 'g', 17)
                              .arg(expected[i], 0, 'g', 17)));
    }
    // The ends are exact: mu and L.
    QCOMPARE(q.eigenvalues()[expected.size() - 1], expected[expected.size() - 1]);
  }

  void eigenvaluesAreAscendingAndSpanTheCondition_data() { addDistributionRows(); }
  void eigenvaluesAreAscendingAndSpanTheCondition() {
    QFETCH(SpectrumDistribution, distribution);
    QFETCH(bool, rotate);
    const SpectrumQuadratic q(options(1001, 1e6, 50.0, distribution, 0.25, rotate));
    const Vec& l = q.eigenvalues();
    for (Eigen::Index i = 1; i < l.size(); ++i) QVERIFY(l[i] >= l[i - 1]);
    QCOMPARE(l[0], 50.0 / 1e6);
    QCOMPARE(l[l.size() - 1], 50.0);
  }

  void denseHessianHasTheChosenSpectrum_data() { addDistributionRows(); }
  void denseHessianHasTheChosenSpectrum() {
    QFETCH(SpectrumDistribution, distribution);
    QFETCH(bool, rotate);
    const SpectrumQuadratic q(options(80, 1000.0, 3.0, distribution, 0.2, rotate, 5));
    const Mat h = q.hessian(Vec::Zero(80));
    QCOMPARE(h, Mat(h.transpose()));
    const Eigen::SelfAdjointEigenSolver<Mat> solver(h, Eigen::EigenvaluesOnly);
    const Vec& expected = q.eigenvalues();
    for (Eigen::Index i = 0; i < expected.size(); ++i) {
      const double err = std::abs(solver.eigenvalues()[i] - expected[i]) / expected[i];
      QVERIFY2(err < 1e-10,
               qPrintable(QString("eigenvalue %1: relative error %2").arg(i).arg(err)));
    }
    if (rotate) {  // a rotated Hessian is far from diagonal
      const Mat offDiagonal = h - Mat(h.diagonal().asDiagonal());
      QVERIFY(offDiagonal.norm() > 0.1 * h.norm());
    } else {
      QCOMPARE(h, Mat(expected.asDiagonal()));
    }
  }

  void eigenvectorsSatisfyTheEigenEquation_data() { addDistributionRows(); }
  void eigenvectorsSatisfyTheEigenEquation() {
    QFETCH(SpectrumDistribution, distribution);
    QFETCH(bool, rotate);
    const int n = 40;
    const SpectrumQuadratic q(options(n, 50.0, 2.0, distribution, 0.3, rotate, 11));
    std::mt19937_64 rng(3);
    const Vec x = randomVector(rng, n);  // the Hessian is the same everywhere
    Mat v(n, n);
    Vec av(n);
    for (int i = 0; i < n; ++i) {
      v.col(i) = q.eigenvector(i);
      q.hessianVectorProduct(x, v.col(i), av);
      QVERIFY(relativeError(av, q.eigenvalues()[i] * v.col(i)) < 1e-14);
    }
    // Orthonormal eigenvectors: V' V = I.
    QVERIFY(relativeError(v.transpose() * v, Mat::Identity(n, n)) < 1e-14);
    if (!rotate) QCOMPARE(v, Mat(Mat::Identity(n, n)));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, q.eigenvector(n));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, q.eigenvector(-1));
  }

  void rotationIsOrthogonal() {
    const int n = 500;
    const SpectrumQuadratic q(options(n, 10.0, 1.0, SpectrumDistribution::Uniform, 0.1, true, 9));
    std::mt19937_64 rng(17);
    for (int k = 0; k < 10; ++k) {
      const Vec v = randomVector(rng, n);
      const Vec qv = q.fromEigenbasis(v);
      QVERIFY(std::abs(qv.norm() - v.norm()) < 1e-13 * v.norm());
      QVERIFY(relativeError(q.toEigenbasis(qv), v) < 1e-14);
      QVERIFY((qv - v).norm() > 0.05 * v.norm());  // and it does rotate
    }
  }

  void gradientMatchesFiniteDifferences_data() { addDistributionRows(); }
  void gradientMatchesFiniteDifferences() {
    QFETCH(SpectrumDistribution, distribution);
    QFETCH(bool, rotate);
    const int n = 30;
    const SpectrumQuadratic q(options(n, 300.0, 7.0, distribution, 0.4, rotate, 2));
    std::mt19937_64 rng(20240611);
    Vec g(n), g2(n);
    for (int k = 0; k < 8; ++k) {
      const Vec x = randomVector(rng, n);
      q.gradient(x, g);
      const double err = relativeError(g, fdGradient(q, x));
      QVERIFY2(err < 1e-7, qPrintable(QString("relative error %1").arg(err)));
      QVERIFY(std::abs(q.valueAndGradient(x, g2) - q.value(x)) <= 1e-14 * q.value(x));
      QVERIFY(relativeError(g2, g) < 1e-15);
    }
  }

  void hessianVectorProductMatchesFiniteDifferencesAndTheHessian_data() { addDistributionRows(); }
  void hessianVectorProductMatchesFiniteDifferencesAndTheHessian() {
    QFETCH(SpectrumDistribution, distribution);
    QFETCH(bool, rotate);
    const int n = 30;
    const SpectrumQuadratic q(options(n, 1e4, 5.0, distribution, 0.4, rotate, 8));
    std::mt19937_64 rng(99);
    Vec hv(n), gp(n), gm(n);
    const double h = 1e-4;
    for (int k = 0; k < 8; ++k) {
      const Vec x = randomVector(rng, n);
      const Vec v = randomVector(rng, n);
      q.hessianVectorProduct(x, v, hv);
      q.gradient(x + h * v, gp);
      q.gradient(x - h * v, gm);
      QVERIFY(relativeError(hv, (gp - gm) / (2.0 * h)) < 1e-8);
      const Mat dense = q.hessian(x);
      QVERIFY(relativeError(hv, dense * v) < 1e-13);
      QVERIFY(relativeError(dense, fdHessian(q, x)) < 1e-8);
      // A quadratic: f(x) = 1/2 x' A x with the same A.
      QVERIFY(std::abs(q.value(x) - 0.5 * x.dot(dense * x)) < 1e-12 * q.value(x));
    }
  }

  void valueMatchesHandComputation() {
    // lambda = {1, 4} on the axes: f(1, 2) = 1/2 (1 * 1 + 4 * 4) = 8.5, gradient (1, 8).
    const SpectrumQuadratic q(options(2, 4.0, 4.0, SpectrumDistribution::Uniform, 0.1, false));
    const Vec x = values({1.0, 2.0});
    QCOMPARE(q.value(x), 8.5);
    Vec g(2);
    QCOMPARE(q.valueAndGradient(x, g), 8.5);
    QCOMPARE(g, values({1.0, 8.0}));
    // Rotated, the value is 1/2 sum lambda_i (v_i' x)^2 over the eigenvectors v_i.
    const SpectrumQuadratic r(options(2, 4.0, 4.0, SpectrumDistribution::Uniform, 0.1, true, 4));
    const double c0 = r.eigenvector(0).dot(x), c1 = r.eigenvector(1).dot(x);
    QVERIFY(std::abs(r.value(x) - 0.5 * (c0 * c0 + 4.0 * c1 * c1)) < 1e-14);
  }

  void minimumIsZeroAtTheOrigin() {
    const SpectrumQuadratic q(options(12, 10.0, 2.0, SpectrumDistribution::LogUniform));
    const auto mins = q.minimizers();
    QCOMPARE(mins.size(), size_t{1});
    QCOMPARE(mins[0], Vec(Vec::Zero(12)));
    QCOMPARE(q.minimumValue(), std::optional<double>(0.0));
    QCOMPARE(q.value(mins[0]), 0.0);
    Vec g(12);
    q.gradient(mins[0], g);
    QCOMPARE(g, Vec(Vec::Zero(12)));
    QCOMPARE(q.sampleCount(), int64_t{0});
    const Box b = q.domain();
    QCOMPARE(b.lower, Vec(Vec::Constant(12, -1.0)));
    QCOMPARE(b.upper, Vec(Vec::Constant(12, 1.0)));
  }

  void sameSeedGivesTheSameObjectiveAnotherSeedAnotherRotation() {
    const auto o = [](uint64_t seed) {
      return options(50, 100.0, 1.0, SpectrumDistribution::LogUniform, 0.1, true, seed);
    };
    const SpectrumQuadratic a(o(21)), b(o(21)), c(o(22));
    QCOMPARE(a.eigenvalues(), c.eigenvalues());
    std::mt19937_64 rng(5);
    const Vec x = randomVector(rng, 50);
    QCOMPARE(a.value(x), b.value(x));
    for (const int i : {0, 25, 49}) {
      QCOMPARE(a.eigenvector(i), b.eigenvector(i));
      // |cos| between two random directions in 50 dimensions is ~0.14, far from 1.
      QVERIFY(std::abs(a.eigenvector(i).dot(c.eigenvector(i))) < 0.9);
    }
    QVERIFY(a.value(x) != c.value(x));
  }

  void defaultStartIsSeededAndInsideTheBox() {
    const SpectrumQuadratic q(options(10000, 100.0, 1.0, SpectrumDistribution::Uniform));
    const Vec a = q.defaultStart(4), b = q.defaultStart(4), c = q.defaultStart(5);
    QCOMPARE(a, b);
    QVERIFY(a != c);
    QVERIFY((a.array() >= -1.0).all() && (a.array() <= 1.0).all());
    // Uniform on [-1, 1]: mean 0 and variance 1/3 (standard error of the mean ~0.006).
    QVERIFY(std::abs(a.mean()) < 0.03);
    QVERIFY(std::abs(a.squaredNorm() / a.size() - 1.0 / 3.0) < 0.02);
  }

  void worksMatrixFreeAtDimension200000() {
    const int n = 200000;
    const SpectrumQuadratic q(options(n, 1e6, 2.0, SpectrumDistribution::LogUniform, 0.1, true, 1));
    const Vec x = q.defaultStart(7);
    Vec g(n), hv(n);
    const double f = q.valueAndGradient(x, g);
    // Euler's identity for a quadratic form: x' grad f(x) = 2 f(x); and grad f(x) = A x.
    QVERIFY(f > 0.0);
    QVERIFY(std::abs(x.dot(g) - 2.0 * f) < 1e-10 * f);
    q.hessianVectorProduct(x, x, hv);
    QVERIFY(relativeError(hv, g) < 1e-14);
    QVERIFY(std::abs(q.value(x) - f) < 1e-12 * f);
    for (const int i : {0, n / 2, n - 1}) {
      const Vec v = q.eigenvector(i);
      QVERIFY(std::abs(v.norm() - 1.0) < 1e-12);
      q.hessianVectorProduct(x, v, hv);
      QVERIFY(relativeError(hv, q.eigenvalues()[i] * v) < 1e-12);
    }
  }

  void constructorRejectsBadOptionsNamingTheParameter_data() {
    QTest::addColumn<SpectrumQuadraticOptions>("opts");
    QTest::addColumn<QString>("prefix");
    using D = SpectrumDistribution;
    QTest::newRow("dim") << options(1, 10.0, 1.0, D::Uniform) << "dim: must be >= 2, got 1";
    QTest::newRow("condition") << options(5, 0.5, 1.0, D::Uniform)
                               << "condition: must be >= 1, got 0.5";
    QTest::newRow("max_eigenvalue")
        << options(5, 10.0, 0.0, D::Uniform) << "max_eigenvalue: must be > 0, got 0";
    QTest::newRow("distribution") << options(5, 10.0, 1.0, static_cast<D>(3))
                                  << "distribution: must be one of";
    QTest::newRow("large_fraction")
        << options(5, 10.0, 1.0, D::TwoClusters, 1.5) << "large_fraction: must be <= 1, got 1.5";
    QTest::newRow("seed") << options(5, 10.0, 1.0, D::Uniform, 0.1, true, uint64_t{1} << 40)
                          << "seed: must be <=";
  }
  void constructorRejectsBadOptionsNamingTheParameter() {
    QFETCH(SpectrumQuadraticOptions, opts);
    QFETCH(QString, prefix);
    try {
      const SpectrumQuadratic q(opts);
      QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
      QVERIFY2(QString(e.what()).startsWith(prefix), e.what());
    }
  }

  void registryEntryBuildsFromItsParameters() {
    const auto entry = spectrumQuadraticEntry();
    QCOMPARE(entry.name, std::string("spectrum_quadratic"));
    QCOMPARE(entry.title, std::string("Quadratic with a chosen spectrum"));
    QStringList names;
    for (const auto& spec : entry.params) {
      names << QString::fromStdString(spec.name);
      QVERIFY2(checkParam(spec, spec.defaultValue).empty(), spec.name.c_str());
      QVERIFY2(!spec.help.empty(), spec.name.c_str());
    }
    QCOMPARE(names, QStringList({"dim", "condition", "max_eigenvalue", "distribution",
                                 "large_fraction", "rotate", "seed"}));
    const auto byDefault = entry.make(ParamValues::defaults(entry.params));
    QCOMPARE(byDefault->dim(), 100);
    ParamValues p = ParamValues::defaults(entry.params);
    p.set("dim", 3);
    p.set("condition", 4.0);
    p.set("max_eigenvalue", 8.0);
    p.set("distribution", 1);  // log_uniform: 2, 4, 8
    p.set("rotate", 0.0);
    const auto made = entry.make(p);
    // Diagonal: f(1, 1, 1) = 1/2 (2 + 4 + 8) = 7.
    QCOMPARE(made->value(Vec::Ones(3)), 7.0);
  }
};

QTEST_APPLESS_MAIN(TestSpectrumQuadratic)
#include "test_spectrum_quadratic.moc"
