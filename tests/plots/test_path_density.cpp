// The density measure behind the path style: typical on-screen gaps of hand-placed points (a
// straight line at a known spacing, a zig-zag whose turning points crowd along two walls), and
// the line width, halo and dot sizes the formulas in path_density.h give.
#include <QTest>

#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "plots/path_density.h"

using namespace gradscape::plots;

class PathDensityTest : public QObject {
  Q_OBJECT

 private slots:
  void pointsTwentyPixelsApartOnALineAreTwentyApart() {
    std::vector<std::array<double, 2>> line;
    for (int k = 0; k < 30; ++k) line.push_back({10.0 + 20.0 * k, 100.5});
    QCOMPARE(typicalGap(line, 800, 600), 20.0);
  }

  void pointsOnePixelApartShareCellsFourToACell() {
    // Cells are 4 px: x = 0.5, 1.5, 2.5, 3.5 share one cell, so each point is 4 / 4 = 1 px from
    // its neighbours.
    std::vector<std::array<double, 2>> line;
    for (int k = 0; k < 400; ++k) line.push_back({0.5 + k, 10.5});
    QCOMPARE(typicalGap(line, 800, 600), 1.0);
  }

  void zigZagTurningPointsTwoPixelsApartAlongTheWallsGiveTwoPixels() {
    // Legs 300 px long between two walls at x = 100 and x = 400; successive turns on one wall
    // are 2 px apart in y: two of them per 4 px cell, so the gap is 4 / 2 = 2 px, although
    // consecutive iterates are 300 px apart.
    std::vector<std::array<double, 2>> zigzag;
    for (int k = 0; k < 200; ++k) zigzag.push_back({k % 2 == 0 ? 100.5 : 400.5, 0.5 + k});
    QCOMPARE(typicalGap(zigzag, 800, 600), 2.0);
  }

  void pointsOutsideTheViewAreNotCounted() {
    // Only two points inside: 30 px apart; the crowd at x < 0 is off screen.
    std::vector<std::array<double, 2>> points;
    for (int k = 0; k < 100; ++k) points.push_back({-50.0 + 0.01 * k, 10.0});
    points.push_back({10.0, 10.0});
    points.push_back({40.0, 10.0});
    QCOMPARE(typicalGap(points, 800, 600), 30.0);
    QVERIFY(std::isinf(typicalGap({{1.0, 1.0}}, 800, 600)));
  }

  void styleThinsTheLineDropsTheHaloAndShowsDotsOnlyWhenSparse() {
    // g = 20: full line 2.5, halo 2.5 + 2.5 = 5, dots 0.5 * 20 = 10 -> clamped to 8.
    const PathStyle sparse = pathStyleForGap(20.0);
    QCOMPARE(sparse.line, 2.5);
    QCOMPARE(sparse.halo, 5.0);
    QCOMPARE(sparse.dot, 8.0);
    // g = 5: line 1.5, no halo beyond it, no dots.
    const PathStyle medium = pathStyleForGap(5.0);
    QCOMPARE(medium.line, 1.5);
    QCOMPARE(medium.halo, 1.5);
    QCOMPARE(medium.dot, 0.0);
    // g = 1: the thinnest line, 1 px.
    QCOMPARE(pathStyleForGap(1.0).line, 1.0);
    // g = 6: line 1.8, halo 1.8 + 2.5 * 0.3 = 2.55.
    QVERIFY(std::abs(pathStyleForGap(6.0).halo - 2.55) < 1e-12);
    // Nothing on screen: the full style.
    QCOMPARE(pathStyleForGap(std::numeric_limits<double>::infinity()).line, 2.5);
  }
};

QTEST_MAIN(PathDensityTest)
#include "test_path_density.moc"
