// Minibatch gradients: f(x) = (1/N) sum_i 1/2 (x - c_i)^2 in one dimension with c_i = i, so a
// batch's gradient x - mean(c_B) reveals which samples were drawn.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/oracles/problem_oracle.h"
#include "core/run/run.h"

using namespace gradscape;

namespace {

class Centres final : public Objective {
 public:
  explicit Centres(int n) : n_(n) {}
  int dim() const override { return 1; }
  double value(VecCRef x) const override {
    double s = 0.0;
    for (int i = 0; i < n_; ++i) s += 0.5 * (x[0] - i) * (x[0] - i);
    return s / n_;
  }
  void gradient(VecCRef x, VecRef g) const override { g[0] = x[0] - 0.5 * (n_ - 1); }
  Mat hessian(VecCRef) const override { return Mat::Ones(1, 1); }
  Box domain() const override { return {Vec::Constant(1, -1.0), Vec::Constant(1, 1.0)}; }
  int64_t sampleCount() const override { return n_; }
  double batchValueAndGradient(VecCRef x, std::span<const int> batch, VecRef g) const override {
    double f = 0.0, mean = 0.0;
    for (int i : batch) {
      f += 0.5 * (x[0] - i) * (x[0] - i);
      mean += i;
    }
    g[0] = x[0] - mean / static_cast<double>(batch.size());
    return f / static_cast<double>(batch.size());
  }

 private:
  int n_;
};

// The single sample of each of `draws` batches of size 1, read back from the gradient at 0.
std::vector<int> drawnSamples(ProblemOracle& oracle, int draws) {
  std::vector<int> out;
  Vec x = Vec::Zero(1), g(1);
  for (int k = 0; k < draws; ++k) {
    oracle.evaluate(x, g);
    out.push_back(static_cast<int>(std::lround(-g[0])));
  }
  return out;
}

}  // namespace

class TestMinibatchOracle : public QObject {
  Q_OBJECT

 private slots:
  void withoutReplacementEachEpochIsAPermutation() {
    ProblemOracle oracle(std::make_shared<Centres>(20), nullptr, 7, {1, false});
    const auto drawn = drawnSamples(oracle, 60);
    for (int epoch = 0; epoch < 3; ++epoch) {
      std::vector<int> e(drawn.begin() + 20 * epoch, drawn.begin() + 20 * (epoch + 1));
      std::sort(e.begin(), e.end());
      for (int i = 0; i < 20; ++i) QCOMPARE(e[size_t(i)], i);
    }
    // Reshuffled: the second epoch's order differs from the first.
    QVERIFY(!std::equal(drawn.begin(), drawn.begin() + 20, drawn.begin() + 20));
  }

  void lastBatchOfAnEpochMayBeSmaller() {
    // 10 samples in batches of 4: 4, 4, 2, then a new epoch. The batch mean over the short
    // batch is the mean of the two samples left over.
    ProblemOracle oracle(std::make_shared<Centres>(10), nullptr, 3, {4, false});
    Vec x = Vec::Zero(1), g(1);
    double total = 0.0;
    for (int k = 0; k < 2; ++k) {
      oracle.evaluate(x, g);
      total += -g[0] * 4;
    }
    oracle.evaluate(x, g);
    total += -g[0] * 2;
    QVERIFY(std::abs(total - 45.0) < 1e-9);  // 0 + 1 + ... + 9, each sample once
  }

  void withReplacementRepeatsSamples() {
    ProblemOracle oracle(std::make_shared<Centres>(20), nullptr, 7, {1, true});
    const auto drawn = drawnSamples(oracle, 20);
    const std::set<int> distinct(drawn.begin(), drawn.end());
    // 20 uniform draws from 20 samples: a repeat is all but certain (P = 1 - 20!/20^20), and
    // the seed fixes the draws.
    QVERIFY(distinct.size() < drawn.size());
    for (int i : drawn) QVERIFY(i >= 0 && i < 20);
  }

  void drawsAreReproducibleFromTheSeed() {
    ProblemOracle a(std::make_shared<Centres>(50), nullptr, 11, {1, false});
    ProblemOracle b(std::make_shared<Centres>(50), nullptr, 11, {1, false});
    ProblemOracle c(std::make_shared<Centres>(50), nullptr, 12, {1, false});
    const auto da = drawnSamples(a, 50), db = drawnSamples(b, 50), dc = drawnSamples(c, 50);
    QVERIFY(da == db);
    QVERIFY(da != dc);
  }

  void reportedLossIsTheFullLoss() {
    auto f = std::make_shared<Centres>(10);
    ProblemOracle oracle(f, nullptr, 1, {2, false});
    Vec x = Vec::Constant(1, 0.3), g(1);
    QCOMPARE(oracle.evaluate(x, g), f->value(x));
  }

  void rejectsBatchesTheObjectiveCannotServe() {
    auto f = std::make_shared<Centres>(10);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ProblemOracle(f, nullptr, 0, {11, false}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ProblemOracle(f, nullptr, 0, {-1, false}));
    // A plain objective has no samples.
    class Plain final : public Objective {
     public:
      int dim() const override { return 1; }
      double value(VecCRef x) const override { return x[0] * x[0]; }
      void gradient(VecCRef x, VecRef g) const override { g[0] = 2 * x[0]; }
      Mat hessian(VecCRef) const override { return Mat::Constant(1, 1, 2.0); }
      Box domain() const override { return {Vec::Constant(1, -1.0), Vec::Constant(1, 1.0)}; }
    };
    try {
      ProblemOracle o(std::make_shared<Plain>(), nullptr, 0, {2, false});
      QFAIL("expected std::invalid_argument");
    } catch (const std::invalid_argument& e) {
      QVERIFY(QString(e.what()).contains("not a sum over samples"));
    }
  }

  void sgdOnMinibatchesStillReachesTheMean() {
    // SGD with a decaying step on minibatches converges to the minimizer, the mean 4.5.
    RunSpec s;
    s.optimizer = "sgd";
    s.optimizerParams.set("lr", 0.05);
    s.schedule = "inverse_sqrt";
    s.start = Vec::Constant(1, -3.0);
    s.stop.maxIterations = 20000;
    s.stop.gradTol = 0.0;
    s.minibatch = {2, false};
    Run run(std::make_shared<Centres>(10), s);
    run.runToEnd();
    QVERIFY2(std::abs(run.point()[0] - 4.5) < 0.1, qPrintable(QString::number(run.point()[0])));
  }
};

QTEST_APPLESS_MAIN(TestMinibatchOracle)
#include "test_minibatch_oracle.moc"
