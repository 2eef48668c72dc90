// Linear, logistic and softmax regression: derivatives against finite differences, values
// recomputed here from the data by the textbook formulas, the least-squares solution, and
// numerical stability for huge margins. Finite-sum batches, the start point, the registry
// entries and parameter validation: test_regression_batches_and_options.cpp.
#include <QtTest>

#include <cmath>
#include <numbers>
#include <random>

#include "core/objectives/linear_regression.h"
#include "core/objectives/logistic_regression.h"
#include "core/objectives/softmax_regression.h"
#include "support/finite_difference.h"
#include "support/regression_models.h"

using namespace gradscape;
using namespace gradscape::testing;

class TestRegressionModels : public QObject {
  Q_OBJECT

 private slots:
  void gradientMatchesFiniteDifferences_data() { addModelRows(); }
  void gradientMatchesFiniteDifferences() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto model = make(name, params);
    std::mt19937_64 rng(20240611);
    Vec g(model->dim()), g2(model->dim());
    for (int k = 0; k < 6; ++k) {
      const Vec x = randomPoint(rng, model->domain());
      model->gradient(x, g);
      const double err = relativeError(g, fdGradient(*model, x));
      QVERIFY2(err < 1e-6, qPrintable(QString("relative error %1").arg(err)));
      const double f = model->valueAndGradient(x, g2);
      QVERIFY(std::abs(f - model->value(x)) <= 1e-13 * std::abs(f));
      QVERIFY(relativeError(g2, g) < 1e-15);
    }
  }

  void hessianVectorProductMatchesFiniteDifferencesAndTheHessian_data() { addModelRows(); }
  void hessianVectorProductMatchesFiniteDifferencesAndTheHessian() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto model = make(name, params);
    const int n = model->dim();
    std::mt19937_64 rng(7);
    Vec hv(n), gp(n), gm(n);
    const double h = 1e-5;
    for (int k = 0; k < 6; ++k) {
      // Points scaled into the interesting region: a fifth of the domain keeps some samples
      // near the decision boundary, where the curvature lives.
      const Vec x = 0.2 * randomPoint(rng, model->domain());
      const Vec v = randomVector(rng, n);
      model->hessianVectorProduct(x, v, hv);
      model->gradient(x + h * v, gp);
      model->gradient(x - h * v, gm);
      const double err = relativeError(hv, (gp - gm) / (2.0 * h));
      QVERIFY2(err < 1e-7, qPrintable(QString("relative error %1").arg(err)));
      const Mat dense = model->hessian(x);
      QCOMPARE(dense, Mat(dense.transpose()));
      QVERIFY(relativeError(hv, dense * v) < 1e-13);
      QVERIFY(relativeError(dense, fdHessian(*model, x)) < 1e-7);
      // Convex models: the Hessian is positive semi-definite.
      QVERIFY(v.dot(hv) >= 0.0);
    }
  }

  void linearRegressionWithoutNoiseRecoversTheTrueWeights() {
    LinearRegressionOptions o;
    o.samples = 40;
    o.features = 8;
    o.noise = 0.0;
    const LinearRegression model(o);
    const auto mins = model.minimizers();
    QCOMPARE(mins.size(), size_t{1});
    QVERIFY(relativeError(mins[0], model.trueWeights()) < 1e-8);
    Vec g(8);
    model.gradient(mins[0], g);
    QVERIFY(g.norm() < 1e-12);
    QVERIFY(model.minimumValue().has_value());
    QVERIFY(*model.minimumValue() < 1e-20);
    QVERIFY(model.value(model.trueWeights()) < 1e-25);
  }

  void linearRegressionMinimizerSolvesTheRidgeEquations() {
    LinearRegressionOptions o;
    o.samples = 15;
    o.features = 25;  // fewer samples than features: only the penalty makes it unique
    o.noise = 0.5;
    o.l2 = 0.1;
    o.seed = 2;
    const LinearRegression model(o);
    const auto mins = model.minimizers();
    QCOMPARE(mins.size(), size_t{1});
    Vec g(25);
    model.gradient(mins[0], g);
    QVERIFY(g.norm() < 1e-12);
    QCOMPARE(*model.minimumValue(), model.value(mins[0]));
    std::mt19937_64 rng(1);
    for (int k = 0; k < 5; ++k) {
      QVERIFY(model.value(mins[0] + 0.01 * randomVector(rng, 25)) > *model.minimumValue());
    }
  }

  void linearRegressionWithoutPenaltyAndFewerSamplesThanFeaturesHasNoMinimizer() {
    LinearRegressionOptions o;
    o.samples = 5;
    o.features = 10;
    const LinearRegression model(o);
    QVERIFY(model.minimizers().empty());
    QVERIFY(!model.minimumValue().has_value());
  }

  void linearRegressionHessianIsTheGramMatrix() {
    LinearRegressionOptions o;
    o.samples = 30;
    o.features = 6;
    o.l2 = 0.25;
    const LinearRegression model(o);
    const Mat& x = model.dataMatrix();
    Mat expected(6, 6);
    for (int j = 0; j < 6; ++j) {
      for (int k = 0; k < 6; ++k) {
        double sum = 0.0;
        for (int i = 0; i < 30; ++i) sum += x(i, j) * x(i, k);
        expected(j, k) = sum / 30.0 + (j == k ? 0.25 : 0.0);
      }
    }
    QVERIFY(relativeError(model.hessian(Vec::Zero(6)), expected) < 1e-14);
  }

  void linearRegressionDataFollowsTheGenerativeModel() {
    LinearRegressionOptions o;
    o.samples = 4000;
    o.features = 3;
    o.noise = 0.1;
    o.seed = 8;
    const LinearRegression a(o), b(o);
    QCOMPARE(a.dataMatrix(), b.dataMatrix());
    QCOMPARE(a.targets(), b.targets());
    const Vec residual = a.targets() - a.dataMatrix() * a.trueWeights();
    // The residual is the noise: mean ~0 and standard deviation ~0.1 (standard error ~0.0016
    // and ~0.0011 with 4000 samples).
    QVERIFY(std::abs(residual.mean()) < 0.01);
    QVERIFY(std::abs(std::sqrt(residual.squaredNorm() / 4000.0) - 0.1) < 0.01);
    // X has N(0, 1) entries.
    QVERIFY(std::abs(a.dataMatrix().squaredNorm() / 12000.0 - 1.0) < 0.05);
    o.seed = 9;
    const LinearRegression c(o);
    QVERIFY(c.dataMatrix() != a.dataMatrix());
  }

  void logisticValueAtZeroIsLogTwo() {
    LogisticRegressionOptions o;
    o.samples = 7;
    o.features = 3;
    const LogisticRegression model(o);
    const Vec zero = Vec::Zero(4);
    QVERIFY(std::abs(model.value(zero) - std::numbers::ln2) < 1e-15);
    // At w = 0 every sigma(-s z) is 1/2: grad = -(1/2N) sum_i s_i [x_i; 1].
    Vec expected = Vec::Zero(4), g(4);
    const auto& data = model.data();
    for (int i = 0; i < 7; ++i) {
      const double s = data.labels[static_cast<size_t>(i)] == 1 ? 1.0 : -1.0;
      expected.head(3) -= s * data.features.row(i).transpose() / 14.0;
      expected[3] -= s / 14.0;
    }
    model.gradient(zero, g);
    QVERIFY(relativeError(g, expected) < 1e-15);
  }

  void logisticValueMatchesTheTextbookFormula() {
    LogisticRegressionOptions o;
    o.samples = 5;
    o.features = 2;
    o.l2 = 0.2;
    o.seed = 6;
    const LogisticRegression model(o);
    Vec w(3);
    w << 0.5, -0.25, 0.125;  // bias last
    double expected = 0.0;
    for (int i = 0; i < 5; ++i) {
      const double z = model.data().features.row(i).dot(w.head(2)) + w[2];
      const double s = model.data().labels[static_cast<size_t>(i)] == 1 ? 1.0 : -1.0;
      expected += std::log(1.0 + std::exp(-s * z)) / 5.0;
    }
    expected += 0.1 * w.squaredNorm();
    QVERIFY(std::abs(model.value(w) - expected) < 1e-14);
  }

  void logisticIsStableForHugeMargins() {
    LogisticRegressionOptions o;
    o.samples = 4;  // labels 0, 1, 0, 1
    o.features = 1;
    o.l2 = 0.0;
    const LogisticRegression model(o);
    // Bias 1000: z = 1000 for every sample. Label-1 samples cost log(1 + e^-1000) = 0, label-0
    // samples log(1 + e^1000) = 1000, so f = 2 * 1000 / 4 = 500; only the two label-0 samples
    // pull, each with sigma(1000) = 1: grad = (1/4) sum_{label 0} [x_i; 1].
    Vec w(2);
    w << 0.0, 1000.0;
    Vec g(2), hv(2);
    QCOMPARE(model.valueAndGradient(w, g), 500.0);
    const Mat& x = model.data().features;
    QVERIFY(std::abs(g[0] - (x(0, 0) + x(2, 0)) / 4.0) < 1e-15);
    QCOMPARE(g[1], 0.5);
    model.hessianVectorProduct(w, Vec::Ones(2), hv);
    QVERIFY(hv.allFinite());
    QVERIFY(hv.norm() < 1e-300);  // sigma'(1000) = e^-1000 underflows to 0
    w << 0.0, -1000.0;
    QCOMPARE(model.value(w), 500.0);
    QVERIFY(model.hessian(w).allFinite());
  }

  void softmaxValueAtZeroIsLogClasses() {
    SoftmaxRegressionOptions o;
    o.samples = 10;
    o.features = 2;
    o.classes = 4;
    const SoftmaxRegression model(o);
    const Vec zero = Vec::Zero(12);
    QVERIFY(std::abs(model.value(zero) - std::log(4.0)) < 1e-15);
    // p = 1/K everywhere: grad W(c, :) = (1/N) sum_i (1/K - [y_i = c]) [x_i; 1].
    Vec expected = Vec::Zero(12), g(12);
    const auto& data = model.data();
    for (int i = 0; i < 10; ++i) {
      for (int c = 0; c < 4; ++c) {
        const double r = 0.25 - (data.labels[static_cast<size_t>(i)] == c ? 1.0 : 0.0);
        expected.segment(c * 3, 2) += r * data.features.row(i).transpose() / 10.0;
        expected[c * 3 + 2] += r / 10.0;
      }
    }
    model.gradient(zero, g);
    QVERIFY(relativeError(g, expected) < 1e-15);
  }

  void softmaxStoresOneRowOfWeightsPerClassWithTheBiasLast() {
    SoftmaxRegressionOptions o;
    o.samples = 3;  // one sample of each class
    o.features = 2;
    o.classes = 3;
    o.l2 = 0.0;
    const SoftmaxRegression model(o);
    // Only class 1's bias is set, to log 2: logits (0, log 2, 0) for every sample and
    // logsumexp = log 4. Class-1 sample: log 4 - log 2; the others log 4. Mean (5/3) log 2.
    Vec x = Vec::Zero(9);
    x[1 * 3 + 2] = std::numbers::ln2;
    QVERIFY(std::abs(model.value(x) - 5.0 / 3.0 * std::numbers::ln2) < 1e-15);
  }

  void softmaxValueMatchesTheTextbookFormula() {
    SoftmaxRegressionOptions o;
    o.samples = 6;
    o.features = 3;
    o.classes = 3;
    o.l2 = 0.05;
    o.seed = 12;
    const SoftmaxRegression model(o);
    std::mt19937_64 rng(2);
    const Vec x = randomVector(rng, 12);
    double expected = 0.0;
    for (int i = 0; i < 6; ++i) {
      double total = 0.0, labelLogit = 0.0;
      for (int c = 0; c < 3; ++c) {
        double z = x[c * 4 + 3];
        for (int j = 0; j < 3; ++j) z += x[c * 4 + j] * model.data().features(i, j);
        total += std::exp(z);
        if (model.data().labels[static_cast<size_t>(i)] == c) labelLogit = z;
      }
      expected += (std::log(total) - labelLogit) / 6.0;
    }
    expected += 0.025 * x.squaredNorm();
    QVERIFY(std::abs(model.value(x) - expected) < 1e-14);
  }

  void softmaxIsStableForHugeLogits() {
    SoftmaxRegressionOptions o;
    o.samples = 3;
    o.features = 1;
    o.classes = 3;
    o.l2 = 0.0;
    const SoftmaxRegression model(o);
    // Class 0's bias 1000: samples of class 0 cost 0, the other two cost 1000: mean 2000/3.
    Vec x = Vec::Zero(6), g(6), hv(6);
    x[1] = 1000.0;
    QVERIFY(std::abs(model.valueAndGradient(x, g) - 2000.0 / 3.0) < 1e-12);
    QVERIFY(g.allFinite());
    model.hessianVectorProduct(x, Vec::Ones(6), hv);
    QVERIFY(hv.allFinite());
    QVERIFY(model.hessian(x).allFinite());
  }
};

QTEST_APPLESS_MAIN(TestRegressionModels)
#include "test_regression_models.moc"
