// gradscape-cli spectrum end to end: the Hessian spectrum at an iterate of a real scenario,
// against eigenvalues computed here from the closed-form Hessian, and its bad-input messages.
#include <QTemporaryDir>
#include <QtTest>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "support/cli_process.h"

using gradscape::testing::cli;
using gradscape::testing::CliResult;
using gradscape::testing::defaultScenario;
using gradscape::testing::writeFile;

namespace {

QStringList csvLines(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QString(f.readAll()).trimmed().split('\n');
}

// Eigenvalues (ascending) of Rosenbrock's Hessian (a = 1, b = 100) at (x, y).
Eigen::Vector2d rosenbrockEigenvalues(double x, double y) {
  Eigen::Matrix2d h;
  h << 2.0 - 400.0 * (y - 3.0 * x * x), -400.0 * x, -400.0 * x, 200.0;
  return Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d>(h).eigenvalues();
}

}  // namespace

class TestCliSpectrum : public QObject {
  Q_OBJECT

 private slots:
  void denseSpectrumAtTheStartMatchesTheClosedForm() {
    QTemporaryDir dir;
    const QString out = dir.filePath("start.csv");
    const CliResult r = cli({"spectrum", defaultScenario(), "--run", "0", "--at", "0", "--method",
                             "dense", "--out", out});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines = csvLines(out);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QString("index,eigenvalue"));
    const Eigen::Vector2d want = rosenbrockEigenvalues(-1.5, 2.0);  // the scenario's start
    for (int i = 0; i < 2; ++i) {
      const QStringList cells = lines[i + 1].split(',');
      QCOMPARE(cells[0].toInt(), i);
      QVERIFY(std::abs(cells[1].toDouble() - want[i]) < 1e-9 * std::abs(want[i]));
    }
    QVERIFY(r.out.contains("at iteration 0"));
    QVERIFY(r.out.contains("largest eigenvalue"));
  }

  void finalIterateOfNewtonIsTheMinimizersSpectrum() {
    // Run 6 is Newton, which converges to (1, 1): eigenvalues (1002 +- sqrt(1002404)) / 2.
    const CliResult r = cli({"spectrum", defaultScenario(), "--run", "6"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines = r.out.trimmed().split('\n');  // CSV on standard output
    QCOMPARE(lines.size(), 3);
    const double root = std::sqrt(1002404.0);
    QVERIFY(std::abs(lines[1].split(',')[1].toDouble() - (1002.0 - root) / 2.0) < 1e-6);
    QVERIFY(std::abs(lines[2].split(',')[1].toDouble() - (1002.0 + root) / 2.0) < 1e-6);
    QVERIFY(r.err.contains("converged"));  // the summary goes to stderr with CSV on stdout
  }

  void lanczosOnTwoDimensionsGivesBothEnds() {
    const CliResult r =
        cli({"spectrum", defaultScenario(), "--at", "0", "--method", "lanczos", "--count", "1"});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines[0], QString("end,rank,eigenvalue"));
    const Eigen::Vector2d want = rosenbrockEigenvalues(-1.5, 2.0);
    QVERIFY(lines[1].startsWith("smallest,1,"));
    QVERIFY(std::abs(lines[1].split(',')[2].toDouble() - want[0]) < 1e-8 * want[1]);
    QVERIFY(lines[2].startsWith("largest,1,"));
    QVERIFY(std::abs(lines[2].split(',')[2].toDouble() - want[1]) < 1e-8 * want[1]);
  }

  void badRequestsExitTwoNamingTheProblem_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("run out of range")
        << QStringList{"--run", "99"} << "run: the scenario has runs 0 to 6, got 99";
    QTest::newRow("iteration past the end")
        << QStringList{"--run", "6", "--at", "100000"} << "ended (converged) at iteration";
    QTest::newRow("unknown method")
        << QStringList{"--method", "qr"} << "--method: qr not in {dense,lanczos,slq}";
    QTest::newRow("bad iteration")
        << QStringList{"--at", "last"}
        << "--at: expected 'final' or an iteration number >= 0, got last";
    QTest::newRow("count too large")
        << QStringList{"--at", "0", "--method", "lanczos", "--count", "3"} << "count: must be";
    QTest::newRow("negative sigma")
        << QStringList{"--sigma", "-1"} << "--sigma: must be a positive finite number, got -1";
  }
  void badRequestsExitTwoNamingTheProblem() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliResult r = cli(QStringList{"spectrum", defaultScenario()} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
  }

  void badScenarioFileExitsTwo() {
    QTemporaryDir dir;
    writeFile(dir.filePath("bad.json"), R"({"objective": "rosenbrock", "runs": []})");
    const CliResult r = cli({"spectrum", dir.filePath("bad.json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("runs: must be a non-empty array"), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestCliSpectrum)
#include "test_cli_spectrum.moc"
