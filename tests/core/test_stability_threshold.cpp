// The stability thresholds checked by simulation: on f = 1/2 (x^2 + kappa y^2) each method
// converges when lr * kappa sits just below its threshold and diverges just above it.
#include <QtTest>

#include <cmath>

#include "core/analysis/stability_threshold.h"
#include "core/run/run.h"
#include "support/quadratic_objective.h"

using namespace gradscape;
using gradscape::testing::QuadraticObjective;

namespace {

constexpr double kKappa = 10.0;

RunSpec spec(const QString& optimizer, const QVariantMap& params) {
  RunSpec s;
  s.optimizer = optimizer.toStdString();
  for (auto it = params.cbegin(); it != params.cend(); ++it) {
    s.optimizerParams.set(it.key().toStdString(), it.value().toDouble());
  }
  s.start = Vec::Ones(2);
  s.stop.maxIterations = 4000;
  s.stop.gradTol = 0.0;
  s.stop.divergenceBound = 1e6;
  return s;
}

// Runs the method at lr = factor * threshold-lr, where lr * (kappa + wd) meets the threshold.
RunStatus runAt(const QString& optimizer, QVariantMap params, double factor) {
  params["lr"] = 1.0;
  const auto t =
      stabilityThreshold(optimizer.toStdString(), spec(optimizer, params).optimizerParams);
  if (!t) return RunStatus::Running;
  // threshold(lr) = kappa  <=>  constant / lr - shift = kappa.
  params["lr"] = factor * t->constant / (kKappa + t->shift);
  Vec c(2);
  c << 1.0, kKappa;
  Run run(std::make_shared<QuadraticObjective>(c), spec(optimizer, params));
  run.runToEnd();
  return run.status();
}

}  // namespace

class TestStabilityThreshold : public QObject {
  Q_OBJECT

 private slots:
  void thresholdsSeparateConvergenceFromDivergence_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QVariantMap>("params");
    QTest::newRow("gd") << "sgd" << QVariantMap{};
    QTest::newRow("gd weight decay") << "sgd" << QVariantMap{{"weight_decay", 2.0}};
    QTest::newRow("momentum 0.9") << "sgd" << QVariantMap{{"momentum", 0.9}};
    QTest::newRow("momentum 0.5 dampening 0.5")
        << "sgd" << QVariantMap{{"momentum", 0.5}, {"dampening", 0.5}};
    QTest::newRow("nesterov 0.9") << "sgd" << QVariantMap{{"momentum", 0.9}, {"nesterov", 1.0}};
    QTest::newRow("heavy ball 0.7") << "heavy_ball" << QVariantMap{{"beta", 0.7}};
  }
  void thresholdsSeparateConvergenceFromDivergence() {
    QFETCH(QString, optimizer);
    QFETCH(QVariantMap, params);
    QCOMPARE(runAt(optimizer, params, 0.98), RunStatus::MaxIterations);
    QCOMPARE(runAt(optimizer, params, 1.02), RunStatus::Diverged);
  }

  void formulasMatchTheClosedForms() {
    ParamValues p;
    p.set("lr", 0.1);
    QCOMPARE(stabilityThreshold("sgd", p)->at(0.1), 20.0);
    p.set("momentum", 0.9);
    QVERIFY(std::abs(stabilityThreshold("sgd", p)->at(0.1) - 38.0) < 1e-12);
    p.set("nesterov", 1.0);
    QVERIFY(std::abs(stabilityThreshold("sgd", p)->at(0.1) - 3.8 / 2.8 * 10.0) < 1e-12);
    ParamValues hb;
    hb.set("beta", 0.5);
    QCOMPARE(stabilityThreshold("heavy_ball", hb)->at(0.5), 6.0);
  }

  void adaptiveMethodsHaveNone() {
    ParamValues p;
    p.set("lr", 0.1);
    QVERIFY(!stabilityThreshold("adam", p));
    QVERIFY(!stabilityThreshold("newton", p));
    QVERIFY(!stabilityThreshold("rmsprop", p));
  }
};

QTEST_APPLESS_MAIN(TestStabilityThreshold)
#include "test_stability_threshold.moc"
