#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// McCormick: f = sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1. Unbounded below on the plane
// (along x = y it is sin(2x) + x + 1), so the known minimum is that of the standard box
// x in [-1.5, 4], y in [-3, 4]: -sqrt(3)/2 - pi/3 = -1.9132 at (1/2 - pi/3, -1/2 - pi/3),
// where cos(x + y) = -1/2 and x - y = 1.
class McCormick final : public Objective2DOf<McCormick> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override { return box(-1.5, 4.0, -3.0, 4.0); }
  std::vector<Vec> minimizers() const override;
  std::optional<double> minimumValue() const override;
};

RegistryEntry<Objective> mccormickEntry();

}  // namespace gradscape
