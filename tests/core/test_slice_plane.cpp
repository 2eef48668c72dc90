// Slices through many-dimensional losses: projections onto non-orthogonal planes, the slice
// as a 2-D objective (derivatives against finite differences, values against the closed form),
// and the three ways of choosing the plane.
#include <QtTest>

#include <cmath>
#include <numbers>
#include <random>

#include "core/analysis/slice_objective.h"
#include "core/analysis/slice_plane.h"
#include "core/objectives/spectrum_quadratic.h"
#include "support/finite_difference.h"

using namespace gradscape;
using gradscape::testing::fdGradient;
using gradscape::testing::fdHessian;
using gradscape::testing::relativeError;

namespace {

Vec gaussian(int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  Vec x(n);
  for (int i = 0; i < n; ++i) x[i] = normal(rng);
  return x;
}

std::shared_ptr<SpectrumQuadratic> quadratic(int n, bool rotate) {
  SpectrumQuadraticOptions o;
  o.dim = n;
  o.condition = 50.0;
  o.maxEigenvalue = 5.0;
  o.rotate = rotate;
  o.seed = 3;
  return std::make_shared<SpectrumQuadratic>(o);
}

// |cos| of the angle between two vectors.
double alignment(const Vec& a, const Vec& b) {
  return std::abs(a.dot(b)) / (a.norm() * b.norm());
}

}  // namespace

class TestSlicePlane : public QObject {
  Q_OBJECT

 private slots:
  void projectionRecoversPlaneCoordinatesForSkewedDirections() {
    const int n = 30;
    SlicePlane plane{gaussian(n, 1), gaussian(n, 2), gaussian(n, 3), "test"};
    plane.v += 0.8 * plane.u;  // far from orthogonal
    const PlaneProjector project(plane);
    const auto ab = project(plane.origin + 0.3 * plane.u - 0.7 * plane.v);
    QVERIFY(std::abs(ab[0] - 0.3) < 1e-12 && std::abs(ab[1] + 0.7) < 1e-12);
    // A point off the plane lands on its nearest plane point: the residual is orthogonal to
    // both directions.
    const Vec x = gaussian(n, 4);
    const auto xy = project(x);
    const Vec residual = x - (plane.origin + xy[0] * plane.u + xy[1] * plane.v);
    QVERIFY(std::abs(residual.dot(plane.u)) < 1e-10 * plane.u.norm() * residual.norm());
    QVERIFY(std::abs(residual.dot(plane.v)) < 1e-10 * plane.v.norm() * residual.norm());
  }

  void parallelDirectionsAreRejected() {
    const Vec u = gaussian(5, 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             PlaneProjector(SlicePlane{Vec::Zero(5), u, 2.0 * u, ""}));
  }

  void sliceOfAQuadraticIsTheQuadraticInPlaneCoordinates() {
    // A diagonal quadratic sliced along its top two eigenvectors through 0:
    // f(a, b) = 1/2 (lambda_n a^2 + lambda_{n-1} b^2).
    const auto q = quadratic(40, false);
    const SlicePlane plane = hessianEigenvectorPlane(*q, Vec::Zero(40));
    const Vec& l = q->eigenvalues();
    QVERIFY(alignment(plane.u, q->eigenvector(39)) > 1 - 1e-12);
    QVERIFY(alignment(plane.v, q->eigenvector(38)) > 1 - 1e-12);
    const SliceObjective s(q, plane, Box{Vec::Constant(2, -1.0), Vec::Constant(2, 1.0)});
    QVERIFY(std::abs(s.f(0.5, -0.25) - 0.5 * (l[39] * 0.25 + l[38] * 0.0625)) < 1e-12);
  }

  void sliceDerivativesMatchFiniteDifferences() {
    const auto q = quadratic(25, true);
    const SlicePlane plane{gaussian(25, 5), gaussian(25, 6), gaussian(25, 7), "random"};
    const SliceObjective s(q, plane, Box{Vec::Constant(2, -1.0), Vec::Constant(2, 1.0)});
    Vec x(2), g(2);
    x << 0.4, -0.3;
    s.gradient(x, g);
    QVERIFY(relativeError(g, fdGradient(s, x)) < 1e-6);
    QVERIFY(relativeError(s.hessian(x), fdHessian(s, x)) < 1e-6);
  }

  void matrixFreeEigenvectorPlaneAboveTheDenseLimit() {
    const int n = kMaxDenseHessianDim + 500;
    const auto q = quadratic(n, true);
    const SlicePlane plane = hessianEigenvectorPlane(*q, gaussian(n, 8));
    // Directions of high curvature: Rayleigh quotients within 1% of the largest eigenvalue,
    // orthonormal (the top eigenvalues are 0.002 apart: the exact vectors are not the point).
    const double top = q->eigenvalues()[n - 1];
    Vec hu(n), hv(n);
    q->hessianVectorProduct(Vec::Zero(n), plane.u, hu);
    q->hessianVectorProduct(Vec::Zero(n), plane.v, hv);
    QVERIFY(plane.u.dot(hu) > 0.99 * top && plane.v.dot(hv) > 0.99 * top);
    QVERIFY(std::abs(plane.u.norm() - 1.0) < 1e-9 && std::abs(plane.u.dot(plane.v)) < 1e-9);
  }

  void pcaFindsThePlaneOfTheTrajectory() {
    const int n = 50;
    const Vec p = gaussian(n, 9).normalized();
    Vec q = gaussian(n, 10);
    q = (q - q.dot(p) * p).normalized();
    const Vec origin = gaussian(n, 11);
    std::vector<Vec> points;
    // An ellipse sampled evenly over a full turn: the coordinates along p and q are
    // uncorrelated, with variances 9/2 and 1/8, so p and q are the principal axes.
    for (int i = 0; i < 40; ++i) {
      const double t = 2.0 * std::numbers::pi * i / 40.0;
      points.push_back(origin + 3.0 * std::cos(t) * p + 0.5 * std::sin(t) * q);
    }
    const SlicePlane plane = trajectoryPcaPlane(points, points.back());
    QVERIFY(alignment(plane.u, p) > 1 - 1e-9);  // the direction of most variance first
    QVERIFY(alignment(plane.v, q) > 1 - 1e-9);
    QVERIFY(std::abs(plane.u.dot(plane.v)) < 1e-12);
    QCOMPARE(plane.origin, points.back());
  }

  void pcaRejectsTrajectoriesOnALine() {
    const Vec d = gaussian(10, 12);
    std::vector<Vec> line;
    for (int i = 0; i < 5; ++i) line.push_back(i * d);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trajectoryPcaPlane(line, line[0]));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trajectoryPcaPlane({d, d}, d));
  }

  void randomDirectionsAreScaledToThePointAndSeeded() {
    const Vec x = gaussian(100, 13);
    const SlicePlane a = randomPlane(x, 1), b = randomPlane(x, 1), c = randomPlane(x, 2);
    QVERIFY(std::abs(a.u.norm() - x.norm()) < 1e-12 * x.norm());
    QVERIFY(std::abs(a.v.norm() - x.norm()) < 1e-12 * x.norm());
    QCOMPARE(a.u, b.u);
    QVERIFY(a.u != c.u);
    QVERIFY(std::abs(randomPlane(Vec::Zero(9), 1).u.norm() - 1.0) < 1e-12);
  }

  void randomDirectionsAreFilterNormalised() {
    // Two filters (coordinates 0-2 and 5-6) and two bias-like coordinates (3, 4) left out.
    Vec x(7);
    x << 1.0, 2.0, 2.0, 0.5, -0.5, 3.0, 4.0;
    const std::vector<Objective::ParameterRange> filters{{0, 3}, {5, 2}};
    const SlicePlane p = randomPlane(x, 9, filters);
    for (const Vec* d : {&p.u, &p.v}) {
      QVERIFY(std::abs(d->segment(0, 3).norm() - 3.0) < 1e-12);  // ||(1, 2, 2)|| = 3
      QVERIFY(std::abs(d->segment(5, 2).norm() - 5.0) < 1e-12);  // ||(3, 4)|| = 5
      QCOMPARE((*d)[3], 0.0);
      QCOMPARE((*d)[4], 0.0);
    }
    QVERIFY(p.u != p.v);
  }

  void boxHoldsTheProjectedPointsWithAMargin() {
    const SlicePlane plane{Vec::Zero(3), Vec::Unit(3, 0), Vec::Unit(3, 1), ""};
    const PlaneProjector project(plane);
    Vec p(3);
    p << 2.0, -4.0, 9.0;
    const Box b = sliceBox(project, {p}, 1.0);
    QCOMPARE(b.upper[0], 5.0);
    QCOMPARE(b.lower[1], -5.0);
    QCOMPARE(sliceBox(project, {}, 1.5).upper[1], 1.5);
  }
};

QTEST_APPLESS_MAIN(TestSlicePlane)
#include "test_slice_plane.moc"
