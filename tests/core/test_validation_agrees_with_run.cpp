// What parseScenario accepts, Run accepts: every optimizer on every objective (at default
// parameters and with large dimensions) either is refused with a path, or builds its runs.
// Newton beyond 2000 dimensions and a start beyond the divergence bound are refused while
// parsing. makeObjective hands out one instance for equal specs.
#include <QElapsedTimer>
#include <QtTest>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/objectives/objective_registry.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/scenario/scenario_json.h"

using namespace gradscape;
using nlohmann::json;

namespace {

struct Refusal {
  bool thrown = false;
  std::string what, path, message;
};

Refusal parsed(const std::string& text, Scenario* out = nullptr) {
  try {
    Scenario s = parseScenario(text);
    if (out) *out = std::move(s);
  } catch (const ScenarioError& e) {
    return {true, e.what(), e.path(), e.message()};
  }
  return {};
}

std::string scenarioText(const json& objective, const std::string& optimizer) {
  return json{{"objective", objective}, {"runs", {{{"optimizer", optimizer}}}}}.dump();
}

// Parses {objective, runs: [optimizer]}; when accepted, builds its runs and takes one step.
// Returns the refusal ("" when accepted); fails the test when Run disagrees.
std::string parseThenRun(const json& objective, const std::string& optimizer, bool step) {
  Scenario s;
  const Refusal r = parsed(scenarioText(objective, optimizer), &s);
  if (r.thrown) return r.what;
  std::vector<std::unique_ptr<Run>> runs;
  try {
    runs = makeRuns(s, 64);
  } catch (const std::exception& e) {
    return std::string("ACCEPTED BUT makeRuns THREW: ") + e.what();
  }
  if (runs.size() != 1) return "ACCEPTED BUT makeRuns MADE " + std::to_string(runs.size());
  if (step && !runs[0]->step()) return "ACCEPTED BUT THE RUN ENDED BEFORE ITS FIRST STEP";
  return "";
}

bool formsHessian(const std::string& optimizer) {
  const auto* entry = optimizerRegistry().find(optimizer);
  return entry->make(ParamValues::defaults(entry->params))->usesHessian();
}

// Objectives given more than 2000 dimensions, with their dimension.
struct Large {
  const char* name;
  json objective;
  int dim;
};
std::vector<Large> largeObjectives() {
  return {
      {"spectrum 3000", {{"type", "spectrum_quadratic"}, {"dim", 3000}}, 3000},
      {"spectrum 2001", {{"type", "spectrum_quadratic"}, {"dim", 2001}}, 2001},
      {"linear 3000 features", {{"type", "linear_regression"}, {"features", 3000}}, 3000},
      {"logistic 3000 features", {{"type", "logistic_regression"}, {"features", 3000}}, 3001},
      // K (d + 1) weights: 3 x 1001.
      {"softmax 1000 features",
       {{"type", "softmax_regression"}, {"features", 1000}, {"classes", 3}},
       3003},
      // (3 + classes) width + classes: moons has 2 classes.
      {"mlp width 1024", {{"type", "mlp"}, {"width", 1024}}, 5122},
      // n k entries of the factor X.
      {"matrix sensing 200 x 200",
       {{"type", "matrix_sensing"}, {"size", 200}, {"width", 200}},
       40000},
  };
}

}  // namespace

class TestValidationAgreesWithRun : public QObject {
  Q_OBJECT

 private slots:
  void onlyNewtonFormsTheDenseHessian() {
    std::set<std::string> users;
    for (const auto& e : optimizerRegistry().entries()) {
      if (formsHessian(e.name)) users.insert(e.name);
    }
    QCOMPARE(users, std::set<std::string>{"newton"});
  }

  void everyOptimizerOnEveryObjectiveAtDefaultsRuns() {
    QElapsedTimer timer;
    timer.start();
    int combinations = 0;
    for (const auto& objective : objectiveRegistry().entries()) {
      for (const auto& optimizer : optimizerRegistry().entries()) {
        const std::string outcome = parseThenRun(objective.name, optimizer.name, true);
        // At default parameters nothing is refused: every objective's default start is inside
        // the default bound, and every objective is at most 2000-dimensional.
        QVERIFY2(outcome.empty(), qPrintable(QString::fromStdString(
                                      objective.name + " + " + optimizer.name + ": " + outcome)));
        ++combinations;
      }
    }
    QCOMPARE(combinations, 24 * 16);
    qInfo("%d combinations in %lld ms", combinations, static_cast<long long>(timer.elapsed()));
  }

  void largeObjectivesRunOrRefuseNewtonNamingTheLimit_data() {
    QTest::addColumn<QString>("objective");
    QTest::addColumn<int>("dim");
    for (const auto& l : largeObjectives()) {
      QTest::newRow(l.name) << QString::fromStdString(l.objective.dump()) << l.dim;
    }
  }
  void largeObjectivesRunOrRefuseNewtonNamingTheLimit() {
    QFETCH(QString, objective);
    QFETCH(int, dim);
    const json spec = json::parse(objective.toStdString());
    Scenario withSgd;
    QCOMPARE(parsed(scenarioText(spec, "sgd"), &withSgd).what, std::string());
    QCOMPARE(static_cast<int>(withSgd.start.size()), dim);  // the hand-worked dimension
    for (const auto& optimizer : optimizerRegistry().entries()) {
      if (optimizer.name == "newton") {
        const Refusal r = parsed(scenarioText(spec, optimizer.name));
        QVERIFY2(r.thrown, "Newton accepted beyond 2000 dimensions");
        QCOMPARE(r.path, std::string("runs[0].optimizer.type"));
        QVERIFY2(r.message.find("2000") != std::string::npos, r.what.c_str());
        QVERIFY2(r.message.find(std::to_string(dim)) != std::string::npos, r.what.c_str());
        continue;
      }
      // Accepted, so its run builds and steps (one step is cheap even in 40000 dimensions).
      const std::string outcome = parseThenRun(spec, optimizer.name, true);
      QVERIFY2(outcome.empty(),
               qPrintable(QString::fromStdString(optimizer.name + ": " + outcome)));
    }
  }

  void newtonAtExactly2000DimensionsIsAcceptedAndRuns() {
    const json spec = {{"type", "spectrum_quadratic"}, {"dim", 2000}, {"rotate", false}};
    QCOMPARE(parseThenRun(spec, "newton", false), std::string());
  }

  void startBeyondTheDivergenceBoundIsRefused_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("what");
    QTest::newRow("coordinate past the default 1e10")
        << R"({"objective": "rosenbrock", "start": [1e11, 0], "runs": [{"optimizer": "sgd"}]})"
        << "start[0]"
        << "coordinate";
    QTest::newRow("negative coordinate")
        << R"({"objective": "rosenbrock", "start": [0, -2e10], "runs": [{"optimizer": "sgd"}]})"
        << "start[1]"
        << "coordinate";
    // f(1000, 1000) = 999^2 + 100 (1000 - 10^6)^2 ~ 1e14 > 1e6, both coordinates inside.
    QTest::newRow("loss past the bound") << R"({"objective": "rosenbrock", "start": [1000, 1000],
               "stop": {"divergence_bound": 1e6}, "runs": [{"optimizer": "sgd"}]})"
                                         << "start"
                                         << "loss";
    QTest::newRow("a run's own start")
        << R"({"objective": "rosenbrock", "runs": [{"optimizer": "sgd"},
                                                   {"optimizer": "sgd", "start": [1e11, 0]}]})"
        << "runs[1].start[0]"
        << "coordinate";
    // f(50, 0) = 49^2 + 100 (0 - 2500)^2 = 625002401 > 100: the run's own bound applies.
    QTest::newRow("a run's own bound") << R"({"objective": "rosenbrock", "start": [50, 0],
               "runs": [{"optimizer": "sgd", "stop": {"divergence_bound": 100}}]})"
                                       << "start"
                                       << "loss";
  }
  void startBeyondTheDivergenceBoundIsRefused() {
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QString, what);
    const Refusal r = parsed(text.toStdString());
    QVERIFY(r.thrown);
    QCOMPARE(QString::fromStdString(r.path), path);
    QVERIFY2(r.message.find("divergence bound") != std::string::npos, r.what.c_str());
    QVERIFY2(QString::fromStdString(r.message).contains(what), r.what.c_str());
  }

  void startInsideTheBoundIsAccepted() {
    // 1e10 itself is inside (the bound is inclusive); on the saddle x^2 - y^2 the loss at
    // (1e5, 0) is exactly 1e10.
    QVERIFY(!parsed(R"({"objective": "saddle", "start": [1e5, 0],
                        "runs": [{"optimizer": "sgd"}]})")
                 .thrown);
    QVERIFY(parsed(R"({"objective": "saddle", "start": [1.00001e5, 0],
                       "runs": [{"optimizer": "sgd"}]})")
                .thrown);
  }

  void makeObjectiveSharesOneInstancePerSpec() {
    const ObjectiveSpec plain{"rosenbrock", {}};
    const auto a = makeObjective(plain);
    const auto b = makeObjective(plain);
    QVERIFY(a);
    QCOMPARE(a.get(), b.get());
    // Spelling out a default value is the same spec.
    ParamValues explicitDefault;
    explicitDefault.set("b", 100.0);
    QCOMPARE(makeObjective({"rosenbrock", explicitDefault}).get(), a.get());
    ParamValues steeper;
    steeper.set("b", 50.0);
    const auto c = makeObjective({"rosenbrock", steeper});
    QVERIFY(c.get() != a.get());
    QCOMPARE(makeObjective({"rosenbrock", steeper}).get(), c.get());
    // f(0, 1) = 1 + b: the instances really differ.
    Vec x(2);
    x << 0.0, 1.0;
    QCOMPARE(a->value(x), 101.0);
    QCOMPARE(c->value(x), 51.0);
    QVERIFY(makeObjective({"himmelblau", {}}).get() != c.get());
  }

  void runsOfOneScenarioShareTheObjective() {
    const Scenario s = parseScenario(R"({"objective": {"type": "spectrum_quadratic", "dim": 500},
        "runs": [{"optimizer": "sgd"}, {"optimizer": "adam"}, {"optimizer": "lbfgs"}]})");
    const auto shared = makeObjective(s.objective);
    const auto runs = makeRuns(s, 64);
    QCOMPARE(runs.size(), size_t{3});
    QCOMPARE(makeObjective(s.objective).get(), shared.get());
    QVERIFY(shared.use_count() >= 1 + 1 + 3);  // here, the cache, and at least once per run
  }
};

QTEST_APPLESS_MAIN(TestValidationAgreesWithRun)
#include "test_validation_agrees_with_run.moc"
