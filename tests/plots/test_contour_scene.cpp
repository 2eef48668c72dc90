// The contour map rendered offscreen and read back pixel by pixel: the colour map's dark end at
// the minimizer and its bright end in the corners, a run drawn in its colour where it passes,
// hidden runs left out, the warning cross of a diverged run, picking, and bad input (NaN
// samples, negative minima on a log scale, empty and one-point runs) that must not break it, and
// Beale's basin in several colours on the log scale (its c chosen from the samples).
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkWindowToImageFilter.h>

#include <QTest>

#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

#include "plots/colormap.h"
#include "plots/contour_scene.h"
#include "plots/landscape_grid.h"
#include "support/offscreen_render.h"
#include "support/quadratic_landscape.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

// The quadratic without its minimum marked, so the colour at the minimizer shows.
LandscapeContent quadratic(ColorScale scale) {
  LandscapeContent content = quadraticLandscape(scale);
  content.style.showMinima = false;
  return content;
}

RunView line(double x0, double x1, double y, Rgb color, int points = 200) {
  return lineRun("line", x0, x1, y, color, points);
}

int channel(double v) {
  return static_cast<int>(std::lround(v * 255.0));
}

bool near(const Pixel& p, const Pixel& expected, int tolerance) {
  for (int c = 0; c < 3; ++c) {
    if (std::abs(p[c] - expected[c]) > tolerance) return false;
  }
  return true;
}

QByteArray show(const Pixel& p) {
  return QByteArray::number(p[0]) + "," + QByteArray::number(p[1]) + "," + QByteArray::number(p[2]);
}

// The scene in an offscreen window of its own.
struct Offscreen : OffscreenScene<ContourScene> {
  double pixelSize() {
    return 2.0 * scene.renderer()->GetActiveCamera()->GetParallelScale() / kHeight;
  }
};

Pixel pixelOf(const Rgb& c) {
  return {static_cast<unsigned char>(channel(c.r)), static_cast<unsigned char>(channel(c.g)),
          static_cast<unsigned char>(channel(c.b))};
}

// Saves the scene at 900 x 700 as <name>.png under $GRADSCAPE_SHOT_DIR, when it is set.
void save(Offscreen& view, const char* name) {
  if (!qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) return;
  const QByteArray path = qgetenv("GRADSCAPE_SHOT_DIR") + "/" + name + ".png";
  view.window->SetSize(900, 700);
  view.window->Render();
  vtkNew<vtkWindowToImageFilter> grab;
  grab->SetInput(view.window);
  grab->ReadFrontBufferOff();
  vtkNew<vtkPNGWriter> writer;
  writer->SetInputConnection(grab->GetOutputPort());
  writer->SetFileName(path.constData());
  writer->Write();
  view.window->SetSize(kWidth, kHeight);
}

}  // namespace

class TestContourScene : public QObject {
  Q_OBJECT

 private slots:
  void minimizerHasTheDarkEndOfViridisAndCornersTheBrightEnd() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Linear));
    const auto image = view.render();
    // viridis(0) = #440154; the lowest of 24 bands covers f < 10/24 around the origin.
    const Pixel centre = Offscreen::at(image, view.display(0.0, 0.0));
    QVERIFY2(near(centre, {0x44, 0x01, 0x54}, 8), show(centre));
    // Near the corner (1.95, 1.95) f = 9.5: band 22 of 24, yellow (viridis(22/23) = #e2e418 by
    // matplotlib's table).
    const Pixel corner = Offscreen::at(image, view.display(1.95, 1.95));
    QVERIFY2(near(corner, {0xe2, 0xe4, 0x18}, 10), show(corner));
  }

  void bandsFollowViridisInBetween() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Linear));
    const auto image = view.render();
    // f = 5.21 (mid band 12 of 24) at (0, sqrt(5.21 / 2)): viridis(12/23) = #1f958b.
    const Pixel p = Offscreen::at(image, view.display(0.0, std::sqrt(5.2083 / 2.0)));
    QVERIFY2(near(p, {0x1f, 0x95, 0x8b}, 10), show(p));
  }

  void logScaleKeepsTheDarkEndAtTheMinimizer() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Log));
    const auto image = view.render();
    const Pixel centre = Offscreen::at(image, view.display(0.0, 0.0));
    QVERIFY2(near(centre, {0x44, 0x01, 0x54}, 8), show(centre));
    const Pixel corner = Offscreen::at(image, view.display(1.95, 1.95));
    QVERIFY2(corner[0] > 200 && corner[1] > 200 && corner[2] < 90, show(corner));
  }

  // Beale on [-4.5, 4.5]^2, 201 x 201 samples: f_min = 2.9e-4, range 181854, and the 80th
  // smallest f - f_min (0.2% of 40401) is c = 0.0945. With 24 bands over log10(f - f_min + c)
  // (worked out apart from the code): (3, 0.5) lies in band 0, (2, 0) with f = 0.703 in band
  // 3.54, (0, 1) with f = 14.2 in band 8.33. The old c = 1e-3 x range = 182 put all three in
  // band 0.
  void bealeBasinSpansSeveralBandsOnTheLogScale() {
    Offscreen view;
    const auto* entry = objectiveRegistry().find("beale");
    const auto beale = entry->make(ParamValues::withDefaults(entry->params, {}));
    LandscapeContent content;
    content.grid = sampleLandscape(*beale, beale->domain(), 201, 201);
    content.style.scale = ColorScale::Log;
    content.style.showMinima = false;
    content.title = "Beale";
    QVERIFY2(std::abs(content.grid.logOffset - 0.0945) < 5e-4,
             qPrintable(QString::number(content.grid.logOffset)));
    view.scene.setLandscape(content);
    const auto image = view.render();
    const Pixel atMin = Offscreen::at(image, view.display(3.0, 0.5));
    QVERIFY2(near(atMin, pixelOf(viridis(0.0)), 10), show(atMin));
    const Pixel near2 = Offscreen::at(image, view.display(2.0, 0.0));
    QVERIFY2(near(near2, pixelOf(viridis(3.0 / 23.0)), 10), show(near2));
    const Pixel far = Offscreen::at(image, view.display(0.0, 1.0));
    QVERIFY2(near(far, pixelOf(viridis(8.0 / 23.0)), 10), show(far));
    save(view, "honest-beale-log-map");
  }

  void runIsDrawnInItsColourAlongItsPath() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Linear));
    const Rgb blue{0.0, 0.447, 0.698};
    view.scene.setRuns({line(-1.5, 1.5, 1.2, blue)});
    const auto image = view.render();
    const Pixel mid = Offscreen::at(image, view.display(0.0, 1.2));
    QVERIFY2(near(mid, {channel(blue.r), channel(blue.g), channel(blue.b)}, 20), show(mid));
    // And not elsewhere: half a box above the path the landscape shows.
    const Pixel off = Offscreen::at(image, view.display(0.0, 0.2));
    QVERIFY2(!near(off, {channel(blue.r), channel(blue.g), channel(blue.b)}, 40), show(off));
  }

  void hiddenRunIsNotDrawn() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Linear));
    const auto bare = view.render();
    RunView hidden = line(-1.5, 1.5, 1.2, {1.0, 0.0, 1.0});
    hidden.visible = false;
    view.scene.setRuns({hidden});
    const auto image = view.render();
    const auto d = view.display(0.0, 1.2);
    QCOMPARE(Offscreen::at(image, d), Offscreen::at(bare, d));
    // Made visible, the same run does change that pixel (the check above can fail).
    hidden.visible = true;
    view.scene.setRuns({hidden});
    const Pixel shown = Offscreen::at(view.render(), d);
    QVERIFY2(near(shown, {255, 0, 255}, 20), show(shown));
  }

  void divergedRunEndsInARedCross() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Linear));
    RunView run = line(-1.0, 0.5, 0.5, {0.0, 0.447, 0.698}, 20);
    run.finished = true;
    run.diverged = true;
    view.scene.setRuns({run});
    const auto image = view.render();
    const Pixel p = Offscreen::at(image, view.display(0.5, 0.5));
    QVERIFY2(p[0] > 170 && p[1] < 80 && p[2] < 80, show(p));
  }

  void pickReturnsTheLandscapePointUnderTheCursor() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Log));
    view.render();
    const double tolerance = view.pixelSize();
    for (const auto& w : {std::array<double, 2>{0.7, -1.3}, std::array<double, 2>{-1.9, 1.9}}) {
      const auto d = view.display(w[0], w[1]);
      const auto picked = view.scene.pick(d[0], d[1]);
      QVERIFY(picked.has_value());
      QVERIFY2(std::abs((*picked)[0] - w[0]) <= tolerance, QByteArray::number((*picked)[0]));
      QVERIFY2(std::abs((*picked)[1] - w[1]) <= tolerance, QByteArray::number((*picked)[1]));
    }
  }

  void pickOutsideTheBoxReturnsNothing() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Log));
    view.render();
    QVERIFY(!view.scene.pick(2.0, 2.0).has_value());  // the window's corner, in the margin
    const auto right = view.display(2.1, 0.0);
    QVERIFY(!view.scene.pick(right[0], right[1]).has_value());
    const auto below = view.display(0.0, -2.05);
    QVERIFY(!view.scene.pick(below[0], below[1]).has_value());
  }

  void startPointShowsAWhiteRing() {
    Offscreen view;
    view.scene.setLandscape(quadratic(ColorScale::Linear));
    view.scene.setStartPoint(1.0, -1.0);
    const auto image = view.render();
    const auto d = view.display(1.0, -1.0);
    // Ring of 17 px across, band from radius 5.3 to 8.5 px: 7 px right of the centre is white.
    const Pixel ring = Offscreen::at(image, {d[0] + 7.0, d[1]});
    QVERIFY2(near(ring, {255, 255, 255}, 10), show(ring));
  }

  void badInputDoesNotBreakTheScene() {
    Offscreen view;
    // Runs before any landscape, an empty run, a one-point run, a run with NaN in it.
    RunView one = line(0.0, 0.0, 0.0, {1, 0, 0}, 1);
    RunView empty;
    RunView holes = line(-1.0, 1.0, 0.3, {0, 1, 0}, 50);
    holes.x[10] = std::numeric_limits<double>::quiet_NaN();
    holes.loss[20] = std::numeric_limits<double>::infinity();
    view.scene.setRuns({one, empty, holes});
    view.scene.setHighlight(std::array<double, 2>{0.0, 0.0});
    view.render();
    view.scene.setRuns({});
    view.render();

    // A landscape with negative values and a NaN hole on a log scale.
    LandscapeContent content = quadratic(ColorScale::Log);
    for (int j = 40; j < 60; ++j) {
      for (int i = 70; i < 90; ++i) {
        content.grid.values[static_cast<size_t>(j * 101 + i)] =
            std::numeric_limits<double>::quiet_NaN();
      }
    }
    for (double& v : content.grid.values) v -= 20.0;
    content.grid.minValue -= 20.0;
    content.grid.maxValue -= 20.0;
    content.style.gradientArrows = true;
    content.arrows = {{0.0, 0.0, 0.0, 0.0}, {-1.0, 1.0, 3.0, 0.0}, {0.5, 0.5, std::nan(""), 1.0}};
    content.minima = {{0.0, 0.0}};
    view.scene.setLandscape(content);
    view.scene.setRuns({one, holes});
    const auto image = view.render();
    // The hole (grid x in [0.8, 1.56], y in [-0.4, 0.36]) shows the white background.
    const Pixel hole = Offscreen::at(image, view.display(1.2, 0.0));
    QVERIFY2(near(hole, {255, 255, 255}, 3), show(hole));
    // Outside the hole the shifted landscape is still coloured: blue-purple near the minimizer
    // (f - f_min = 0.0392 at (0.28, 0): log10(0.0492) is in band 5 of 24, viridis(5/23) =
    // #3f4889).
    const Pixel low = Offscreen::at(image, view.display(0.28, 0.0));
    QVERIFY2(near(low, {0x3f, 0x48, 0x89}, 10), show(low));

    // An empty grid hides the landscape instead of failing.
    view.scene.setLandscape(LandscapeContent{});
    view.render();
    QVERIFY(!view.scene.pick(kWidth / 2.0, kHeight / 2.0).has_value());
  }
};

QTEST_APPLESS_MAIN(TestContourScene)
#include "test_contour_scene.moc"
