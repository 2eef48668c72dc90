#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Himmelblau (1972): f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2, four minima of value 0.
class Himmelblau final : public Objective2DOf<Himmelblau> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override { return box(-5.0, 5.0, -5.0, 5.0); }
  std::vector<Vec> minimizers() const override;
  std::optional<double> minimumValue() const override { return 0.0; }
};

RegistryEntry<Objective> himmelblauEntry();

}  // namespace gradscape
