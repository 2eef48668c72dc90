// Runs' paths as polylines, checked against hand-worked geometry: clipping at the rectangle,
// breaks at non-finite iterates, heights on the surface, merging of close vertices (the last one
// of a polyline kept exact), one colour per polyline.
#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

#include "plots/run_polylines.h"

using namespace gradscape::plots;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// A flat map: the rectangle [-1, 1]^2, every iterate at z = 0.5.
RunPlacement unitSquare() {
  RunPlacement p;
  p.xmin = -1.0;
  p.xmax = 1.0;
  p.ymin = -1.0;
  p.ymax = 1.0;
  p.lift = 0.5;
  return p;
}

StoredRun runThrough(const std::vector<double>& x, const std::vector<double>& y,
                     const std::vector<double>& f, Rgb color = {0.0, 0.5, 1.0}) {
  StoredRun run;
  run.color = color;
  for (size_t k = 0; k < x.size(); ++k) {
    run.x.push_back(static_cast<float>(x[k]));
    run.y.push_back(static_cast<float>(y[k]));
    run.f.push_back(static_cast<float>(f[k]));
  }
  return run;
}

std::vector<std::array<float, 3>> vertices(const Polylines& p) {
  std::vector<std::array<float, 3>> v;
  for (size_t k = 0; k < p.count; ++k)
    v.push_back({p.xyz[3 * k], p.xyz[3 * k + 1], p.xyz[3 * k + 2]});
  return v;
}

}  // namespace

class TestRunPolylines : public QObject {
  Q_OBJECT

 private slots:
  void clipSegmentKeepsThePartInsideTheRectangle() {
    double t0 = -1.0, t1 = -1.0;
    // (-2, 0) -> (2, 0) crosses x = -1 at a quarter and x = 1 at three quarters.
    QVERIFY(clipSegment(-2.0, 0.0, 2.0, 0.0, unitSquare(), t0, t1));
    QCOMPARE(t0, 0.25);
    QCOMPARE(t1, 0.75);
    // A diagonal from inside to (3, 3) leaves through the corner (1, 1), at t = 1/3.
    QVERIFY(clipSegment(0.0, 0.0, 3.0, 3.0, unitSquare(), t0, t1));
    QCOMPARE(t0, 0.0);
    QCOMPARE(t1, 1.0 / 3.0);
    // Above the square, and vertical beside it: nothing inside.
    QVERIFY(!clipSegment(-2.0, 2.0, 2.0, 2.0, unitSquare(), t0, t1));
    QVERIFY(!clipSegment(1.5, -3.0, 1.5, 3.0, unitSquare(), t0, t1));
  }

  void lerpKeepsAnInfiniteEnd() {
    QCOMPARE(lerp(1.0, 3.0, 0.5), 2.0);
    QCOMPARE(lerp(1.0, kInf, 0.5), kInf);   // 1 + 0.5 (inf - 1) is inf, not NaN
    QCOMPARE(lerp(kInf, kInf, 0.5), kInf);  // inf - inf is NaN: the infinite end is kept
    QCOMPARE(lerp(1.0, kInf, 0.0), 1.0);
  }

  void aRunCrossingTheSquareIsClippedAtItsSides() {
    Polylines out;
    buildPolylines({runThrough({-2, 0, 2}, {0, 0, 0}, {1, 1, 1})}, unitSquare(), 0.0, out);
    const std::vector<std::array<float, 3>> expected{
        {-1.0f, 0.0f, 0.5f}, {0.0f, 0.0f, 0.5f}, {1.0f, 0.0f, 0.5f}};
    QCOMPARE(vertices(out), expected);
    QCOMPARE(out.offsets, (std::vector<vtkTypeInt64>{0, 3}));
    // 0.5 * 255 + 0.5 = 128.
    QCOMPARE(out.cellRgb, (std::vector<unsigned char>{0, 128, 255}));
  }

  void aNonFiniteIterateBreaksThePath() {
    Polylines out;
    buildPolylines({runThrough({0, 0.5, kNaN, 0.2, 0.4}, {0, 0, 0, 0.1, 0.1}, {1, 1, 1, 1, 1},
                               {1.0, 0.0, 0.0})},
                   unitSquare(), 0.0, out);
    const std::vector<std::array<float, 3>> expected{
        {0.0f, 0.0f, 0.5f}, {0.5f, 0.0f, 0.5f}, {0.2f, 0.1f, 0.5f}, {0.4f, 0.1f, 0.5f}};
    QCOMPARE(vertices(out), expected);
    QCOMPARE(out.offsets, (std::vector<vtkTypeInt64>{0, 2, 4}));
    QCOMPARE(out.cellRgb, (std::vector<unsigned char>{255, 0, 0, 255, 0, 0}));
  }

  void onTheSurfaceHeightsFollowTheLoss() {
    // Heights f / 10 * 2 (the grid's range is [0, 10], the surface 2 high), lifted by 0.1.
    LandscapeGrid range;
    range.minValue = 0.0;
    range.maxValue = 10.0;
    RunPlacement p = unitSquare();
    p.surface = HeightMap::forGrid(range, ColorScale::Linear, 2.0);
    p.lift = 0.1;
    Polylines out;
    // A NaN loss breaks the path on a surface (there is no height for it).
    buildPolylines({runThrough({-0.5, 0.0, 0.5, 0.6, 0.7}, {0, 0, 0, 0, 0}, {5, 2.5, kNaN, 10, 0})},
                   p, 0.0, out);
    const auto v = vertices(out);
    QCOMPARE(v.size(), size_t{4});
    QCOMPARE(v[0][2], 1.1f);
    QCOMPARE(v[1][2], 0.6f);
    QCOMPARE(v[2][2], 2.1f);
    QCOMPARE(v[3][2], 0.1f);
    QCOMPARE(out.offsets, (std::vector<vtkTypeInt64>{0, 2, 4}));
  }

  void closeVerticesMergeButEachPolylineEndsExactly() {
    Polylines out;
    // Spacing 0.1: 0.01 and 0.02 lie within it of the drawn 0, then 0.5 is drawn, and 0.51 (within
    // 0.1 of it) is drawn anyway as the path's last vertex.
    buildPolylines({runThrough({0, 0.01, 0.02, 0.5, 0.51}, {0, 0, 0, 0, 0}, {1, 1, 1, 1, 1})},
                   unitSquare(), 0.1, out);
    const std::vector<std::array<float, 3>> expected{
        {0.0f, 0.0f, 0.5f}, {0.5f, 0.0f, 0.5f}, {0.51f, 0.0f, 0.5f}};
    QCOMPARE(vertices(out), expected);
    QCOMPARE(out.offsets, (std::vector<vtkTypeInt64>{0, 3}));
    // Without merging every iterate is a vertex.
    buildPolylines({runThrough({0, 0.01, 0.02, 0.5, 0.51}, {0, 0, 0, 0, 0}, {1, 1, 1, 1, 1})},
                   unitSquare(), 0.0, out);
    QCOMPARE(out.count, size_t{5});
  }

  void emptyAndSinglePointRunsDrawNothing() {
    Polylines out;
    buildPolylines({runThrough({}, {}, {}), runThrough({0.3}, {0.3}, {1})}, unitSquare(), 0.0, out);
    QCOMPARE(out.count, size_t{0});
    QCOMPARE(out.offsets, (std::vector<vtkTypeInt64>{0}));
    QVERIFY(out.cellRgb.empty());
    QVERIFY(!out.xyz.empty());  // a valid buffer for arrays to point into
  }
};

QTEST_GUILESS_MAIN(TestRunPolylines)
#include "test_run_polylines.moc"
