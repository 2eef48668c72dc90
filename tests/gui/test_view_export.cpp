// File > Export view and Export window from the real window: the PNG of a view is the view's
// own frame (pixel for pixel at 1x, twice the size at 2x), a chart's SVG rasterised back looks
// like its PNG, the map refuses SVG with a reason, and an export that cannot be written says
// why in the banner and leaves no file.
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <string>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/vtk_view.h"
#include "plots/export/picture_files.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::entriesOf;

namespace {

plots::Picture readBack(const QString& path) {
  std::string error;
  plots::Picture picture = plots::readPng(path.toStdString(), &error);
  if (!error.empty()) qWarning("%s", error.c_str());
  return picture;
}

// How many pixels of `picture` differ from `frame` (QImage, top row first) in any channel.
int differingPixels(const plots::Picture& picture, const QImage& frame) {
  int differ = 0;
  for (int y = 0; y < picture.height; ++y) {
    for (int x = 0; x < picture.width; ++x) {
      const QRgb p = frame.pixel(x, y);
      if (picture.at(x, y, 0) != qRed(p) || picture.at(x, y, 1) != qGreen(p) ||
          picture.at(x, y, 2) != qBlue(p)) {
        ++differ;
      }
    }
  }
  return differ;
}

// Mean absolute difference (levels, over r, g and b) between two pictures of one size.
double meanDifference(const plots::Picture& a, const plots::Picture& b) {
  double sum = 0.0;
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      for (int c = 0; c < 3; ++c) sum += std::abs(a.at(x, y, c) - b.at(x, y, c));
    }
  }
  return sum / (3.0 * a.width * a.height);
}

}  // namespace

class ViewExportTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    QVERIFY(gradscape::testing::openDefaultScenario(*window_));
  }

  void cleanup() { window_.reset(); }

  void mapPngAtOneXIsTheViewsOwnFrame() {
    VtkView* map = window_->landscapePanel()->contourView();
    const QImage frame = map->grabFramebuffer();
    QTemporaryDir dir;
    const QString path = dir.filePath("map.png");
    QVERIFY(window_->exportViewTo(map, path, {1.0, false, false}));
    const plots::Picture picture = readBack(path);
    QCOMPARE(picture.width, frame.width());
    QCOMPARE(picture.height, frame.height());
    QCOMPARE(differingPixels(picture, frame), 0);
    // The view shows its own frame again afterwards.
    QCOMPARE(map->grabFramebuffer().size(), frame.size());
  }

  void mapPngAtTwoXIsTwiceTheViewsSize() {
    VtkView* map = window_->landscapePanel()->contourView();
    const QImage frame = map->grabFramebuffer();
    QTemporaryDir dir;
    const QString path = dir.filePath("map2x.png");
    QVERIFY(window_->exportViewTo(map, path, {2.0, false, false}));
    const plots::Picture picture = readBack(path);
    QCOMPARE(picture.width, 2 * frame.width());
    QCOMPARE(picture.height, 2 * frame.height());
    QVERIFY(window_->banner()->text().isEmpty());
  }

  void transparentPngHasClearPaperAndOpaqueLandscape() {
    VtkView* map = window_->landscapePanel()->contourView();
    QTemporaryDir dir;
    const QString path = dir.filePath("clear.png");
    QVERIFY(window_->exportViewTo(map, path, {1.0, true, false}));
    const plots::Picture picture = readBack(path);
    QCOMPARE(int(picture.at(0, 0, 3)), 0);  // the paper in the corner
    QCOMPARE(int(picture.at(picture.width / 3, picture.height / 3, 3)), 255);  // the landscape
  }

  void chartSvgRasterisedLooksLikeItsPng() {
    if (QStandardPaths::findExecutable("rsvg-convert").isEmpty()) {
      QFAIL("rsvg-convert is missing: tools/setup.sh installs librsvg2-bin");
    }
    VtkView* chart = window_->convergencePanel()->view();
    QTemporaryDir dir;
    QVERIFY(window_->exportViewTo(chart, dir.filePath("chart.png"), {1.0, false, true}));
    QVERIFY(window_->exportViewTo(chart, dir.filePath("chart.svg"), {1.0, false, true}));
    QFile svg(dir.filePath("chart.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<text"));  // text stays text
    const plots::Picture png = readBack(dir.filePath("chart.png"));
    QCOMPARE(
        QProcess::execute("rsvg-convert", {"-w", QString::number(png.width), "-h",
                                           QString::number(png.height), "-b", "white", "-o",
                                           dir.filePath("svg.png"), dir.filePath("chart.svg")}),
        0);
    const plots::Picture fromSvg = readBack(dir.filePath("svg.png"));
    QCOMPARE(fromSvg.width, png.width);
    // Another rasteriser draws the text and line edges: the pictures agree on average within 8
    // levels (plots/README.md measured 2.4 on a chart of its own).
    const double mean = meanDifference(png, fromSvg);
    QVERIFY2(mean < 8.0, qPrintable(QString("mean difference %1 levels").arg(mean)));
  }

  void mapAsSvgIsRefusedWithAReason() {
    QTemporaryDir dir;
    const QString path = dir.filePath("map.svg");
    QVERIFY(!window_->exportViewTo(window_->landscapePanel()->contourView(), path, {}));
    QVERIFY(window_->banner()->text().contains("SVG"));
    QVERIFY(entriesOf(dir.path()).isEmpty());
  }

  void unwritableTargetSaysWhyAndLeavesNothing() {
    QTemporaryDir dir;
    QFile blocker(dir.filePath("plain-file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A regular file as the parent folder (permissions do not stop root, which CI runs as).
    const QString path = dir.filePath("plain-file/map.png");
    QVERIFY(!window_->exportViewTo(window_->landscapePanel()->contourView(), path, {}));
    QVERIFY(window_->banner()->text().contains("map.png"));
    QCOMPARE(entriesOf(dir.path()), QStringList{"plain-file"});
    QVERIFY(!window_->exportWindowTo(path));
    QCOMPARE(entriesOf(dir.path()), QStringList{"plain-file"});
  }

  void windowPngHasTheWindowsSize() {
    QTemporaryDir dir;
    const QString path = dir.filePath("window.png");
    QVERIFY(window_->exportWindowTo(path));
    const plots::Picture picture = readBack(path);
    const double dpr = window_->devicePixelRatioF();
    QCOMPARE(picture.width, static_cast<int>(std::lround(window_->width() * dpr)));
    QCOMPARE(picture.height, static_cast<int>(std::lround(window_->height() * dpr)));
    gradscape::testing::maybeShoot(window_.get(), "view_export_window");
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(ViewExportTest)
#include "test_view_export.moc"
