#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Booth: f = (x + 2y - 7)^2 + (2x + y - 5)^2, a tilted quadratic bowl, minimum 0 at (1, 3).
class Booth final : public Objective2DOf<Booth> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double, double) const override { return {10.0, 8.0, 10.0}; }
  Box domain() const override { return box(-10.0, 10.0, -10.0, 10.0); }
  std::vector<Vec> minimizers() const override { return {point(1.0, 3.0)}; }
  std::optional<double> minimumValue() const override { return 0.0; }
};

RegistryEntry<Objective> boothEntry();

}  // namespace gradscape
