#pragma once
#include <numbers>

#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Easom: f = -cos x cos y exp(-((x - pi)^2 + (y - pi)^2)), flat almost everywhere with a
// narrow hole; minimum -1 at (pi, pi).
class Easom final : public Objective2DOf<Easom> {
 public:
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  // The literature's [-100, 100]^2 hides the hole (about one unit wide); [0, 2 pi]^2 is
  // centred on it and still shows the flat plateau around.
  Box domain() const override {
    return box(0.0, 2.0 * std::numbers::pi, 0.0, 2.0 * std::numbers::pi);
  }
  std::vector<Vec> minimizers() const override {
    return {point(std::numbers::pi, std::numbers::pi)};
  }
  std::optional<double> minimumValue() const override { return -1.0; }
};

RegistryEntry<Objective> easomEntry();

}  // namespace gradscape
