#include "plots/curvature_glyph_shapes.h"

#include <algorithm>
#include <limits>
#include <numbers>

namespace gradscape::plots {

namespace {

constexpr Rgb kOutlineColor{0.08, 0.08, 0.08};

double dot(const Vec2& a, const Vec2& b) {
  return a[0] * b[0] + a[1] * b[1];
}

Vec2 unit(const Vec2& a) {
  return (1.0 / length(a)) * a;
}

// The triangle grown by `d` on every side: each corner moves out along its bisector by
// d / sin(half its angle).
std::array<Vec2, 3> grown(const std::array<Vec2, 3>& t, double d) {
  std::array<Vec2, 3> out = t;
  for (size_t k = 0; k < 3; ++k) {
    const Vec2 e1 = unit(t[(k + 1) % 3] - t[k]), e2 = unit(t[(k + 2) % 3] - t[k]);
    const double halfAngle = 0.5 * std::acos(std::clamp(dot(e1, e2), -1.0, 1.0));
    if (halfAngle > 1e-3) out[k] = t[k] - (d / std::sin(halfAngle)) * unit(e1 + e2);
  }
  return out;
}

double pointToSegment(const Vec2& p, const Vec2& a, const Vec2& b) {
  const Vec2 d = b - a;
  const double dd = dot(d, d);
  const double t = dd > 0.0 ? std::clamp(dot(p - a, d) / dd, 0.0, 1.0) : 0.0;
  return length(p - (a + t * d));
}

double pointToRect(const Vec2& p, const Rect& r) {
  const double dx = std::max({r.x0 - p[0], 0.0, p[0] - r.x1});
  const double dy = std::max({r.y0 - p[1], 0.0, p[1] - r.y1});
  return std::hypot(dx, dy);
}

// Whether the stroke `s` (its half-width included) reaches into `r`.
bool touches(const Segment& s, const Rect& r) {
  double t0 = 0.0, t1 = 1.0;
  if (clipSegment(s.a, s.b, r, t0, t1)) return true;
  // Otherwise the nearest points are an end of the segment or a corner of the rectangle.
  double d = std::min(pointToRect(s.a, r), pointToRect(s.b, r));
  for (const Vec2& corner :
       {Vec2{r.x0, r.y0}, Vec2{r.x1, r.y0}, Vec2{r.x0, r.y1}, Vec2{r.x1, r.y1}}) {
    d = std::min(d, pointToSegment(corner, s.a, s.b));
  }
  return d < s.halfWidth;
}

}  // namespace

double Rect::overlap(const Rect& o) const {
  const double w = std::min(x1, o.x1) - std::max(x0, o.x0);
  const double h = std::min(y1, o.y1) - std::max(y0, o.y0);
  return w > 0.0 && h > 0.0 ? w * h : 0.0;
}

Rect Rect::movedInto(const Rect& b) const {
  double dx = 0.0, dy = 0.0;
  if (x1 > b.x1) dx = b.x1 - x1;
  if (x0 + dx < b.x0) dx = b.x0 - x0;
  if (y1 > b.y1) dy = b.y1 - y1;
  if (y0 + dy < b.y0) dy = b.y0 - y0;
  return {x0 + dx, y0 + dy, x1 + dx, y1 + dy};
}

bool clipSegment(const Vec2& a, const Vec2& b, const Rect& r, double& t0, double& t1) {
  t0 = 0.0;
  t1 = 1.0;
  const double dx = b[0] - a[0], dy = b[1] - a[1];
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a[0] - r.x0, r.x1 - a[0], a[1] - r.y0, r.y1 - a[1]};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0.0) {
      if (q[k] < 0.0) return false;
    } else if (p[k] < 0.0) {
      t0 = std::max(t0, q[k] / p[k]);
    } else {
      t1 = std::min(t1, q[k] / p[k]);
    }
  }
  return t0 <= t1;
}

ArrowShape arrowShape(const Vec2& start, const Vec2& end, const Rect& frame, double headLength,
                      double headHalfWidth) {
  ArrowShape shape;
  const Vec2 d = end - start;
  const double len = length(d);
  double t0 = 0.0, t1 = 1.0;
  if (!(len >= 1.0) || !clipSegment(start, end, frame, t0, t1) || t0 > 0.0) return shape;
  shape.visible = true;
  shape.clipped = t1 < 1.0;
  shape.start = start;
  shape.direction = (1.0 / len) * d;
  shape.tip = start + t1 * d;
  shape.head = std::min(headLength, t1 * len);
  shape.headHalfWidth = headHalfWidth * shape.head / headLength;
  return shape;
}

void StrokeGroup::segment(const Vec2& a, const Vec2& b, double halfWidth, const Rect& clip) {
  double t0 = 0.0, t1 = 1.0;
  if (!clipSegment(a, b, clip, t0, t1)) return;
  const Vec2 d = b - a;
  if (!((t1 - t0) * length(d) > 0.0)) return;
  pieces_.push_back({Kind::Bar, a + t0 * d, a + t1 * d, {}, halfWidth});
}

void StrokeGroup::dashed(const Vec2& a, const Vec2& b, double halfWidth, double dash, double gap,
                         const Rect& clip) {
  const double len = length(b - a);
  if (!(len > 0.0) || !(dash > 0.0)) return;
  const Vec2 u = unit(b - a), mid = 0.5 * (a + b);
  const double period = dash + gap;
  const int n = static_cast<int>(std::ceil(0.5 * len / period));
  for (int k = -n; k <= n; ++k) {
    const double from = std::max(-0.5 * len, k * period - 0.5 * dash);
    const double to = std::min(0.5 * len, k * period + 0.5 * dash);
    if (to > from) segment(mid + from * u, mid + to * u, halfWidth, clip);
  }
}

void StrokeGroup::triangle(const Vec2& a, const Vec2& b, const Vec2& c) {
  pieces_.push_back({Kind::Triangle, a, b, c, 0.0});
}

void StrokeGroup::disk(const Vec2& center, double radius) {
  pieces_.push_back({Kind::Disk, center, {}, {}, radius});
}

void StrokeGroup::arrow(const ArrowShape& shape, double shaftHalfWidth, double breakGap,
                        const Rect& clip) {
  if (!shape.visible) return;
  const Vec2 u = shape.direction, v = perp(u);
  const Vec2 base = shape.tip - shape.head * u;
  // The shaft runs a pixel into the head so no seam shows between them.
  const Vec2 shaftEnd = base + std::min(1.0, shape.head) * u;
  const double shaft = length(base - shape.start);
  const double afterBreak = 0.8 * breakGap;  // a stub of shaft between the break and the head
  if (shape.clipped && shaft > 3.0 * breakGap + afterBreak) {
    const Vec2 g1 = base - afterBreak * u, g0 = g1 - breakGap * u;
    segment(shape.start, g0, shaftHalfWidth, clip);
    segment(g1, shaftEnd, shaftHalfWidth, clip);
    // Strokes at 60 degrees to the shaft across both ends of the gap.
    const Vec2 slant = 0.5 * u + (std::sqrt(3.0) / 2.0) * v;
    const double reach = (shaftHalfWidth + 0.6 * breakGap) / (std::sqrt(3.0) / 2.0);
    for (const Vec2& g : {g0, g1}) {
      segment(g - reach * slant, g + reach * slant, 0.45 * shaftHalfWidth, clip);
    }
  } else if (shaft > 0.0) {
    segment(shape.start, shaftEnd, shaftHalfWidth, clip);
  }
  triangle(shape.tip, base + shape.headHalfWidth * v, base - shape.headHalfWidth * v);
}

void StrokeGroup::drawPiece(PixelGeometry& out, const Piece& p, double grow) const {
  switch (p.kind) {
    case Kind::Bar: {
      const Vec2 mid = 0.5 * (p.a + p.b), d = p.b - p.a;
      out.bar(mid[0], mid[1], 0.5 * length(d) + grow, p.size + grow, std::atan2(d[1], d[0]));
      break;
    }
    case Kind::Triangle: {
      const auto t = grow > 0.0 ? grown({p.a, p.b, p.c}, grow) : std::array<Vec2, 3>{p.a, p.b, p.c};
      out.triangle(t[0][0], t[0][1], t[1][0], t[1][1], t[2][0], t[2][1]);
      break;
    }
    case Kind::Disk:
      out.disk(p.a[0], p.a[1], p.size + grow);
      break;
  }
}

void StrokeGroup::draw(PixelGeometry& out) const {
  if (outline_ > 0.0) {
    out.setColor(kOutlineColor);
    for (const Piece& p : pieces_) drawPiece(out, p, outline_);
  }
  out.setColor(color_);
  for (const Piece& p : pieces_) drawPiece(out, p, 0.0);
}

Rect boxBeyond(const Vec2& anchor, const Vec2& u, const Vec2& size, double gap) {
  // The box's edge point that faces -u (a corner on a diagonal, an edge's middle along an axis)
  // sits `gap` beyond the anchor: the box stays clear of the line that ends there, on every side.
  const double m = std::max(std::abs(u[0]), std::abs(u[1]));
  const Vec2 c = anchor + gap * u + Vec2{0.5 * size[0] * u[0] / m, 0.5 * size[1] * u[1] / m};
  return {c[0] - 0.5 * size[0], c[1] - 0.5 * size[1], c[0] + 0.5 * size[0], c[1] + 0.5 * size[1]};
}

std::vector<Candidate> axisLabelPlaces(const Vec2& center, const Vec2& halfAxis, const Vec2& size,
                                       double gap) {
  const double n = length(halfAxis);
  if (!(n > 0.0)) return {{boxBeyond(center, {1.0, 0.0}, size, gap)}};
  Vec2 u = (1.0 / n) * halfAxis;
  if (u[0] < -1e-6 || (u[0] <= 1e-6 && u[1] < 0.0)) u = -1.0 * u;
  return {{boxBeyond(center + n * u, u, size, gap)},
          {boxBeyond(center - n * u, -1.0 * u, size, gap)}};
}

std::vector<Candidate> arrowLabelPlaces(const ArrowShape& shape, const Vec2& size,
                                        const ArrowLabelGaps& gaps) {
  const Vec2 u = shape.direction, v = perp(u);
  const Vec2 head = shape.tip - (0.5 * shape.head) * u;
  std::vector<Candidate> out{{boxBeyond(shape.tip, u, size, gaps.tip)},
                             {boxBeyond(head, v, size, gaps.head)},
                             {boxBeyond(head, -1.0 * v, size, gaps.head)}};
  for (double t : {0.75, 0.5}) {
    const Vec2 at = shape.start + t * (shape.tip - shape.start);
    const double penalty = (1.0 - t) * gaps.shaftPenalty;
    out.push_back({boxBeyond(at, v, size, gaps.shaft), penalty});
    out.push_back({boxBeyond(at, -1.0 * v, size, gaps.shaft), penalty});
  }
  return out;
}

Rect bestBox(const std::vector<Candidate>& candidates, const Rect& bounds,
             const std::vector<Rect>& placed, const std::vector<Segment>& obstacles) {
  Rect best = candidates.front().box.movedInto(bounds);
  double bestCost = std::numeric_limits<double>::infinity();
  for (const Candidate& candidate : candidates) {
    // Judged where it would end up: moved inside the bounds, which costs the distance moved.
    const Rect box = candidate.box.movedInto(bounds);
    double cost =
        candidate.penalty + std::hypot(box.x0 - candidate.box.x0, box.y0 - candidate.box.y0);
    const double outside = box.width() * box.height() - box.overlap(bounds);
    if (outside > 0.5) cost += 1000.0 + outside;
    for (const Rect& other : placed) {
      const double shared = box.overlap(other);
      if (shared > 0.0) cost += 200.0 + shared;
    }
    for (const Segment& s : obstacles) {
      if (touches(s, box)) cost += 100.0;
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = box;
    }
  }
  return best;
}

}  // namespace gradscape::plots
