// The curvature glyph's step arrows on the contour map, rendered offscreen and read back pixel by
// pixel, on the rotated quadratic of support/curvature_glyph_bed.h: the gradient step along
// -lr H x and the Newton step at the minimizer in their colours, a step leaving the map cut at the
// frame with a break, the shorter of two aligned steps drawn over the longer, a step too short to
// see drawn at the minimum length with its true length in its label, and the glyph's note in a
// corner. Set GRADSCAPE_SHOT_DIR to keep the pictures.
#include <vtkCamera.h>

#include <QTest>

#include "support/curvature_glyph_bed.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;
using namespace gradscape::testing::glyph_bed;

class TestCurvatureSteps : public QObject {
  Q_OBJECT

 private slots:
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

  void tinyGradientStepIsDrawnAtTheMinimumLengthAndLabelledWithItsTrueLength() {
    Offscreen view;
    CurvatureGlyph g = glyph(false);
    // lr = 1e-4: H x = a flat + 10 b steep with a = 1.2 cos 30 + 0.2 sin 30 = 1.139230,
    // b = -1.2 sin 30 + 0.2 cos 30 = -0.426795, |H x| = sqrt(a^2 + 100 b^2) = 4.41734, so the
    // step is 4.4e-4 long: 0.05 px on this map.
    constexpr double lr = 1e-4;
    const P2 hx = hessianTimes(kIterate);
    g.gradientStep = P2{-lr * hx[0], -lr * hx[1]};
    view.scene.setCurvatureGlyph(g);
    const auto image = view.render();
    view.save("curvature_tiny_step");
    const P2 c = view.display(kIterate[0], kIterate[1]);
    const P2 u = unit({-hx[0], -hx[1]});
    // Orange from past the iterate's dot out to the head's point: at least the minimum of 44 px
    // less the 2 px where the point is narrower than a pixel, and no longer than the minimum.
    const Pixel orange = toPixel(kGradientStepColor);
    int r = 6;
    while (r < 200 && near(view.at(image, along(c, u, r)), orange, 40)) ++r;
    QVERIFY2(r >= 42 && r <= 47, QByteArray::number(r));
    // Its label names the true length, 4.4e-4.
    const auto& labels = view.scene.curvatureLabels();
    QVERIFY(std::find(labels.begin(), labels.end(),
                      std::string("gradient step  (true length 0.00044)")) != labels.end());
  }

  void shorterStepIsDrawnOverTheLongerOne() {
    Offscreen view;
    CurvatureGlyph g = glyph(false);
    // Both along -x: Newton's to the minimizer (115 px), the gradient step half as long.
    g.newtonStep = P2{-kIterate[0], -kIterate[1]};
    g.gradientStep = P2{-0.5 * kIterate[0], -0.5 * kIterate[1]};
    view.scene.setCurvatureGlyph(g);
    const auto image = view.render();
    view.save("curvature_steps_aligned");
    const P2 c = view.display(kIterate[0], kIterate[1]);
    const P2 tip = view.display(0.0, 0.0);
    const double len = std::hypot(tip[0] - c[0], tip[1] - c[1]);
    const P2 u = unit({tip[0] - c[0], tip[1] - c[1]});
    // Where both run (past the dot, before the gradient step's head), the gradient step's
    // orange; beyond its head, Newton's sky blue.
    for (double f : {0.15, 0.25, 0.35}) {
      const Pixel p = view.at(image, along(c, u, f * len));
      QVERIFY2(near(p, toPixel(kGradientStepColor), 30), show(p));
    }
    const Pixel beyond = view.at(image, along(c, u, 0.8 * len));
    QVERIFY2(near(beyond, toPixel(kNewtonStepColor), 30), show(beyond));
  }

  void stepsLongEnoughKeepTheirPlainLabels() {
    Offscreen view;
    view.scene.setCurvatureGlyph(glyph(true));
    view.render();
    // Two eigenvalue labels and the two steps' names, nothing about lengths.
    const auto& labels = view.scene.curvatureLabels();
    QCOMPARE(labels.size(), size_t(4));
    QCOMPARE(labels[2], std::string("gradient step"));
    QCOMPARE(labels[3], std::string("Newton step"));
  }

  void noteIsShownInTheTopLeftCornerWithOrWithoutAGlyph() {
    Offscreen view;
    const auto bare = view.render();
    const std::string note = "No Newton step: the model has no minimum";
    view.scene.setCurvatureNote(note);
    const auto image = view.render();
    view.save("curvature_note");
    QVERIFY(view.scene.curvatureLabels() == std::vector<std::string>{note});
    // Its box (8 px in from the map's top-left corner, the text 4 px further in) is white 10 px
    // in from that corner, where the plain map is not.
    const P2 corner = view.display(-2.0, 2.0);
    const P2 inside{corner[0] + 10.5, corner[1] - 14.0};
    QVERIFY2(white(view.at(image, inside)) && !white(view.at(bare, inside)),
             show(view.at(image, inside)));
    // With a glyph too: its labels, then the note.
    view.scene.setCurvatureGlyph(glyph(false));
    view.render();
    QCOMPARE(view.scene.curvatureLabels().size(), size_t(3));
    QCOMPARE(view.scene.curvatureLabels().back(), note);
    view.scene.setCurvatureNote({});
    view.scene.setCurvatureGlyph(std::nullopt);
    QCOMPARE(view.render(), bare);
  }
};

QTEST_APPLESS_MAIN(TestCurvatureSteps)
#include "test_curvature_steps.moc"
