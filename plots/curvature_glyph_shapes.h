#pragma once
// The pixel geometry of the curvature glyph: points and rectangles in viewport pixels, clipped
// strokes drawn outline first, arrows with a break mark when they leave the frame, and the
// placement of labels where they cover least. Internal to plots/ (no VTK).
#include <array>
#include <cmath>
#include <vector>
#include "plots/pixel_geometry.h"

namespace gradscape::plots {

using Vec2 = std::array<double, 2>;

inline Vec2 operator+(const Vec2& a, const Vec2& b) {
  return {a[0] + b[0], a[1] + b[1]};
}
inline Vec2 operator-(const Vec2& a, const Vec2& b) {
  return {a[0] - b[0], a[1] - b[1]};
}
inline Vec2 operator*(double k, const Vec2& a) {
  return {k * a[0], k * a[1]};
}
inline double length(const Vec2& a) {
  return std::hypot(a[0], a[1]);
}
// a turned by +90 degrees.
inline Vec2 perp(const Vec2& a) {
  return {-a[1], a[0]};
}

struct Rect {
  double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
  bool empty() const { return !(x1 > x0 && y1 > y0); }
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool contains(const Vec2& p) const {
    return p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1;
  }
  Rect inset(double d) const { return {x0 + d, y0 + d, x1 - d, y1 - d}; }
  // Area shared with `other`.
  double overlap(const Rect& other) const;
  // Moved (not resized) to lie inside `bounds` as far as it fits.
  Rect movedInto(const Rect& bounds) const;
};

// Liang-Barsky: the parameter interval [t0, t1] of a + t (b - a), t in [0, 1], inside `r`;
// false when no part of the segment is.
bool clipSegment(const Vec2& a, const Vec2& b, const Rect& r, double& t0, double& t1);

// A drawn line, as something a label should not cover.
struct Segment {
  Vec2 a, b;
  double halfWidth;
};

// An arrow from `start` to its end, cut at the frame.
struct ArrowShape {
  bool visible = false;  // false when shorter than a pixel or starting outside the frame
  bool clipped = false;  // the end lies outside the frame: the arrow stops at it
  Vec2 start{}, tip{}, direction{};
  double head = 0.0, headHalfWidth = 0.0;  // the head, shrunk for arrows shorter than it
};
ArrowShape arrowShape(const Vec2& start, const Vec2& end, const Rect& frame, double headLength,
                      double headHalfWidth);

// Pieces in one colour over a dark outline: every outline is drawn before any piece, so crossings
// inside the group show no seams.
class StrokeGroup {
 public:
  StrokeGroup(Rgb color, double outline) : color_(color), outline_(outline) {}
  // A straight stroke, clipped to `clip`.
  void segment(const Vec2& a, const Vec2& b, double halfWidth, const Rect& clip);
  // Dashes of `dash` pixels with `gap` between them, symmetric about the segment's middle.
  void dashed(const Vec2& a, const Vec2& b, double halfWidth, double dash, double gap,
              const Rect& clip);
  void triangle(const Vec2& a, const Vec2& b, const Vec2& c);
  void disk(const Vec2& center, double radius);
  // Shaft and head; a clipped arrow gets a break (a gap between two slanted strokes) in its
  // shaft just before the head, the way a broken axis is drawn.
  void arrow(const ArrowShape& shape, double shaftHalfWidth, double breakGap, const Rect& clip);
  void draw(PixelGeometry& out) const;

 private:
  enum class Kind { Bar, Triangle, Disk };
  struct Piece {
    Kind kind;
    Vec2 a, b, c;
    double size;  // Bar: half-width, Disk: radius
  };
  void drawPiece(PixelGeometry& out, const Piece& p, double grow) const;
  Rgb color_;
  double outline_;
  std::vector<Piece> pieces_;
};

// The box of `size` placed `gap` beyond `anchor` in the unit direction `u`, clear of the ray from
// the anchor back along -u (a label at the end of a line).
Rect boxBeyond(const Vec2& anchor, const Vec2& u, const Vec2& size, double gap);

// A place for a label, and how much less it is liked than the best place (in pixels moved).
struct Candidate {
  Rect box;
  double penalty = 0.0;
};

// Beyond either end of the axis from center - halfAxis to center + halfAxis: the end on the
// right (or, for a vertical axis, the top) first, as labels read left to right.
std::vector<Candidate> axisLabelPlaces(const Vec2& center, const Vec2& halfAxis, const Vec2& size,
                                       double gap);

// Distances of an arrow's label from its point (beyond it), its head's middle and its shaft
// (beside them), and the penalty of a place beside the shaft at its start (less nearer the head).
struct ArrowLabelGaps {
  double tip, head, shaft, shaftPenalty;
};
// Beyond the point, beside the head, then beside the shaft (when the head has no room: the
// label names the head).
std::vector<Candidate> arrowLabelPlaces(const ArrowShape& shape, const Vec2& size,
                                        const ArrowLabelGaps& gaps);

// The candidate, moved inside `bounds`, that covers the fewest `placed` boxes, then the fewest
// `obstacles`, then has the least penalty plus distance moved (the first of equals).
Rect bestBox(const std::vector<Candidate>& candidates, const Rect& bounds,
             const std::vector<Rect>& placed, const std::vector<Segment>& obstacles);

}  // namespace gradscape::plots
