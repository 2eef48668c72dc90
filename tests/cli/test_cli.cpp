// gradscape-cli end to end: real processes, real files.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "core/objectives/objective_registry.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/schedules/schedule_registry.h"
#include "support/cli_process.h"

using Result = gradscape::testing::CliResult;
using gradscape::testing::cli;
using gradscape::testing::defaultScenario;
using gradscape::testing::writeFile;

class TestCli : public QObject {
  Q_OBJECT

 private slots:
  void runWritesTableTracesAndSummary() {
    QTemporaryDir dir;
    const Result r = cli({"run", defaultScenario(), "--out", dir.path()});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("final loss"));
    QVERIFY(r.out.contains("status"));

    QFile summaryFile(dir.filePath("summary.json"));
    QVERIFY(summaryFile.open(QIODevice::ReadOnly));
    const auto summary = nlohmann::json::parse(summaryFile.readAll().toStdString());
    QVERIFY(summary["runs"].size() >= 1);
    for (const auto& run : summary["runs"]) {
      // Every run has a line in the table and a CSV whose last row matches the summary.
      QVERIFY(r.out.contains(QString::fromStdString(run["label"].get<std::string>())));
      QFile csv(dir.filePath(QString::fromStdString(run["trace_file"].get<std::string>())));
      QVERIFY(csv.open(QIODevice::ReadOnly));
      const QStringList lines = QString(csv.readAll()).trimmed().split('\n');
      QCOMPARE(lines.first(), QString("iteration,x0,x1,loss,grad_norm,step_norm,lr,field_evals,"
                                      "loss_evals,hessian_products"));
      QVERIFY(lines.size() >= 2);
      const QStringList last = lines.last().split(',');
      QCOMPARE(last.size(), 10);
      if (run["status"] != "diverged") {
        QCOMPARE(last[0].toLongLong(), run["iterations"].get<long long>());
        QCOMPARE(last[3].toDouble(), run["final_loss"].get<double>());
      }
    }
  }

  void runIsReproducible() {
    QTemporaryDir a, b;
    QCOMPARE(cli({"run", defaultScenario(), "--out", a.path()}).code, 0);
    QCOMPARE(cli({"run", defaultScenario(), "--out", b.path()}).code, 0);
    for (const QString& name : QDir(a.path()).entryList({"*.csv"})) {
      QFile fa(a.filePath(name)), fb(b.filePath(name));
      QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
      QVERIFY2(fa.readAll() == fb.readAll(), qPrintable(name));
    }
  }

  void badScenarioExitsTwoWithPathInMessage() {
    QTemporaryDir dir;
    const QString file = dir.filePath("bad.json");
    writeFile(file, R"({"objective": "rosenbrock", "start": [0, 0],
                        "runs": [{"optimizer": {"type": "sgd", "lr": 0.1}},
                                 {"optimizer": {"type": "sgd", "lr": -0.1}}]})");
    const Result r = cli({"run", file, "--out", dir.filePath("out")});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err.trimmed(),
             QString("gradscape-cli: %1: runs[1].optimizer.lr: must be > 0, got -0.1").arg(file));
    QVERIFY(!QFile::exists(dir.filePath("out/summary.json")));
  }

  void malformedJsonExitsTwo() {
    QTemporaryDir dir;
    const QString file = dir.filePath("broken.json");
    writeFile(file, "{\"runs\": [");
    const Result r = cli({"run", file});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("broken.json: invalid JSON"), qPrintable(r.err));
  }

  void missingFileAndBadArgumentsExitTwo() {
    QCOMPARE(cli({"run", "/no/such/file.json"}).code, 2);
    QCOMPARE(cli({"run"}).code, 2);
    QCOMPARE(cli({"run", defaultScenario(), "--frobnicate"}).code, 2);
    QCOMPARE(cli({"run", defaultScenario(), "--out"}).code, 2);
    QCOMPARE(cli({"fly"}).code, 2);
    QCOMPARE(cli({}).code, 2);
    QCOMPARE(cli({"list", "colours"}).code, 2);
  }

  void divergingRunIsAResultNotAnError() {
    QTemporaryDir dir;
    const QString file = dir.filePath("diverge.json");
    writeFile(file, R"({"name": "too fast", "objective": "rosenbrock", "start": [-1.5, 2],
                        "runs": [{"label": "GD lr 0.1", "optimizer": {"type": "sgd", "lr": 0.1}}]})");
    const Result r = cli({"run", file, "--out", dir.path()});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("diverged at step"), qPrintable(r.out));
  }

  void interruptStopsTheRunAndStillWritesEverything() {
    QTemporaryDir dir;
    const QString file = dir.filePath("long.json");
    // Two runs of 10^12 steps: far longer than the test waits.
    writeFile(file, R"({"name": "long", "objective": "rosenbrock", "start": [-1.5, 2],
                        "stop": {"max_iterations": 1000000000000, "grad_tol": 0},
                        "runs": [{"label": "first", "optimizer": {"type": "sgd", "lr": 1e-9}},
                                 {"label": "second", "optimizer": {"type": "sgd", "lr": 1e-9}}]})");
    QProcess p;
    p.start(GRADSCAPE_CLI, {"run", file, "--out", dir.path()});
    QVERIFY(p.waitForStarted());
    QTest::qWait(500);
    p.terminate();  // SIGTERM, handled like Ctrl-C
    QVERIFY2(p.waitForFinished(10'000), "did not stop within 10 s of SIGTERM");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    QFile summaryFile(dir.filePath("summary.json"));
    QVERIFY(summaryFile.open(QIODevice::ReadOnly));
    const auto summary = nlohmann::json::parse(summaryFile.readAll().toStdString());
    QCOMPARE(summary["runs"].size(), size_t{2});
    for (const auto& run : summary["runs"])
      QCOMPARE(run["status"].get<std::string>(), std::string("stopped"));
    QVERIFY(summary["runs"][0]["iterations"].get<long long>() > 0);    // it ran until the signal
    QCOMPARE(summary["runs"][1]["iterations"].get<long long>(), 0LL);  // never started
    QVERIFY(QFile::exists(dir.filePath("run0_first.csv")));
    QVERIFY(QFile::exists(dir.filePath("run1_second.csv")));
  }

  void helpIsAvailableForEveryCommand() {
    for (const QString cmd : {"run", "list", "validate", "spectrum"}) {
      const Result r = cli({cmd, "--help"});
      QCOMPARE(r.code, 0);
      QVERIFY2(r.out.contains("Usage: gradscape-cli " + cmd + " [OPTIONS]"), qPrintable(r.out));
      QVERIFY2(r.out.contains("Exit codes:") || cmd == "list", qPrintable(r.out));
      QCOMPARE(cli({"help", cmd}).out, r.out);
    }
    const Result top = cli({"--help"});
    QCOMPARE(top.code, 0);
    for (const QString cmd : {"run", "list", "validate", "spectrum", "help"}) {
      QVERIFY2(top.out.contains(QRegularExpression("\\n  " + cmd + " +\\w")), qPrintable(top.out));
    }
  }

  void listShowsEveryRegisteredMethodWithParameters() {
    const Result r = cli({"list"});
    QCOMPARE(r.code, 0);
    for (const auto& e : gradscape::objectiveRegistry().entries()) {
      QVERIFY2(r.out.contains("  " + QString::fromStdString(e.name) + "  "), e.name.c_str());
    }
    for (const auto& e : gradscape::optimizerRegistry().entries()) {
      QVERIFY2(r.out.contains("  " + QString::fromStdString(e.name) + "  "), e.name.c_str());
    }
    for (const auto& e : gradscape::scheduleRegistry().entries()) {
      QVERIFY2(r.out.contains("  " + QString::fromStdString(e.name) + "  "), e.name.c_str());
    }
    QVERIFY(r.out.contains(QRegularExpression(R"(lr\s+= 0\.001\s+\(0, 1000\] log)")));
    const Result opt = cli({"list", "optimizers"});
    QVERIFY(!opt.out.contains("Objectives"));
    QVERIFY(opt.out.contains("nesterov"));
  }

  void validateReportsEachFile() {
    QTemporaryDir dir;
    const QString bad = dir.filePath("bad.json");
    writeFile(bad, R"({"objective": "rosenbrock", "runs": [{"optimizer": "sgd", "colour": 1}]})");
    const Result r = cli({"validate", defaultScenario(), bad});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.contains(defaultScenario() + ": ok"));
    QVERIFY2(r.err.contains("bad.json: runs[0].colour: unknown key"), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
