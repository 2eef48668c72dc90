#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Matyas: f = 0.26 (x^2 + y^2) - 0.48 x y, a flat diagonal quadratic (Hessian eigenvalues
// 0.04 and 1.0), minimum 0 at the origin.
class Matyas final : public Objective2DOf<Matyas> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double, double) const override { return {0.52, -0.48, 0.52}; }
  Box domain() const override { return box(-10.0, 10.0, -10.0, 10.0); }
  std::vector<Vec> minimizers() const override { return {point(0.0, 0.0)}; }
  std::optional<double> minimumValue() const override { return 0.0; }
};

RegistryEntry<Objective> matyasEntry();

}  // namespace gradscape
