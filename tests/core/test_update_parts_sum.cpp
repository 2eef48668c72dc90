// Optimizer::explain for every optimizer in the registry and the variants its options switch on
// (momentum, Nesterov, weight decay coupled and decoupled, AMSGrad, centering, line searches,
// clipping): over several steps on 2-D Rosenbrock and a 6-D chained Rosenbrock, the parts sum
// to the step that step() then takes from the same state, and explaining changes nothing.
#include <QtTest>

#include <algorithm>
#include <cfloat>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/objectives/rosenbrock.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/problem_oracle.h"
#include "support/optimizer_checks.h"

using namespace gradscape;
using namespace gradscape::testing;

namespace {

// f = sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2: N-D, non-quadratic, with negative curvature
// away from the valley (so Newton modifies its spectrum).
class ChainedRosenbrock final : public GradientOracle {
 public:
  explicit ChainedRosenbrock(int n) : n_(n) {}
  int dim() const override { return n_; }
  double evaluate(VecCRef x, VecRef g) override {
    g.setZero();
    for (int i = 0; i + 1 < n_; ++i) {
      const double r = x[i + 1] - x[i] * x[i];
      g[i] += -400.0 * x[i] * r - 2.0 * (1.0 - x[i]);
      g[i + 1] += 200.0 * r;
    }
    return loss(x);
  }
  double loss(VecCRef x) override {
    double f = 0.0;
    for (int i = 0; i + 1 < n_; ++i) {
      const double r = x[i + 1] - x[i] * x[i];
      f += 100.0 * r * r + (1.0 - x[i]) * (1.0 - x[i]);
    }
    return f;
  }
  bool hessian(VecCRef x, Mat& h) override {
    h = Mat::Zero(n_, n_);
    for (int i = 0; i + 1 < n_; ++i) {
      h(i, i) += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
      h(i, i + 1) += -400.0 * x[i];
      h(i + 1, i) += -400.0 * x[i];
      h(i + 1, i + 1) += 200.0;
    }
    return true;
  }

 private:
  int n_;
};

// "name key=value key=value ..." -> the optimizer its registry entry builds.
std::unique_ptr<Optimizer> build(const QString& spec) {
  const QStringList words = spec.split(' ', Qt::SkipEmptyParts);
  const auto* e = optimizerRegistry().find(words.front().toStdString());
  if (!e) throw std::logic_error("no optimizer " + words.front().toStdString());
  ParamValues p = ParamValues::defaults(e->params);
  for (qsizetype i = 1; i < words.size(); ++i) {
    const QStringList kv = words[i].split('=');
    if (!findParam(e->params, kv[0].toStdString())) {
      throw std::logic_error("no parameter " + kv[0].toStdString());
    }
    p.set(kv[0].toStdString(), kv[1].toDouble());
  }
  return e->make(p);
}

double learningRate(const QString& spec) {
  const auto* e = optimizerRegistry().find(spec.split(' ').front().toStdString());
  ParamValues p = ParamValues::defaults(e->params);
  for (const QString& w : spec.split(' ', Qt::SkipEmptyParts)) {
    if (w.startsWith("lr=")) return w.mid(3).toDouble();
  }
  return p.get("lr");
}

Vec repeat(int n, double a, double b) {
  Vec x(n);
  for (int i = 0; i < n; ++i) x[i] = i % 2 == 0 ? a : b;
  return x;
}

}  // namespace

class TestUpdatePartsSum : public QObject {
  Q_OBJECT

 private slots:
  void partsSumToTheStepStepTakes_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("clip");  // Clipping::Mode
    // Every registry optimizer with its defaults...
    for (const auto& e : optimizerRegistry().entries()) {
      QTest::newRow(e.name.c_str()) << QString::fromStdString(e.name) << 0;
    }
    // ...and the branches their options switch on.
    const char* variants[] = {
        "sgd weight_decay=0.1",
        "sgd momentum=0.9",
        "sgd momentum=0.5 dampening=0.5 weight_decay=0.1",
        "sgd momentum=0.9 nesterov=1 weight_decay=0.1",
        "heavy_ball beta=0.5",
        "adam weight_decay=0.1",
        "adam amsgrad=1 beta2=0.5",
        "adamw weight_decay=0.5",
        "adamw amsgrad=1 weight_decay=0.1",
        "amsgrad beta2=0.5 weight_decay=0.1",
        "adamax weight_decay=0.1",
        "nadam weight_decay=0.1",
        "nadam weight_decay=0.1 decoupled_weight_decay=1",
        "radam weight_decay=0.1",
        "radam weight_decay=0.1 decoupled_weight_decay=1 beta2=0.9",
        "adagrad weight_decay=0.1 lr_decay=0.1 initial_accumulator_value=0.1",
        "rmsprop weight_decay=0.1",
        "rmsprop momentum=0.9 centered=1 weight_decay=0.1",
        "adadelta weight_decay=0.1",
        "adabelief weight_decay=0.1",
        "adabelief weight_decay=0.1 weight_decouple=0 amsgrad=1",
        "adabound weight_decay=0.1 amsbound=1 lr=0.01 final_lr=0.05",
        "lion weight_decay=0.1",
        "newton lambda=0 indefinite=1",
        "lbfgs line_search=1",
        "lbfgs line_search=2 history_size=2",
    };
    for (const char* v : variants) QTest::newRow(v) << QString(v) << 0;
    // Clipping, by norm and by value, on methods linear and not linear in g.
    const char* clipped[] = {"sgd momentum=0.9", "adam",   "adamw weight_decay=0.1",
                             "rmsprop",          "newton", "lbfgs line_search=2"};
    for (const char* v : clipped) {
      QTest::newRow(qPrintable(QString(v) + " clip=norm"))
          << QString(v) << static_cast<int>(Clipping::Mode::Norm);
      QTest::newRow(qPrintable(QString(v) + " clip=value"))
          << QString(v) << static_cast<int>(Clipping::Mode::Value);
    }
  }

  void partsSumToTheStepStepTakes() {
    QFETCH(QString, spec);
    QFETCH(int, clip);
    Clipping clipping;
    clipping.mode = static_cast<Clipping::Mode>(clip);
    clipping.threshold = 5.0;
    const double lr = learningRate(spec);
    ProblemOracle rosenbrock(std::make_shared<Rosenbrock>());
    ChainedRosenbrock chained(6);
    struct Problem {
      GradientOracle& oracle;
      Vec x0;
    };
    for (const Problem& problem :
         {Problem{rosenbrock, vec2(-0.5, 1.0)}, Problem{chained, repeat(6, -1.2, 1.0)}}) {
      auto opt = build(spec);
      opt->setClipping(clipping);
      Vec x = problem.x0;
      opt->reset(static_cast<int>(x.size()));
      bool clipped = false;
      for (int k = 1; k <= 10; ++k) {
        const UpdateParts parts = opt->explain(problem.oracle, x, lr);
        const Vec before = x;
        opt->step(problem.oracle, x, lr);
        QVERIFY2(x.allFinite(), qPrintable(QString("step %1 left the finite numbers").arg(k)));
        const Vec actual = x - before;
        // Within 1e-12 of the largest term, plus the rounding of x_k and x_{k+1} themselves.
        double scale = actual.norm();
        for (const UpdatePart& p : parts.parts) {
          QCOMPARE(p.vector.size(), x.size());
          scale = std::max(scale, p.vector.norm());
        }
        const double tol = 1e-12 * scale + 4.0 * DBL_EPSILON * std::max(x.norm(), before.norm());
        const QString where = QString("step %1 in %2 dimensions").arg(k).arg(x.size());
        QVERIFY2((parts.sum() - actual).norm() <= tol,
                 qPrintable(where + ": parts sum to " + coordinates(parts.sum()) +
                            ", step() moved by " + coordinates(actual)));
        const UpdateQuantity* step = parts.quantity("step");
        QVERIFY(step);
        QVERIFY2((step->value - actual).norm() <= tol, qPrintable(where + ": quantity step"));
        clipped = clipped || parts.removedByClipping.size() > 0;
      }
      // Rosenbrock's gradients there are longer than 5: clipping acts, and is reported.
      QCOMPARE(clipped, clipping.mode != Clipping::Mode::None);
    }
  }

  void explainingLeavesTheOptimizerAsItWas_data() { partsSumToTheStepStepTakes_data(); }

  void explainingLeavesTheOptimizerAsItWas() {
    QFETCH(QString, spec);
    QFETCH(int, clip);
    Clipping clipping;
    clipping.mode = static_cast<Clipping::Mode>(clip);
    clipping.threshold = 5.0;
    const double lr = learningRate(spec);
    ChainedRosenbrock oracle(6);
    auto explained = build(spec), plain = build(spec);
    explained->setClipping(clipping);
    plain->setClipping(clipping);
    Vec x = repeat(6, -1.2, 1.0), y = x;
    explained->reset(6);
    plain->reset(6);
    for (int k = 1; k <= 10; ++k) {
      explained->explain(oracle, x, lr);
      explained->explain(oracle, x, lr);  // twice: the first left nothing behind either
      explained->step(oracle, x, lr);
      plain->step(oracle, y, lr);
      QVERIFY2(x == y,
               qPrintable(QString("step %1: %2 vs %3").arg(k).arg(coordinates(x), coordinates(y))));
    }
  }

  void everyPartAndQuantityIsNamedAndLabelled() {
    ChainedRosenbrock oracle(6);
    for (const auto& e : optimizerRegistry().entries()) {
      auto opt = e.make(ParamValues::defaults(e.params));
      Vec x = repeat(6, -1.2, 1.0);
      opt->reset(6);
      const UpdateParts parts = opt->explain(oracle, x, 1e-3);
      QVERIFY2(!parts.formula.empty(), e.name.c_str());
      QVERIFY2(!parts.parts.empty(), e.name.c_str());
      for (const UpdatePart& p : parts.parts) {
        QVERIFY2(!p.name.empty() && !p.label.empty(), e.name.c_str());
      }
      for (const UpdateQuantity& q : parts.quantities) {
        QVERIFY2(!q.name.empty() && !q.label.empty(), e.name.c_str());
        QCOMPARE(q.value.size(), q.scalar ? Eigen::Index{1} : Eigen::Index{6});
      }
    }
  }
};

QTEST_APPLESS_MAIN(TestUpdatePartsSum)
#include "test_update_parts_sum.moc"
