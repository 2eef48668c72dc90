// Linear, logistic and softmax regression as finite sums and as registry entries: batches
// recomputed here from the data by the textbook formulas, repeated and bad indices, the start
// point, the parameters each entry describes, and validation that names the bad parameter.
// Derivatives and full-data values: test_regression_models.cpp.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <span>
#include <stdexcept>
#include <vector>

#include "core/objectives/linear_regression.h"
#include "core/objectives/logistic_regression.h"
#include "core/objectives/softmax_regression.h"
#include "support/finite_difference.h"
#include "support/regression_models.h"

using namespace gradscape;
using namespace gradscape::testing;

class TestRegressionBatchesAndOptions : public QObject {
  Q_OBJECT

 private slots:
  void batchWithEveryIndexEqualsTheFullObjective_data() { addModelRows(); }
  void batchWithEveryIndexEqualsTheFullObjective() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto model = make(name, params);
    std::vector<int> all(static_cast<size_t>(model->sampleCount()));
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    std::mt19937_64 rng(31);
    Vec g(model->dim()), gb(model->dim());
    for (int k = 0; k < 3; ++k) {
      const Vec x = randomPoint(rng, model->domain());
      const double f = model->valueAndGradient(x, g);
      QVERIFY(std::abs(model->batchValueAndGradient(x, all, gb) - f) <= 1e-14 * std::abs(f));
      QVERIFY(relativeError(gb, g) < 1e-14);
    }
  }

  void batchOfOneSampleMatchesTheTextbookFormula_data() { addModelRows(); }
  void batchOfOneSampleMatchesTheTextbookFormula() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto model = make(name, params);
    const int n = model->dim();
    const double l2 = params.value("l2", name == "linear_regression" ? 0.0 : 1e-3).toDouble();
    std::mt19937_64 rng(41);
    const Vec x = 0.3 * randomPoint(rng, model->domain());
    Vec g(n), expectedGrad(n);
    for (const int i : {0, 1, static_cast<int>(model->sampleCount()) - 1}) {
      double expected = 0.0;
      if (const auto* lin = dynamic_cast<const LinearRegression*>(model.get())) {
        const Vec xi = lin->dataMatrix().row(i).transpose();
        const double r = xi.dot(x) - lin->targets()[i];
        expected = 0.5 * r * r;
        expectedGrad = r * xi;
      } else if (const auto* logistic = dynamic_cast<const LogisticRegression*>(model.get())) {
        const auto& data = logistic->data();
        const int d = data.dim();
        const double s = data.labels[static_cast<size_t>(i)] == 1 ? 1.0 : -1.0;
        const double z = data.features.row(i).dot(x.head(d)) + x[d];
        expected = std::log(1.0 + std::exp(-s * z));
        const double pull = -s / (1.0 + std::exp(s * z));  // -s sigma(-s z)
        expectedGrad.head(d) = pull * data.features.row(i).transpose();
        expectedGrad[d] = pull;
      } else {
        const auto& data = dynamic_cast<const SoftmaxRegression&>(*model).data();
        const int d = data.dim(), k = data.classes;
        Vec z(k);
        for (int c = 0; c < k; ++c) {
          z[c] = data.features.row(i).dot(x.segment(c * (d + 1), d)) + x[c * (d + 1) + d];
        }
        const Vec p = z.array().exp() / z.array().exp().sum();
        const int y = data.labels[static_cast<size_t>(i)];
        expected = -std::log(p[y]);
        for (int c = 0; c < k; ++c) {
          const double r = p[c] - (c == y ? 1.0 : 0.0);
          expectedGrad.segment(c * (d + 1), d) = r * data.features.row(i).transpose();
          expectedGrad[c * (d + 1) + d] = r;
        }
      }
      expected += 0.5 * l2 * x.squaredNorm();
      expectedGrad += l2 * x;
      const int one[] = {i};
      const double f = model->batchValueAndGradient(x, one, g);
      QVERIFY2(std::abs(f - expected) < 1e-13 * std::max(1.0, std::abs(expected)),
               qPrintable(QString("sample %1: %2 vs %3").arg(i).arg(f).arg(expected)));
      QVERIFY(relativeError(g, expectedGrad) < 1e-13);
    }
  }

  void repeatedIndicesWeighTwice_data() { addModelRows(); }
  void repeatedIndicesWeighTwice() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto model = make(name, params);
    const int n = model->dim();
    std::mt19937_64 rng(53);
    const Vec x = randomPoint(rng, model->domain());
    Vec gi(n), gj(n), g(n);
    const int i = 0, j = static_cast<int>(model->sampleCount()) - 1;
    const int onlyI[] = {i}, onlyJ[] = {j}, twiceI[] = {i, j, i};
    // (2 (f_i + r) + (f_j + r)) / 3 = (2 f_i + f_j) / 3 + r.
    const double fi = model->batchValueAndGradient(x, onlyI, gi);
    const double fj = model->batchValueAndGradient(x, onlyJ, gj);
    const double f = model->batchValueAndGradient(x, twiceI, g);
    QVERIFY(std::abs(f - (2.0 * fi + fj) / 3.0) < 1e-13 * std::max(1.0, std::abs(f)));
    QVERIFY(relativeError(g, (2.0 * gi + gj) / 3.0) < 1e-13);
  }

  void batchRejectsBadIndices_data() { addModelRows(); }
  void batchRejectsBadIndices() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto model = make(name, params);
    Vec g(model->dim());
    const Vec x = Vec::Zero(model->dim());
    const int past[] = {0, static_cast<int>(model->sampleCount())}, negative[] = {-1};
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, model->batchValueAndGradient(x, past, g));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, model->batchValueAndGradient(x, negative, g));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             model->batchValueAndGradient(x, std::span<const int>(), g));
  }

  void startsAtZeroInsideTheDomain_data() { addModelRows(); }
  void startsAtZeroInsideTheDomain() {
    QFETCH(QString, name);
    QFETCH(QVariantMap, params);
    const auto model = make(name, params);
    QCOMPARE(model->defaultStart(5), Vec(Vec::Zero(model->dim())));
    const Box b = model->domain();
    const double half = name == "linear_regression" ? 3.0 : 5.0;
    QCOMPARE(b.lower, Vec(Vec::Constant(model->dim(), -half)));
    QCOMPARE(b.upper, Vec(Vec::Constant(model->dim(), half)));
  }

  void registryEntriesDescribeTheirParameters_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("params");
    QTest::addColumn<int>("dim");
    QTest::addColumn<int>("samples");
    QTest::newRow("linear") << "linear_regression"
                            << "Least-squares regression"
                            << QStringList{"samples", "features", "noise", "l2", "seed"} << 10
                            << 200;
    QTest::newRow("logistic") << "logistic_regression"
                              << "Logistic regression"
                              << QStringList{"samples", "features", "separation", "l2", "seed"} << 3
                              << 200;
    QTest::newRow("softmax") << "softmax_regression"
                             << "Softmax regression"
                             << QStringList{"samples",    "features", "classes",
                                            "separation", "l2",       "seed"}
                             << 9 << 300;
  }
  void registryEntriesDescribeTheirParameters() {
    QFETCH(QString, name);
    QFETCH(QString, title);
    QFETCH(QStringList, params);
    QFETCH(int, dim);
    QFETCH(int, samples);
    const auto entry = entryNamed(name);
    QCOMPARE(QString::fromStdString(entry.name), name);
    QCOMPARE(QString::fromStdString(entry.title), title);
    QVERIFY(!entry.help.empty());
    QStringList names;
    for (const auto& spec : entry.params) {
      names << QString::fromStdString(spec.name);
      QVERIFY2(checkParam(spec, spec.defaultValue).empty(), spec.name.c_str());
      QVERIFY2(!spec.help.empty(), spec.name.c_str());
    }
    QCOMPARE(names, params);
    const auto model = entry.make(ParamValues::defaults(entry.params));
    QCOMPARE(model->dim(), dim);
    QCOMPARE(model->sampleCount(), int64_t{samples});
  }

  void constructorsRejectBadOptionsNamingTheParameter_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("param");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("linear samples") << "linear_regression"
                                    << "samples" << 0.0 << "samples: must be >= 1, got 0";
    QTest::newRow("linear features")
        << "linear_regression"
        << "features" << 20000.0 << "features: must be <= 10000, got 20000";
    QTest::newRow("linear noise") << "linear_regression"
                                  << "noise" << -1.0 << "noise: must be >= 0, got -1";
    QTest::newRow("linear l2") << "linear_regression"
                               << "l2" << -0.5 << "l2: must be >= 0, got -0.5";
    QTest::newRow("logistic separation")
        << "logistic_regression"
        << "separation" << -2.0 << "separation: must be >= 0, got -2";
    QTest::newRow("logistic samples") << "logistic_regression"
                                      << "samples" << -3.0 << "samples: must be >= 1, got -3";
    QTest::newRow("softmax classes") << "softmax_regression"
                                     << "classes" << 1.0 << "classes: must be >= 2, got 1";
    QTest::newRow("softmax l2") << "softmax_regression"
                                << "l2" << 1000.0 << "l2: must be <= 100, got 1000";
  }
  void constructorsRejectBadOptionsNamingTheParameter() {
    QFETCH(QString, name);
    QFETCH(QString, param);
    QFETCH(double, value);
    QFETCH(QString, message);
    try {
      make(name, {{param, value}});
      QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
      QCOMPARE(QString(e.what()), message);
    }
  }

  void constructorsRefuseDataBeyondTheMemoryLimit() {
    // 100000 x 10000 doubles would take 8 GB.
    for (const QString name : {"linear_regression", "logistic_regression", "softmax_regression"}) {
      try {
        make(name, {{"samples", 100000}, {"features", 10000}});
        QFAIL("no exception");
      } catch (const std::invalid_argument& e) {
        QVERIFY2(QString(e.what()).startsWith("features: samples x features must be at most"),
                 e.what());
      }
    }
  }
};

QTEST_APPLESS_MAIN(TestRegressionBatchesAndOptions)
#include "test_regression_batches_and_options.moc"
