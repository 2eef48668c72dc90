// Gradient noise models: empirical moments of many draws against the models' formulas, within
// five standard errors, and seeded reproducibility.
#include <QtTest>

#include <cmath>

#include "core/oracles/noise_model.h"
#include "core/oracles/problem_oracle.h"
#include "support/quadratic_objective.h"

using namespace gradscape;

namespace {

struct Moments {
  double mean = 0.0, variance = 0.0, fourth = 0.0;  // of the perturbation xi = g' - g
};

// Draws n perturbations of the gradient g and returns moments of coordinate 0.
Moments sample(const NoiseModel& model, const Vec& g, int n, uint64_t seed) {
  Rng rng(seed);
  double s1 = 0, s2 = 0, s4 = 0;
  Vec h(g.size());
  for (int i = 0; i < n; ++i) {
    h = g;
    model.perturb(h, rng);
    const double xi = h[0] - g[0];
    s1 += xi;
    s2 += xi * xi;
    s4 += xi * xi * xi * xi;
  }
  return {s1 / n, s2 / n, s4 / n};
}

}  // namespace

class TestNoiseModels : public QObject {
  Q_OBJECT

  static void expectMoments(const Moments& m, double variance, double fourthMoment, int n) {
    // Standard errors of the sample mean and of the sample second moment.
    const double seMean = std::sqrt(variance / n);
    const double seVar = std::sqrt((fourthMoment - variance * variance) / n);
    QVERIFY2(std::abs(m.mean) < 5 * seMean, qPrintable(QString("mean %1").arg(m.mean)));
    QVERIFY2(std::abs(m.variance - variance) < 5 * seVar,
             qPrintable(QString("variance %1, expected %2").arg(m.variance).arg(variance)));
  }

 private slots:
  void gaussianNoiseHasVarianceSigmaSquared() {
    const int n = 200'000;
    const Moments m = sample(GaussianNoise(0.3), Vec::Ones(3), n, 1);
    expectMoments(m, 0.09, 3 * 0.09 * 0.09, n);  // normal: E xi^4 = 3 sigma^4
  }

  void studentTNoiseHasVarianceScaleSquaredNuOverNuMinusTwo() {
    const int n = 400'000;
    const double nu = 9.0, scale = 0.5;  // nu > 4 so the fourth moment exists
    const double var = scale * scale * nu / (nu - 2.0);
    const double fourth = std::pow(scale, 4) * 3.0 * nu * nu / ((nu - 2.0) * (nu - 4.0));
    expectMoments(sample(StudentTNoise(nu, scale), Vec::Ones(2), n, 2), var, fourth, n);
  }

  void studentTNoiseIsHeavyTailed() {
    // With nu = 3 the kurtosis is infinite: far more draws beyond 5 scales than a normal with
    // the same variance would give (P(|z| > 5 / sqrt 3) = 0.0039 for the normal; for t_3
    // P(|t| > 5) = 0.0154).
    Rng rng(3);
    const StudentTNoise t(3.0, 1.0);
    int beyond = 0;
    const int n = 100'000;
    Vec g = Vec::Zero(1);
    for (int i = 0; i < n; ++i) {
      g[0] = 0.0;
      t.perturb(g, rng);
      if (std::abs(g[0]) > 5.0) ++beyond;
    }
    const double p = static_cast<double>(beyond) / n;
    QVERIFY2(std::abs(p - 0.0154) < 0.002, qPrintable(QString::number(p)));
  }

  void affineNoiseVarianceGrowsWithTheGradient() {
    const int n = 200'000;
    const double s0 = 0.1, s1 = 0.5;
    for (double scale : {0.0, 1.0, 4.0}) {
      const Vec g = Vec::Constant(4, scale);  // |g|^2 = 4 scale^2
      const double var = s0 * s0 + s1 * s1 * g.squaredNorm();
      expectMoments(sample(AffineVarianceNoise(s0, s1), g, n, 4), var, 3 * var * var, n);
    }
  }

  void noisyOracleIsReproducibleFromItsSeedAndReturnsTheExactLoss() {
    Vec c(2);
    c << 1.0, 4.0;
    const auto f = std::make_shared<gradscape::testing::QuadraticObjective>(c);
    ProblemOracle a(f, std::make_unique<GaussianNoise>(1.0), 7);
    ProblemOracle b(f, std::make_unique<GaussianNoise>(1.0), 7);
    ProblemOracle other(f, std::make_unique<GaussianNoise>(1.0), 8);
    Vec x = Vec::Ones(2), ga(2), gb(2), go(2);
    for (int i = 0; i < 10; ++i) {
      QCOMPARE(a.evaluate(x, ga), 2.5);  // 1/2 (1 + 4): noise touches only the gradient
      b.evaluate(x, gb);
      other.evaluate(x, go);
      QVERIFY(ga == gb);
      QVERIFY(ga != go);
    }
  }

  void registryBuildsEveryModelAndNoneMeansExact() {
    const auto* none = noiseRegistry().find("none");
    QVERIFY(none && !none->make(ParamValues::defaults(none->params)));
    for (const char* name : {"gaussian", "student_t", "affine"}) {
      const auto* e = noiseRegistry().find(name);
      QVERIFY2(e, name);
      QVERIFY(e->make(ParamValues::defaults(e->params)) != nullptr);
    }
  }
};

QTEST_APPLESS_MAIN(TestNoiseModels)
#include "test_noise_models.moc"
