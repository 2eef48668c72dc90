// The contour map's axes describe the part of the landscape the frame shows. Zoomed to
// [0.5, 1]^2 of the quadratic's [-2, 2]^2, the ticks are the round values 0.5, 0.6, ..., 1.0 on
// both axes (worked out by hand below); the rendered picture has the frame along the plot box's
// edges and a label at each of those values' places, worked out from the plot box alone; a
// slight zoom draws no frame line outside the plot box (the old axes drew the whole landscape's
// box, following the camera off the frame); and at 1024 x 700 the tick labels do not overlap,
// fitted or zoomed.
#include <vtkRenderWindow.h>

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "plots/contour_scene.h"
#include "support/offscreen_render.h"
#include "support/quadratic_landscape.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

// Grey and dark: the axis line (#333333 in the light theme) and the tick labels' ink (#404040),
// anti-aliased, but none of the viridis bands under [0.5, 1]^2 (purple to blue, saturated) and
// not the white paper.
bool inky(const Pixel& p) {
  const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
  return hi < 150 && hi - lo < 30;
}

struct Zoomed {
  OffscreenScene<ContourScene> view;
  std::vector<Pixel> image;
  std::array<double, 4> box{};  // left, bottom, width, height in pixels

  explicit Zoomed(ViewBox zoom) {
    view.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    view.scene.setZoomBox(zoom);
    image = view.render();
    box = view.scene.plotBox();
  }
  Pixel at(int x, int y) const { return image[static_cast<size_t>(y * kWidth + x)]; }
  int inkIn(int x0, int y0, int x1, int y1) const {
    int count = 0;
    for (int y = std::max(0, y0); y <= std::min(kHeight - 1, y1); ++y) {
      for (int x = std::max(0, x0); x <= std::min(kWidth - 1, x1); ++x) count += inky(at(x, y));
    }
    return count;
  }
};

void compareTicks(const AxisTicks& ticks, const std::vector<double>& values,
                  const std::vector<std::string>& labels) {
  QCOMPARE(ticks.values.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    QVERIFY2(std::abs(ticks.values[i] - values[i]) < 1e-12, qPrintable(QString::number(i)));
  }
  QCOMPARE(ticks.labels, labels);
}

bool overlap(const std::array<double, 4>& a, const std::array<double, 4>& b) {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

}  // namespace

class TestMapAxes : public QObject {
  Q_OBJECT

 private slots:
  // The square landscape gets a square frame; the square zoom box fills it, so the frame shows
  // exactly [0.5, 1]^2. A side of 350 to 650 px asks for 4 to 6 ticks (one per 100 px): a raw
  // step of 0.5/4 = 0.125, 0.5/5 = 0.1 or 0.5/6 = 0.083, each rounded to the nice step 0.1; its
  // multiples in [0.5, 1] are 0.5, ..., 1.0, labelled with one decimal.
  void zoomedTicksAreRoundValuesInsideTheZoomBox() {
    Zoomed map({0.5, 1.0, 0.5, 1.0});
    QVERIFY2(map.box[2] >= 350.0 && map.box[2] < 650.0, qPrintable(QString::number(map.box[2])));
    QVERIFY(std::abs(map.box[2] - map.box[3]) < 1e-9);
    const auto shown = map.view.scene.zoomBox();
    QVERIFY(shown.has_value());
    QVERIFY(std::abs(shown->xmin - 0.5) < 1e-9 && std::abs(shown->xmax - 1.0) < 1e-9);
    QVERIFY(std::abs(shown->ymin - 0.5) < 1e-9 && std::abs(shown->ymax - 1.0) < 1e-9);
    const std::vector<double> values{0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    const std::vector<std::string> labels{"0.5", "0.6", "0.7", "0.8", "0.9", "1.0"};
    compareTicks(map.view.scene.xTicks(), values, labels);
    compareTicks(map.view.scene.yTicks(), values, labels);
    QCOMPARE(map.view.scene.xTicks().step, 0.1);
  }

  // The picture, read with nothing but the plot box: a dark line along each of its four edges,
  // ink under the bottom edge at x = left + (v - 0.5) / 0.5 * width for each tick v, and none
  // half-way between two ticks (so the labels sit at those values, not elsewhere); the same
  // left of the frame for y.
  void zoomedPictureFramesThePlotBoxAndLabelsTheTicks() {
    Zoomed map({0.5, 1.0, 0.5, 1.0});
    const auto [left, bottom, w, h] = map.box;
    const int l = static_cast<int>(std::lround(left)), b = static_cast<int>(std::lround(bottom));
    const int r = static_cast<int>(std::lround(left + w)),
              t = static_cast<int>(std::lround(bottom + h));
    for (int k = 1; k < 10; ++k) {
      const int x = l + static_cast<int>(w * k / 10.0), y = b + static_cast<int>(h * k / 10.0);
      QVERIFY2(map.inkIn(x, b - 1, x, b) > 0, qPrintable(QString("bottom edge at x %1").arg(x)));
      QVERIFY2(map.inkIn(x, t - 1, x, t) > 0, qPrintable(QString("top edge at x %1").arg(x)));
      QVERIFY2(map.inkIn(l - 1, y, l, y) > 0, qPrintable(QString("left edge at y %1").arg(y)));
      QVERIFY2(map.inkIn(r - 1, y, r, y) > 0, qPrintable(QString("right edge at y %1").arg(y)));
    }
    const double spacing = w / 5.0;  // between neighbouring ticks, 0.1 apart
    for (int i = 0; i <= 5; ++i) {
      const int x = l + static_cast<int>(std::lround(i * spacing));
      const int y = b + static_cast<int>(std::lround(i * spacing));
      // Labels start 9 px (tick 5 + gap 4) outside the frame and are 12 pt text ("0.5" is
      // about 17 px wide; the y axis's title lies further out, left of x = l - 30).
      QVERIFY2(map.inkIn(x - 10, b - 26, x + 10, b - 10) >= 10, qPrintable(QString::number(i)));
      QVERIFY2(map.inkIn(l - 28, y - 6, l - 10, y + 6) >= 10, qPrintable(QString::number(i)));
      if (i == 5) continue;
      const int mid = static_cast<int>(0.5 * spacing);
      QCOMPARE(map.inkIn(x + mid - 4, b - 26, x + mid + 4, b - 10), 0);
      QCOMPARE(map.inkIn(l - 28, y + mid - 2, l - 10, y + mid + 2), 0);
    }
  }

  // Zoomed to [-1.9, 1.9]^2 the landscape's own edges at +-2 lie about 10 px outside the frame.
  // Outside the plot box, no row under or over it and no column beside it is inked over half
  // the box's side: labels and titles are short, a frame line would run the whole way.
  void slightZoomDrawsNoFrameLineOutsideThePlotBox() {
    Zoomed map({-1.9, 1.9, -1.9, 1.9});
    const auto [left, bottom, w, h] = map.box;
    const int l = static_cast<int>(std::lround(left)), b = static_cast<int>(std::lround(bottom));
    const int r = static_cast<int>(std::lround(left + w)),
              t = static_cast<int>(std::lround(bottom + h));
    const int halfW = static_cast<int>(0.5 * w), halfH = static_cast<int>(0.5 * h);
    for (int y = std::max(0, b - 40); y <= b - 3; ++y) {
      QVERIFY2(map.inkIn(l, y, r, y) < halfW, qPrintable(QString("row %1 below").arg(y)));
    }
    for (int y = t + 3; y <= std::min(kHeight - 1, t + 16); ++y) {
      QVERIFY2(map.inkIn(l, y, r, y) < halfW, qPrintable(QString("row %1 above").arg(y)));
    }
    for (int x = std::max(0, l - 60); x <= l - 3; ++x) {
      QVERIFY2(map.inkIn(x, b, x, t) < halfH, qPrintable(QString("column %1 left").arg(x)));
    }
    // The colour bar's column starts 18 px right of the box.
    for (int x = r + 3; x <= r + 15; ++x) {
      QVERIFY2(map.inkIn(x, b, x, t) < halfH, qPrintable(QString("column %1 right").arg(x)));
    }
  }

  // At 1024 x 700 (the window's default map size), fitted and zoomed: no two tick labels
  // overlap (their boxes as VTK lays the text out), each lies in the window and off the plot
  // box, and both axes keep at least 4 labels.
  void tickLabelsDoNotOverlapAt1024x700_data() {
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::newRow("whole landscape") << -2.0 << 2.0;
    QTest::newRow("[0.5, 1]") << 0.5 << 1.0;
    QTest::newRow("[0.5001, 0.5004]") << 0.5001 << 0.5004;
    QTest::newRow("[-1.9, 1.9]") << -1.9 << 1.9;
  }
  void tickLabelsDoNotOverlapAt1024x700() {
    QFETCH(double, lo);
    QFETCH(double, hi);
    OffscreenScene<ContourScene> view;
    view.window->SetSize(1024, 700);
    view.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    view.scene.setZoomBox(ViewBox{lo, hi, lo, hi});
    view.window->Render();
    const auto boxes = view.scene.tickLabelBoxes();
    QVERIFY(view.scene.xTicks().values.size() >= 4);
    QVERIFY(view.scene.yTicks().values.size() >= 4);
    QCOMPARE(boxes.size(), view.scene.xTicks().values.size() + view.scene.yTicks().values.size());
    const auto [left, bottom, w, h] = view.scene.plotBox();
    const std::array<double, 4> plot{left, bottom, left + w, bottom + h};
    for (size_t i = 0; i < boxes.size(); ++i) {
      const auto& a = boxes[i];
      QVERIFY2(a[0] >= 0.0 && a[1] >= 0.0 && a[2] <= 1024.0 && a[3] <= 700.0,
               qPrintable(QString::number(i)));
      QVERIFY2(!overlap(a, plot), qPrintable(QString::number(i)));
      for (size_t j = i + 1; j < boxes.size(); ++j) {
        QVERIFY2(!overlap(a, boxes[j]), qPrintable(QString("%1 and %2").arg(i).arg(j)));
      }
    }
  }
};

QTEST_APPLESS_MAIN(TestMapAxes)
#include "test_map_axes.moc"
