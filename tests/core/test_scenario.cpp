// Scenario files: every problem is rejected with the JSON path and the value; valid files
// round-trip through JSON unchanged.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/scenario/scenario_edits.h"
#include "core/scenario/scenario_json.h"

using namespace gradscape;
using nlohmann::json;

namespace {

const char* const kBase = R"({
  "name": "two SGD runs",
  "objective": {"type": "rosenbrock"},
  "start": [-1, 1],
  "runs": [
    {"optimizer": {"type": "sgd", "lr": 0.001}},
    {"optimizer": {"type": "sgd", "lr": 0.01}}
  ]
})";

// The base scenario with the value at a JSON pointer replaced (or removed when value is empty).
std::string edited(const std::string& pointer, const std::string& value) {
  json j = json::parse(kBase);
  const json::json_pointer p(pointer);
  if (value.empty()) {
    j[p.parent_pointer()].erase(p.back());
  } else {
    j[p] = json::parse(value);
  }
  return j.dump();
}

}  // namespace

class TestScenario : public QObject {
  Q_OBJECT

 private slots:
  void badInputIsRejectedNamingPathAndValue_data() {
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    auto row = [](const char* name, const char* ptr, const char* value, const char* message) {
      QTest::newRow(name) << ptr << value << message;
    };
    row("negative lr", "/runs/1/optimizer/lr", "-0.1",
        "runs[1].optimizer.lr: must be > 0, got -0.1");
    row("lr as text", "/runs/0/optimizer/lr", "\"fast\"",
        "runs[0].optimizer.lr: must be a number, got \"fast\"");
    row("unknown top-level key", "/iters", "5",
        "iters: unknown key; expected one of: version, name, description, notes, objective, start, "
        "seed, stop, curvature, runs");
    row("notes not text", "/notes", "[\"# Notes\"]", "notes: must be a string, got [\"# Notes\"]");
    row("unknown parameter", "/runs/0/optimizer/betas", "[0.9, 0.99]",
        "runs[0].optimizer.betas: unknown parameter of sgd; expected one of: lr, momentum, "
        "dampening, weight_decay, nesterov");
    row("flag as number", "/runs/0/optimizer/nesterov", "1",
        "runs[0].optimizer.nesterov: must be true or false, got 1");
    row("cross-field check", "/runs/0/optimizer/nesterov", "true",
        "runs[0].optimizer.nesterov: requires momentum > 0 and dampening = 0");
    row("momentum out of range", "/runs/0/optimizer/momentum", "1.5",
        "runs[0].optimizer.momentum: must be <= 1, got 1.5");
    row("start too long", "/start", "[1, 2, 3]",
        "start: must be an array of 2 numbers, got [1,2,3]");
    row("start entry text", "/start/1", "\"a\"", "start[1]: must be a number, got \"a\"");
    row("run start wrong size", "/runs/1/start", "[0]",
        "runs[1].start: must be an array of 2 numbers, got [0]");
    row("zero iterations", "/stop", "{\"max_iterations\": 0}",
        "stop.max_iterations: must be >= 1, got 0");
    row("fractional iterations", "/runs/0/stop", "{\"max_iterations\": 2.5}",
        "runs[0].stop.max_iterations: must be a whole number, got 2.5");
    row("unknown stop key", "/stop", "{\"tolerance\": 1}",
        "stop.tolerance: unknown key; expected one of: max_iterations, grad_tol, target_loss, "
        "divergence_bound");
    row("empty runs", "/runs", "[]", "runs: must be a non-empty array of runs, got []");
    row("run not an object", "/runs/0", "3", "runs[0]: must be an object, got 3");
    row("missing optimizer", "/runs/0/optimizer", "", "runs[0]: missing \"optimizer\"");
    row("missing objective", "/objective", "", "missing \"objective\"");
    row("objective parameter", "/objective/b", "-1", "objective.b: must be > 0, got -1");
    row("objective type", "/objective/type", "\"banana\"",
        "objective.type: unknown objective \"banana\"; expected one of: ");
    row("optimizer type", "/runs/1/optimizer/type", "\"adamx\"",
        "runs[1].optimizer.type: unknown optimizer \"adamx\"; expected one of: sgd");
    row("clip type", "/runs/0/clip", "{\"type\": \"l2\"}",
        "runs[0].clip.type: must be one of: none, norm, value, got \"l2\"");
    row("clip threshold", "/runs/0/clip", "{\"type\": \"norm\", \"threshold\": 0}",
        "runs[0].clip.threshold: must be > 0, got 0");
    row("noise parameter", "/runs/0/noise", "{\"type\": \"gaussian\", \"sigma\": -1}",
        "runs[0].noise.sigma: must be >= 0, got -1");
    row("noise name", "/runs/0/noise", "\"pink\"",
        "runs[0].noise: unknown noise model \"pink\"; expected one of: none, gaussian");
    row("warmup factor", "/runs/0/warmup", "{\"steps\": 10, \"start_factor\": 2}",
        "runs[0].warmup.start_factor: must be <= 1, got 2");
    row("label type", "/runs/0/label", "7", "runs[0].label: must be a string, got 7");
    row("visible type", "/runs/1/visible", "\"no\"",
        "runs[1].visible: must be true or false, got \"no\"");
    row("version", "/version", "2", "version: must be 1, got 2");
  }

  void badInputIsRejectedNamingPathAndValue() {
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, message);
    const std::string text = edited(pointer.toStdString(), value.toStdString());
    try {
      parseScenario(text);
      QFAIL("expected ScenarioError");
    } catch (const ScenarioError& e) {
      // Registry lists grow; rows ending in "one of: ..." check the prefix.
      const QString what = QString::fromStdString(e.what());
      QVERIFY2(
          what == message || (message.contains("expected one of: ") && what.startsWith(message)),
          qPrintable(what));
    }
  }

  void anErrorsPathAndMessageAreAsPrintableAsItsText() {
    // An unknown optimizer named by a terminal escape (ESC ] 0 ; title BEL): the message quotes
    // it, and message() (which the desktop program shows) escapes it as what() does.
    try {
      const std::string escape = std::string("\\u001b]0;t") + "\\u0007";  // JSON escapes
      parseScenario(R"({"objective": "rosenbrock", "runs": [{"optimizer": ")" + escape + R"("}]})",
                    "f.json");
      QFAIL("accepted");
    } catch (const ScenarioError& e) {
      QCOMPARE(QString::fromStdString(e.path()), QString("runs[0].optimizer"));
      const QString message = QString::fromStdString(e.message());
      QVERIFY2(message.contains(QString("\\u001B]0;t") + "\\u0007"), qPrintable(message));
      for (const QChar c : message) QVERIFY2(c.unicode() >= 0x20, qPrintable(message));
      QVERIFY(QString::fromUtf8(e.what()).endsWith(message));
    }
  }

  void syntaxErrorsNameLineAndColumn() {
    try {
      parseScenario("{\n  \"runs\": [\n    {,}\n  ]\n}", "bad.json");
      QFAIL("expected ScenarioError");
    } catch (const ScenarioError& e) {
      const QString what = e.what();
      QVERIFY2(what.startsWith("bad.json: invalid JSON:"), qPrintable(what));
      QVERIFY2(what.contains("line 3, column 6"), qPrintable(what));
    }
  }

  void missingFileNamesTheFile() {
    try {
      loadScenarioFile("/no/such/dir/x.json");
      QFAIL("expected ScenarioError");
    } catch (const ScenarioError& e) {
      QCOMPARE(QString(e.what()),
               QString("/no/such/dir/x.json: cannot open: No such file or directory"));
    }
  }

  void defaultsAreFilledIn() {
    const Scenario s = parseScenario(kBase);
    QCOMPARE(s.runs.size(), size_t{2});
    QCOMPARE(s.runs[1].optimizerParams.get("lr"), 0.01);
    QCOMPARE(s.runs[1].optimizerParams.get("momentum"), 0.0);  // torch default
    QCOMPARE(s.runs[0].label, std::string("SGD"));
    QCOMPARE(s.runs[0].schedule, std::string("constant"));
    QCOMPARE(s.runs[0].noise, std::string("none"));
    QCOMPARE(s.runs[1].seed, uint64_t{1});  // scenario seed 0 + run index
    QCOMPARE(s.runs[1].start[0], -1.0);
    QCOMPARE(s.runs[0].stop.maxIterations, StopRules{}.maxIterations);
  }

  void perRunSettingsOverrideTheScenario() {
    json j = json::parse(kBase);
    j["seed"] = 10;
    j["stop"] = {{"max_iterations", 500}, {"grad_tol", 1e-6}};
    j["runs"][1]["stop"] = {{"target_loss", 0.5}};
    j["runs"][1]["start"] = {0.5, 0.25};
    j["runs"][1]["seed"] = 3;
    const Scenario s = scenarioFromJson(j);
    QCOMPARE(s.runs[0].stop.maxIterations, 500);
    QCOMPARE(s.runs[0].seed, uint64_t{10});
    QCOMPARE(s.runs[1].stop.maxIterations, 500);  // inherited
    QCOMPARE(s.runs[1].stop.gradTol, 1e-6);
    QVERIFY(s.runs[1].stop.targetLoss && *s.runs[1].stop.targetLoss == 0.5);
    QCOMPARE(s.runs[1].start[1], 0.25);
    QCOMPARE(s.runs[1].seed, uint64_t{3});
  }

  void scenarioRoundTripsThroughJsonAndFiles() {
    json j = json::parse(kBase);
    j["description"] = "round trip";
    j["notes"] = "# Round trip\n\n*Notes* survive.";
    j["seed"] = 7;
    j["stop"] = {{"max_iterations", 300}, {"target_loss", 1e-9}};
    j["runs"][0]["optimizer"] = {
        {"type", "sgd"}, {"lr", 1e-3}, {"momentum", 0.9}, {"nesterov", true}};
    j["runs"][0]["clip"] = {{"type", "value"}, {"threshold", 2.5}};
    j["runs"][0]["warmup"] = {{"steps", 20}, {"start_factor", 0.1}};
    j["runs"][1]["noise"] = {{"type", "student_t"}, {"nu", 2.5}, {"scale", 0.2}};
    j["runs"][1]["label"] = "noisy";
    j["runs"][1]["visible"] = false;
    j["runs"][1]["start"] = {0.5, -0.5};
    j["runs"][1]["stop"] = {{"grad_tol", 0.0}};
    const Scenario s = scenarioFromJson(j);
    QVERIFY(s.runs[0].visible);  // the default
    QVERIFY(!s.runs[1].visible);
    const Scenario again = scenarioFromJson(scenarioToJson(s));
    QVERIFY(again == s);
    QVERIFY(!scenarioToJson(s)["runs"][0].contains("visible"));  // written only when hidden

    QTemporaryDir dir;
    const std::string path = dir.filePath("s.json").toStdString();
    saveScenarioFile(s, path);
    QVERIFY(loadScenarioFile(path) == s);
  }

  void notesKeepTheirMarkdownThroughASaveAndAreLeftOutWhenEmpty() {
    json j = json::parse(kBase);
    // Markdown with Unicode, a line break inside a paragraph, a list and a link.
    const std::string notes =
        "## What to look for\n\nThe step η and the sharpness λ_max ≈ 2/η,\n**bold** and "
        "`code`.\n\n- one\n- two\n\n[Cohen et al. 2021](https://arxiv.org/abs/2103.00065)\n";
    j["notes"] = notes;
    const Scenario s = scenarioFromJson(j);
    QCOMPARE(s.notes, notes);
    QCOMPARE(scenarioToJson(s)["notes"].get<std::string>(), notes);
    QTemporaryDir dir;
    const std::string path = dir.filePath("notes.json").toStdString();
    saveScenarioFile(s, path);
    QCOMPARE(loadScenarioFile(path).notes, notes);

    // Without notes the file carries no "notes" key (older files stay as they were).
    const Scenario plain = scenarioFromJson(json::parse(kBase));
    QVERIFY(plain.notes.empty());
    QVERIFY(!scenarioToJson(plain).contains("notes"));
    QVERIFY(!(plain == s));  // notes are part of what a scenario is
  }

  void trackingThatIsOffKeepsItsTraceSettingsThroughASave() {
    // The scenario's default tracking (what new runs get) is off but estimates the trace with
    // 4 probes: saving must keep both settings, not drop the block because every is 0.
    json j = json::parse(kBase);
    j["curvature"] = {{"every", 0}, {"trace", true}, {"trace_probes", 4}};
    const Scenario s = scenarioFromJson(j);
    QCOMPARE(s.curvature.traceProbes, 4);
    const Scenario again = scenarioFromJson(scenarioToJson(s));
    QVERIFY(again.curvature.trace);
    QCOMPARE(again.curvature.traceProbes, 4);
    QVERIFY(again == s);
  }

  void everyShippedScenarioParsesAndRuns() {
    const auto dir = std::filesystem::path(GRADSCAPE_SOURCE_DIR) / "scenarios";
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      ++count;
      const Scenario s = loadScenarioFile(entry.path().string());
      QVERIFY2(!s.name.empty(), qPrintable(QString::fromStdString(entry.path().string())));
      QVERIFY(!s.description.empty());
      // Notes in the library's shape: the question, what to look for, where it comes from.
      for (const char* section :
           {"## Before you press Play\n", "## What to look for\n", "## Read more\n"}) {
        QVERIFY2(
            s.notes.find(section) != std::string::npos,
            qPrintable(QString::fromStdString(entry.path().filename().string()) + ": " + section));
      }
      for (auto& run : makeRuns(s)) {
        run->runToEnd();
        QVERIFY(run->finished());
      }
    }
    QVERIFY(count >= 1);
    QVERIFY(std::filesystem::exists(dir / "default.json"));
  }

  // A run's own start or stop rules from the file survive edits of the scenario-wide values;
  // runs without their own follow them.
  void scenarioWideEditsKeepPerRunOverrides() {
    json j = json::parse(kBase);
    j["runs"][1]["start"] = {0.5, 0.5};
    j["runs"][1]["stop"] = {{"max_iterations", 77}};
    j["runs"].push_back({{"optimizer", {{"type", "adam"}, {"lr", 0.01}}}});
    Scenario s = scenarioFromJson(j);
    QCOMPARE(s.runs[1].stop.maxIterations, int64_t{77});
    const StopRules ownStop = s.runs[1].stop;

    QCOMPARE(setScenarioStart(s, Vec{{1.5, -0.5}}), 1);
    QCOMPARE(s.start, (Vec{{1.5, -0.5}}));
    QCOMPARE(s.runs[0].start, (Vec{{1.5, -0.5}}));
    QCOMPARE(s.runs[1].start, (Vec{{0.5, 0.5}}));
    QCOMPARE(s.runs[2].start, (Vec{{1.5, -0.5}}));

    StopRules stop = s.stop;
    stop.maxIterations = 123;
    stop.gradTol = 0.0;
    QCOMPARE(setScenarioStop(s, stop), 1);
    QVERIFY(s.stop == stop);
    QVERIFY(s.runs[0].stop == stop);
    QVERIFY(s.runs[1].stop == ownStop);
    QVERIFY(s.runs[2].stop == stop);

    // A new dimension: no run's own start fits any more, so every run takes the new one.
    QCOMPARE(setScenarioStart(s, Vec::Zero(3)), 0);
    for (const auto& run : s.runs) QCOMPARE(run.start, Vec(Vec::Zero(3)));

    // The overrides are still written (and so read back) as the runs' own.
    Scenario back = scenarioFromJson(scenarioToJson(scenarioFromJson(j)));
    QCOMPARE(back.runs[1].start, (Vec{{0.5, 0.5}}));
    QCOMPARE(back.runs[1].stop.maxIterations, int64_t{77});
  }
};

QTEST_APPLESS_MAIN(TestScenario)
#include "test_scenario.moc"
