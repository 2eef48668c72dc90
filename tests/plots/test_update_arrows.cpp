// The update arrows on the contour map (issue 12, section 4), rendered offscreen and read back
// pixel by pixel: the parts' shades differ from each other and from the run's colour (the step's)
// by a WCAG contrast ratio computed here, a step that a part runs along (SGD with momentum) is
// drawn beside it rather than under it, labels of crowded short arrows do not overlap, and what
// gradient clipping took off is drawn dashed from x_{k+1}. Set GRADSCAPE_SHOT_DIR to keep the
// pictures.
#include <QTest>

#include <algorithm>
#include <cmath>

#include "core/optimizers/update_parts.h"
#include "plots/update_arrows.h"
#include "support/curvature_glyph_bed.h"

using namespace gradscape;
using namespace gradscape::plots;
using namespace gradscape::testing;
using namespace gradscape::testing::glyph_bed;

namespace {

// WCAG 2: relative luminance of sRGB, and the contrast ratio (L1 + 0.05) / (L2 + 0.05).
double luminance(const Rgb& c) {
  const auto lin = [](double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double contrast(const Rgb& a, const Rgb& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The hue in degrees (HSV), or -1 for a grey.
double hue(const Rgb& c) {
  const double hi = std::max({c.r, c.g, c.b}), lo = std::min({c.r, c.g, c.b});
  if (hi - lo < 1e-3) return -1.0;
  double h = 0.0;
  if (hi == c.r) h = std::fmod((c.g - c.b) / (hi - lo), 6.0);
  if (hi == c.g) h = (c.b - c.r) / (hi - lo) + 2.0;
  if (hi == c.b) h = (c.r - c.g) / (hi - lo) + 4.0;
  return std::fmod(60.0 * h + 360.0, 360.0);
}

Vec v2(double a, double b) {
  Vec v(2);
  v << a, b;
  return v;
}

}  // namespace

class TestUpdateArrows : public QObject {
  Q_OBJECT

 private slots:
  void partShadesDifferFromEachOtherAndFromTheStepByAContrastRatio() {
    for (int i = 0; i < 10; ++i) {
      const Rgb base = runColor(i);
      // Two parts (momentum and gradient): each pair of part, part and step at least 1.7:1.
      const Rgb p0 = partShade(base, 0, 2), p1 = partShade(base, 1, 2);
      for (const auto& [a, b] : {std::pair{p0, p1}, std::pair{p0, base}, std::pair{p1, base}}) {
        QVERIFY2(contrast(a, b) >= 1.7,
                 qPrintable(QString("run %1: %2").arg(i).arg(contrast(a, b))));
      }
      // Three parts (decoupled weight decay too): neighbours and step at least 1.45:1.
      std::vector<Rgb> three{partShade(base, 0, 3), partShade(base, 1, 3), partShade(base, 2, 3)};
      for (size_t k = 0; k < 3; ++k) {
        QVERIFY(contrast(three[k], base) >= 1.45);
        if (k > 0) QVERIFY(contrast(three[k], three[k - 1]) >= 1.45);
      }
      // Darkest first, and all of the run's hue (mixes with black or white keep it).
      QVERIFY(luminance(p0) < luminance(p1));
      for (const Rgb& p : {p0, p1, three[0], three[1], three[2]}) {
        if (hue(base) < 0.0) continue;
        const double dh = std::abs(hue(p) - hue(base));
        QVERIFY2(std::min(dh, 360.0 - dh) < 2.0, qPrintable(QString::number(dh)));
      }
    }
    QCOMPARE(partShade(runColor(3), 0, 1), runColor(3));
  }

  void stepAlongAPartIsDrawnBesideIt() {
    Offscreen view;
    // Momentum's carried part (0.9, 0) outweighs the gradient's (0.05, 0.01): the step
    // (0.95, 0.01) runs along the first part.
    UpdateParts parts;
    parts.addPart("momentum", "−lr·μ·bₜ₋₁", v2(0.9, 0.0));
    parts.addPart("gradient", "−lr·g", v2(0.05, 0.01));
    const Rgb base = runColor(0);
    UpdateArrows arrows = makeUpdateArrows(parts, v2(-1.0, -1.0), base);
    QCOMPARE(arrows.arrows.size(), size_t(3));
    view.scene.setUpdateArrows(arrows);
    const auto image = view.render();
    view.save("update_momentum_parallel");
    // Across the middle of the first part: its shade on the line y = -1, the run's colour (the
    // step) beside it, the two stripes' centres at least 5 px apart.
    const P2 mid = view.display(-0.55, -1.0);
    // The rows of the stripe of `color` nearest the line (label frames, in the arrows' colours,
    // may lie further out).
    const auto stripe = [&](const Rgb& color) {
      std::vector<int> rows;
      for (int dy = -14; dy <= 14; ++dy) {
        if (near(view.at(image, {mid[0], mid[1] + dy}), toPixel(color), 24)) rows.push_back(dy);
      }
      std::vector<int> best;
      for (size_t i = 0; i < rows.size();) {
        size_t j = i + 1;
        while (j < rows.size() && rows[j] == rows[j - 1] + 1) ++j;
        const std::vector<int> run(rows.begin() + long(i), rows.begin() + long(j));
        const auto distance = [](const std::vector<int>& r) {
          return std::min(std::abs(r.front()), std::abs(r.back()));
        };
        if (best.empty() || distance(run) < distance(best)) best = run;
        i = j;
      }
      return best;
    };
    const auto part = stripe(partShade(base, 0, 2)), step = stripe(base);
    QVERIFY2(!part.empty() && !step.empty(),
             qPrintable(QString("%1 part rows, %2 step rows").arg(part.size()).arg(step.size())));
    const auto centre = [](const std::vector<int>& r) { return 0.5 * (r.front() + r.back()); };
    QVERIFY2(std::abs(centre(part)) <= 1.5, qPrintable(QString::number(centre(part))));
    QVERIFY2(std::abs(centre(step) - centre(part)) >= 5.0,
             qPrintable(QString::number(centre(step) - centre(part))));
  }

  void labelsOfCrowdedShortArrowsDoNotOverlap() {
    Offscreen view;
    // SGD with momentum and clipping at a small scale: both parts and what clipping took off
    // are 3 to 14 px long, all drawn at the 44 px minimum around one spot, four labels.
    UpdateParts parts;
    parts.addPart("momentum", "−lr·μ·bₜ₋₁", v2(-0.1, -0.1));
    parts.addPart("gradient", "−lr·g", v2(-0.11, -0.1));
    parts.removedByClipping = v2(-0.03, 0.0);
    view.scene.setUpdateArrows(makeUpdateArrows(parts, v2(-0.25, -0.25), runColor(0)));
    view.render();
    view.save("update_crowded");
    const auto& labels = view.scene.updateArrowLabels();
    QCOMPARE(labels.size(), size_t(4));
    for (size_t i = 0; i < labels.size(); ++i) {
      QVERIFY(labels[i].text.find("true length") != std::string::npos);
      for (size_t j = 0; j < i; ++j) {
        const auto& a = labels[i].box;
        const auto& b = labels[j].box;
        const bool apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
        QVERIFY2(apart,
                 qPrintable(QString::fromStdString(labels[i].text + " over " + labels[j].text)));
      }
    }
  }

  void whatClippingTookOffIsDrawnDashedFromTheNextIterate() {
    Offscreen view;
    // One part (-0.6, 0) after clipping; the unclipped gradient would have gone 0.9 further.
    UpdateParts parts;
    parts.addPart("gradient", "−lr·g", v2(-0.6, 0.0));
    parts.removedByClipping = v2(-0.9, 0.0);
    const UpdateArrows arrows = makeUpdateArrows(parts, v2(1.0, -1.2), runColor(0));
    QCOMPARE(arrows.arrows.size(), size_t(2));
    const UpdateArrow& clipped = arrows.arrows[1];
    QCOMPARE(clipped.kind, UpdateArrow::Kind::Clipped);
    QVERIFY(clipped.from == (std::array<double, 2>{0.4, -1.2}));  // x_{k+1}
    view.scene.setUpdateArrows(arrows);
    const auto image = view.render();
    view.save("update_clipped");
    const P2 from = view.display(0.4, -1.2), to = view.display(-0.5, -1.2);
    const P2 start = view.display(1.0, -1.2);
    const auto switches = [&](const P2& a, const P2& b, const Rgb& color) {
      int n = 0;
      bool previous = near(view.at(image, a), toPixel(color), 30);
      const double len = std::hypot(b[0] - a[0], b[1] - a[1]);
      for (double t = 1.0; t < len; t += 1.0) {
        const bool now =
            near(view.at(image, along(a, unit({b[0] - a[0], b[1] - a[1]}), t)), toPixel(color), 30);
        n += now != previous ? 1 : 0;
        previous = now;
      }
      return n;
    };
    // The clipped part's shaft (to 15 px before its head): 7 px dashes every 12 px, so many
    // starts and ends; the part itself (past the iterate's dot, before its head) solid.
    const P2 shaftEnd{to[0] + 15.0, to[1]};
    const int dashed = switches({from[0] - 2.0, from[1]}, shaftEnd, clipped.color);
    QVERIFY2(dashed >= 8, QByteArray::number(dashed));
    const int solid =
        switches({start[0] - 7.0, start[1]}, {from[0] + 14.0, from[1]}, arrows.arrows[0].color);
    QCOMPARE(solid, 0);
  }
};

QTEST_APPLESS_MAIN(TestUpdateArrows)
#include "test_update_arrows.moc"
