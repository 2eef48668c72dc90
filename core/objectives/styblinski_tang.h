#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Styblinski & Tang (1990), two-dimensional: f = 1/2 sum_i (x_i^4 - 16 x_i^2 + 5 x_i), four
// basins; minimum -78.33233 at (-2.903534, -2.903534).
class StyblinskiTang final : public Objective2DOf<StyblinskiTang> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override { return box(-5.0, 5.0, -5.0, 5.0); }
  std::vector<Vec> minimizers() const override;
  std::optional<double> minimumValue() const override;
};

RegistryEntry<Objective> styblinskiTangEntry();

}  // namespace gradscape
