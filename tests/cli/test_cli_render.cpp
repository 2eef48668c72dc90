// gradscape-cli render: pictures of a scenario's views without a display (a private Xvfb), of
// the asked size, scale, iteration and theme; bad options and unwritable files refused.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include "support/cli_render.h"

#ifdef GRADSCAPE_HAS_PLOTS
#include "plots/theme.h"
#endif

using gradscape::testing::CliResult;
using gradscape::testing::cliWithoutDisplay;
using gradscape::testing::defaultScenario;

namespace {

#ifdef GRADSCAPE_HAS_PLOTS
using gradscape::plots::Picture;
using gradscape::testing::near;
using gradscape::testing::readBack;
using gradscape::testing::viridisShare;

// Process ids of every running Xvfb started with -displayfd (as `render` starts its own).
QSet<QString> displayfdServers() {
  QSet<QString> pids;
  for (const QString& pid : QDir("/proc").entryList(QDir::Dirs)) {
    QFile f("/proc/" + pid + "/cmdline");
    if (!f.open(QIODevice::ReadOnly)) continue;
    const QByteArray cmd = f.readAll();
    if (cmd.contains("Xvfb") && cmd.contains("-displayfd")) pids.insert(pid);
  }
  return pids;
}

// Pixels that differ between two pictures of the same size.
int differingPixels(const Picture& a, const Picture& b) {
  int n = 0;
  for (size_t i = 0; i + 3 < a.rgba.size(); i += 4) {
    if (a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2])
      ++n;
  }
  return n;
}
#endif

}  // namespace

class TestCliRender : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  QString out(const QString& name) const { return dir_.filePath(name); }

 private slots:
#ifdef GRADSCAPE_HAS_PLOTS
  void mapWithoutDisplayShowsTheLandscapeAtTheAskedSize() {
    const QSet<QString> before = displayfdServers();
    const CliResult r = cliWithoutDisplay({"render", defaultScenario(), "--view", "map", "--size",
                                           "480x360", "--out", out("map.png")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("private Xvfb"), qPrintable(r.out));
    // The server it started is gone: no new -displayfd Xvfb, and its lock file removed.
    const QSet<QString> after = displayfdServers();
    QVERIFY2((after - before).isEmpty(), "an Xvfb started by render is still running");
    const QString display = r.out.section("Xvfb at :", 1).section(' ', 0, 0);
    QVERIFY(!display.isEmpty());
    QVERIFY(!QFileInfo::exists("/tmp/.X" + display + "-lock"));

    const Picture p = readBack(out("map.png"));
    QCOMPARE(p.width, 480);
    QCOMPARE(p.height, 360);
    // The corner is the light paper; the upper middle of the map (above the legend) is mostly
    // the viridis landscape.
    QVERIFY(near(p, 1, 1, gradscape::plots::paletteOf(gradscape::plots::Theme::Light).paper));
    QVERIFY2(viridisShare(p, 150, 50, 330, 150) > 0.5, "no viridis landscape in the middle");
    // The title band holds ink (text) above the map: not all paper.
    int inked = 0;
    const auto paper = gradscape::plots::paletteOf(gradscape::plots::Theme::Light).paper;
    for (int y = 0; y < 30; ++y) {
      for (int x = 0; x < 480; ++x) inked += near(p, x, y, paper, 40) ? 0 : 1;
    }
    QVERIFY2(inked > 30, qPrintable(QString::number(inked)));
  }

  void scaleTwoDoublesTheSize() {
    const CliResult r = cliWithoutDisplay(
        {"render", defaultScenario(), "--size", "300x200", "--scale", "2", "--out", out("x2.png")});
    QCOMPARE(r.code, 0);
    const Picture p = readBack(out("x2.png"));
    QCOMPARE(p.width, 600);
    QCOMPARE(p.height, 400);
  }

  void atFiveDrawsOtherPathsThanTheEnd() {
    for (const char* at : {"5", "final"}) {
      const CliResult r =
          cliWithoutDisplay({"render", defaultScenario(), "--size", "400x300", "--at", at, "--out",
                             out(QString("at") + at + ".png")});
      QCOMPARE(r.code, 0);
    }
    const Picture five = readBack(out("at5.png")), end = readBack(out("atfinal.png"));
    QCOMPARE(five.width, end.width);
    QVERIFY2(differingPixels(five, end) > 200, "the paths at 5 and at the end look the same");
  }

  void darkThemeGivesTheDarkPaper() {
    const CliResult r =
        cliWithoutDisplay({"render", defaultScenario(), "--view", "convergence", "--size",
                           "320x240", "--theme", "dark", "--out", out("dark.png")});
    QCOMPARE(r.code, 0);
    const Picture p = readBack(out("dark.png"));
    QVERIFY(near(p, 1, 1, gradscape::plots::paletteOf(gradscape::plots::Theme::Dark).paper));
    QVERIFY(!near(p, 1, 1, gradscape::plots::paletteOf(gradscape::plots::Theme::Light).paper));
  }

  void everyViewWritesAPicture_data() {
    QTest::addColumn<QString>("view");
    for (const char* v : {"map", "surface", "convergence", "sharpness", "spectrum", "window"}) {
      QTest::newRow(v) << QString(v);
    }
  }
  void everyViewWritesAPicture() {
    QFETCH(QString, view);
    const QString file = out(view + ".png");
    const CliResult r = cliWithoutDisplay(
        {"render", defaultScenario(), "--view", view, "--size", "320x240", "--out", file});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const Picture p = readBack(file);
    QCOMPARE(p.width, 320);
    QCOMPARE(p.height, 240);
  }

  void unwritableOutExitsOneAndLeavesNothing() {
    QTemporaryDir d;
    QFile blocker(d.filePath("file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const CliResult r = cliWithoutDisplay(
        {"render", defaultScenario(), "--size", "200x150", "--out", d.filePath("file/x.png")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("x.png"), qPrintable(r.err));
    QCOMPARE(QDir(d.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"file"});
  }
#else
  void buildWithoutPlotsSaysItHasNoRenderer() {
    const CliResult r = cliWithoutDisplay({"render", defaultScenario(), "--out", out("x.png")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("no renderer"));
    QVERIFY(!QFileInfo::exists(out("x.png")));
  }
#endif

  void badOptionsExitTwoNamingTheOption_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("option");
    QTest::newRow("view") << QStringList{"--view", "contour"} << "--view";
    QTest::newRow("size word") << QStringList{"--size", "big"} << "--size";
    QTest::newRow("size tiny") << QStringList{"--size", "8x8"} << "--size";
    QTest::newRow("size huge") << QStringList{"--size", "9000x100"} << "--size";
    QTest::newRow("at negative") << QStringList{"--at", "-3"} << "--at";
    QTest::newRow("at word") << QStringList{"--at", "last"} << "--at";
    QTest::newRow("scale") << QStringList{"--scale", "20"} << "--scale";
    QTest::newRow("theme") << QStringList{"--theme", "blue"} << "--theme";
  }
  void badOptionsExitTwoNamingTheOption() {
    QFETCH(QStringList, args);
    QFETCH(QString, option);
    const CliResult r =
        cliWithoutDisplay(QStringList{"render", defaultScenario(), "--out", out("bad.png")} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(option), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out("bad.png")));
  }
};

QTEST_GUILESS_MAIN(TestCliRender)
#include "test_cli_render.moc"
