// The curvature glyph on the contour map, rendered offscreen and read back pixel by pixel, on
// the rotated quadratic f = 1/2 x'Hx with H's eigenvalues 1 (along 30 degrees) and 10 (along
// 120 degrees): the axes lie along the eigenvectors, the flat one sqrt(10) times longer, labels
// by their ends, the gradient step along -lr H x and the Newton step at the minimizer in their
// colours, a saddle direction dashed, a step leaving the map cut at the frame, and nothing left
// behind when the glyph is removed. Set GRADSCAPE_SHOT_DIR to keep the pictures.
#include <vtkCamera.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkWindowToImageFilter.h>

#include <QTest>

#include <array>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "core/objectives/objective_registry.h"
#include "plots/contour_scene.h"
#include "plots/curvature_glyph.h"
#include "plots/landscape_grid.h"
#include "support/offscreen_render.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

using P2 = std::array<double, 2>;

const double kAngle = std::numbers::pi / 6.0;
const P2 kFlat{std::cos(kAngle), std::sin(kAngle)};    // eigenvalue 1
const P2 kSteep{-std::sin(kAngle), std::cos(kAngle)};  // eigenvalue 10
const P2 kIterate{1.2, 0.2};
constexpr double kLr = 0.12;

// H = R diag(1, 10) R' applied to x.
P2 hessianTimes(const P2& x) {
  const double a = kFlat[0] * x[0] + kFlat[1] * x[1], b = kSteep[0] * x[0] + kSteep[1] * x[1];
  return {a * kFlat[0] + 10.0 * b * kSteep[0], a * kFlat[1] + 10.0 * b * kSteep[1]};
}

LandscapeContent valley(double condition = 10.0) {
  const auto* entry = objectiveRegistry().find("rotated_quadratic");
  ParamValues p;
  p.set("condition", condition);
  p.set("angle", 30.0);
  const auto f = entry->make(ParamValues::withDefaults(entry->params, p));
  LandscapeContent content;
  content.grid = sampleLandscape(*f, f->domain(), 101, 101);
  content.style.scale = ColorScale::Linear;
  content.style.showMinima = false;
  content.title = "rotated quadratic (condition " + std::to_string(int(condition)) + ", angle 30)";
  return content;
}

CurvatureGlyph glyph(bool withSteps) {
  CurvatureGlyph g;
  g.center = kIterate;
  g.eigenvalues = {1.0, 10.0};
  g.axes = {kFlat, kSteep};
  if (withSteps) {
    const P2 hx = hessianTimes(kIterate);
    g.gradientStep = P2{-kLr * hx[0], -kLr * hx[1]};
    g.newtonStep = P2{-kIterate[0], -kIterate[1]};  // H^{-1} g = x for f = 1/2 x'Hx
  }
  return g;
}

Pixel toPixel(const Rgb& c) {
  return {static_cast<int>(std::lround(c.r * 255)), static_cast<int>(std::lround(c.g * 255)),
          static_cast<int>(std::lround(c.b * 255))};
}

bool near(const Pixel& p, const Pixel& expected, int tolerance) {
  for (int c = 0; c < 3; ++c) {
    if (std::abs(p[c] - expected[c]) > tolerance) return false;
  }
  return true;
}

bool white(const Pixel& p) {
  return p[0] > 215 && p[1] > 215 && p[2] > 215;
}

// Dark grey, as antialiased text in the scene's ink is; viridis has no neutral dark colour.
bool inkLike(const Pixel& p) {
  const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
  return hi < 120 && hi - lo < 30;
}

QByteArray show(const Pixel& p) {
  return QByteArray::number(p[0]) + "," + QByteArray::number(p[1]) + "," + QByteArray::number(p[2]);
}

P2 along(const P2& from, const P2& u, double r) {
  return {from[0] + r * u[0], from[1] + r * u[1]};
}

P2 unit(const P2& v) {
  const double n = std::hypot(v[0], v[1]);
  return {v[0] / n, v[1] / n};
}

struct Offscreen : OffscreenScene<ContourScene> {
  Offscreen() { scene.setLandscape(valley()); }
  Pixel at(const std::vector<Pixel>& image, const P2& d) const {
    return OffscreenScene<ContourScene>::at(image, {d[0], d[1]});
  }
  // Pixels from the centre's display position to the first one that is not white, along u.
  int whiteRun(const std::vector<Pixel>& image, const P2& center, const P2& u) const {
    int r = 6;  // past the dot that marks the iterate
    while (r < 300 && white(at(image, along(center, u, r)))) ++r;
    return r;
  }
  // Ink-like pixels in the strip 8 to 90 px beyond `end` along u, 30 px either side of it, inside
  // the landscape box (outside it are the tick and colour bar labels).
  int inkBeyond(const std::vector<Pixel>& image, const P2& end, const P2& u) {
    const P2 lo = display(-2.0, -2.0), hi = display(2.0, 2.0);
    const double frame = 3.0;  // the frame's line is dark grey too
    int count = 0;
    for (int a = 8; a <= 90; ++a) {
      for (int b = -30; b <= 30; ++b) {
        const P2 p{end[0] + a * u[0] - b * u[1], end[1] + a * u[1] + b * u[0]};
        if (p[0] < lo[0] + frame || p[1] < lo[1] + frame || p[0] >= hi[0] - frame ||
            p[1] >= hi[1] - frame) {
          continue;
        }
        count += inkLike(at(image, p)) ? 1 : 0;
      }
    }
    return count;
  }
  void save(const char* name) {
    if (!qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) return;
    const QByteArray path = qgetenv("GRADSCAPE_SHOT_DIR") + "/" + name + ".png";
    window->Render();
    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(window);
    grab->ReadFrontBufferOff();
    vtkNew<vtkPNGWriter> writer;
    writer->SetInputConnection(grab->GetOutputPort());
    writer->SetFileName(path.constData());
    writer->Write();
  }
};

}  // namespace

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

  void stepsPointAlongMinusHxAndAtTheMinimizerInTheirColours() {
    Offscreen view;
    view.scene.setCurvatureGlyph(glyph(true));
    const auto image = view.render();
    view.save("curvature_steps");
    const P2 c = view.display(kIterate[0], kIterate[1]);
    const P2 hx = hessianTimes(kIterate);
    const P2 gradientTip = view.display(kIterate[0] - kLr * hx[0], kIterate[1] - kLr * hx[1]);
    const P2 newtonTip = view.display(0.0, 0.0);
    const auto check = [&](const P2& tip, const Rgb& color) {
      const P2 d{tip[0] - c[0], tip[1] - c[1]};
      const double len = std::hypot(d[0], d[1]);
      const P2 u = unit(d);
      for (double f : {0.3, 0.45, 0.6, 0.75, 0.9}) {
        const Pixel p = view.at(image, along(c, u, f * len));
        QVERIFY2(near(p, toPixel(color), 30), show(p) + " at " + QByteArray::number(f));
        // Not backwards: the same distance behind the iterate shows no arrow colour.
        const Pixel q = view.at(image, along(c, u, -f * len));
        QVERIFY2(!near(q, toPixel(color), 60), show(q));
      }
      // The head ends at the tip: a few pixels past it, no arrow colour.
      const Pixel past = view.at(image, along(c, u, len + 4.0));
      QVERIFY2(!near(past, toPixel(color), 60), show(past));
    };
    check(gradientTip, kGradientStepColor);
    check(newtonTip, kNewtonStepColor);

    // A HiDPI picture to look at (not checked).
    if (qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) {
      view.window->SetSize(1280, 960);
      view.window->SetDPI(144);
      view.save("curvature_steps_hidpi");
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

  void stepLeavingTheMapIsCutAtTheFrameWithABreak() {
    Offscreen view;
    const auto bare = view.render();
    CurvatureGlyph g = glyph(false);
    g.gradientStep = P2{-3.0, 2.5};  // ends at (-1.8, 2.7), above the box
    view.scene.setCurvatureGlyph(g);
    const auto image = view.render();
    view.save("curvature_clipped");
    const P2 c = view.display(kIterate[0], kIterate[1]);
    const P2 far = view.display(kIterate[0] - 3.0, kIterate[1] + 2.5);
    const P2 u = unit({far[0] - c[0], far[1] - c[1]});
    const double top = view.display(0.0, 2.0)[1];
    const double exit = (top - c[1]) / u[1];  // where the path crosses the frame's top edge
    const Pixel orange = toPixel(kGradientStepColor);
    // Nothing is drawn beyond the frame; the head lies just inside it.
    for (double r : {exit + 3.0, exit + 10.0, exit + 30.0}) {
      const P2 p = along(c, u, r);
      QCOMPARE(view.at(image, p), view.at(bare, p));
    }
    const Pixel head = view.at(image, along(c, u, exit - 8.0));
    QVERIFY2(near(head, orange, 30), show(head));
    // The shaft is whole up to 45 px before the frame, broken somewhere in the last 40 px.
    for (double r = 8.0; r < exit - 45.0; r += 1.0) {
      QVERIFY2(near(view.at(image, along(c, u, r)), orange, 30), QByteArray::number(r));
    }
    bool broken = false;
    for (double r = exit - 40.0; r < exit - 14.0; r += 1.0) {
      broken = broken || !near(view.at(image, along(c, u, r)), orange, 60);
    }
    QVERIFY(broken);
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
