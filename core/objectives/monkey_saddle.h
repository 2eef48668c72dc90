#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Monkey saddle: f = x^3 - 3 x y^2, a degenerate saddle at the origin (gradient and Hessian
// both vanish there, three descending valleys); unbounded below, so no minimizer.
class MonkeySaddle final : public Objective2DOf<MonkeySaddle> {
 public:
  double f(double x, double y) const override { return x * x * x - 3.0 * x * y * y; }
  Grad2 grad(double x, double y) const override { return {3.0 * (x * x - y * y), -6.0 * x * y}; }
  Hess2 hess(double x, double y) const override { return {6.0 * x, -6.0 * y, -6.0 * x}; }
  Box domain() const override { return box(-1.5, 1.5, -1.5, 1.5); }
};

RegistryEntry<Objective> monkeySaddleEntry();

}  // namespace gradscape
