// The 3-D surface rendered offscreen: a lit, coloured picture (not blank), picking that agrees
// with a ray marched through the analytic landscape, runs visible on the surface in their
// colour, and bad input (NaN samples, negative minima on a log scale, empty runs) that must
// not break it.
#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <QTest>

#include <array>
#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include "plots/landscape_grid.h"
#include "plots/surface_scene.h"
#include "support/offscreen_render.h"
#include "support/quadratic_landscape.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;

namespace {

// f = 1/2 (x^2 + 4 y^2) on [-2, 2]^2: minimum 0 at the origin, maximum 10 in the corners.
double f(double x, double y) {
  return 0.5 * (x * x + 4.0 * y * y);
}

// On the linear scale the surface is 0.5 * 4 = 2 high: height = f / 10 * 2.
double height(double x, double y) {
  return f(x, y) / 10.0 * 2.0;
}

RunView path(double y, Rgb color) {
  return lineRun("path", -1.5, 1.5, y, color, 100);
}

struct Offscreen : OffscreenScene<SurfaceScene> {
  // Where the view ray through display point d first meets z = height(x, y) inside the box:
  // marched in small steps from the camera, then bisected.
  std::optional<std::array<double, 2>> rayHit(std::array<double, 2> d) {
    vtkRenderer* r = scene.renderer();
    double eye[3];
    r->GetActiveCamera()->GetPosition(eye);
    r->SetDisplayPoint(d[0], d[1], 0.5);
    r->DisplayToWorld();
    const double* w = r->GetWorldPoint();
    double dir[3] = {w[0] / w[3] - eye[0], w[1] / w[3] - eye[1], w[2] / w[3] - eye[2]};
    const double len = std::sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
    for (double& c : dir) c /= len;
    auto below = [&](double t) {
      const double x = eye[0] + t * dir[0], y = eye[1] + t * dir[1], z = eye[2] + t * dir[2];
      return std::abs(x) <= 2.0 && std::abs(y) <= 2.0 && z <= height(x, y);
    };
    const double step = 1e-3;
    for (double t = 0.0; t < 100.0; t += step) {
      if (below(t)) {
        double lo = t - step, hi = t;
        for (int k = 0; k < 40; ++k) (below(0.5 * (lo + hi)) ? hi : lo) = 0.5 * (lo + hi);
        return std::array<double, 2>{eye[0] + hi * dir[0], eye[1] + hi * dir[1]};
      }
    }
    return std::nullopt;
  }
};

int countNear(const std::vector<Pixel>& image, const Pixel& c, int tolerance) {
  int n = 0;
  for (const Pixel& p : image) {
    if (std::abs(p[0] - c[0]) <= tolerance && std::abs(p[1] - c[1]) <= tolerance &&
        std::abs(p[2] - c[2]) <= tolerance) {
      ++n;
    }
  }
  return n;
}

}  // namespace

class TestSurfaceScene : public QObject {
  Q_OBJECT

 private slots:
  void rendersALitColouredSurface() {
    Offscreen view;
    view.scene.setLandscape(quadraticLandscape(ColorScale::Log));
    const auto image = view.render();
    std::set<int> colours;
    for (const Pixel& p : image) colours.insert((p[0] << 16) | (p[1] << 8) | p[2]);
    QVERIFY2(colours.size() > 500, QByteArray::number(static_cast<int>(colours.size())));
  }

  void pickAtTheProjectedBoxCentreMeetsTheSurfaceWhereTheViewRayDoes() {
    Offscreen view;
    view.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    view.render();
    const auto d = view.display(0.0, 0.0, 1.0);  // the box is [-2, 2]^2 x [0, 2]
    const auto expected = view.rayHit(d);
    QVERIFY(expected.has_value());
    const auto picked = view.scene.pick(d[0], d[1]);
    QVERIFY(picked.has_value());
    QVERIFY(std::abs((*picked)[0]) <= 2.0 && std::abs((*picked)[1]) <= 2.0);
    // The surface is a mesh of 0.04-wide cells: a few hundredths from the analytic hit.
    QVERIFY2(std::abs((*picked)[0] - (*expected)[0]) < 0.03, QByteArray::number((*picked)[0]));
    QVERIFY2(std::abs((*picked)[1] - (*expected)[1]) < 0.03, QByteArray::number((*picked)[1]));
  }

  void pickOfAVisibleSurfacePointReturnsIt() {
    Offscreen view;
    view.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    view.render();
    // (0.5, 1) lies on the far wall of the bowl, in view of the camera.
    const auto d = view.display(0.5, 1.0, height(0.5, 1.0));
    const auto picked = view.scene.pick(d[0], d[1]);
    QVERIFY(picked.has_value());
    QVERIFY2(std::abs((*picked)[0] - 0.5) < 0.03, QByteArray::number((*picked)[0]));
    QVERIFY2(std::abs((*picked)[1] - 1.0) < 0.03, QByteArray::number((*picked)[1]));
    QVERIFY(!view.scene.pick(3.0, 3.0).has_value());  // the window's corner: no surface
  }

  void runsAreVisibleOnTheSurfaceInTheirColour() {
    Offscreen view;
    view.scene.setLandscape(quadraticLandscape(ColorScale::Linear));
    const Pixel magenta{255, 0, 255};
    QCOMPARE(countNear(view.render(), magenta, 40), 0);
    view.scene.setRuns({path(1.0, {1.0, 0.0, 1.0})});
    const auto image = view.render();
    QVERIFY2(countNear(image, magenta, 40) > 150,
             QByteArray::number(countNear(image, magenta, 40)));
    // The mid point of the path, projected, is in the path's colour.
    const auto d = view.display(0.0, 1.0, height(0.0, 1.0));
    const Pixel mid = Offscreen::at(image, d);
    QVERIFY2(mid[0] > 200 && mid[1] < 60 && mid[2] > 200, QByteArray::number(mid[0]) + "," +
                                                              QByteArray::number(mid[1]) + "," +
                                                              QByteArray::number(mid[2]));
  }

  void badInputDoesNotBreakTheScene() {
    Offscreen view;
    RunView one = path(0.0, {1, 0, 0});
    one.iteration.resize(1);
    one.x.resize(1);
    one.y.resize(1);
    one.loss.resize(1);
    RunView diverging = path(-1.0, {0, 0, 1});
    diverging.diverged = true;
    diverging.x.back() = 1e9;
    diverging.loss.back() = std::numeric_limits<double>::infinity();
    view.scene.setRuns({one, RunView{}, diverging});
    view.scene.setStartPoint(0.0, 0.0);
    view.scene.setHighlight(std::array<double, 2>{0.5, 0.5});
    view.render();

    LandscapeContent content = quadraticLandscape(ColorScale::Log);
    for (double& v : content.grid.values) v -= 20.0;
    content.grid.minValue -= 20.0;
    content.grid.maxValue -= 20.0;
    for (int i = 0; i < 101; ++i) content.grid.values[static_cast<size_t>(50 * 101 + i)] = NAN;
    content.minima = {{0.0, 0.0}};
    view.scene.setLandscape(content);
    const auto image = view.render();
    std::set<int> colours;
    for (const Pixel& p : image) colours.insert((p[0] << 16) | (p[1] << 8) | p[2]);
    QVERIFY(colours.size() > 500);
    view.scene.setRuns({});
    view.scene.setHighlight(std::nullopt);
    view.render();
    view.scene.setLandscape(LandscapeContent{});
    view.render();
    QVERIFY(!view.scene.pick(kWidth / 2.0, kHeight / 2.0).has_value());
  }
};

QTEST_APPLESS_MAIN(TestSurfaceScene)
#include "test_surface_scene.moc"
