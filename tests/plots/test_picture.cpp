// One offscreen export path (plots/export): a contour map in an OffscreenWindow rendered by
// renderPicture at scale 1 is the window's own frame pixel for pixel; at scale 2 it is twice the
// size and its 2 x 2 blocks average to the 1x picture inside the map; at a pixel size it has
// exactly that size, its text scaled by the smaller ratio (at least 1); a transparent picture has
// a clear background over an opaque landscape; the window's size and DPI come back; PNG files
// round-trip exactly (random pixels of odd sizes too), and a write that fails names the file and
// leaves nothing (or the old file untouched).
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkWindowToImageFilter.h>

#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "plots/contour_scene.h"
#include "plots/export/offscreen_window.h"
#include "plots/export/picture.h"
#include "plots/export/picture_files.h"
#include "support/quadratic_landscape.h"
#include "support/vtk_messages.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

constexpr int kW = 480, kH = 360;

// A contour map of the quadratic with one run, in an offscreen window of its own.
struct MapWindow {
  ContourScene scene;
  OffscreenWindow window{kW, kH};
  MapWindow() {
    scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    scene.setRuns({lineRun("run", -1.5, 1.5, 0.5, {0.9, 0.1, 0.1}, 60)});
    window.addRenderer(scene.renderer());
  }
  ~MapWindow() { window.removeRenderer(scene.renderer()); }
  MapWindow(const MapWindow&) = delete;
  MapWindow& operator=(const MapWindow&) = delete;

  // The window's own frame (rendered, then read back as VTK shows it), top row first.
  Picture frame() {
    vtkRenderWindow* w = window.window();
    w->Render();
    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(w);
    grab->SetInputBufferTypeToRGB();
    grab->ReadFrontBufferOff();
    grab->ShouldRerenderOff();
    grab->Update();
    vtkImageData* image = grab->GetOutput();
    Picture p;
    p.width = image->GetDimensions()[0];
    p.height = image->GetDimensions()[1];
    p.rgba.resize(static_cast<size_t>(p.width * p.height) * 4);
    for (int y = 0; y < p.height; ++y) {
      for (int x = 0; x < p.width; ++x) {
        const auto* from = static_cast<const uint8_t*>(image->GetScalarPointer(x, y, 0));
        uint8_t* to = p.rgba.data() + (static_cast<size_t>(p.height - 1 - y) * p.width + x) * 4;
        std::copy(from, from + 3, to);
        to[3] = 255;
      }
    }
    return p;
  }
  // The map's plot box in picture pixels (top row first) at scale 1: x0, y0, x1, y1.
  std::array<int, 4> plotBoxFromTop() const {
    const std::array<double, 4> b = scene.plotBox();  // left, bottom, width, height
    const int x0 = static_cast<int>(b[0]), y0 = static_cast<int>(b[1]);
    const int x1 = static_cast<int>(b[0] + b[2]) - 1, y1 = static_cast<int>(b[1] + b[3]) - 1;
    return {x0, kH - 1 - y1, x1, kH - 1 - y0};
  }
};

int differingPixels(const Picture& a, const Picture& b) {
  int count = 0;
  for (size_t i = 0; i < a.rgba.size(); i += 4) {
    count +=
        std::equal(a.rgba.begin() + static_cast<long>(i), a.rgba.begin() + static_cast<long>(i) + 4,
                   b.rgba.begin() + static_cast<long>(i))
            ? 0
            : 1;
  }
  return count;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int filesIn(const QString& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.toStdString()))
    ++n;
  return n;
}

}  // namespace

class TestPicture : public QObject {
  Q_OBJECT
  VtkMessages messages_;

 private slots:
  void initTestCase() {
    std::string why;
    QVERIFY2(OffscreenWindow::displayAvailable(&why), why.c_str());
    messages_.install();
  }
  void cleanup() { messages_.expectNone(); }

  void pictureAtScaleOneIsTheWindowsOwnFrame() {
    MapWindow map;
    const Picture frame = map.frame();
    std::string error;
    const Picture picture = renderPicture(map.window.window(), {1.0, false}, &error);
    QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(picture.width, kW);
    QCOMPARE(picture.height, kH);
    QCOMPARE(differingPixels(picture, frame), 0);
  }

  // Inside the map the 2x picture's 2 x 2 blocks average to the 1x picture: the colour field
  // is the same function sampled twice as finely. Lines, isolines and text are drawn twice as
  // thick but rasterised anew (their anti-aliased edges and the isolines' positions differ by
  // up to a pixel), so not every block matches: 90% of the blocks must be within 12 levels
  // (of 255) in every channel, and the mean difference under 6 levels.
  void pictureAtScaleTwoIsTheSameMapTwiceAsFine() {
    MapWindow map;
    const Picture one = renderPicture(map.window.window(), {1.0, false});
    const std::array<int, 4> box = map.plotBoxFromTop();
    const Picture two = renderPicture(map.window.window(), {2.0, false});
    QCOMPARE(two.width, 2 * kW);
    QCOMPARE(two.height, 2 * kH);
    int within = 0, blocks = 0;
    double sum = 0.0;
    for (int y = box[1] + 3; y <= box[3] - 3; ++y) {
      for (int x = box[0] + 3; x <= box[2] - 3; ++x) {
        bool close = true;
        for (int c = 0; c < 3; ++c) {
          const double mean = (two.at(2 * x, 2 * y, c) + two.at(2 * x + 1, 2 * y, c) +
                               two.at(2 * x, 2 * y + 1, c) + two.at(2 * x + 1, 2 * y + 1, c)) /
                              4.0;
          const double d = std::abs(mean - one.at(x, y, c));
          sum += d / 3.0;
          close = close && d <= 12.0;
        }
        within += close ? 1 : 0;
        ++blocks;
      }
    }
    QVERIFY(blocks > 10000);
    const double fraction = static_cast<double>(within) / blocks;
    qInfo("2x blocks within 12 levels of 1x: %.4f; mean difference %.2f levels", fraction,
          sum / blocks);
    QVERIFY2(fraction >= 0.90, qPrintable(QString::number(fraction)));
    QVERIFY2(sum / blocks < 6.0, qPrintable(QString::number(sum / blocks)));
  }

  void transparentPictureClearsTheBackgroundNotTheLandscape() {
    MapWindow map;
    map.frame();  // the landscape kept by the backdrop renderer from an opaque frame first
    std::string error;
    const Picture picture = renderPicture(map.window.window(), {1.0, true}, &error);
    QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(static_cast<int>(picture.at(2, 2, 3)), 0);
    QCOMPARE(static_cast<int>(picture.at(kW - 3, kH - 3, 3)), 0);
    const std::array<int, 4> box = map.plotBoxFromTop();
    const int cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2;
    QCOMPARE(static_cast<int>(picture.at(cx, cy, 3)), 255);
    QCOMPARE(static_cast<int>(picture.at(box[0] + 5, box[3] - 5, 3)), 255);
    // Twice as large, too, and an opaque picture after it is opaque again.
    const Picture two = renderPicture(map.window.window(), {2.0, true});
    const QString shots = qEnvironmentVariable("GRADSCAPE_SHOT_DIR");  // to be looked at
    if (!shots.isEmpty()) writePng(two, (shots + "/picture_transparent_2x.png").toStdString());
    QCOMPARE(static_cast<int>(two.at(2 * cx, 2 * cy, 3)), 255);
    QCOMPARE(static_cast<int>(two.at(3, 3, 3)), 0);
    const Picture opaque = renderPicture(map.window.window(), {1.0, false});
    QCOMPARE(static_cast<int>(opaque.at(2, 2, 3)), 255);
    QCOMPARE(differingPixels(opaque, map.frame()), 0);
  }

  void windowSizeAndDpiAreRestored() {
    MapWindow map;
    map.window.window()->SetDPI(96);
    const Picture before = map.frame();
    const Picture picture = renderPicture(map.window.window(), {3.0, true});
    QCOMPARE(picture.width, 3 * kW);
    QCOMPARE(map.window.window()->GetSize()[0], kW);
    QCOMPARE(map.window.window()->GetSize()[1], kH);
    QCOMPARE(map.window.window()->GetDPI(), 96);
    QCOMPARE(differingPixels(map.frame(), before), 0);
  }

  // A picture of another shape than the window: exactly its size, drawn at that size with the
  // DPI scaled; the window's size, DPI and frame come back as they were.
  void pictureAtAPixelSizeHasExactlyThatSize() {
    MapWindow map;
    const Picture before = map.frame();
    const int dpi = map.window.window()->GetDPI();
    std::string error;
    const Picture picture = renderPicture(map.window.window(), {1.5, false, 1000, 300}, &error);
    QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(picture.width, 1000);
    QCOMPARE(picture.height, 300);
    QCOMPARE(map.window.window()->GetSize()[0], kW);
    QCOMPARE(map.window.window()->GetSize()[1], kH);
    QCOMPARE(map.window.window()->GetDPI(), dpi);
    QCOMPARE(differingPixels(map.frame(), before), 0);
    QVERIFY(renderPicture(map.window.window(), {1.0, false, 300, 0}, &error).empty());
    QVERIFY2(error.find("300 x 0") != std::string::npos, error.c_str());
  }

  void textScaleOfAPixelSizeIsTheSmallerRatioAtLeastOne() {
    QCOMPARE(pictureTextScale(900, 700, 1800, 1400), 2.0);
    QCOMPARE(pictureTextScale(900, 700, 1800, 700), 1.0);
    QCOMPARE(pictureTextScale(900, 700, 1920, 1080), 1080.0 / 700.0);
    QCOMPARE(pictureTextScale(900, 700, 450, 350), 1.0);
    QCOMPARE(pictureTextScale(100, 100, 8192, 8192), 8.0);
  }

  void badScalesAndHugePicturesAreRefused() {
    MapWindow map;
    std::string error;
    QVERIFY(renderPicture(map.window.window(), {0.1, false}, &error).empty());
    QVERIFY2(error.find("scale") != std::string::npos, error.c_str());
    QVERIFY(!renderPicture(map.window.window(), {8.0, false}, &error).empty());  // 3840 x 2880
    QVERIFY2(error.empty(), error.c_str());
    map.window.setSize(2000, 100);
    QVERIFY(renderPicture(map.window.window(), {8.0, false}, &error).empty());
    QVERIFY2(error.find("too large") != std::string::npos, error.c_str());
    QCOMPARE(map.window.window()->GetSize()[0], 2000);
  }

  void pngFilesRoundTripExactly() {
    MapWindow map;
    QTemporaryDir dir;
    for (const bool transparent : {false, true}) {
      const Picture picture = renderPicture(map.window.window(), {1.0, transparent});
      const std::string path = (dir.path() + "/map.png").toStdString();
      QCOMPARE(QString::fromStdString(writePng(picture, path)), QString());
      std::string error;
      const Picture back = readPng(path, &error);
      QVERIFY2(error.empty(), error.c_str());
      QCOMPARE(back.width, picture.width);
      QCOMPARE(back.height, picture.height);
      QVERIFY(back.rgba == picture.rgba);
      QCOMPARE(slurp(path).substr(1, 3), std::string("PNG"));
    }
    QCOMPARE(filesIn(dir.path()), 1);  // no temporary file left
  }

  // Odd sizes and random pixels (no runs to compress), opaque (written as RGB) and not (RGBA):
  // libpng (vtkPNGReader) reads back exactly what our encoder wrote.
  void randomPixelsOfOddSizesRoundTripExactly() {
    QTemporaryDir dir;
    std::mt19937 random(7);
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1, 1}, {7, 3}, {301, 2}}) {
      for (const bool opaque : {true, false}) {
        Picture picture;
        picture.width = w;
        picture.height = h;
        picture.rgba.resize(static_cast<size_t>(w * h) * 4);
        for (size_t i = 0; i < picture.rgba.size(); ++i) {
          picture.rgba[i] = opaque && i % 4 == 3 ? 255 : static_cast<uint8_t>(random() & 0xff);
        }
        const std::string path = (dir.path() + "/random.png").toStdString();
        QCOMPARE(QString::fromStdString(writePng(picture, path)), QString());
        std::string error;
        const Picture back = readPng(path, &error);
        QVERIFY2(error.empty(), error.c_str());
        QCOMPARE(back.width, w);
        QCOMPARE(back.height, h);
        QVERIFY(back.rgba == picture.rgba);
      }
    }
  }

  void writeIntoAnUnwritablePlaceNamesTheFileAndLeavesNothing() {
    QTemporaryDir dir;
    const std::string notADir = (dir.path() + "/plain").toStdString();
    std::ofstream(notADir) << "a regular file";
    Picture picture;
    picture.width = picture.height = 4;
    picture.rgba.assign(64, 200);
    for (const std::string& path : {notADir + "/map.png", std::string("/proc/gradscape/map.png")}) {
      const std::string message = writePng(picture, path);
      QVERIFY2(message.find(path) != std::string::npos, message.c_str());
      QVERIFY(!std::filesystem::exists(path));
    }
    QCOMPARE(filesIn(dir.path()), 1);
    QCOMPARE(slurp(notADir), std::string("a regular file"));
    QVERIFY(readPng(notADir + "/map.png").empty());
  }

  // A write that fails half-way (the process may write only 1000 bytes a file, as on a full
  // disk) leaves the existing file as it was and no temporary file beside it.
  void failedWriteOverAnExistingFileLeavesItUnchanged() {
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/map.png").toStdString();
    std::ofstream(path) << "the old picture";
    MapWindow map;
    const Picture picture = renderPicture(map.window.window(), {1.0, false});
    QVERIFY(encodePng(picture).size() > 4000);
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 1000;
    setrlimit(RLIMIT_FSIZE, &small);
    const std::string message = writePng(picture, path);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    QVERIFY2(message.find(path) != std::string::npos, message.c_str());
    QCOMPARE(slurp(path), std::string("the old picture"));
    QCOMPARE(filesIn(dir.path()), 1);
  }
};

QTEST_GUILESS_MAIN(TestPicture)
#include "test_picture.moc"
