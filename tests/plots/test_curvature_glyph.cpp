// The curvature glyph's model on the contour map, rendered offscreen and read back pixel by
// pixel, on the rotated quadratic of support/curvature_glyph_bed.h: the axes lie along the
// eigenvectors, the flat one sqrt(10) times longer, labels by their ends, a saddle direction
// dashed, the size kept when zoomed, and nothing left behind when the glyph is removed. The step
// arrows are in test_curvature_steps.cpp. Set GRADSCAPE_SHOT_DIR to keep the pictures.
#include <vtkCamera.h>

#include <QTest>

#include "support/curvature_glyph_bed.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;
using namespace gradscape::testing::glyph_bed;

class TestCurvatureGlyph : public QObject {
  Q_OBJECT

 private slots:
  void eigenvaluesAreLabelledWithFourSignificantDigitsAndATrueMinus() {
    QCOMPARE(eigenvalueLabel(0.399), std::string("λ = 0.399"));
    QCOMPARE(eigenvalueLabel(1001.6), std::string("λ = 1002"));
    QCOMPARE(eigenvalueLabel(10.0), std::string("λ = 10"));
    QCOMPARE(eigenvalueLabel(-2.5), std::string("λ = \u22122.5"));
    QCOMPARE(eigenvalueLabel(12345.6), std::string("λ = 12346"));
    QCOMPARE(eigenvalueLabel(2.5e-5), std::string("λ = 2.5e-5"));
    QCOMPARE(eigenvalueLabel(0.0), std::string("λ = 0"));
  }

  void halfAxesGoAsOneOverTheRootOfTheCurvature() {
    const auto h = glyphHalfAxes({1.0, 10.0}, 100.0, 8.0);
    QCOMPARE(h[0], 100.0);
    QVERIFY(std::abs(h[1] - 100.0 / std::sqrt(10.0)) < 1e-12);
    // A saddle: |lambda| counts; the flatter direction is the longer one.
    const auto saddle = glyphHalfAxes({-4.0, 1.0}, 100.0, 8.0);
    QCOMPARE(saddle[0], 50.0);
    QCOMPARE(saddle[1], 100.0);
    // Condition 10^6 would give a 0.1 px stub: the axis keeps a visible length.
    QCOMPARE(glyphHalfAxes({1.0, 1e6}, 100.0, 8.0)[1], 8.0);
    const auto flat = glyphHalfAxes({0.0, 3.0}, 100.0, 8.0);
    QCOMPARE(flat[0], 100.0);
    QCOMPARE(flat[1], 8.0);
  }

  void axesLieAlongTheEigenvectorsAndNowhereElse() {
    Offscreen view;
    view.scene.setCurvatureGlyph(glyph(false));
    const auto image = view.render();
    view.save("curvature_axes");
    const P2 c = view.display(kIterate[0], kIterate[1]);
    // The steep half-axis is about 0.18 * 380 / sqrt(10) = 21 px: both axes are white there.
    for (const P2& u : {kFlat, kSteep}) {
      for (double sign : {1.0, -1.0}) {
        for (int r = 7; r <= 16; ++r) {
          const Pixel p = view.at(image, along(c, {sign * u[0], sign * u[1]}, r));
          QVERIFY2(white(p), show(p) + " at r=" + QByteArray::number(r));
        }
      }
    }
    // Halfway between the axes, inside the ellipse (which is 29 px out at 45 degrees), the map.
    for (double turn : {1.0, 3.0, 5.0, 7.0}) {
      const double a = kAngle + turn * std::numbers::pi / 4.0;
      for (int r = 8; r <= 20; r += 3) {
        const Pixel p = view.at(image, along(c, {std::cos(a), std::sin(a)}, r));
        QVERIFY2(!white(p), show(p) + " at r=" + QByteArray::number(r));
      }
    }
  }

  void flatAxisIsRootTenTimesTheSteepOneAndEighteenPercentOfTheBox() {
    Offscreen view;
    view.scene.setCurvatureGlyph(glyph(false));
    const auto image = view.render();
    const P2 c = view.display(kIterate[0], kIterate[1]);
    const auto halfLength = [&](const P2& u) {
      return 0.5 * (view.whiteRun(image, c, u) + view.whiteRun(image, c, {-u[0], -u[1]}));
    };
    const double flat = halfLength(kFlat), steep = halfLength(kSteep);
    const auto lo = view.display(-2.0, -2.0), hi = view.display(2.0, 2.0);
    const double side = std::min(hi[0] - lo[0], hi[1] - lo[1]);
    QVERIFY2(std::abs(flat - 0.18 * side) <= 3.0,
             QByteArray::number(flat) + " vs " + QByteArray::number(0.18 * side));
    QVERIFY2(std::abs(flat - std::sqrt(10.0) * steep) <= 4.0,
             QByteArray::number(flat) + " / " + QByteArray::number(steep));
  }

  void eachAxisEndCarriesItsEigenvalue() {
    Offscreen view;
    const auto bare = view.render();
    view.scene.setCurvatureGlyph(glyph(false));
    const auto image = view.render();
    const P2 c = view.display(kIterate[0], kIterate[1]);
    for (size_t i = 0; i < 2; ++i) {
      const P2 u = i == 0 ? kFlat : kSteep;
      const double r = view.whiteRun(image, c, u);
      int text = 0, before = 0;
      for (double sign : {1.0, -1.0}) {
        const P2 su{sign * u[0], sign * u[1]};
        const P2 end = along(c, su, r);
        text += view.inkBeyond(image, end, su);
        before += view.inkBeyond(bare, end, su);
      }
      QVERIFY2(before == 0, QByteArray::number(before));
      QVERIFY2(text >= 15, QByteArray::number(text));
    }
  }

  void saddleDirectionIsDashed() {
    Offscreen view;
    CurvatureGlyph g = glyph(false);
    g.eigenvalues = {-1.0, 10.0};
    view.scene.setCurvatureGlyph(g);
    const auto image = view.render();
    view.save("curvature_saddle");
    const P2 c = view.display(kIterate[0], kIterate[1]);
    for (double sign : {1.0, -1.0}) {
      int switches = 0;
      bool previous = true;
      for (int r = 6; r <= 60; ++r) {
        const bool now = white(view.at(image, along(c, {sign * kFlat[0], sign * kFlat[1]}, r)));
        switches += now != previous ? 1 : 0;
        previous = now;
      }
      // 9 px dashes every 15 px over 54 px: at least three dashes begin and end.
      QVERIFY2(switches >= 5, QByteArray::number(switches));
    }
    // The steep axis (positive curvature) stays solid.
    for (int r = 7; r <= 16; ++r) QVERIFY(white(view.at(image, along(c, kSteep, r))));
    // No ellipse for an indefinite model: 45 degrees off the axes at 29 px, the map.
    const double a = kAngle + std::numbers::pi / 4.0;
    QVERIFY(!white(view.at(image, along(c, {std::cos(a), std::sin(a)}, 29.0))));
  }

  void removingTheGlyphRestoresThePlainMap() {
    Offscreen view;
    const auto bare = view.render();
    view.scene.setCurvatureGlyph(glyph(true));
    const auto with = view.render();
    int changed = 0;
    for (size_t k = 0; k < bare.size(); ++k) changed += with[k] != bare[k] ? 1 : 0;
    QVERIFY2(changed > 1000, QByteArray::number(changed));
    view.scene.setCurvatureGlyph(std::nullopt);
    const auto after = view.render();
    int left = 0;
    for (size_t k = 0; k < bare.size(); ++k) left += after[k] != bare[k] ? 1 : 0;
    QCOMPARE(left, 0);
  }

  void glyphKeepsItsSizeOnScreenWhenZoomed() {
    Offscreen view;
    view.render();
    // At the point the camera looks at, which stays at the window's centre when zooming.
    const double* focal = view.scene.renderer()->GetActiveCamera()->GetFocalPoint();
    CurvatureGlyph g = glyph(false);
    g.center = {focal[0], focal[1]};
    view.scene.setCurvatureGlyph(g);
    const auto image = view.render();
    const P2 c = view.display(g.center[0], g.center[1]);
    const double before = view.whiteRun(image, c, kFlat);
    // Zoomed in twice, the box fills the window: the glyph is 18% of the window's height, not
    // magnified with the map (which would make it 2 x 68 px).
    view.scene.renderer()->GetActiveCamera()->Zoom(2.0);
    const auto zoomed = view.render();
    view.save("curvature_zoomed");
    const P2 lo = view.display(-2.0, -2.0), hi = view.display(2.0, 2.0);
    const double side = std::min(std::min(hi[0], double(kWidth)) - std::max(lo[0], 0.0),
                                 std::min(hi[1], double(kHeight)) - std::max(lo[1], 0.0));
    QCOMPARE(side, double(kHeight));
    const P2 cz = view.display(g.center[0], g.center[1]);
    const double after = view.whiteRun(zoomed, cz, kFlat);
    QVERIFY2(std::abs(after - 0.18 * side) <= 3.0,
             QByteArray::number(before) + " -> " + QByteArray::number(after));
  }

  void steepAxisOfANarrowValleyStaysVisible() {
    // Condition 2500: in proportion the steep half-axis would be 68 / 50 = 1.4 px.
    Offscreen view;
    view.scene.setLandscape(valley(2500.0));
    CurvatureGlyph g = glyph(false);
    g.eigenvalues = {1.0, 2500.0};
    // Gradient descent near its stability limit 2 / 2500 overshoots across the valley.
    const double lr = 1.9 / 2500.0;
    const double a = kFlat[0] * kIterate[0] + kFlat[1] * kIterate[1];
    const double b = kSteep[0] * kIterate[0] + kSteep[1] * kIterate[1];
    g.gradientStep = P2{-lr * (a * kFlat[0] + 2500.0 * b * kSteep[0]),
                        -lr * (a * kFlat[1] + 2500.0 * b * kSteep[1])};
    g.newtonStep = P2{-kIterate[0], -kIterate[1]};
    view.scene.setCurvatureGlyph(g);
    const auto image = view.render();
    view.save("curvature_narrow_valley");
    const P2 c = view.display(kIterate[0], kIterate[1]);
    // The steep axis: 8 px either side (the dot covers 4.75 of them); the gradient step is drawn
    // over one side of it, so the other side is checked.
    const P2 down{-kSteep[0], -kSteep[1]};
    for (int r = 6; r <= 7; ++r) QVERIFY(white(view.at(image, along(c, down, r))));
    QVERIFY(!white(view.at(image, along(c, down, 11))));
  }

  void badGlyphsDrawNothing() {
    Offscreen view;
    const auto bare = view.render();
    CurvatureGlyph nan = glyph(true);
    nan.eigenvalues[0] = std::nan("");
    CurvatureGlyph zeroAxis = glyph(true);
    zeroAxis.axes[1] = {0.0, 0.0};
    CurvatureGlyph outside = glyph(true);
    outside.center = {5.0, 0.0};
    for (const CurvatureGlyph& g : {nan, zeroAxis, outside}) {
      view.scene.setCurvatureGlyph(g);
      QCOMPARE(view.render(), bare);
    }
    // Without a landscape the glyph has nowhere to go.
    view.scene.setCurvatureGlyph(glyph(true));
    view.scene.setLandscape(LandscapeContent{});
    view.render();
  }
};

QTEST_APPLESS_MAIN(TestCurvatureGlyph)
#include "test_curvature_glyph.moc"
