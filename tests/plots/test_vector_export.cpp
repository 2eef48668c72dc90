// Vector pictures (plots/export/vector_export.h): a convergence chart written as SVG and as PDF
// and rasterised back (rsvg-convert, pdftoppm) looks like the chart's PNG at the same size, and
// its SVG holds the axis titles as <text>; the contour map as a PDF (raster landscape under
// vector text) looks like its PNG; a write into a place that cannot be written names the file
// and leaves nothing.
#include <vtkAxis.h>
#include <vtkChartXY.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "plots/contour_scene.h"
#include "plots/convergence_chart.h"
#include "plots/export/offscreen_window.h"
#include "plots/export/picture.h"
#include "plots/export/picture_files.h"
#include "plots/export/vector_export.h"
#include "support/chart_image.h"
#include "support/chart_series.h"
#include "support/quadratic_landscape.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

constexpr int kW = 640, kH = 400;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs a rasteriser; "" or what went wrong.
QString run(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(60000)) return program + " did not finish: " + p.errorString();
  if (p.exitCode() != 0)
    return program + " failed: " + QString::fromLocal8Bit(p.readAllStandardError());
  return {};
}

// How far apart two pictures of the same size are: the mean absolute difference over the RGB
// channels (levels of 255), and the fraction of pixels within 48 levels in every channel.
struct Difference {
  double mean = 0.0;
  double within = 0.0;
};

Difference compare(const Picture& a, const Picture& b) {
  Difference d;
  long sum = 0, close = 0;
  const long pixels = static_cast<long>(a.width) * a.height;
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      int worst = 0;
      for (int c = 0; c < 3; ++c) {
        const int e = std::abs(a.at(x, y, c) - b.at(x, y, c));
        sum += e;
        worst = std::max(worst, e);
      }
      close += worst <= 48 ? 1 : 0;
    }
  }
  d.mean = static_cast<double>(sum) / (3.0 * static_cast<double>(pixels));
  d.within = static_cast<double>(close) / static_cast<double>(pixels);
  return d;
}

std::vector<RunView> decayingRuns() {
  std::vector<RunView> runs;
  for (int i = 0; i < 3; ++i) {
    std::vector<double> loss;
    for (int k = 0; k <= 100; ++k) loss.push_back((i + 1) * std::pow(0.93 - 0.02 * i, k));
    runs.push_back(runOf(range(101), loss, i, "run " + std::to_string(i)));
  }
  return runs;
}

}  // namespace

class TestVectorExport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  std::string file(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }

  // The PNG of the rasterised vector file at width x height (both kept under
  // $GRADSCAPE_SHOT_DIR, when it is set, to be looked at).
  Picture rasterised(const std::string& path, bool pdf, int width, int height) {
    const QString shots = qEnvironmentVariable("GRADSCAPE_SHOT_DIR");
    const std::string png = path + ".png";
    const QString error =
        pdf ? run("pdftoppm", {"-r", "72", "-png", "-singlefile", QString::fromStdString(path),
                               QString::fromStdString(path)})
            : run("rsvg-convert",
                  {"-w", QString::number(width), "-h", QString::number(height), "-b", "white", "-o",
                   QString::fromStdString(png), QString::fromStdString(path)});
    if (!error.isEmpty()) qWarning("%s", qPrintable(error));
    if (!shots.isEmpty()) {
      std::filesystem::create_directories(shots.toStdString());
      for (const std::string& f : {path, png}) {
        const auto to = std::filesystem::path(shots.toStdString()) /
                        ("export_" + std::filesystem::path(f).filename().string());
        std::filesystem::copy_file(f, to, std::filesystem::copy_options::overwrite_existing);
      }
    }
    return readPng(png);
  }

  // The chart as SVG or PDF, rasterised back, compared with its own PNG.
  void chartLooksLikeItsPng(VectorFormat format, const char* name) {
    OffscreenChart<ConvergenceChart> o(kW, kH);
    o.chart.setRuns(decayingRuns(), ConvergenceQuantity::Loss, std::nullopt);
    const Picture png = renderPicture(o.window, {});
    writePng(png, file("chart_reference.png"));
    const std::string path = file(name);
    QCOMPARE(QString::fromStdString(writeVectorPicture(o.window, path, {format, false, "chart"})),
             QString());
    const Picture back = rasterised(path, format == VectorFormat::Pdf, kW, kH);
    QCOMPARE(back.width, kW);
    QCOMPARE(back.height, kH);
    const Difference d = compare(png, back);
    qInfo("%s rasterised vs PNG: mean difference %.2f levels, %.4f of pixels within 48", name,
          d.mean, d.within);
    // Text is drawn by another rasteriser (other hinting and anti-aliasing) and lines are
    // anti-aliased differently, so edges differ; the white page, the axes and the curves lie
    // in the same places: a misplaced axis or a missing curve moves these far beyond this.
    QVERIFY2(d.mean < 6.0, qPrintable(QString::number(d.mean)));
    QVERIFY2(d.within > 0.97, qPrintable(QString::number(d.within)));
    // The picture is not blank: the chart's curves are there in their colours.
    ChartImage image{back.width, back.height, {}};
    for (int y = back.height - 1; y >= 0; --y) {
      for (int x = 0; x < back.width; ++x) {
        image.pixels.push_back({back.at(x, y, 0), back.at(x, y, 1), back.at(x, y, 2)});
      }
    }
    for (int i = 0; i < 3; ++i) QVERIFY(countColour(image, runColor(i)) > 50);
  }

 private slots:
  void initTestCase() {
    std::string why;
    QVERIFY2(OffscreenWindow::displayAvailable(&why), why.c_str());
    QVERIFY(dir_.isValid());
  }

  void chartSvgLooksLikeItsPng() { chartLooksLikeItsPng(VectorFormat::Svg, "chart.svg"); }
  void chartPdfLooksLikeItsPng() { chartLooksLikeItsPng(VectorFormat::Pdf, "chart.pdf"); }

  void chartSvgKeepsTheAxisTitlesAsText() {
    OffscreenChart<ConvergenceChart> o(kW, kH);
    o.chart.setRuns(decayingRuns(), ConvergenceQuantity::Loss, std::nullopt);
    o.window->Render();
    const std::string path = file("titles.svg");
    QCOMPARE(QString::fromStdString(writeVectorPicture(o.window, path, {VectorFormat::Svg})),
             QString());
    const std::string svg = slurp(path);
    QVERIFY(svg.find("<text") != std::string::npos);
    for (const int axis : {vtkAxis::BOTTOM, vtkAxis::LEFT}) {
      const std::string title = o.xy()->GetAxis(axis)->GetTitle();
      QVERIFY(!title.empty());
      QVERIFY2(svg.find(">" + title + "<") != std::string::npos, title.c_str());
    }
  }

  // The map as a PDF: the landscape (a 3-D prop to GL2PS) as one image, the title, colour bar
  // and axis labels as vector text over it.
  void mapPdfLooksLikeItsPng() {
    ContourScene scene;
    OffscreenWindow window(kW, kH);
    scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    scene.setRuns({lineRun("run", -1.5, 1.5, 0.5, {0.9, 0.1, 0.1}, 60)});
    window.addRenderer(scene.renderer());
    const Picture png = renderPicture(window.window(), {});
    const std::string path = file("map.pdf");
    QCOMPARE(QString::fromStdString(
                 writeVectorPicture(window.window(), path, {VectorFormat::Pdf, true, "map"})),
             QString());
    const Picture back = rasterised(path, true, kW, kH);
    QCOMPARE(back.width, kW);
    QCOMPARE(back.height, kH);
    const Difference d = compare(png, back);
    qInfo("map PDF rasterised vs PNG: mean difference %.2f levels, %.4f of pixels within 48",
          d.mean, d.within);
    QVERIFY2(d.mean < 8.0, qPrintable(QString::number(d.mean)));
    QVERIFY2(d.within > 0.95, qPrintable(QString::number(d.within)));
    window.removeRenderer(scene.renderer());
  }

  void writeIntoAnUnwritablePlaceNamesTheFileAndLeavesNothing() {
    OffscreenChart<ConvergenceChart> o(kW, kH);
    o.chart.setRuns(decayingRuns(), ConvergenceQuantity::Loss, std::nullopt);
    const std::string plain = file("plain");
    std::ofstream(plain) << "a regular file";
    const std::string path = plain + "/chart.svg";
    const std::string message = writeVectorPicture(o.window, path, {VectorFormat::Svg});
    QVERIFY2(message.find(path) != std::string::npos, message.c_str());
    QVERIFY(!std::filesystem::exists(path));
    QCOMPARE(slurp(plain), std::string("a regular file"));
    // An existing file is replaced whole, and no temporary directory stays beside it.
    const std::string existing = file("existing.svg");
    std::ofstream(existing) << "old";
    QCOMPARE(QString::fromStdString(writeVectorPicture(o.window, existing, {VectorFormat::Svg})),
             QString());
    QVERIFY(slurp(existing).find("<svg") != std::string::npos);
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path().toStdString())) {
      QVERIFY2(entry.path().filename().string().rfind(".gradscape-tmp.", 0) != 0,
               entry.path().c_str());
    }
  }
};

QTEST_GUILESS_MAIN(TestVectorExport)
#include "test_vector_export.moc"
