#pragma once
// The regression models (linear, logistic, softmax) as the regression suites build them:
// by registry name with some parameters overridden, and data rows covering every model.
#include <QString>
#include <QVariantMap>
#include <QtTest>

#include <memory>

#include "core/objectives/linear_regression.h"
#include "core/objectives/logistic_regression.h"
#include "core/objectives/softmax_regression.h"
#include "support/random_vectors.h"

namespace gradscape::testing {

inline RegistryEntry<Objective> entryNamed(const QString& name) {
  if (name == "linear_regression") return linearRegressionEntry();
  if (name == "logistic_regression") return logisticRegressionEntry();
  return softmaxRegressionEntry();
}

inline std::unique_ptr<Objective> make(const QString& name, const QVariantMap& overrides = {}) {
  const auto entry = entryNamed(name);
  ParamValues p = ParamValues::defaults(entry.params);
  for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
    p.set(it.key().toStdString(), it.value().toDouble());
  }
  return entry.make(p);
}

// Every model with its defaults and with other parameters.
inline void addModelRows() {
  QTest::addColumn<QString>("name");
  QTest::addColumn<QVariantMap>("params");
  QTest::newRow("linear default") << "linear_regression" << QVariantMap{};
  QTest::newRow("linear ridge N<d")
      << "linear_regression"
      << QVariantMap{{"samples", 12}, {"features", 20}, {"noise", 2.0}, {"l2", 0.3}, {"seed", 4}};
  QTest::newRow("logistic default") << "logistic_regression" << QVariantMap{};
  QTest::newRow("logistic d=6 overlapping l2=0")
      << "logistic_regression"
      << QVariantMap{{"samples", 80}, {"features", 6}, {"separation", 0.5}, {"l2", 0.0}};
  QTest::newRow("logistic separated l2=0.5")
      << "logistic_regression"
      << QVariantMap{{"samples", 50}, {"separation", 8.0}, {"l2", 0.5}, {"seed", 9}};
  QTest::newRow("softmax default") << "softmax_regression" << QVariantMap{};
  QTest::newRow("softmax K=5 d=4")
      << "softmax_regression"
      << QVariantMap{
             {"samples", 90}, {"features", 4}, {"classes", 5}, {"separation", 1.5}, {"seed", 3}};
  QTest::newRow("softmax K=2 d=1 l2=0")
      << "softmax_regression"
      << QVariantMap{{"samples", 40}, {"features", 1}, {"classes", 2}, {"l2", 0.0}};
}

}  // namespace gradscape::testing
