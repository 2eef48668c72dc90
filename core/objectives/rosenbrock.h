#pragma once
#include "core/objectives/objective2d.h"
#include "core/registry/registry.h"

namespace gradscape {

// Rosenbrock's banana valley: f = (a - x)^2 + b (y - x^2)^2, minimum 0 at (a, a^2).
class Rosenbrock final : public Objective2DOf<Rosenbrock> {
 public:
  Rosenbrock(double a = 1.0, double b = 100.0) : a_(a), b_(b) {}
  double f(double x, double y) const override;
  Grad2 grad(double x, double y) const override;
  Hess2 hess(double x, double y) const override;
  Box domain() const override;
  std::vector<Vec> minimizers() const override;
  std::optional<double> minimumValue() const override { return 0.0; }

 private:
  double a_, b_;
};

RegistryEntry<Objective> rosenbrockEntry();

}  // namespace gradscape
