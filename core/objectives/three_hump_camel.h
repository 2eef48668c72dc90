#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Three-hump camel: f = 2x^2 - 1.05x^4 + x^6/6 + xy + y^2, three local minima, the global one
// 0 at the origin.
class ThreeHumpCamel final : public Objective2DOf<ThreeHumpCamel> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  // Evaluated on [-5, 5]^2 in the literature, plotted on [-2, 2]^2 where the humps show.
  Box domain() const override { return box(-2.0, 2.0, -2.0, 2.0); }
  std::vector<Vec> minimizers() const override { return {point(0.0, 0.0)}; }
  std::optional<double> minimumValue() const override { return 0.0; }
};

RegistryEntry<Objective> threeHumpCamelEntry();

}  // namespace gradscape
