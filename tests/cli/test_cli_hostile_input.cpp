// gradscape-cli on hostile input (issue 11): every bad file or request ends in a message that
// names the file and the place, printable and bounded, with exit code 2; nothing crashes,
// hangs or exhausts memory.
#include <sys/stat.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_process.h"

using gradscape::testing::cli;
using gradscape::testing::CliResult;
using gradscape::testing::defaultScenario;
using gradscape::testing::writeFile;

namespace {

const QByteArray kRuns = R"("runs": [{"optimizer": {"type": "sgd", "lr": 0.001}}])";

// A 2-D Rosenbrock scenario with `middle` spliced in before the runs.
QByteArray scenarioWith(const QByteArray& middle) {
  return R"({"objective": "rosenbrock", "start": [-1.5, 2], )" + middle + kRuns + "}";
}

bool printable(const QString& text) {
  for (const QChar c : text) {
    if ((c.unicode() < 0x20 && c != '\n') || c.unicode() == 0x7f ||
        (c.unicode() >= 0x80 && c.unicode() < 0xa0)) {
      return false;
    }
  }
  return true;
}

}  // namespace

class TestCliHostileInput : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  // Validates `text` as a file and returns the result.
  CliResult validate(const QByteArray& text) {
    const QString file = dir_.filePath("s.json");
    writeFile(file, text);
    return cli({"validate", file});
  }

 private slots:
  void deepNestingIsRefusedWithAMessage() {
    // Defect 1: 10^5 nested brackets crashed the message code (exit 139).
    const QByteArray deep = QByteArray(100'000, '[') + QByteArray(100'000, ']');
    for (const QByteArray& text : {scenarioWith("\"name\": " + deep + ", "),
                                   "{\"objective\": \"rosenbrock\", \"runs\": " + deep + "}"}) {
      const CliResult r = validate(text);
      QCOMPARE(r.code, 2);
      QVERIFY2(r.err.contains("s.json: ") && r.err.contains("nested deeper than 64 levels"),
               qPrintable(r.err));
      QVERIFY2(r.err.size() < 1000, qPrintable(r.err.left(1000)));
    }
  }

  void aNumberBeyondADoubleNamesFilePathAndColumn() {
    const CliResult r = validate(
        R"({"objective": "rosenbrock", "runs": [{"optimizer": {"type": "sgd", "lr": 1e400}}]})");
    QCOMPARE(r.code, 2);
    // The number starts at byte 74 of the one-line file.
    QVERIFY2(r.err.contains("s.json: runs[0].optimizer.lr: the number 1e400 at line 1, column 74 "
                            "is too large"),
             qPrintable(r.err));
  }

  void keysWithControlCharactersArePrintedEscaped() {
    // A NUL cut the message short; an escape sequence reached the terminal.
    for (const QByteArray& key : {QByteArray(R"(bad\u0000key)"), QByteArray(R"(\u001b[31mred)")}) {
      const CliResult r = validate(scenarioWith("\"" + key + "\": 1, "));
      QCOMPARE(r.code, 2);
      QVERIFY2(r.err.contains("unknown key; expected one of:"), qPrintable(r.err));
      QVERIFY2(r.err.contains(key.contains("u0000") ? "bad\\u0000key" : "\\u001B[31mred"),
               qPrintable(r.err));
      QVERIFY2(printable(r.err), qPrintable(r.err));
    }
  }

  void duplicateKeysAreRefusedWithBothPlaces() {
    const CliResult r = validate(
        R"({"objective": "rosenbrock", "runs": [{"optimizer": {"type": "sgd", "lr": -1, "lr": 0.1}}]})");
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("runs[0].optimizer.lr: duplicate key: first at line 1, column 68, "
                            "again at line 1, column 78"),
             qPrintable(r.err));
  }

  void validateRefusesWhatRunWouldRefuse() {
    // Defect 9: Newton above 2000 dimensions passed validate, then failed in run.
    const QByteArray text = R"({"objective": {"type": "spectrum_quadratic", "dim": 3000},
                               "runs": [{"optimizer": "newton"}]})";
    const CliResult v = validate(text);
    QCOMPARE(v.code, 2);
    QVERIFY2(v.err.contains("s.json: runs[0].optimizer.type: Newton") &&
                 v.err.contains("limited to 2000 dimensions; this objective has 3000"),
             qPrintable(v.err));
    const CliResult r = cli({"run", dir_.filePath("s.json"), "--out", dir_.filePath("out")});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err, v.err);
  }

  void aStartBeyondTheDivergenceBoundIsRefused() {
    // Defect 8: such a run "diverged at step 0" with an empty trace.
    const CliResult r =
        validate(R"({"objective": "rosenbrock", "start": [1e11, 0],)" + kRuns + "}");
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("start[0]: the coordinate 1e+11 is beyond the divergence "
                            "bound 1e+10"),
             qPrintable(r.err));
    // Rosenbrock at (1000, 1000): f = 999^2 + 100 (1000 - 10^6)^2 = 99800100998001 > 1e10.
    const CliResult f =
        validate(R"({"objective": "rosenbrock", "start": [1000, 1000],)" + kRuns + "}");
    QCOMPARE(f.code, 2);
    QVERIFY2(f.err.contains("start: the loss there, 99800100998001, is beyond"), qPrintable(f.err));
  }

  void badSpectrumRequestsAreRefusedBeforeAnyWork() {
    const QString s = defaultScenario();
    const QList<QPair<QStringList, QString>> cases = {
        {{"--sigma", "inf"}, "--sigma: must be a positive finite number, got inf"},
        {{"--method", "slq", "--sigma", "1e308"}, "--sigma: must be a positive number no larger"},
        {{"--count", "2147483648"}, "--count: Value 2147483648 not in range 1 to 1000000"},
        {{"--steps", "2147483648"}, "--steps: Value 2147483648 not in range"},
        {{"--probes", "2147483647"}, "--probes: Value 2147483647 not in range"},
        {{"--run", "-1"}, "--run"},
    };
    for (const auto& [args, message] : cases) {
      const CliResult r = cli(QStringList{"spectrum", s} + args);
      QCOMPARE(r.code, 2);
      QVERIFY2(r.err.contains(message), qPrintable(args.join(' ') + ": " + r.err));
    }
  }

  void lanczosThatWouldNotFitInMemoryIsRefusedWithTheFigures() {
    // count = n - 1 on 10^5 dimensions: a dense 10^5 x 10^5 matrix (74.5 GB) ended in bad_alloc.
    const QString file = dir_.filePath("big.json");
    writeFile(file, R"({"objective": {"type": "spectrum_quadratic", "dim": 100000},
                        "stop": {"max_iterations": 1}, "runs": [{"optimizer": "sgd"}]})");
    const CliResult r =
        cli({"spectrum", file, "--at", "0", "--method", "lanczos", "--count", "99999"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--count: 99999 eigenvalues from each end need 74.5 GB of Lanczos "
                            "vectors in 100000 dimensions; at most 1341 fit in the 2 GB limit"),
             qPrintable(r.err));
  }

  void filesThatAreNoScenarioFilesGiveAMessagePromptly() {
    CliResult r = cli({"validate", dir_.path()});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(dir_.path() + ": is a directory, not a scenario file"),
             qPrintable(r.err));
    r = cli({"validate", "/dev/zero"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("/dev/zero: more than 64 MB of text"), qPrintable(r.err));
    // A FIFO nobody writes to blocked forever.
    const QString fifo = dir_.filePath("fifo");
    QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
    r = cli({"validate", fifo});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(fifo + ": the file is empty"), qPrintable(r.err));
    r = cli({"validate", dir_.filePath("missing.json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("missing.json: cannot open: No such file or directory"),
             qPrintable(r.err));
  }

  void aScenarioArrivingThroughAPipeIsRead() {
    // The FIFO handling keeps pipes working: validate <(cat file).
    QProcess p;
    p.start("/bin/bash",
            {"-c", "'" + QString(GRADSCAPE_CLI) + "' validate <(cat '" + defaultScenario() + "')"});
    QVERIFY(p.waitForFinished(30'000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains(": ok"));
  }
};

QTEST_GUILESS_MAIN(TestCliHostileInput)
#include "test_cli_hostile_input.moc"
