// gradscape-cli never reports a failed write as success and never leaves a half-written file:
// a full disk, /dev/full, a killed writer, a second writer and a planted symlink (issue 11,
// defects 3 and 4).
#include <signal.h>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "support/cli_process.h"

using gradscape::testing::cli;
using gradscape::testing::cliPath;
using gradscape::testing::CliResult;
using gradscape::testing::defaultScenario;
using gradscape::testing::shell;
using gradscape::testing::writeFile;

namespace {

// gradscape-cli under a POSIX shell: `limits` run first (e.g. "ulimit -f 2").
CliResult cliUnder(const QString& limits, const QStringList& args) {
  QStringList quoted;
  for (const QString& a : args) quoted << "'" + a + "'";
  return shell(limits + "; exec " + cliPath() + " " + quoted.join(' '));
}

QStringList temporaries(const QString& dir) {
  return QDir(dir).entryList({".gradscape-tmp.*"}, QDir::Files | QDir::Hidden);
}

// Every line of a CSV file has as many cells as its header, and the file ends with a newline:
// nothing was cut.
bool wholeCsv(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return false;
  const QByteArray text = f.readAll();
  if (text.isEmpty() || !text.endsWith('\n')) return false;
  const QList<QByteArray> lines = text.trimmed().split('\n');
  const auto cells = lines.front().count(',');
  for (const QByteArray& line : lines) {
    if (line.count(',') != cells) return false;
  }
  return true;
}

// A scenario whose run goes on far longer than any test waits.
void writeEndlessScenario(const QString& file) {
  writeFile(file, R"({"name": "endless", "objective": "rosenbrock", "start": [-1.5, 2],
                      "stop": {"max_iterations": 1000000000000, "grad_tol": 0},
                      "runs": [{"label": "slow", "optimizer": {"type": "sgd", "lr": 1e-9}}]})");
}

}  // namespace

class TestCliOutputSafety : public QObject {
  Q_OBJECT

 private slots:
  void aTraceThatCannotBeWrittenIsExitOneWithTheReason() {
    // A file-size limit of 1 KB (2 blocks of 512 bytes) makes every trace write fail the way a
    // full disk does: write(2) returns an error part-way through.
    QTemporaryDir dir;
    const CliResult r =
        cliUnder("trap '' XFSZ; ulimit -f 2", {"run", defaultScenario(), "--out", dir.path()});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("cannot write '" + dir.path() + "/run0_gd.csv': File too large"),
             qPrintable(r.err));
    QVERIFY2(!r.out.contains("written to"), qPrintable(r.out));
    // Nothing cut is left behind: no trace, no summary, no temporary.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
  }

  void aFullDeviceIsExitOneForSpectrumAndForStandardOutput() {
    CliResult r = cli({"spectrum", defaultScenario(), "--out", "/dev/full"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("cannot write '/dev/full': No space left on device"),
             qPrintable(r.err));
    QVERIFY(QFileInfo("/dev/full").exists() && !QFileInfo("/dev/full").isFile());

    for (const QStringList& args :
         {QStringList{"spectrum", defaultScenario()}, QStringList{"list"},
          QStringList{"run", defaultScenario(), "--out", QDir::tempPath() + "/gs-devfull"}}) {
      QProcess p;
      p.setStandardOutputFile("/dev/full");
      p.start(GRADSCAPE_CLI, args);
      QVERIFY(p.waitForFinished(60'000));
      const QString err = QString::fromUtf8(p.readAllStandardError());
      QCOMPARE(p.exitCode(), 1);
      QVERIFY2(err.contains("cannot write to standard output: No space left on device"),
               qPrintable(args.join(' ') + ": " + err));
    }
    QDir(QDir::tempPath() + "/gs-devfull").removeRecursively();
  }

  void aSymlinkPlantedInTheOutputIsReplacedNotFollowed() {
    QTemporaryDir dir;
    const QString victim = dir.filePath("precious.txt");
    writeFile(victim, "precious\n");
    QVERIFY(QDir().mkpath(dir.filePath("out")));
    const QString trace = dir.filePath("out/run0_gd.csv");
    QVERIFY(QFile::link(victim, trace));
    const CliResult r = cli({"run", defaultScenario(), "--out", dir.filePath("out")});
    QCOMPARE(r.code, 0);
    QFile v(victim);
    QVERIFY(v.open(QIODevice::ReadOnly));
    QCOMPARE(v.readAll(), QByteArray("precious\n"));
    QVERIFY(!QFileInfo(trace).isSymLink());
    QVERIFY(wholeCsv(trace));
  }

  void aSecondWriterIntoTheSameDirectoryIsRefused() {
    QTemporaryDir dir;
    const QString scenario = dir.filePath("endless.json");
    writeEndlessScenario(scenario);
    QProcess first;
    first.start(GRADSCAPE_CLI, {"run", scenario, "--out", dir.filePath("out")});
    // The header line is printed once the directory is locked.
    QVERIFY(first.waitForReadyRead(30'000));
    const CliResult second = cli({"run", defaultScenario(), "--out", dir.filePath("out")});
    QCOMPARE(second.code, 1);
    QVERIFY2(second.err.contains("another process is writing to '" + dir.filePath("out") + "'"),
             qPrintable(second.err));
    // The second writer touched nothing: only the first one's files appear.
    first.terminate();
    QVERIFY(first.waitForFinished(10'000));
    QCOMPARE(first.exitCode(), 130);
    QCOMPARE(QDir(dir.filePath("out")).entryList(QDir::Files | QDir::Hidden),
             QStringList({"run0_slow.csv", "summary.json"}));
    // Once the first has finished, the directory is free again.
    QCOMPARE(cli({"run", defaultScenario(), "--out", dir.filePath("out")}).code, 0);
  }

  void aKilledWriterLeavesOnlyWholeFilesAndNoStaleSummary() {
    QTemporaryDir dir;
    const QString out = dir.filePath("out");
    // A previous batch's summary: it must not survive next to a later batch's traces.
    QCOMPARE(cli({"run", defaultScenario(), "--out", out}).code, 0);
    const QString scenario = dir.filePath("long.json");
    // Ten runs with long traces (2^18 rows, 20 MB each): seconds of writing to interrupt.
    QByteArray runs;
    for (int i = 1; i <= 10; ++i) {
      runs += QByteArray(i > 1 ? "," : "") +
              R"({"label": "gd", "optimizer": {"type": "sgd", "lr": )" +
              QByteArray::number(i * 1e-5) + "}}";
    }
    writeFile(scenario, R"({"objective": "rosenbrock", "start": [-1.5, 2],
        "stop": {"max_iterations": 400000, "grad_tol": 0}, "runs": [)" +
                            runs + "]}");
    for (const int delayMs : {150, 400, 900}) {
      QProcess p;
      p.start(GRADSCAPE_CLI, {"run", scenario, "--out", out});
      QVERIFY(p.waitForReadyRead(30'000));
      // Never kill(0, ...): that would be this test's own process group.
      QVERIFY2(!p.waitForFinished(delayMs), "the batch ended before the kill: make it longer");
      QVERIFY(p.processId() > 0);
      ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
      QVERIFY(p.waitForFinished(10'000));
      QVERIFY2(!QFileInfo::exists(out + "/summary.json"),
               qPrintable(QString("a summary after SIGKILL at %1 ms").arg(delayMs)));
      for (const QString& csv : QDir(out).entryList({"*.csv"}, QDir::Files)) {
        QVERIFY2(wholeCsv(out + "/" + csv), qPrintable(csv + " is cut"));
      }
    }
    // The next writer clears what the killed ones left.
    QCOMPARE(cli({"run", defaultScenario(), "--out", out}).code, 0);
    QCOMPARE(temporaries(out), QStringList());
  }

  void aSuccessfulRunLeavesNoTemporaries() {
    QTemporaryDir dir;
    QCOMPARE(cli({"run", defaultScenario(), "--out", dir.path()}).code, 0);
    QCOMPARE(temporaries(dir.path()), QStringList());
    QFile summary(dir.filePath("summary.json"));
    QVERIFY(summary.open(QIODevice::ReadOnly));
    const auto j = nlohmann::json::parse(summary.readAll().toStdString());
    QCOMPARE(j["runs"].size(), size_t{7});
    for (const auto& run : j["runs"]) {
      QVERIFY(wholeCsv(dir.filePath(QString::fromStdString(run["trace_file"].get<std::string>()))));
    }
  }
};

QTEST_GUILESS_MAIN(TestCliOutputSafety)
#include "test_cli_output_safety.moc"
