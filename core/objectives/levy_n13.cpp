#include "core/objectives/levy_n13.h"

#include <cmath>
#include <numbers>

namespace gradscape {

namespace {
constexpr double kPi = std::numbers::pi;
double sq(double v) {
  return v * v;
}
}  // namespace

double LevyN13::f(double x, double y) const {
  return sq(std::sin(3.0 * kPi * x)) + sq(x - 1.0) * (1.0 + sq(std::sin(3.0 * kPi * y))) +
         sq(y - 1.0) * (1.0 + sq(std::sin(2.0 * kPi * y)));
}

// Uses d/dt sin^2(k t) = k sin(2kt) and d^2/dt^2 sin^2(k t) = 2 k^2 cos(2kt).
Grad2 LevyN13::grad(double x, double y) const {
  const double u = x - 1.0, v = y - 1.0;
  return {3.0 * kPi * std::sin(6.0 * kPi * x) + 2.0 * u * (1.0 + sq(std::sin(3.0 * kPi * y))),
          sq(u) * 3.0 * kPi * std::sin(6.0 * kPi * y) +
              2.0 * v * (1.0 + sq(std::sin(2.0 * kPi * y))) +
              sq(v) * 2.0 * kPi * std::sin(4.0 * kPi * y)};
}

Hess2 LevyN13::hess(double x, double y) const {
  const double u = x - 1.0, v = y - 1.0;
  return {18.0 * kPi * kPi * std::cos(6.0 * kPi * x) + 2.0 * (1.0 + sq(std::sin(3.0 * kPi * y))),
          2.0 * u * 3.0 * kPi * std::sin(6.0 * kPi * y),
          sq(u) * 18.0 * kPi * kPi * std::cos(6.0 * kPi * y) +
              2.0 * (1.0 + sq(std::sin(2.0 * kPi * y))) +
              4.0 * v * 2.0 * kPi * std::sin(4.0 * kPi * y) +
              sq(v) * 8.0 * kPi * kPi * std::cos(4.0 * kPi * y)};
}

RegistryEntry<Objective> levyN13Entry() {
  return {
      "levy_n13",
      "Levy N.13",
      "sin^2(3 pi x) + (x-1)^2 (1 + sin^2(3 pi y)) + (y-1)^2 (1 + sin^2(2 pi y)), minimum 0 "
      "at (1, 1)",
      {},
      [](const ParamValues&) -> std::unique_ptr<Objective> { return std::make_unique<LevyN13>(); }};
}

}  // namespace gradscape
