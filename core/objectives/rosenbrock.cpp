#include "core/objectives/rosenbrock.h"

#include <algorithm>
#include <cmath>

namespace gradscape {

double Rosenbrock::f(double x, double y) const {
  const double u = a_ - x, v = y - x * x;
  return u * u + b_ * v * v;
}

Grad2 Rosenbrock::grad(double x, double y) const {
  const double v = y - x * x;
  return {-2.0 * (a_ - x) - 4.0 * b_ * x * v, 2.0 * b_ * v};
}

Hess2 Rosenbrock::hess(double x, double y) const {
  return {2.0 - 4.0 * b_ * y + 12.0 * b_ * x * x, -4.0 * b_ * x, 2.0 * b_};
}

Box Rosenbrock::domain() const {
  // Centred on the minimizer, wide enough to show the curved valley.
  const double r = std::max(2.0, 2.0 * std::abs(a_));
  return box(-r, r, -r / 2.0, 1.5 * r);
}

std::vector<Vec> Rosenbrock::minimizers() const {
  return {point(a_, a_ * a_)};
}

RegistryEntry<Objective> rosenbrockEntry() {
  return {"rosenbrock",
          "Rosenbrock",
          "(a - x)^2 + b (y - x^2)^2: a narrow curved valley, minimum 0 at (a, a^2)",
          {ParamSpec::real("a", 1.0, -10.0, 10.0, "position of the minimum along x"),
           ParamSpec::positive("b", 100.0, 1e4, "steepness of the valley walls")},
          [](const ParamValues& p) -> std::unique_ptr<Objective> {
            return std::make_unique<Rosenbrock>(p.get("a"), p.get("b"));
          }};
}

}  // namespace gradscape
