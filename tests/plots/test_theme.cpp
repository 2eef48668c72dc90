// The light and dark themes of the scenes (plots/theme.h): text reaches WCAG contrast levels
// against the paper in both, and a chart, a map and a surface that were drawn in one theme draw
// the other's paper, text and boxes in their next frame.
#include <QTest>

#include <cmath>

#include "plots/contour_scene.h"
#include "plots/convergence_chart.h"
#include "plots/surface_scene.h"
#include "plots/theme.h"
#include "support/chart_image.h"
#include "support/offscreen_render.h"
#include "support/quadratic_landscape.h"
#include "support/wcag_contrast.h"

using namespace gradscape;
using namespace gradscape::plots;
using gradscape::testing::ChartImage;
using gradscape::testing::contrast;
using gradscape::testing::Pixel;

namespace {

double luminance(const Rgb& c) {
  return gradscape::testing::luminanceOf(c);
}

// `over` drawn at `opacity` on `under`.
Rgb blend(const Rgb& over, double opacity, const Rgb& under) {
  return {opacity * over.r + (1 - opacity) * under.r, opacity * over.g + (1 - opacity) * under.g,
          opacity * over.b + (1 - opacity) * under.b};
}

bool near(const Pixel& p, const Rgb& c, int tolerance = 4) {
  return std::abs(p[0] - int(std::lround(c.r * 255))) <= tolerance &&
         std::abs(p[1] - int(std::lround(c.g * 255))) <= tolerance &&
         std::abs(p[2] - int(std::lround(c.b * 255))) <= tolerance;
}

int count(const std::vector<Pixel>& pixels, const Rgb& c, int tolerance = 4) {
  int n = 0;
  for (const auto& p : pixels) n += near(p, c, tolerance) ? 1 : 0;
  return n;
}

RunView descendingRun() {
  RunView run;
  run.label = "GD";
  run.color = runColor(0);
  run.finished = true;
  for (int k = 0; k < 50; ++k) {
    run.iteration.push_back(k);
    run.x.push_back(0.0);
    run.y.push_back(0.0);
    run.loss.push_back(std::pow(0.8, k));
  }
  return run;
}

}  // namespace

class TestTheme : public QObject {
  Q_OBJECT

 private slots:
  void cleanup() { setCurrentTheme(Theme::Light); }

  void textReachesWcagContrastOnThePaperInBothThemes() {
    for (const Theme theme : {Theme::Light, Theme::Dark}) {
      const Palette& p = paletteOf(theme);
      // Titles and labels: AAA for text (7:1); tick labels and warnings: AA (4.5:1).
      QVERIFY2(contrast(p.ink, p.paper) >= 7.0, themeName(theme));
      QVERIFY2(contrast(p.softInk, p.paper) >= 4.5, themeName(theme));
      QVERIFY2(contrast(p.alert, p.paper) >= 4.5, themeName(theme));
      // Legend text on its translucent box over the paper.
      QVERIFY2(contrast(p.ink, blend(p.box, p.boxOpacity, p.paper)) >= 7.0, themeName(theme));
      // Lines that carry meaning (axes, reference lines): 3:1 for graphics (WCAG 1.4.11).
      QVERIFY2(contrast(p.axisLine, p.paper) >= 3.0, themeName(theme));
      QVERIFY2(contrast(p.reference, p.paper) >= 3.0, themeName(theme));
      // Grid lines stay faint: closer to the paper than any text.
      QVERIFY2(contrast(p.grid, p.paper) < 1.5, themeName(theme));
    }
    // The dark theme is dark and the light one light.
    QVERIFY(luminance(paletteOf(Theme::Dark).paper) < 0.05);
    QVERIFY(luminance(paletteOf(Theme::Light).paper) > 0.9);
  }

  void settingTheSameThemeAgainIsNoChange() {
    const unsigned before = themeGeneration();
    setCurrentTheme(Theme::Light);
    QCOMPARE(themeGeneration(), before);
    setCurrentTheme(Theme::Dark);
    QCOMPARE(themeGeneration(), before + 1);
    QCOMPARE(currentTheme(), Theme::Dark);
    QCOMPARE(&currentPalette(), &paletteOf(Theme::Dark));
    QCOMPARE(themeFromName(themeName(Theme::Dark)), std::optional(Theme::Dark));
    QCOMPARE(themeFromName("sepia"), std::optional<Theme>());
  }

  void aChartDrawnLightDrawsDarkInItsNextFrame() {
    gradscape::testing::OffscreenChart<ConvergenceChart> o(640, 400);
    o.chart.setRuns({descendingRun()}, ConvergenceQuantity::Loss, std::nullopt);
    const Palette& light = paletteOf(Theme::Light);
    const Palette& dark = paletteOf(Theme::Dark);
    ChartImage image = o.render();
    QVERIFY(gradscape::testing::near(image.at(2, 2), light.paper, 2));
    QVERIFY(gradscape::testing::countColour(image, light.ink) > 100);  // titles, tick labels

    setCurrentTheme(Theme::Dark);
    image = o.render();
    QVERIFY(gradscape::testing::near(image.at(2, 2), dark.paper, 2));
    QVERIFY(gradscape::testing::near(image.at(image.width - 3, image.height - 3), dark.paper, 2));
    QVERIFY(gradscape::testing::countColour(image, dark.ink) > 100);
    // Nothing is left in the light theme's white: not the background, not the legend's box.
    QCOMPARE(gradscape::testing::countColour(image, light.paper), 0);

    setCurrentTheme(Theme::Light);
    image = o.render();
    QVERIFY(gradscape::testing::near(image.at(2, 2), light.paper, 2));
  }

  void aMapsMarginsTitleAndLegendFollowTheTheme() {
    gradscape::testing::OffscreenScene<ContourScene> view;
    view.scene.setLandscape(gradscape::testing::quadraticLandscape(ColorScale::Linear));
    view.scene.setRuns({gradscape::testing::lineRun("GD", -1.5, 1.0, 0.5, runColor(0), 20)});
    const Palette& dark = paletteOf(Theme::Dark);
    auto image = view.render();
    QVERIFY(near(image[0], paletteOf(Theme::Light).paper, 2));
    setCurrentTheme(Theme::Dark);
    image = view.render();
    // The margins (bottom-left and top-right corners) are the dark paper; the title, tick
    // labels, colour-bar labels and legend text are drawn in the dark ink.
    QVERIFY(near(image[0], dark.paper, 2));
    QVERIFY(near(image.back(), dark.paper, 2));
    QVERIFY(count(image, dark.ink, 6) > 60);
    QCOMPARE(count(image, paletteOf(Theme::Light).paper, 2), 0);
  }

  void aSurfaceDrawsTheDarkGradientBehindIt() {
    gradscape::testing::OffscreenScene<SurfaceScene> view;
    view.scene.setLandscape(gradscape::testing::quadraticLandscape(ColorScale::Linear));
    setCurrentTheme(Theme::Dark);
    const auto image = view.render();
    const Palette& dark = paletteOf(Theme::Dark);
    // Bottom row: the gradient's low colour; top row: its high colour.
    QVERIFY(near(image[0], dark.surfaceLow, 3));
    QVERIFY(near(image.back(), dark.surfaceHigh, 3));
    QVERIFY(count(image, dark.ink, 6) > 30);  // title and axis labels
  }
};

QTEST_MAIN(TestTheme)
#include "test_theme.moc"
