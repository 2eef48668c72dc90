#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Beale (1958): f = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2,
// minimum 0 at (3, 0.5) at the end of a flat, curved valley.
class Beale final : public Objective2DOf<Beale> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override { return box(-4.5, 4.5, -4.5, 4.5); }
  std::vector<Vec> minimizers() const override { return {point(3.0, 0.5)}; }
  std::optional<double> minimumValue() const override { return 0.0; }
};

RegistryEntry<Objective> bealeEntry();

}  // namespace gradscape
