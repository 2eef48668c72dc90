#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Levy function N.13:
//   f = sin^2(3 pi x) + (x - 1)^2 (1 + sin^2(3 pi y)) + (y - 1)^2 (1 + sin^2(2 pi y)),
// ridges of local minima along both axes; minimum 0 at (1, 1).
class LevyN13 final : public Objective2DOf<LevyN13> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  // The literature's [-10, 10]^2 shows ~60 ripples per axis; this window centred on the
  // minimizer keeps them resolvable.
  Box domain() const override { return box(-4.0, 6.0, -4.0, 6.0); }
  std::vector<Vec> minimizers() const override { return {point(1.0, 1.0)}; }
  std::optional<double> minimumValue() const override { return 0.0; }
};

RegistryEntry<Objective> levyN13Entry();

}  // namespace gradscape
