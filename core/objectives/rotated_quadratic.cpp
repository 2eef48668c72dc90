#include "core/objectives/rotated_quadratic.h"

#include <cmath>
#include <numbers>

namespace gradscape {

RotatedQuadratic::RotatedQuadratic(double condition, double angleDegrees) {
  const double t = angleDegrees * std::numbers::pi / 180.0;
  const double c = std::cos(t), s = std::sin(t);
  // R D R' with R = [[c, -s], [s, c]], D = diag(1, kappa).
  a_ = {c * c + condition * s * s, (1.0 - condition) * c * s, s * s + condition * c * c};
}

double RotatedQuadratic::f(double x, double y) const {
  return 0.5 * (a_.xx * x * x + 2.0 * a_.xy * x * y + a_.yy * y * y);
}

Grad2 RotatedQuadratic::grad(double x, double y) const {
  return {a_.xx * x + a_.xy * y, a_.xy * x + a_.yy * y};
}

RegistryEntry<Objective> rotatedQuadraticEntry() {
  return {"rotated_quadratic",
          "Rotated quadratic",
          "1/2 x' R D R' x, D = diag(1, kappa), R a rotation by angle; minimum 0 at (0, 0)",
          {ParamSpec::real("condition", 10.0, 1.0, 1e6,
                           "condition number kappa: Hessian eigenvalues 1 and kappa", true),
           ParamSpec::real("angle", 30.0, -90.0, 90.0,
                           "direction of the flat (eigenvalue 1) axis, degrees from x")},
          [](const ParamValues& p) -> std::unique_ptr<Objective> {
            return std::make_unique<RotatedQuadratic>(p.get("condition"), p.get("angle"));
          }};
}

}  // namespace gradscape
