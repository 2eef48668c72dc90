// `gradscape-cli run --json FILE`: every run of the scenario in one JSON file whose rows are
// those of the CSV traces beside it, cell for cell; a JSON file that cannot be written is exit 1
// with the reason, and nothing is left of it. Runs whose iterates the trace keeps apart (many
// dimensions, long runs) get them in a CSV of their own.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "support/cli_process.h"

using gradscape::testing::cli;
using gradscape::testing::defaultScenario;
using gradscape::testing::writeFile;

namespace {

nlohmann::json readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return nlohmann::json::parse(f.readAll().toStdString());
}

}  // namespace

class TestCliTraceJson : public QObject {
  Q_OBJECT

 private slots:
  void jsonHoldsTheRowsOfEveryCsv() {
    QTemporaryDir dir;
    const QString out = dir.filePath("out");
    const QString json = dir.filePath("race.json");
    const auto r = cli({"run", defaultScenario(), "--out", out, "--json", json});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto file = readJson(json);
    const auto summary = readJson(out + "/summary.json");
    QCOMPARE(file["runs"].size(), summary["runs"].size());
    QVERIFY(file["scenario"] == summary["scenario"]);
    for (size_t i = 0; i < file["runs"].size(); ++i) {
      const auto& run = file["runs"][i];
      const auto& line = summary["runs"][i];
      QVERIFY(run["label"] == line["label"]);
      QVERIFY(run["status"] == line["status"]);
      QVERIFY(run["iterations"] == line["iterations"]);
      QVERIFY(line["iterates_file"].is_null());
      QFile csv(out + "/" + QString::fromStdString(line["trace_file"].get<std::string>()));
      QVERIFY(csv.open(QIODevice::ReadOnly));
      const QStringList lines = QString(csv.readAll()).trimmed().split('\n');
      QStringList columns;
      for (const auto& c : run["columns"]) columns << QString::fromStdString(c.get<std::string>());
      QCOMPARE(lines.first().split(','), columns);
      QCOMPARE(static_cast<size_t>(lines.size() - 1), run["rows"].size());
      for (int k = 1; k < lines.size(); ++k) {
        const QStringList cells = lines[k].split(',');
        const auto& row = run["rows"][static_cast<size_t>(k - 1)];
        QCOMPARE(static_cast<size_t>(cells.size()), row.size());
        for (int c = 0; c < cells.size(); ++c) {
          bool ok = false;
          const double v = cells[c].toDouble(&ok);
          QVERIFY(ok);
          QVERIFY2(row[static_cast<size_t>(c)].get<double>() == v, qPrintable(lines[k]));
        }
      }
    }
  }

  void wideRunsWriteTheirIteratesApart() {
    // 64 dimensions and 70,000 steps: more than the 2^22 / 64 = 65,536 iterates the trace keeps,
    // so they are thinned apart from the rows and go to a file of their own.
    QTemporaryDir dir;
    const QString scenario = dir.filePath("wide.json");
    writeFile(scenario, R"({"version": 1, "name": "Wide",
      "objective": {"type": "spectrum_quadratic", "dim": 64, "condition": 10, "rotate": false},
      "runs": [{"label": "GD", "optimizer": {"type": "sgd", "lr": 0.001},
                "stop": {"max_iterations": 70000, "grad_tol": 0}}]})");
    const QString out = dir.filePath("out");
    const auto r = cli({"run", scenario, "--out", out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto summary = readJson(out + "/summary.json");
    const auto& line = summary["runs"][0];
    QCOMPARE(line["iterates_file"].get<std::string>(), std::string("run0_gd_iterates.csv"));
    QFile rows(out + "/run0_gd.csv");
    QVERIFY(rows.open(QIODevice::ReadOnly));
    QCOMPARE(rows.readLine().trimmed(),
             QByteArray("iteration,loss,grad_norm,step_norm,lr,field_evals,loss_evals,"
                        "hessian_products"));
    QFile iterates(out + "/run0_gd_iterates.csv");
    QVERIFY(iterates.open(QIODevice::ReadOnly));
    const QList<QByteArray> header = iterates.readLine().trimmed().split(',');
    QCOMPARE(header.size(), 65);
    QCOMPARE(header.last(), QByteArray("x63"));
    // Thinned to every other iterate (stride 2), the first and the final one kept.
    int lines = 0;
    QByteArray last;
    for (QByteArray l = iterates.readLine(); !l.isEmpty(); l = iterates.readLine(), ++lines) {
      if (lines == 0) QVERIFY(l.startsWith("0,"));
      QCOMPARE(l.count(','), 64);
      last = l;
    }
    QCOMPARE(lines, 35001);
    QVERIFY(last.startsWith("70000,"));
  }

  void aJsonFileThatCannotBeWrittenIsExitOneAndLeavesNothing() {
    QTemporaryDir dir;
    writeFile(dir.filePath("plain"), "not a folder");
    const QString json = dir.filePath("plain/race.json");
    const auto r = cli({"run", defaultScenario(), "--out", dir.filePath("out"), "--json", json});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(json) && r.err.contains("Not a directory"), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(json));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"plain"});
  }

  void fullDiskIsExitOne() {
    QTemporaryDir dir;
    const auto r =
        cli({"run", defaultScenario(), "--out", dir.filePath("out"), "--json", "/dev/full"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("No space left on device"), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestCliTraceJson)
#include "test_cli_trace_json.moc"
