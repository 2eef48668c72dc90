// gradscape-cli render beyond PNG: charts as SVG (XML whose text is the chart's text) and PDF
// (rasterised to the view's size), the map as PDF and refused as SVG, videos with the asked
// frames, size and duration (ffprobe), the scenario's saved view applied (the map's zoom box,
// the chart's quantity, the selected run of the spectrum), and bad video options refused.
#include <signal.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "support/cli_render.h"
#include "support/video_probe.h"

using gradscape::testing::CliResult;
using gradscape::testing::cliWithoutDisplay;
using gradscape::testing::defaultScenario;

namespace {

QStringList filesIn(const QString& dir) {
  return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

#ifdef GRADSCAPE_HAS_PLOTS  // helpers of the suites that draw (not built without the renderer)
// A small scenario: f = (x^2 + y^2) / 2 on [-2, 2]^2 (a rotated quadratic of condition 1), two
// gradient descent runs from (-1.5, 1.5) to the minimum at the centre; `view` as its "view".
QByteArray roundBowl(const nlohmann::json& view = nullptr) {
  nlohmann::json j = {
      {"version", 1},
      {"name", "round bowl"},
      {"objective", {{"type", "rotated_quadratic"}, {"condition", 1}, {"angle", 0}}},
      {"start", {-1.5, 1.5}},
      {"stop", {{"max_iterations", 60}, {"grad_tol", 1e-8}}},
      {"runs",
       {{{"label", "GD slow"}, {"optimizer", {{"type", "sgd"}, {"lr", 0.05}}}},
        {{"label", "GD fast"}, {"optimizer", {{"type", "sgd"}, {"lr", 0.3}}}}}}};
  if (!view.is_null()) j["view"] = view;
  return QByteArray::fromStdString(j.dump());
}

// The default scenario with `view` as its "view".
QByteArray defaultWithView(const nlohmann::json& view) {
  QFile f(defaultScenario());
  if (!f.open(QIODevice::ReadOnly)) return {};
  nlohmann::json j = nlohmann::json::parse(f.readAll().toStdString());
  j["view"] = view;
  return QByteArray::fromStdString(j.dump());
}

// Every <text> element's text in an SVG file; `ok` false when it is not well-formed XML.
QStringList svgTexts(const QString& path, bool& ok) {
  QFile f(path);
  ok = f.open(QIODevice::ReadOnly);
  QStringList texts;
  if (!ok) return texts;
  QXmlStreamReader xml(&f);
  bool sawSvg = false;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    if (xml.name() == QLatin1String("svg")) sawSvg = true;
    if (xml.name() == QLatin1String("text")) {
      texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
  }
  ok = !xml.hasError() && sawSvg;
  if (xml.hasError()) qWarning("%s", qPrintable(xml.errorString()));
  return texts;
}

bool anyContains(const QStringList& texts, const QString& part) {
  for (const QString& t : texts) {
    if (t.contains(part)) return true;
  }
  return false;
}

#endif

}  // namespace

class TestCliRenderFormats : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;

  QString out(const QString& name) const { return dir_.filePath(name); }
  // A fresh directory for one test's output (to check that nothing else was left there).
  QString freshDir(const QString& name) const {
    QDir(dir_.path()).mkpath(name);
    return dir_.filePath(name);
  }
  QString scenario(const QString& name, const QByteArray& text) const {
    const QString path = dir_.filePath(name);
    gradscape::testing::writeFile(path, text);
    return path;
  }

 private slots:
  // Checked by the parser: the same in a build without the renderer.
  void badVideoOptionsExitTwoNamingTheOption_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("option");
    QTest::newRow("fps 0") << QStringList{"--fps", "0"} << "--fps";
    QTest::newRow("fps 61") << QStringList{"--fps", "61"} << "--fps";
    QTest::newRow("fps word") << QStringList{"--fps", "fast"} << "--fps";
    QTest::newRow("fps inf") << QStringList{"--fps", "inf"} << "--fps";
    QTest::newRow("seconds 0") << QStringList{"--seconds", "0"} << "--seconds";
    QTest::newRow("seconds negative") << QStringList{"--seconds", "-1"} << "--seconds";
    QTest::newRow("seconds 601") << QStringList{"--seconds", "601"} << "--seconds";
    QTest::newRow("seconds nan") << QStringList{"--seconds", "nan"} << "--seconds";
  }
  void badVideoOptionsExitTwoNamingTheOption() {
    QFETCH(QStringList, args);
    QFETCH(QString, option);
    const QString dir = freshDir(QString("bad_") + QTest::currentDataTag());
    const CliResult r =
        cliWithoutDisplay(QStringList{"render", defaultScenario(), "--out", dir + "/v.mp4"} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(option), qPrintable(r.err));
    QCOMPARE(filesIn(dir), QStringList());
  }

#ifdef GRADSCAPE_HAS_PLOTS
  void convergenceSvgIsXmlHoldingTheChartsText() {
    const CliResult r = cliWithoutDisplay({"render", defaultScenario(), "--view", "convergence",
                                           "--size", "640x400", "--out", out("conv.svg")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    bool ok = false;
    const QStringList texts = svgTexts(out("conv.svg"), ok);
    QVERIFY2(ok, "not a well-formed SVG document");
    // The axis titles (iteration; the loss f(x), the saved view's default quantity) and run
    // names of the legend are text, not paths.
    QVERIFY2(texts.contains("iteration"), qPrintable(texts.join(" | ")));
    QVERIFY2(texts.contains("f(x)"), qPrintable(texts.join(" | ")));
    QVERIFY2(anyContains(texts, "Nesterov"), qPrintable(texts.join(" | ")));
  }

  void savedChartQuantityAndXAxisTitleTheAxes() {
    const QString file = scenario(
        "lr_view.json",
        defaultWithView({{"chart_quantity", "learning_rate"}, {"chart_x", "evaluations"}}));
    const CliResult r = cliWithoutDisplay(
        {"render", file, "--view", "convergence", "--size", "640x400", "--out", out("lr.svg")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    bool ok = false;
    const QStringList texts = svgTexts(out("lr.svg"), ok);
    QVERIFY(ok);
    QVERIFY2(texts.contains("learning rate"), qPrintable(texts.join(" | ")));
    QVERIFY2(!texts.contains("f(x)"), qPrintable(texts.join(" | ")));
    QVERIFY2(texts.contains("evaluations"), qPrintable(texts.join(" | ")));
    QVERIFY2(!texts.contains("iteration"), qPrintable(texts.join(" | ")));
  }

  void spectrumIsOfTheSavedSelectedRun() {
    // Run 0 is GD at lr 0.001 (2/lr = 2000); run 3 is Adam, which has no threshold line.
    const QString selected = scenario("adam_view.json", defaultWithView({{"selected_run", 3}}));
    const CliResult first = cliWithoutDisplay({"render", defaultScenario(), "--view", "spectrum",
                                               "--size", "640x400", "--out", out("gd.svg")});
    QVERIFY2(first.code == 0, qPrintable(first.err));
    const CliResult adam = cliWithoutDisplay(
        {"render", selected, "--view", "spectrum", "--size", "640x400", "--out", out("adam.svg")});
    QVERIFY2(adam.code == 0, qPrintable(adam.err));
    bool ok = false;
    const QStringList gd = svgTexts(out("gd.svg"), ok);
    QVERIFY(ok);
    const QStringList other = svgTexts(out("adam.svg"), ok);
    QVERIFY(ok);
    QVERIFY2(anyContains(gd, "Hessian spectrum at iteration") && anyContains(gd, "GD"),
             qPrintable(gd.join(" | ")));
    QVERIFY2(anyContains(gd, "2/lr = 2000"), qPrintable(gd.join(" | ")));
    QVERIFY2(anyContains(other, "Adam"), qPrintable(other.join(" | ")));
    QVERIFY2(!anyContains(other, "2/lr"), qPrintable(other.join(" | ")));
  }

  void pdfsRasteriseToTheViewsSize_data() {
    QTest::addColumn<QString>("view");
    QTest::newRow("convergence") << "convergence";
    QTest::newRow("map") << "map";
  }
  void pdfsRasteriseToTheViewsSize() {
    QFETCH(QString, view);
    const QString pdf = out(view + ".pdf");
    const CliResult r = cliWithoutDisplay({"render", scenario("bowl.json", roundBowl()), "--view",
                                           view, "--size", "320x240", "--out", pdf});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.read(5), QByteArray("%PDF-"));
    // One point per view pixel: at 72 dpi the page is the view's size.
    const QString base = out(view + "_pdf");
    QProcess p;
    p.start("pdftoppm", {"-r", "72", "-png", "-singlefile", pdf, base});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const auto picture = gradscape::testing::readBack(base + ".png");
    QCOMPARE(picture.width, 320);
    QCOMPARE(picture.height, 240);
    if (view == "map") {  // the landscape is in it, as an image (here: the upper right quadrant)
      QVERIFY2(gradscape::testing::viridisShare(picture, 150, 45, 210, 110) > 0.5,
               "no viridis landscape in the middle of the map's PDF");
    }
  }

  void vectorFilesThatCannotHoldTheViewAreRefused_data() {
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("says");
    QTest::newRow("map svg") << "map"
                             << "m.svg"
                             << ".pdf";
    QTest::newRow("surface svg") << "surface"
                                 << "s.svg"
                                 << ".pdf";
    QTest::newRow("window pdf") << "window"
                                << "w.pdf"
                                << ".png";
    QTest::newRow("window svg") << "window"
                                << "w.svg"
                                << ".png";
  }
  void vectorFilesThatCannotHoldTheViewAreRefused() {
    QFETCH(QString, view);
    QFETCH(QString, file);
    QFETCH(QString, says);
    const QString dir = freshDir(QString("refused_") + QTest::currentDataTag());
    const CliResult r =
        cliWithoutDisplay({"render", defaultScenario(), "--view", view, "--out", dir + "/" + file});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--out") && r.err.contains(says), qPrintable(r.err));
    QCOMPARE(filesIn(dir), QStringList());
  }

  void videosHaveTheAskedFramesSizeAndDuration_data() {
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("map mp4") << "map"
                             << "map.mp4" << QStringList{};
    QTest::newRow("convergence gif") << "convergence"
                                     << "chart.gif" << QStringList{};
    QTest::newRow("window webm") << "window"
                                 << "window.webm" << QStringList{};
    QTest::newRow("surface orbit mp4") << "surface"
                                       << "orbit.mp4" << QStringList{"--orbit"};
  }
  void videosHaveTheAskedFramesSizeAndDuration() {
    QFETCH(QString, view);
    QFETCH(QString, file);
    QFETCH(QStringList, extra);
    const QString bowl = scenario("bowl.json", roundBowl());
    const CliResult r =
        cliWithoutDisplay(QStringList{"render", bowl, "--view", view, "--size", "160x120",
                                      "--seconds", "1", "--fps", "10", "--out", out(file)} +
                          extra);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("frame 10 of 10"), qPrintable(r.err));
    const gradscape::testing::Probe p = gradscape::testing::probe(out(file));
    QCOMPARE(p.frames, 10);
    QCOMPARE(p.width, 160);
    QCOMPARE(p.height, 120);
    QVERIFY2(std::abs(p.duration - 1.0) < 0.06, qPrintable(QString::number(p.duration)));
  }

  void videosThatCannotBeMadeAreRefused_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("spectrum") << QStringList{"--view", "spectrum", "--out", "s.mp4"}
                              << "spectrum view has no animation";
    QTest::newRow("odd size mp4") << QStringList{"--size", "161x120", "--out", "o.mp4"} << "--size";
    QTest::newRow("odd after scale")
        << QStringList{"--size", "162x122", "--scale", "1.5", "--out", "o.webm"} << "--scale";
    QTest::newRow("fps for png") << QStringList{"--fps", "10", "--out", "p.png"} << "--fps";
    QTest::newRow("seconds for pdf")
        << QStringList{"--seconds", "2", "--out", "p.pdf"} << "--seconds";
    QTest::newRow("orbit of the map") << QStringList{"--orbit", "--out", "m.gif"} << "--orbit";
    QTest::newRow("scale for pdf")
        << QStringList{"--view", "convergence", "--scale", "2", "--out", "c.pdf"} << "--scale";
  }
  void videosThatCannotBeMadeAreRefused() {
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const QString dir = freshDir(QString("novideo_") + QTest::currentDataTag());
    args.last() = dir + "/" + args.last();
    const CliResult r = cliWithoutDisplay(QStringList{"render", defaultScenario()} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QCOMPARE(filesIn(dir), QStringList());
  }

  void missingFfmpegIsExitOneWithTheEncodersMessage() {
    const QString dir = freshDir("noffmpeg");
    const CliResult r =
        cliWithoutDisplay({"render", scenario("bowl.json", roundBowl()), "--size", "160x120",
                           "--seconds", "1", "--fps", "5", "--out", dir + "/v.mp4"},
                          {"GRADSCAPE_FFMPEG=/nonexistent/ffmpeg"});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("/nonexistent/ffmpeg"), qPrintable(r.err));
    QCOMPARE(filesIn(dir), QStringList());
  }

  void ctrlCDuringAVideoWritesNothing() {
    const QString dir = freshDir("interrupted");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    // 600 frames: the first progress line comes at frame 60, long before the end.
    p.start(GRADSCAPE_CLI, {"render", scenario("bowl.json", roundBowl()), "--size", "160x120",
                            "--seconds", "60", "--fps", "10", "--out", dir + "/long.mp4"});
    QVERIFY(p.waitForStarted());
    QByteArray err;                                                    // standard output and error
    while (!err.contains("%)\n") && p.state() == QProcess::Running) {  // a whole progress line
      p.waitForReadyRead(1000);
      err += p.readAll();
    }
    QVERIFY2(err.contains("frame 60 of 600"), err.constData());
    QVERIFY(p.processId() > 0);  // kill(0, ...) would signal this test's process group
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    err += p.readAll();
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(err.contains("nothing written"), err.constData());
    QCOMPARE(filesIn(dir), QStringList());
  }

  void savedMapBoxOnACornerShowsOnlyItsHighValues() {
    // Linear colours: t = f / 4 on the bowl. The whole map's middle is near the minimum
    // (t < 1/8 within radius 1); the box [1.6, 2] x [-2, -1.6] holds f >= 2.56, t >= 0.64.
    const nlohmann::json linear = {{"log_colour_scale", false}};
    nlohmann::json corner = linear;
    corner["map_box"] = {{"xmin", 1.6}, {"xmax", 2.0}, {"ymin", -2.0}, {"ymax", -1.6}};
    for (const auto& [name, view] : {std::pair{"whole", linear}, std::pair{"corner", corner}}) {
      const QString file = scenario(QString(name) + ".json", roundBowl(view));
      const CliResult r = cliWithoutDisplay({"render", file, "--view", "map", "--size", "480x400",
                                             "--out", out(QString(name) + ".png")});
      QVERIFY2(r.code == 0, qPrintable(r.err));
    }
    // The share of the landscape's pixels with t > 0.5 in the middle of the picture.
    const auto highShare = [](const gradscape::plots::Picture& p) {
      int high = 0, landscape = 0;
      for (int y = p.height * 2 / 5; y < p.height * 3 / 5; y += 2) {
        for (int x = p.width * 3 / 10; x < p.width / 2; x += 2) {
          const double t = gradscape::testing::viridisPosition(p, x, y);
          if (t < 0.0) continue;
          ++landscape;
          high += t > 0.5 ? 1 : 0;
        }
      }
      return landscape > 0 ? double(high) / landscape : -1.0;
    };
    const double whole = highShare(gradscape::testing::readBack(out("whole.png")));
    const double zoomed = highShare(gradscape::testing::readBack(out("corner.png")));
    qInfo("share of t > 0.5 in the middle: whole map %.3f, corner box %.3f", whole, zoomed);
    QVERIFY2(whole >= 0.0 && whole < 0.1, qPrintable(QString::number(whole)));
    QVERIFY2(zoomed > 0.9, qPrintable(QString::number(zoomed)));
  }
#endif
};

QTEST_GUILESS_MAIN(TestCliRenderFormats)
#include "test_cli_render_formats.moc"
