#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Six-hump camel (Dixon & Szego 1978): f = (4 - 2.1x^2 + x^4/3) x^2 + xy + (-4 + 4y^2) y^2,
// six local minima, two global ones of value -1.0316 at (0.0898, -0.7126) and (-0.0898, 0.7126).
class SixHumpCamel final : public Objective2DOf<SixHumpCamel> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  // The literature evaluates on [-3, 3] x [-2, 2] but plots [-2, 2] x [-1, 1], where the six
  // humps are visible rather than drowned by the x^6 wall.
  Box domain() const override { return box(-2.0, 2.0, -1.0, 1.0); }
  std::vector<Vec> minimizers() const override;
  std::optional<double> minimumValue() const override;
};

RegistryEntry<Objective> sixHumpCamelEntry();

}  // namespace gradscape
