#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Rotated quadratic: f = 1/2 x' R D R' x with D = diag(1, kappa) and R the rotation by
// `angleDegrees`. The Hessian A = R D R' is constant with eigenvalues exactly 1 and kappa: the
// flat direction (eigenvalue 1) is (cos angle, sin angle), the steep one (eigenvalue kappa)
// is (-sin angle, cos angle). kappa is the condition number; minimum 0 at the origin.
class RotatedQuadratic final : public Objective2DOf<RotatedQuadratic> {
 public:
  RotatedQuadratic(double condition = 10.0, double angleDegrees = 30.0);
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double, double) const override { return a_; }
  Box domain() const override { return box(-2.0, 2.0, -2.0, 2.0); }
  std::vector<Vec> minimizers() const override { return {point(0.0, 0.0)}; }
  std::optional<double> minimumValue() const override { return 0.0; }

 private:
  Hess2 a_;
};

RegistryEntry<Objective> rotatedQuadraticEntry();

}  // namespace gradscape
