// The local quadratic model the contour map draws (core/analysis/slice_model.h), against values
// computed by hand: on f = 1/2 (x1^2 + 2 x2^2 + 3 x3^2 + 4 x4^2) (a diagonal Hessian) an
// axis-aligned slice's model is the Hessian's sub-block, a slice along (e1 + e2)/sqrt 2 and
// (e1 - e2)/sqrt 2 mixes two eigenvalues, the gradient step is -lr g projected and the Newton step
// that of the slice's 2-D model; on 2-D problems the model is the Hessian itself, and a saddle
// has no Newton step.
#include <QtTest>

#include <cmath>

#include "core/analysis/slice_model.h"
#include "core/objectives/objective_registry.h"
#include "core/objectives/spectrum_quadratic.h"

using namespace gradscape;

namespace {

// Eigenvalues 1, 2, 3, 4 on the axes (Uniform on [4 / 4, 4], not rotated).
SpectrumQuadratic diagonal() {
  SpectrumQuadraticOptions o;
  o.dim = 4;
  o.condition = 4.0;
  o.maxEigenvalue = 4.0;
  o.rotate = false;
  return SpectrumQuadratic(o);
}

Vec e(int i) {
  return Vec::Unit(4, i);
}

bool near(double a, double b) {
  return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

QByteArray pair(const std::array<double, 2>& v) {
  return QByteArray::number(v[0], 'g', 17) + ", " + QByteArray::number(v[1], 'g', 17);
}

}  // namespace

class TestSliceModel : public QObject {
  Q_OBJECT

 private slots:
  void axisAlignedSliceModelIsTheHessiansSubBlock() {
    const SpectrumQuadratic f = diagonal();
    QCOMPARE(f.eigenvalues()[3], 4.0);
    // The plane through 0 along u = e4, v = e2; the iterate (1, 1, 1, 1) lies off it.
    const SlicePlane plane{Vec::Zero(4), e(3), e(1), "test"};
    const Vec x = Vec::Ones(4);
    const auto m = quadraticModel2(f, x, 0.1, &plane);
    QVERIFY(m.has_value());
    // D'HD = diag(4, 2), D'g = (4, 2): the sub-block of rows and columns 4 and 2.
    QVERIFY(near(m->hessian[0][0], 4.0) && near(m->hessian[1][1], 2.0));
    QVERIFY(near(m->hessian[0][1], 0.0) && near(m->hessian[1][0], 0.0));
    QVERIFY(near(m->gradient[0], 4.0) && near(m->gradient[1], 2.0));
    // Eigenvalues ascending: 2 along v = (0, 1), 4 along u = (1, 0).
    QVERIFY(near(m->eigenvalues[0], 2.0) && near(m->eigenvalues[1], 4.0));
    QVERIFY(near(std::abs(m->axes[0][1]), 1.0) && near(m->axes[0][0], 0.0));
    QVERIFY(near(std::abs(m->axes[1][0]), 1.0) && near(m->axes[1][1], 0.0));
    // The iterate's place on the slice (1, 1) and its distance from the plane |(1, 0, 1, 0)|.
    QVERIFY2(near(m->center[0], 1.0) && near(m->center[1], 1.0), pair(m->center));
    QVERIFY(near(m->offPlane, std::sqrt(2.0)));
    // -lr g = -0.1 (1, 2, 3, 4) projected: (-0.4, -0.2). Newton: -(4/4, 2/2) = (-1, -1), to the
    // minimum of f(x + a e4 + b e2) at a = b = -1.
    QVERIFY(m->gradientStep && m->newtonStep);
    QVERIFY2(near((*m->gradientStep)[0], -0.4) && near((*m->gradientStep)[1], -0.2),
             pair(*m->gradientStep));
    QVERIFY2(near((*m->newtonStep)[0], -1.0) && near((*m->newtonStep)[1], -1.0),
             pair(*m->newtonStep));
  }

  void diagonalSliceMixesTwoEigenvalues() {
    const SpectrumQuadratic f = diagonal();
    const double r = 1.0 / std::sqrt(2.0);
    const SlicePlane plane{Vec::Zero(4), r * (e(0) + e(1)), r * (e(0) - e(1)), "test"};
    Vec x(4);
    x << 2.0, 0.0, 5.0, 5.0;
    const auto m = quadraticModel2(f, x, 0.5, &plane);
    QVERIFY(m.has_value());
    // u'Hu = (1 + 2)/2 = 1.5, v'Hv = 1.5, u'Hv = (1 - 2)/2 = -0.5: eigenvalues 1 and 2.
    QVERIFY(near(m->hessian[0][0], 1.5) && near(m->hessian[1][1], 1.5));
    QVERIFY(near(m->hessian[0][1], -0.5) && near(m->hessian[1][0], -0.5));
    QVERIFY(near(m->eigenvalues[0], 1.0) && near(m->eigenvalues[1], 2.0));
    // Eigenvalue 1 along (1, 1)/sqrt 2 of the slice (= e1), 2 along (1, -1)/sqrt 2 (= e2).
    QVERIFY(near(std::abs(m->axes[0][0]), r) && near(m->axes[0][0], m->axes[0][1]));
    QVERIFY(near(std::abs(m->axes[1][0]), r) && near(m->axes[1][0], -m->axes[1][1]));
    // g = (2, 0, 15, 20): D'g = (2r, 2r); centre (2r, 2r); 5 sqrt 2 off the plane.
    QVERIFY(near(m->gradient[0], 2.0 * r) && near(m->gradient[1], 2.0 * r));
    QVERIFY(near(m->center[0], 2.0 * r) && near(m->center[1], 2.0 * r));
    QVERIFY(near(m->offPlane, 5.0 * std::sqrt(2.0)));
    // -0.5 g projected: (-r, -r). Newton: H_s^{-1} (2r, 2r) = (2r, 2r) (eigenvalue 1 along
    // (1, 1)), so (-2r, -2r): back to x1 = 0 along e1.
    QVERIFY2(near((*m->gradientStep)[0], -r) && near((*m->gradientStep)[1], -r),
             pair(*m->gradientStep));
    QVERIFY2(near((*m->newtonStep)[0], -2.0 * r) && near((*m->newtonStep)[1], -2.0 * r),
             pair(*m->newtonStep));
  }

  void twoDimensionalModelIsTheHessianItself() {
    const auto* entry = objectiveRegistry().find("rotated_quadratic");
    ParamValues p;
    p.set("condition", 4.0);
    p.set("angle", 0.0);
    const auto f = entry->make(ParamValues::withDefaults(entry->params, p));
    Vec x(2);
    x << 1.0, 1.0;
    const auto m = quadraticModel2(*f, x, 0.1);
    QVERIFY(m.has_value());
    // H = diag(1, 4), g = (1, 4): -lr g = (-0.1, -0.4), Newton -(1, 1).
    QVERIFY(near(m->eigenvalues[0], 1.0) && near(m->eigenvalues[1], 4.0));
    QVERIFY(near(m->center[0], 1.0) && near(m->center[1], 1.0) && m->offPlane == 0.0);
    QVERIFY(near((*m->gradientStep)[0], -0.1) && near((*m->gradientStep)[1], -0.4));
    QVERIFY(near((*m->newtonStep)[0], -1.0) && near((*m->newtonStep)[1], -1.0));
    // No learning rate, no gradient step.
    QVERIFY(!quadraticModel2(*f, x, 0.0)->gradientStep.has_value());
  }

  void saddleHasNoNewtonStepAndNDNeedsASlice() {
    const auto* entry = objectiveRegistry().find("saddle");
    const auto f = entry->make(ParamValues::withDefaults(entry->params, ParamValues{}));
    Vec x(2);
    x << 0.5, 0.5;
    const auto m = quadraticModel2(*f, x, 0.1);
    QVERIFY(m.has_value());
    // f = x^2 - y^2: H = diag(2, -2).
    QVERIFY(near(m->eigenvalues[0], -2.0) && near(m->eigenvalues[1], 2.0));
    QVERIFY(!m->newtonStep.has_value());
    QVERIFY(m->gradientStep.has_value());
    // A 4-D problem without a slice, or a slice of the wrong size: no model.
    const SpectrumQuadratic q = diagonal();
    QVERIFY(!quadraticModel2(q, Vec::Ones(4), 0.1).has_value());
    const SlicePlane small{Vec::Zero(2), Vec::Unit(2, 0), Vec::Unit(2, 1), "2-D"};
    QVERIFY(!quadraticModel2(q, Vec::Ones(4), 0.1, &small).has_value());
  }
};

QTEST_APPLESS_MAIN(TestSliceModel)
#include "test_slice_model.moc"
