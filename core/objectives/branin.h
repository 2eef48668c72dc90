#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Branin (Branin-Hoo), with the standard constants a = 1, b = 5.1 / (4 pi^2), c = 5 / pi,
// r = 6, s = 10, t = 1 / (8 pi):
//   f = a (y - b x^2 + c x - r)^2 + s (1 - t) cos x + s,
// three global minima of value s t = 5 / (4 pi) = 0.397887 at (-pi, 12.275), (pi, 2.275) and
// (3 pi, 2.475), where cos x = -1 and the parabola term vanishes.
class Branin final : public Objective2DOf<Branin> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override { return box(-5.0, 10.0, 0.0, 15.0); }
  std::vector<Vec> minimizers() const override;
  std::optional<double> minimumValue() const override;
};

RegistryEntry<Objective> braninEntry();

}  // namespace gradscape
