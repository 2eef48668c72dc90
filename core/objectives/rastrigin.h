#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Rastrigin (1974), two-dimensional: f = 2A + sum_i (x_i^2 - A cos(2 pi x_i)), a bowl covered
// by a regular grid of local minima; minimum 0 at the origin for every A >= 0.
class Rastrigin final : public Objective2DOf<Rastrigin> {
 public:
  explicit Rastrigin(double a = 10.0) : a_(a) {}
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override { return box(-5.12, 5.12, -5.12, 5.12); }
  std::vector<Vec> minimizers() const override { return {point(0.0, 0.0)}; }
  std::optional<double> minimumValue() const override { return 0.0; }

 private:
  double a_;
};

RegistryEntry<Objective> rastriginEntry();

}  // namespace gradscape
