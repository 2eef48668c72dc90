#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Goldstein & Price (1971): f = A(x, y) B(x, y) with
//   A = 1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2),
//   B = 30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2),
// minimum 3 at (0, -1); values span six orders of magnitude on [-2, 2]^2.
class GoldsteinPrice final : public Objective2DOf<GoldsteinPrice> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override { return box(-2.0, 2.0, -2.0, 2.0); }
  std::vector<Vec> minimizers() const override { return {point(0.0, -1.0)}; }
  std::optional<double> minimumValue() const override { return 3.0; }
};

RegistryEntry<Objective> goldsteinPriceEntry();

}  // namespace gradscape
