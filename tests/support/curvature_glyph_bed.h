#pragma once
// The curvature glyph's test bed: the rotated quadratic f = 1/2 x'Hx with H's eigenvalues 1
// (along 30 degrees) and 10 (along 120 degrees) on a contour map rendered offscreen, the glyph
// at (1.2, 0.2) with lr 0.12, and pixel helpers (tests/plots/test_curvature_*.cpp).
#include <vtkNew.h>
#include <vtkPNGWriter.h>
#include <vtkRenderWindow.h>
#include <vtkWindowToImageFilter.h>

#include <QByteArray>
#include <QtGlobal>

#include <algorithm>
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

namespace gradscape::testing::glyph_bed {

using namespace gradscape::plots;

using P2 = std::array<double, 2>;

inline const double kAngle = std::numbers::pi / 6.0;
inline const P2 kFlat{std::cos(kAngle), std::sin(kAngle)};    // eigenvalue 1
inline const P2 kSteep{-std::sin(kAngle), std::cos(kAngle)};  // eigenvalue 10
inline const P2 kIterate{1.2, 0.2};
constexpr double kLr = 0.12;

// H = R diag(1, 10) R' applied to x.
inline P2 hessianTimes(const P2& x) {
  const double a = kFlat[0] * x[0] + kFlat[1] * x[1], b = kSteep[0] * x[0] + kSteep[1] * x[1];
  return {a * kFlat[0] + 10.0 * b * kSteep[0], a * kFlat[1] + 10.0 * b * kSteep[1]};
}

inline LandscapeContent valley(double condition = 10.0) {
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

inline CurvatureGlyph glyph(bool withSteps) {
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

inline Pixel toPixel(const Rgb& c) {
  return {static_cast<int>(std::lround(c.r * 255)), static_cast<int>(std::lround(c.g * 255)),
          static_cast<int>(std::lround(c.b * 255))};
}

inline bool near(const Pixel& p, const Pixel& expected, int tolerance) {
  for (int c = 0; c < 3; ++c) {
    if (std::abs(p[c] - expected[c]) > tolerance) return false;
  }
  return true;
}

inline bool white(const Pixel& p) {
  return p[0] > 215 && p[1] > 215 && p[2] > 215;
}

// Dark grey, as antialiased text in the scene's ink is; viridis has no neutral dark colour.
inline bool inkLike(const Pixel& p) {
  const int hi = std::max({p[0], p[1], p[2]}), lo = std::min({p[0], p[1], p[2]});
  return hi < 120 && hi - lo < 30;
}

inline QByteArray show(const Pixel& p) {
  return QByteArray::number(p[0]) + "," + QByteArray::number(p[1]) + "," + QByteArray::number(p[2]);
}

inline P2 along(const P2& from, const P2& u, double r) {
  return {from[0] + r * u[0], from[1] + r * u[1]};
}

inline P2 unit(const P2& v) {
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

}  // namespace gradscape::testing::glyph_bed
