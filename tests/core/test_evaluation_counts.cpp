// Evaluation counts (Run::evaluations, Trace::evaluations, the CSV columns) against objectives
// that count their own calls, and a run on a Problem that is no Objective (the generic oracle
// path, the step index t passed through, a missing Hessian refused).
#include <QtTest>

#include <atomic>
#include <memory>
#include <sstream>
#include <vector>

#include "core/export/trace_csv.h"
#include "core/objectives/rosenbrock.h"
#include "core/problem/objective_problem.h"
#include "core/run/run.h"
#include "support/gd_spec.h"

using namespace gradscape;

namespace {

// Rosenbrock that counts every call made of it.
class CountingRosenbrock final : public Objective {
 public:
  int dim() const override { return 2; }
  double value(VecCRef x) const override {
    ++values;
    return f_.value(x);
  }
  void gradient(VecCRef x, VecRef g) const override {
    ++gradients;
    f_.gradient(x, g);
  }
  double valueAndGradient(VecCRef x, VecRef g) const override {
    ++gradients;
    return f_.valueAndGradient(x, g);
  }
  Mat hessian(VecCRef x) const override {
    ++hessians;
    return f_.hessian(x);
  }
  Box domain() const override { return f_.domain(); }

  mutable std::atomic<int64_t> values{0}, gradients{0}, hessians{0};

 private:
  Rosenbrock f_;
};

// f_t(x) = 1/2 ||x||^2 as a Problem of its own (no Objective behind it, no curvature), which
// remembers the step index of every field evaluation.
class RecordingBowl final : public Problem {
 public:
  int dim() const override { return 2; }
  const std::string& title() const override { return title_; }
  double field(VecCRef x, int64_t t, VecRef g) const override {
    steps.push_back(t);
    g = x;
    return 0.5 * x.squaredNorm();
  }
  double value(VecCRef x, int64_t /*t*/) const override { return 0.5 * x.squaredNorm(); }
  bool timeVarying() const override { return true; }
  Box domain() const override { return {Vec::Constant(2, -2.0), Vec::Constant(2, 2.0)}; }
  Vec defaultStart(uint64_t /*seed*/) const override { return Vec::Ones(2); }

  mutable std::vector<int64_t> steps;

 private:
  std::string title_ = "bowl";
};

RunSpec rosenbrockSpec(const std::string& optimizer, double lr, int64_t maxIterations) {
  RunSpec s;
  s.optimizer = optimizer;
  s.optimizerParams.set("lr", lr);
  s.start = Vec(2);
  s.start << -1.5, 2.0;
  s.stop.maxIterations = maxIterations;
  s.stop.gradTol = 0.0;
  return s;
}

}  // namespace

class TestEvaluationCounts : public QObject {
  Q_OBJECT

 private slots:
  void gradientDescentMakesOneFieldEvaluationPerStep() {
    auto f = std::make_shared<CountingRosenbrock>();
    Run run(f, rosenbrockSpec("sgd", 1e-4, 50));
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::MaxIterations);
    QCOMPARE(run.evaluations().field, 50);
    QCOMPARE(run.evaluations().loss, 0);
    QCOMPARE(run.evaluations().hessianProducts, 0);
    // The objective saw one more: the final row's exact valuation, which the run does not count.
    QCOMPARE(f->gradients.load(), 51);
    // Row k holds the cost of reaching x_k: k evaluations, the final row (x_50) 50.
    QCOMPARE(run.trace().size(), 51);
    for (int64_t r = 0; r < run.trace().size(); ++r) {
      QCOMPARE(run.trace().evaluations(r).field, run.trace().iteration(r));
    }
  }

  void lbfgsCountsItsLineSearchEvaluations() {
    auto f = std::make_shared<CountingRosenbrock>();
    RunSpec spec = rosenbrockSpec("lbfgs", 1.0, 8);
    spec.optimizerParams.set("line_search", 2);  // strong Wolfe
    Run run(f, spec);
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::MaxIterations);
    // Every call the objective saw, less the final row's valuation.
    QCOMPARE(run.evaluations().field, f->gradients.load() - 1);
    QCOMPARE(run.evaluations().loss, f->values.load());
    // The line search evaluated more than once in some step.
    QVERIFY2(run.evaluations().field > 8, qPrintable(QString::number(run.evaluations().field)));
  }

  void newtonCountsItsHessiansAsDimProducts() {
    auto f = std::make_shared<CountingRosenbrock>();
    Run run(f, rosenbrockSpec("newton", 0.5, 6));
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::MaxIterations);
    QCOMPARE(f->hessians.load(), 6);
    QCOMPARE(run.evaluations().hessianProducts, 2 * 6);  // a 2 x 2 Hessian = 2 products
    QCOMPARE(run.evaluations().field, 6);
    QCOMPARE(run.trace().evaluations(run.trace().size() - 1).hessianProducts, 12);
  }

  void explainingTheNextStepCountsNothing() {
    auto f = std::make_shared<CountingRosenbrock>();
    RunSpec spec = rosenbrockSpec("lbfgs", 1.0, 8);
    spec.optimizerParams.set("line_search", 2);
    Run run(f, spec);
    QVERIFY(run.step());
    const EvaluationCounts before = run.evaluations();
    run.explainNextStep();
    QVERIFY(run.evaluations() == before);
    QVERIFY(f->gradients.load() > before.field);  // the explanation did evaluate
  }

  void csvHasTheCountsOfEveryRow() {
    Run run(std::make_shared<Rosenbrock>(), rosenbrockSpec("sgd", 1e-4, 3));
    run.runToEnd();
    std::ostringstream out;
    writeTraceCsv(run.trace(), out);
    std::istringstream in(out.str());
    std::string line;
    std::getline(in, line);
    QCOMPARE(line, std::string("iteration,x0,x1,loss,grad_norm,step_norm,lr,field_evals,"
                               "loss_evals,hessian_products"));
    for (int k = 0; k <= 3; ++k) {
      QVERIFY(std::getline(in, line));
      std::ostringstream want;
      want << ',' << k << ",0,0";
      const std::string tail = want.str();
      QVERIFY2(line.size() > tail.size() && line.ends_with(tail), line.c_str());
    }
  }

  void aProblemThatIsNoObjectiveRunsAndSeesTheStepIndex() {
    auto bowl = std::make_shared<RecordingBowl>();
    Run run(bowl, gradscape::testing::gdSpec(0.25, Vec::Ones(2), 5));
    run.runToEnd();
    QCOMPARE(run.status(), RunStatus::MaxIterations);
    // x_k = (1 - lr)^k x_0.
    QCOMPARE(run.point()[0], std::pow(0.75, 5));
    QCOMPARE(run.evaluations().field, 5);
    // Steps 0..4 through the oracle, then the final row's valuation at step 5.
    QCOMPARE(bowl->steps, (std::vector<int64_t>{0, 1, 2, 3, 4, 5}));
    QCOMPARE(run.problem().title(), std::string("bowl"));
  }

  void methodsNeedingAHessianRefuseAProblemWithout() {
    auto bowl = std::make_shared<RecordingBowl>();
    RunSpec newton = gradscape::testing::gdSpec(1.0, Vec::Ones(2), 5);
    newton.optimizer = "newton";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Run(bowl, newton));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Run(bowl, gradscape::testing::gdSpec(0.1, Vec::Ones(2), 5, 1)));
  }

  void aFixedLossProblemForwardsToItsObjective() {
    auto f = std::make_shared<Rosenbrock>();
    const ObjectiveProblem p(f, "Rosenbrock");
    const Vec x = Vec::Constant(2, 0.5);
    Vec g(2), want(2);
    QCOMPARE(p.field(x, 7, g), f->valueAndGradient(x, want));
    QCOMPARE(g, want);
    QCOMPARE(p.hessian(x, 3), f->hessian(x));
    Vec jv(2);
    p.jacobianVectorProduct(x, 0, Vec::Ones(2), jv);
    QCOMPARE(jv, Vec(f->hessian(x) * Vec::Ones(2)));
    QCOMPARE(p.objective(), f.get());
    QCOMPARE(p.solutions().size(), f->minimizers().size());
  }
};

QTEST_APPLESS_MAIN(TestEvaluationCounts)
#include "test_evaluation_counts.moc"
