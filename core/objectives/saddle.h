#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Saddle: f = x^2 - y^2, a strict saddle at the origin; unbounded below, so no minimizer.
class Saddle final : public Objective2DOf<Saddle> {
 public:
  double f(double x, double y) const override { return x * x - y * y; }
  Grad2 grad(double x, double y) const override { return {2.0 * x, -2.0 * y}; }
  Hess2 hess(double, double) const override { return {2.0, 0.0, -2.0}; }
  Box domain() const override { return box(-2.0, 2.0, -2.0, 2.0); }
};

RegistryEntry<Objective> saddleEntry();

}  // namespace gradscape
