// Traces leave the program as CSV and JSON that read back to the very doubles the trace holds,
// with every coordinate it keeps, and that Python's json module and csv readers take as they are.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/export/trace_csv.h"
#include "core/export/trace_json.h"
#include "core/export/trace_table.h"
#include "core/scenario/scenario_json.h"

using namespace gradscape;
using nlohmann::json;

namespace {

// Two runs on Rosenbrock: noisy Adam (values with all their digits) and GD tracking its
// curvature every 7 steps with the Hessian trace, so curvature samples merge into the rows.
const char* kRace = R"({"version": 1, "name": "Export race",
  "objective": {"type": "rosenbrock"}, "start": [-1.5, 2.0], "seed": 3,
  "stop": {"max_iterations": 200},
  "runs": [
    {"label": "Adam, noisy", "optimizer": {"type": "adam", "lr": 0.02},
     "noise": {"type": "gaussian", "sigma": 0.1}, "seed": 11},
    {"label": "GD", "optimizer": {"type": "sgd", "lr": 0.0005},
     "curvature": {"every": 7, "trace": true}, "stop": {"max_iterations": 60}}
  ]})";

// GD with a step far beyond 2 / L: diverges within a few dozen steps.
const char* kDiverging = R"({"version": 1, "name": "Too far",
  "objective": {"type": "rosenbrock"}, "start": [-1.5, 2.0],
  "runs": [{"label": "GD lr=0.1", "optimizer": {"type": "sgd", "lr": 0.1}}]})";

std::vector<TracedRun> runAll(const Scenario& scenario) {
  std::vector<TracedRun> out;
  for (const auto& run : makeRuns(scenario)) {
    run->runToEnd();
    out.push_back(tracedRun(*run));
  }
  return out;
}

json jsonOf(const Scenario& scenario, const std::vector<TracedRun>& runs) {
  std::ostringstream out;
  writeTracesJson(scenario, runs, out);
  return json::parse(out.str());  // strict: a NaN or Infinity token would throw
}

std::vector<std::string> csvLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> csvCells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

// The CMake project version, read from the root CMakeLists.txt.
QString projectVersion() {
  QFile f(QStringLiteral(GRADSCAPE_SOURCE_DIR "/CMakeLists.txt"));
  if (!f.open(QIODevice::ReadOnly)) return {};
  const auto m = QRegularExpression(R"(project\(Gradscape VERSION ([0-9.]+))").match(f.readAll());
  return m.captured(1);
}

// A JSON cell equals the double exactly (null for "nothing measured").
bool same(const json& cell, std::optional<double> v) {
  if (!v) return cell.is_null();
  return cell.is_number() && cell.get<double>() == *v;
}

}  // namespace

class TestTraceExport : public QObject {
  Q_OBJECT

 private slots:
  void jsonHoldsEveryRunWithItsSpecStatusAndExactTrace() {
    const Scenario scenario = parseScenario(kRace);
    const auto runs = runAll(scenario);
    const json file = jsonOf(scenario, runs);
    QCOMPARE(QString::fromStdString(file["version"].get<std::string>()), projectVersion());
    QCOMPARE(file["scenario"].get<std::string>(), std::string("Export race"));
    QCOMPARE(file["objective"]["type"].get<std::string>(), std::string("rosenbrock"));
    QCOMPARE(file["minimum_value"].get<double>(), 0.0);
    QCOMPARE(file["runs"].size(), size_t{2});

    const std::vector<std::string> plain{
        "iteration", "x0", "x1",          "loss",       "grad_norm",
        "step_norm", "lr", "field_evals", "loss_evals", "hessian_products"};
    auto tracked = plain;
    tracked.insert(tracked.end(), {"top_eigenvalue", "bottom_eigenvalue", "hessian_trace"});
    for (size_t i = 0; i < runs.size(); ++i) {
      const json& run = file["runs"][i];
      const Trace& trace = runs[i].trace;
      QCOMPARE(run["label"].get<std::string>(), scenario.runs[i].label);
      QCOMPARE(run["status"].get<std::string>(), std::string(runStatusName(runs[i].status)));
      QVERIFY(run["diverged_at"].is_null());
      QCOMPARE(run["seed"].get<uint64_t>(), scenario.runs[i].seed);
      QCOMPARE(run["iterations"].get<int64_t>(), runs[i].iterations);
      QCOMPARE(run["evaluations"]["field"].get<int64_t>(), runs[i].evaluations.field);
      QCOMPARE(run["evaluations"]["loss"].get<int64_t>(), runs[i].evaluations.loss);
      QCOMPARE(run["evaluations"]["hessian_products"].get<int64_t>(),
               runs[i].evaluations.hessianProducts);
      QCOMPARE(run["columns"].get<std::vector<std::string>>(), i == 0 ? plain : tracked);
      QVERIFY(run["iterates"].is_null());

      // The spec alone rebuilds the run: a scenario holding only it parses to the same RunSpec.
      const json alone = {{"version", 1},
                          {"objective", file["objective"]},
                          {"start", run["spec"]["start"]},
                          {"runs", json::array({run["spec"]})}};
      QVERIFY(scenarioFromJson(alone).runs[0] == runs[i].spec);

      // Rows: every trace row (with its iterate) and, merged by iteration, every curvature
      // sample, to the last bit.
      const json& rows = run["rows"];
      size_t j = 0, c = 0;
      const auto& samples = trace.curvature();
      for (int64_t r = 0; r < trace.size(); ++r, ++j) {
        while (c < samples.size() && samples[c].iteration < trace.iteration(r)) {
          QCOMPARE(rows[j][0].get<int64_t>(), samples[c].iteration);
          QVERIFY(rows[j][3].is_null());  // a sample between rows has no loss
          QVERIFY(same(rows[j][10], samples[c].top));
          ++c, ++j;
        }
        const json& row = rows[j];
        QCOMPARE(row.size(), i == 0 ? plain.size() : tracked.size());
        QCOMPARE(row[0].get<int64_t>(), trace.iteration(r));
        QVERIFY(same(row[1], trace.point(r)[0]));
        QVERIFY(same(row[2], trace.point(r)[1]));
        QVERIFY(same(row[3], trace.loss(r)));
        QVERIFY(same(row[4], trace.gradNorm(r)));
        QVERIFY(same(row[5], trace.stepNorm(r)));
        QVERIFY(same(row[6], trace.lr(r)));
        QCOMPARE(row[7].get<int64_t>(), trace.evaluations(r).field);
        if (c < samples.size() && samples[c].iteration == trace.iteration(r)) {
          QVERIFY(same(row[10], samples[c].top));
          QVERIFY(same(row[11], samples[c].bottom));
          QVERIFY(same(row[12], samples[c].trace));
          ++c;
        } else if (i == 1) {
          QVERIFY(row[10].is_null() && row[11].is_null() && row[12].is_null());
        }
      }
      QCOMPARE(c, samples.size());
      QCOMPARE(rows.size(), j);
      if (i == 1) QCOMPARE(samples.size(), size_t{9});  // iterations 0, 7, ..., 56
    }
  }

  void csvReadsBackToTheSameDoubles() {
    const Scenario scenario = parseScenario(kRace);
    const auto runs = runAll(scenario);
    const Trace& trace = runs[0].trace;
    std::ostringstream out;
    writeTraceCsv(trace, out);
    const auto lines = csvLines(out.str());
    QCOMPARE(lines[0], std::string("iteration,x0,x1,loss,grad_norm,step_norm,lr,field_evals,"
                                   "loss_evals,hessian_products"));
    QCOMPARE(static_cast<int64_t>(lines.size()), trace.size() + 1);
    for (int64_t r = 0; r < trace.size(); ++r) {
      const auto cells = csvCells(lines[static_cast<size_t>(r + 1)]);
      QCOMPARE(cells.size(), size_t{10});
      QCOMPARE(std::stoll(cells[0]), trace.iteration(r));
      QVERIFY(std::stod(cells[1]) == trace.point(r)[0]);
      QVERIFY(std::stod(cells[2]) == trace.point(r)[1]);
      QVERIFY(std::stod(cells[3]) == trace.loss(r));
      QVERIFY(std::stod(cells[6]) == trace.lr(r));
      QCOMPARE(std::stoll(cells[7]), trace.evaluations(r).field);
    }
  }

  void divergedRunSaysWhereAndStaysReadable() {
    const Scenario scenario = parseScenario(kDiverging);
    const auto runs = runAll(scenario);
    QCOMPARE(runs[0].status, RunStatus::Diverged);
    const json file = jsonOf(scenario, runs);
    const json& run = file["runs"][0];
    QCOMPARE(run["status"].get<std::string>(), std::string("diverged"));
    QCOMPARE(run["diverged_at"].get<int64_t>(), runs[0].divergedAt);
    QVERIFY(runs[0].divergedAt > 0);
    const Trace& trace = runs[0].trace;
    QCOMPARE(static_cast<int64_t>(run["rows"].size()), trace.size());
    // The record ends at the last finite iterate, before the step that left the bound.
    const json& last = run["rows"].back();
    QVERIFY(last[0].get<int64_t>() < runs[0].divergedAt);
    QVERIFY(same(last[3], trace.loss(trace.size() - 1)));

    std::ostringstream out;
    writeTraceCsv(trace, out);
    const auto lines = csvLines(out.str());
    QCOMPARE(static_cast<int64_t>(lines.size()), trace.size() + 1);
    for (const auto& line : lines) QCOMPARE(csvCells(line).size(), size_t{10});
    QCOMPARE(std::stoll(csvCells(lines.back())[0]), last[0].get<int64_t>());
  }

  void nonFiniteValuesAreNullInJsonAndNamedInCsv() {
    const Scenario scenario = parseScenario(kDiverging);
    Trace trace(2, 16);
    const double inf = std::numeric_limits<double>::infinity();
    trace.record(0, Vec::Constant(2, 1.0), 2.5, 4.0, 0.0, 0.1, {});
    trace.record(1, Vec::Constant(2, 1e300), inf, 1.0, 1.0, 0.1, {});
    trace.record(2, Vec::Constant(2, 2.0), std::nan(""), 1.0, 1.0, -inf, {});
    const TracedRun run{scenario.runs[0], RunStatus::Diverged, 2, 2, trace, {}};
    std::ostringstream text;
    writeTracesJson(scenario, {run}, text);
    const json file = json::parse(text.str());
    const json& rows = file["runs"][0]["rows"];
    QCOMPARE(rows[0][3].get<double>(), 2.5);
    QCOMPARE(rows[1][1].get<double>(), 1e300);
    QVERIFY(rows[1][3].is_null());
    QVERIFY(rows[2][3].is_null());
    QVERIFY(rows[2][6].is_null());

    std::ostringstream csv;
    writeTraceCsv(trace, csv);
    const auto lines = csvLines(csv.str());
    QCOMPARE(csvCells(lines[2])[3], std::string("inf"));
    QCOMPARE(csvCells(lines[3])[3], std::string("nan"));
    QCOMPARE(csvCells(lines[3])[6], std::string("-inf"));
  }

  void runsBeyondSixteenDimensionsKeepEveryCoordinateInTheRows() {
    // 20 dimensions: the trace keeps its iterates apart from the rows (trace.h), but a run this
    // short fits the iterate budget, so every row still has its iterate.
    const Scenario scenario = parseScenario(R"({"version": 1, "name": "Twenty",
      "objective": {"type": "spectrum_quadratic", "dim": 20, "condition": 10},
      "start": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20],
      "runs": [{"optimizer": {"type": "sgd", "lr": 0.5}, "stop": {"max_iterations": 40}}]})");
    const auto runs = runAll(scenario);
    const Trace& trace = runs[0].trace;
    QVERIFY(!trace.pointsPerRow());
    QVERIFY(iteratesInRows(trace));
    std::ostringstream out;
    writeTraceCsv(trace, out);
    const auto lines = csvLines(out.str());
    const auto header = csvCells(lines[0]);
    QCOMPARE(header.size(), size_t{1 + 20 + 7});  // iteration, x, 4 values, 3 counts
    QCOMPARE(header[1], std::string("x0"));
    QCOMPARE(header[20], std::string("x19"));
    QCOMPARE(static_cast<int64_t>(lines.size()), trace.size() + 1);
    for (int64_t r = 0; r < trace.size(); ++r) {
      const auto cells = csvCells(lines[static_cast<size_t>(r + 1)]);
      for (int d = 0; d < 20; ++d) {
        QVERIFY(std::stod(cells[static_cast<size_t>(1 + d)]) == trace.point(r)[d]);
      }
    }
    QVERIFY(std::stod(csvCells(lines[1])[20]) == 20.0);  // x_0 is the start

    const json file = jsonOf(scenario, runs);
    const json& run = file["runs"][0];
    QCOMPARE(run["dimensions"].get<int>(), 20);
    QCOMPARE(run["columns"].size(), size_t{28});
    QVERIFY(same(run["rows"].back()[20], trace.point(trace.size() - 1)[19]));
  }

  void iteratesKeptApartGetATableOfTheirOwn() {
    // 4096 dimensions keep at most 2^22 / 4096 = 1024 iterates: 1100 rows thin them to every
    // other one, so the rows and the iterates no longer pair up.
    const int dim = 4096;
    Trace trace(dim);
    Vec x(dim);
    for (int k = 0; k < 1100; ++k) {
      for (int d = 0; d < dim; ++d) x[d] = k + d % 3;
      trace.record(k, x, 1000.0 - k, 1.0, 1.0, 0.01, {}, k == 1099);
    }
    QVERIFY(!iteratesInRows(trace));
    QVERIFY(trace.pointCount() < trace.size());

    std::ostringstream rowsCsv;
    writeTraceCsv(trace, rowsCsv);
    const auto rowLines = csvLines(rowsCsv.str());
    QCOMPARE(rowLines[0], std::string("iteration,loss,grad_norm,step_norm,lr,field_evals,"
                                      "loss_evals,hessian_products"));
    QCOMPARE(static_cast<int64_t>(rowLines.size()), 1101);

    std::ostringstream pointsCsv;
    writeIteratesCsv(trace, pointsCsv);
    const auto pointLines = csvLines(pointsCsv.str());
    QCOMPARE(static_cast<int64_t>(pointLines.size()), trace.pointCount() + 1);
    const auto header = csvCells(pointLines[0]);
    QCOMPARE(header.size(), size_t{dim + 1});
    QCOMPARE(header.back(), std::string("x4095"));
    for (int64_t i = 0; i < trace.pointCount(); ++i) {
      const auto cells = csvCells(pointLines[static_cast<size_t>(i + 1)]);
      QCOMPARE(cells.size(), size_t{dim + 1});
      const int64_t k = std::stoll(cells[0]);
      QCOMPARE(k, trace.pointIteration(i));
      for (int d : {0, 1, 2, 4095})
        QVERIFY(std::stod(cells[static_cast<size_t>(1 + d)]) == static_cast<double>(k + d % 3));
    }
    QCOMPARE(std::stoll(csvCells(pointLines.back())[0]), 1099);  // the final one is kept
    QCOMPARE(iteratesFileName("run3_adam.csv"), std::string("run3_adam_iterates.csv"));

    const Scenario scenario = parseScenario(kDiverging);
    const TracedRun run{scenario.runs[0], RunStatus::MaxIterations, -1, 1099, trace, {}};
    std::ostringstream text;
    writeTracesJson(scenario, {run}, text);
    const json file = json::parse(text.str());
    const json& iterates = file["runs"][0]["iterates"];
    QCOMPARE(file["runs"][0]["columns"].size(), size_t{8});
    QCOMPARE(iterates["columns"].size(), size_t{dim + 1});
    QCOMPARE(static_cast<int64_t>(iterates["rows"].size()), trace.pointCount());
    QVERIFY(iterates["note"].get<std::string>().find("4096 dimensions") != std::string::npos);
    const json& lastPoint = iterates["rows"].back();
    QCOMPARE(lastPoint[0].get<int64_t>(), 1099);
    QCOMPARE(lastPoint[dim].get<double>(), 1099.0 + 4095 % 3);
  }

  void pythonReadsTheJsonStrictlyAndTheCsvEvenly() {
    const QString python = QStandardPaths::findExecutable("python3");
    QVERIFY2(!python.isEmpty(), "python3 is needed (tools/setup.sh installs it)");
    QTemporaryDir dir;
    for (const char* text : {kRace, kDiverging}) {
      const Scenario scenario = parseScenario(text);
      const auto runs = runAll(scenario);
      const std::string jsonPath = dir.filePath("traces.json").toStdString();
      const std::string csvPath = dir.filePath("trace.csv").toStdString();
      QCOMPARE(writeTracesJsonFile(scenario, runs, jsonPath), std::string());
      QCOMPARE(writeTraceCsvFile(runs.back().trace, csvPath), std::string());
      // json.load with NaN / Infinity refused (Python would take them by default), and every
      // CSV row as long as the header.
      QProcess p;
      p.start(python, {"-c", R"(
import csv, json, sys
def refuse(token): raise ValueError("non-standard token " + token)
data = json.load(open(sys.argv[1]), parse_constant=refuse)
rows = list(csv.reader(open(sys.argv[2])))
assert all(len(r) == len(rows[0]) for r in rows), "ragged CSV"
print(len(data["runs"]), len(data["runs"][-1]["rows"]), len(rows) - 1)
)",
                       QString::fromStdString(jsonPath), QString::fromStdString(csvPath)});
      QVERIFY(p.waitForFinished(60'000));
      QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
      const QStringList counts = QString(p.readAllStandardOutput()).split(' ');
      QCOMPARE(counts[0].toULongLong(), runs.size());
      // Rows: one per iteration with a row or a curvature sample.
      const Trace& trace = runs.back().trace;
      std::set<int64_t> iterations;
      for (int64_t r = 0; r < trace.size(); ++r) iterations.insert(trace.iteration(r));
      for (const auto& sample : trace.curvature()) iterations.insert(sample.iteration);
      QCOMPARE(counts[1].toULongLong(), iterations.size());
      QCOMPARE(counts[2].trimmed().toULongLong(), iterations.size());
    }
  }
};

QTEST_APPLESS_MAIN(TestTraceExport)
#include "test_trace_export.moc"
