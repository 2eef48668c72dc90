#pragma once
#include <numbers>

#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Ackley (1987), two-dimensional:
//   f = -a exp(-b sqrt((x^2 + y^2) / 2)) - exp((cos cx + cos cy) / 2) + a + e,
// a nearly flat, rippled plateau around a deep cone; minimum 0 at the origin (a, b > 0).
//
// The first term is a cone at the origin and not differentiable there. At exactly (0, 0) the
// gradient returned is the zero subgradient (0 lies in the cone's subdifferential, so the
// minimizer is stationary) and the Hessian is that of the smooth cosine term alone (the
// cone's curvature grows like 1/|x|). Points closer to the origin than the smallest normal
// double are treated as the origin, so no result is ever NaN or infinite.
class Ackley final : public Objective2DOf<Ackley> {
 public:
  Ackley(double a = 20.0, double b = 0.2, double c = 2.0 * std::numbers::pi)
      : a_(a), b_(b), c_(c) {}
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override { return box(-5.0, 5.0, -5.0, 5.0); }
  std::vector<Vec> minimizers() const override { return {point(0.0, 0.0)}; }
  std::optional<double> minimumValue() const override { return 0.0; }

 private:
  double a_, b_, c_;
};

RegistryEntry<Objective> ackleyEntry();

}  // namespace gradscape
