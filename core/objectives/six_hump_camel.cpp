#include "core/objectives/six_hump_camel.h"

namespace gradscape {

namespace {
// A root of the gradient polished by Newton's method in double precision; f is symmetric
// under (x, y) -> (-x, -y), which gives the second minimizer.
constexpr double kMinX = 0.08984201310031807, kMinY = -0.7126564030207396;
}  // namespace

double SixHumpCamel::f(double x, double y) const {
  const double x2 = x * x, y2 = y * y;
  return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
}

Grad2 SixHumpCamel::grad(double x, double y) const {
  const double x2 = x * x;
  return {x * (8.0 - 8.4 * x2 + 2.0 * x2 * x2) + y, x + y * (-8.0 + 16.0 * y * y)};
}

Hess2 SixHumpCamel::hess(double x, double y) const {
  const double x2 = x * x;
  return {8.0 - 25.2 * x2 + 10.0 * x2 * x2, 1.0, -8.0 + 48.0 * y * y};
}

std::vector<Vec> SixHumpCamel::minimizers() const {
  return {point(kMinX, kMinY), point(-kMinX, -kMinY)};
}

std::optional<double> SixHumpCamel::minimumValue() const {
  return f(kMinX, kMinY);
}

RegistryEntry<Objective> sixHumpCamelEntry() {
  return {"six_hump_camel",
          "Six-hump camel",
          "(4 - 2.1x^2 + x^4/3) x^2 + xy + (-4 + 4y^2) y^2, minimum -1.0316 at +-(0.0898, -0.7126)",
          {},
          [](const ParamValues&) -> std::unique_ptr<Objective> {
            return std::make_unique<SixHumpCamel>();
          }};
}

}  // namespace gradscape
