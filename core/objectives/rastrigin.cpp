#include "core/objectives/rastrigin.h"

#include <cmath>
#include <numbers>

namespace gradscape {

namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;
}  // namespace

double Rastrigin::f(double x, double y) const {
  // Written as x^2 + A (1 - cos 2 pi x) per coordinate: exactly 0 at the origin.
  return x * x + a_ * (1.0 - std::cos(kTwoPi * x)) + y * y + a_ * (1.0 - std::cos(kTwoPi * y));
}

Grad2 Rastrigin::grad(double x, double y) const {
  return {2.0 * x + kTwoPi * a_ * std::sin(kTwoPi * x),
          2.0 * y + kTwoPi * a_ * std::sin(kTwoPi * y)};
}

Hess2 Rastrigin::hess(double x, double y) const {
  const double k = kTwoPi * kTwoPi * a_;
  return {2.0 + k * std::cos(kTwoPi * x), 0.0, 2.0 + k * std::cos(kTwoPi * y)};
}

RegistryEntry<Objective> rastriginEntry() {
  return {"rastrigin",
          "Rastrigin",
          "2A + sum_i (x_i^2 - A cos(2 pi x_i)), minimum 0 at (0, 0)",
          {ParamSpec::real("a", 10.0, 0.0, 100.0, "amplitude A of the cosine ripples")},
          [](const ParamValues& p) -> std::unique_ptr<Objective> {
            return std::make_unique<Rastrigin>(p.get("a"));
          }};
}

}  // namespace gradscape
