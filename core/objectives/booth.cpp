#include "core/objectives/booth.h"

namespace gradscape {

double Booth::f(double x, double y) const {
  const double u = x + 2.0 * y - 7.0, v = 2.0 * x + y - 5.0;
  return u * u + v * v;
}

Grad2 Booth::grad(double x, double y) const {
  const double u = x + 2.0 * y - 7.0, v = 2.0 * x + y - 5.0;
  return {2.0 * u + 4.0 * v, 4.0 * u + 2.0 * v};
}

RegistryEntry<Objective> boothEntry() {
  return {
      "booth",
      "Booth",
      "(x + 2y - 7)^2 + (2x + y - 5)^2, minimum 0 at (1, 3)",
      {},
      [](const ParamValues&) -> std::unique_ptr<Objective> { return std::make_unique<Booth>(); }};
}

}  // namespace gradscape
