// The density measure behind the path style: on-screen gaps of hand-placed points (a straight
// line at a known spacing, which is not crowded however close its points; a zig-zag whose
// turning points crowd along two walls), and the line width, halo and dot sizes the formulas in
// path_density.h give.
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
  void straightLineIsNotCrowdedAndStepsTwentyPixels() {
    std::vector<std::array<double, 2>> line;
    for (int k = 0; k < 30; ++k) line.push_back({10.0 + 20.0 * k, 100.5});
    const PathGaps g = pathGaps(line, 800, 600);
    QVERIFY(std::isinf(g.crowding));
    QCOMPARE(g.step, 20.0);
  }

  void pointsOnePixelApartOnALineAreOneVisitPerCell() {
    // x = 0.5, 1.5, 2.5, 3.5 share a 4 px cell, but as one stretch of consecutive iterates: a
    // single visit, so no crowding; the step is 1 px.
    std::vector<std::array<double, 2>> line;
    for (int k = 0; k < 400; ++k) line.push_back({0.5 + k, 10.5});
    const PathGaps g = pathGaps(line, 800, 600);
    QVERIFY(std::isinf(g.crowding));
    QCOMPARE(g.step, 1.0);
  }

  void zigZagTurnsTwoPixelsApartAlongTheWallsAreTwoPixelsApart() {
    // Legs 300 px long between walls at x = 100.5 and x = 400.5; successive turns on one wall
    // are 2 px apart in y (k and k + 2), so each 4 px cell on a wall is entered twice, by
    // different legs: crowding 4 / 2 = 2 px, although consecutive iterates are 300 px apart.
    std::vector<std::array<double, 2>> zigzag;
    for (int k = 0; k < 200; ++k) zigzag.push_back({k % 2 == 0 ? 100.5 : 400.5, 0.5 + k});
    const PathGaps g = pathGaps(zigzag, 800, 600);
    QCOMPARE(g.crowding, 2.0);
    QCOMPARE(g.step, std::hypot(300.0, 1.0));
  }

  void pointsOutsideTheViewAreNotCounted() {
    // Only two points inside, 30 px apart; the crowd at x < 0 is off screen.
    std::vector<std::array<double, 2>> points;
    for (int k = 0; k < 100; ++k) points.push_back({-50.0 + 0.01 * k, 10.0});
    points.push_back({10.0, 10.0});
    points.push_back({40.0, 10.0});
    const PathGaps g = pathGaps(points, 800, 600);
    QVERIFY(std::isinf(g.crowding));
    QCOMPARE(g.step, 30.0);
    QVERIFY(std::isinf(pathGaps({{1.0, 1.0}}, 800, 600).step));
  }

  void styleThinsTheLineDropsTheHaloAndShowsDotsOnlyWhenSparse() {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // Not crowded, steps of 20: full line 2.5, halo 2.5 + 2.5 = 5, dots 0.5 * 20 = 10 -> 8.
    const PathStyle sparse = pathStyle(kInf, 20.0);
    QCOMPARE(sparse.line, 2.5);
    QCOMPARE(sparse.halo, 5.0);
    QCOMPARE(sparse.dot, 8.0);
    // Crowding 5: line 1.5, no halo beyond it, no dots (however long the steps).
    const PathStyle medium = pathStyle(5.0, 300.0);
    QCOMPARE(medium.line, 1.5);
    QCOMPARE(medium.halo, 1.5);
    QCOMPARE(medium.dot, 0.0);
    // Crowding 1: the thinnest line, 1 px.
    QCOMPARE(pathStyle(1.0, kInf).line, 1.0);
    // Crowding 6: line 1.8, halo 1.8 + 2.5 * 0.3 = 2.55.
    QVERIFY(std::abs(pathStyle(6.0, kInf).halo - 2.55) < 1e-12);
    // Steps of 4 px on an uncrowded line: full width, no dots.
    QCOMPARE(pathStyle(kInf, 4.0).line, 2.5);
    QCOMPARE(pathStyle(kInf, 4.0).dot, 0.0);
  }
};

QTEST_MAIN(PathDensityTest)
#include "test_path_density.moc"
