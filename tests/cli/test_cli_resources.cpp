// gradscape-cli's use of memory and of the terminal (issue 11, defect 6 and the progress bar):
// memory does not grow with the number of runs, running out of it is reported as such, and a
// progress bar appears on a terminal only.
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "app/cli/progress_bar.h"
#include "support/cli_process.h"

using gradscape::cli::ProgressBar;
using gradscape::testing::cliPath;
using gradscape::testing::CliResult;
using gradscape::testing::defaultScenario;
using gradscape::testing::shell;
using gradscape::testing::writeFile;

// GCC defines __SANITIZE_ADDRESS__ under -fsanitize=address; clang says so through
// __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define GRADSCAPE_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GRADSCAPE_TEST_ASAN 1
#endif
#endif

namespace {

// An address-space cap (ulimit -v) is how these tests bound memory; an AddressSanitizer build
// cannot start under one (its shadow memory alone reserves terabytes of address space), so there
// they are skipped: the plain build's suite runs them.
#if defined(GRADSCAPE_TEST_ASAN)
constexpr bool kAddressSpaceCanBeCapped = false;
#else
constexpr bool kAddressSpaceCanBeCapped = true;
#endif

// GD steps on a 200-dimensional quadratic that take about a second: 3 us a step in a Release
// build, about 38 us in the sanitizers' build (Debug at -O1).
#if defined(GRADSCAPE_TEST_ASAN)
constexpr int kSecondOfSteps = 30000;
#else
constexpr int kSecondOfSteps = 300000;
#endif

// A scenario of `runs` runs labelled a, b, ... of `steps` GD steps each on that quadratic.
QByteArray quadraticRuns(int runs, int steps) {
  QByteArray list;
  for (int i = 0; i < runs; ++i) {
    list += QByteArray(i ? "," : "") + R"({"label": ")" + QByteArray(1, char('a' + i)) +
            R"(", "optimizer": {"type": "sgd", "lr": 0.5}})";
  }
  return R"({"objective": {"type": "spectrum_quadratic", "dim": 200},
             "stop": {"max_iterations": )" +
         QByteArray::number(steps) + R"(, "grad_tol": 0}, "runs": [)" + list + "]}";
}

}  // namespace

class TestCliResources : public QObject {
  Q_OBJECT

 private slots:
  void memoryDoesNotGrowWithTheNumberOfRuns() {
    if (!kAddressSpaceCanBeCapped) QSKIP("ulimit -v cannot cap an AddressSanitizer build");
    // 2000 runs whose traces are sized for 10^6 iterations (2^18 rows, about 15 MB of address
    // space each): 29 GB if every run were built before the first one starts, one run's worth
    // when each is written and let go before the next. The address space is capped at 1 GB.
    QTemporaryDir dir;
    QByteArray runs;
    for (int i = 0; i < 2000; ++i) {
      runs += QByteArray(i ? "," : "") + R"({"optimizer": {"type": "newton", "lr": 1}})";
    }
    writeFile(dir.filePath("many.json"),
              R"({"objective": "rotated_quadratic", "start": [1, 1],
                  "stop": {"max_iterations": 1000000}, "runs": [)" +
                  runs + "]}");
    const CliResult r = shell("ulimit -v 1000000; exec " + cliPath() + " run '" +
                              dir.filePath("many.json") + "' --out '" + dir.filePath("out") + "'");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(QDir(dir.filePath("out")).entryList({"*.csv"}, QDir::Files).size(), 2000);
  }

  void runningOutOfMemoryIsReportedAsSuch() {
    if (!kAddressSpaceCanBeCapped) QSKIP("ulimit -v cannot cap an AddressSanitizer build");
    // A logistic regression on 10^5 samples of 500 features holds 400 MB of data: more than a
    // 300 MB address space allows. That is no bad input (exit 2) but a lack of memory (exit 1).
    QTemporaryDir dir;
    writeFile(dir.filePath("big.json"),
              R"({"objective": {"type": "logistic_regression", "samples": 100000,
                                "features": 500},
                  "runs": [{"optimizer": "sgd"}]})");
    const CliResult r = shell("ulimit -v 300000; exec " + cliPath() + " validate '" +
                              dir.filePath("big.json") + "'");
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("gradscape-cli: out of memory"), qPrintable(r.err));
  }

  void theProgressBarShowsTheFractionAndTheTimeLeft() {
    // Half done after 10 s: 10 s left.
    QCOMPARE(QString::fromStdString(ProgressBar::render(0.5, 10.0, "run 1/2 Adam")),
             QString("[############............]  50%  run 1/2 Adam  about 10 s left"));
    // No estimate in the first second, none once done; fractions are clamped.
    QCOMPARE(QString::fromStdString(ProgressBar::render(0.25, 0.5, "x")),
             QString("[######..................]  25%  x"));
    QCOMPARE(QString::fromStdString(ProgressBar::render(7.0, 30.0, "x")),
             QString("[########################] 100%  x"));
    // A quarter done after 100 s: 300 s left.
    QCOMPARE(QString::fromStdString(ProgressBar::render(0.25, 100.0, "x")),
             QString("[######..................]  25%  x  about 5 min 00 s left"));
    // Labels come from files: control characters are escaped.
    QVERIFY(!QString::fromStdString(ProgressBar::render(0.1, 0.0, "a\x1b[2Jb")).contains('\x1b'));
  }

  void theProgressBarAppearsOnATerminalOnly() {
    QTemporaryDir dir;
    writeFile(dir.filePath("two.json"), quadraticRuns(2, kSecondOfSteps / 10));
    const QString run =
        cliPath() + " run '" + dir.filePath("two.json") + "' --out '" + dir.filePath("out") + "'";
    // script(1) gives the program a terminal; its output is what the terminal received.
    const CliResult tty = shell("script -qfec \"" + run + "\" /dev/null");
    QCOMPARE(tty.code, 0);
    QVERIFY2(tty.out.contains("] ") && tty.out.contains("%  run 1/2 a"), qPrintable(tty.out));
    const CliResult pipe = shell(run);
    QCOMPARE(pipe.code, 0);
    QVERIFY2(!pipe.err.contains('%') && !pipe.out.contains("%  run"), qPrintable(pipe.err));
  }

  void theProgressBarMovesWithinASingleLongRun() {
    // One run of about a second: the bar shows shares of it between 0 and 100 %, not only its
    // start (and before the fix, nothing between runs).
    QTemporaryDir dir;
    writeFile(dir.filePath("one.json"), quadraticRuns(1, kSecondOfSteps));
    const QString run =
        cliPath() + " run '" + dir.filePath("one.json") + "' --out '" + dir.filePath("out") + "'";
    const CliResult tty = shell("script -qfec \"" + run + "\" /dev/null");
    QCOMPARE(tty.code, 0);
    const QRegularExpression shown(R"(\s(\d+)%  run 1/1 a)");
    QStringList within;
    for (auto it = shown.globalMatch(tty.out); it.hasNext();) {
      const int percent = it.next().captured(1).toInt();
      if (percent > 0 && percent < 100) within << QString::number(percent);
    }
    QVERIFY2(!within.isEmpty(), qPrintable(tty.out));
  }

  void spectrumShowsItsReplayOnTheBar() {
    QTemporaryDir dir;
    writeFile(dir.filePath("one.json"), quadraticRuns(1, kSecondOfSteps / 10));
    const QString spectrum = cliPath() + " spectrum '" + dir.filePath("one.json") + "' --out '" +
                             dir.filePath("spectrum.csv") + "'";
    const CliResult tty = shell("script -qfec \"" + spectrum + "\" /dev/null");
    QCOMPARE(tty.code, 0);
    QVERIFY2(tty.out.contains("%  replaying the run"), qPrintable(tty.out));
  }
};

QTEST_GUILESS_MAIN(TestCliResources)
#include "test_cli_resources.moc"
