// A run that diverges at its start still reports the start: its row carries x_0, f(x_0),
// ||g(x_0)|| and the learning rate whenever f(x_0) is finite, and the final loss and gradient
// norm are those of x_0. Curvature samples go with recorded rows only, and a Hessian with
// non-finite entries gives no sample rather than NaN.
#include <QtTest>

#include <cmath>
#include <sstream>

#include "core/export/trace_csv.h"
#include "core/objectives/rosenbrock.h"
#include "core/run/run.h"
#include "support/gd_spec.h"
#include "support/quadratic_objective.h"

using namespace gradscape;
using gradscape::testing::gdSpec;
using gradscape::testing::QuadraticObjective;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// f(x, y) = |x|^p + y^2 / 2. At x = 0: for p = 1/2 the gradient's x component is +inf (the
// one-sided derivative) while f is finite; for p = 3/2 the gradient is 0 but the Hessian's
// (0, 0) entry p (p - 1) |x|^(p - 2) is infinite.
class PowerCusp final : public Objective {
 public:
  explicit PowerCusp(double p) : p_(p) {}
  int dim() const override { return 2; }
  double value(VecCRef x) const override {
    return std::pow(std::abs(x[0]), p_) + 0.5 * x[1] * x[1];
  }
  void gradient(VecCRef x, VecRef g) const override {
    g[0] = p_ * std::pow(std::abs(x[0]), p_ - 1.0) * std::copysign(1.0, x[0]);
    g[1] = x[1];
  }
  Mat hessian(VecCRef x) const override {
    Mat h = Mat::Identity(2, 2);
    h(0, 0) = p_ * (p_ - 1.0) * std::pow(std::abs(x[0]), p_ - 2.0);
    return h;
  }
  Box domain() const override { return {Vec::Constant(2, -1.0), Vec::Constant(2, 1.0)}; }

 private:
  double p_;
};

Vec point(double x, double y) {
  Vec p(2);
  p << x, y;
  return p;
}

std::string csv(const Run& run) {
  std::ostringstream out;
  writeTraceCsv(run.trace(), out);
  return out.str();
}

bool near(double value, double expected) {
  return std::abs(value - expected) <= 1e-14 * std::abs(expected);
}

}  // namespace

class TestRunStartRow : public QObject {
  Q_OBJECT

 private slots:
  void aNonFiniteGradientAtTheStartKeepsTheStartRow() {
    // f(0, 2) = 0 + 2 = 2, g(0, 2) = (inf, 2): diverged at step 0, with the start's values.
    Run run(std::make_shared<PowerCusp>(0.5), gdSpec(0.1, point(0.0, 2.0), 100));
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::Diverged);
    QCOMPARE(run.divergedAt(), 0);
    const Trace& t = run.trace();
    QCOMPARE(t.size(), 1);
    QCOMPARE(t.iteration(0), 0);
    QCOMPARE(t.point(0)[0], 0.0);
    QCOMPARE(t.point(0)[1], 2.0);
    QCOMPARE(t.loss(0), 2.0);
    QCOMPARE(t.gradNorm(0), kInf);
    QCOMPARE(t.stepNorm(0), 0.0);
    QCOMPARE(t.lr(0), 0.1);
    QCOMPARE(run.finalLoss(), 2.0);
    QCOMPARE(run.finalGradNorm(), kInf);
    QCOMPARE(run.point()[1], 2.0);
  }

  void aStartBeyondTheBoundKeepsTheStartRowAndItsLearningRate() {
    // Rosenbrock at (1e60, 1e60): f = 100 (y - x^2)^2 = 1e242 > the default bound 1e10, and
    // ||g|| = 400 x |y - x^2| = 4e182. Warmup from factor 0.2 gives lr_0 = 0.1 * 0.2 = 0.02.
    RunSpec s = gdSpec(0.1, point(1e60, 1e60), 100);
    s.warmupSteps = 4;
    s.warmupStartFactor = 0.2;
    Run run(std::make_shared<Rosenbrock>(), s);
    run.runToEnd();
    QCOMPARE(run.statusText(), std::string("diverged at step 0"));
    QCOMPARE(run.trace().size(), 1);
    QVERIFY(near(run.trace().loss(0), 1e242));
    QVERIFY(near(run.trace().gradNorm(0), 4e182));
    QVERIFY(near(run.trace().lr(0), 0.02));
    QVERIFY(near(run.finalLoss(), 1e242));
    QVERIFY(near(run.finalGradNorm(), 4e182));
  }

  void curvatureAtADivergedStartIsRecordedWithItsRow() {
    // The Hessian at (1e60, 1e60) is [[2 - 400 y + 1200 x^2, -400 x], [-400 x, 200]]: its top
    // eigenvalue is 1200 x^2 = 1.2e123 (the off-diagonal shifts it by 1.3e2, far below ulp).
    Run run(std::make_shared<Rosenbrock>(), gdSpec(0.1, point(1e60, 1e60), 100, 1));
    run.runToEnd();
    QCOMPARE(run.trace().size(), 1);
    QCOMPARE(run.trace().curvature().size(), size_t{1});
    QCOMPARE(run.trace().curvature()[0].iteration, 0);
    QVERIFY(near(run.trace().curvature()[0].top, 1.2e123));
    // The CSV row has every value: iteration, x, loss, |g|, step, lr, the evaluation counts
    // (none: the start costs nothing to reach), top, bottom (no trace).
    const QStringList lines = QString::fromStdString(csv(run)).trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QStringList cells = lines[1].split(',');
    QCOMPARE(cells.size(), 13);
    QCOMPARE(cells.mid(0, 3).join(','), QString("0,1e+60,1e+60"));
    QVERIFY(near(cells[3].toDouble(), 1e242));
    QVERIFY(near(cells[4].toDouble(), 4e182));
    QCOMPARE(cells.mid(5, 5).join(','), QString("0,0.1,0,0,0"));
    QVERIFY(near(cells[10].toDouble(), 1.2e123));
    QVERIFY(std::isfinite(cells[11].toDouble()) && !cells[11].isEmpty());
    QVERIFY(cells[12].isEmpty());
  }

  void aNonFiniteHessianGivesNoSampleRatherThanNaN() {
    // Diverged at the start with a Hessian entry -inf: the row, and no curvature columns.
    Run diverged(std::make_shared<PowerCusp>(0.5), gdSpec(0.1, point(0.0, 2.0), 100, 1));
    diverged.runToEnd();
    QCOMPARE(csv(diverged),
             std::string("iteration,x0,x1,loss,grad_norm,step_norm,lr,field_evals,loss_evals,"
                         "hessian_products\n"
                         "0,0,2,2,inf,0,0.1,0,0,0\n"));
    // |x|^(3/2) at x = 0: g = (0, y) is finite, the Hessian entry +inf at every iterate (x
    // stays 0; y_k = 2 * 0.9^k). Every sample is missing; every row is there.
    Run flat(std::make_shared<PowerCusp>(1.5), gdSpec(0.1, point(0.0, 2.0), 3, 1));
    flat.runToEnd();
    QCOMPARE(flat.status(), RunStatus::MaxIterations);
    QCOMPARE(flat.trace().size(), 4);
    QVERIFY(flat.trace().curvature().empty());
    QVERIFY(near(flat.trace().point(3)[1], 2.0 * 0.9 * 0.9 * 0.9));
    QVERIFY(!QString::fromStdString(csv(flat)).contains("nan"));
  }

  void divergenceLaterRecordsNoSampleBeyondTheLastRow() {
    // f = 1/2 (x^2 + 4 y^2), lr = 1: y_k = (-3)^k, f(x_k) = 2 * 9^k first exceeds 1e10 at
    // k = 11. Samples at 0..10, like the rows; none at the diverged iterate 11.
    Vec c(2);
    c << 1.0, 4.0;
    Run run(std::make_shared<QuadraticObjective>(c), gdSpec(1.0, Vec::Ones(2), 1000, 1));
    run.runToEnd();
    QCOMPARE(run.divergedAt(), 11);
    const Trace& t = run.trace();
    QCOMPARE(t.iteration(t.size() - 1), 10);
    QCOMPARE(t.curvature().size(), size_t{11});
    QCOMPARE(t.curvature().back().iteration, 10);
    QCOMPARE(t.curvature().back().top, 4.0);
  }
};

QTEST_APPLESS_MAIN(TestRunStartRow)
#include "test_run_start_row.moc"
