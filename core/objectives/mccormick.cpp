#include "core/objectives/mccormick.h"

#include <cmath>
#include <numbers>

namespace gradscape {

double McCormick::f(double x, double y) const {
  const double d = x - y;
  return std::sin(x + y) + d * d - 1.5 * x + 2.5 * y + 1.0;
}

Grad2 McCormick::grad(double x, double y) const {
  const double c = std::cos(x + y), d = x - y;
  return {c + 2.0 * d - 1.5, c - 2.0 * d + 2.5};
}

Hess2 McCormick::hess(double x, double y) const {
  const double s = std::sin(x + y);
  return {2.0 - s, -2.0 - s, 2.0 - s};
}

std::vector<Vec> McCormick::minimizers() const {
  constexpr double kThird = std::numbers::pi / 3.0;
  return {point(0.5 - kThird, -0.5 - kThird)};
}

std::optional<double> McCormick::minimumValue() const {
  return -0.5 * std::numbers::sqrt3 - std::numbers::pi / 3.0;
}

RegistryEntry<Objective> mccormickEntry() {
  return {"mccormick",
          "McCormick",
          "sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1, minimum -1.9133 at (-0.54719, -1.54719) on "
          "the plotted box",
          {},
          [](const ParamValues&) -> std::unique_ptr<Objective> {
            return std::make_unique<McCormick>();
          }};
}

}  // namespace gradscape
