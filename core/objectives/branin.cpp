#include "core/objectives/branin.h"

#include <cmath>
#include <numbers>

namespace gradscape {

namespace {
constexpr double kPi = std::numbers::pi;
constexpr double kA = 1.0, kB = 5.1 / (4.0 * kPi * kPi), kC = 5.0 / kPi, kR = 6.0, kS = 10.0,
                 kT = 1.0 / (8.0 * kPi);
// The parabola residual u = y - b x^2 + c x - r and its x-derivative.
double residual(double x, double y) {
  return y - kB * x * x + kC * x - kR;
}
double residualX(double x) {
  return -2.0 * kB * x + kC;
}
}  // namespace

double Branin::f(double x, double y) const {
  const double u = residual(x, y);
  return kA * u * u + kS * (1.0 - kT) * std::cos(x) + kS;
}

Grad2 Branin::grad(double x, double y) const {
  const double u = residual(x, y);
  return {2.0 * kA * u * residualX(x) - kS * (1.0 - kT) * std::sin(x), 2.0 * kA * u};
}

Hess2 Branin::hess(double x, double y) const {
  const double u = residual(x, y), ux = residualX(x);
  return {2.0 * kA * (ux * ux - 2.0 * kB * u) - kS * (1.0 - kT) * std::cos(x), 2.0 * kA * ux,
          2.0 * kA};
}

std::vector<Vec> Branin::minimizers() const {
  // y = b x^2 - c x + r at x = -pi, pi, 3 pi (cos x = -1, sin x = 0).
  std::vector<Vec> out;
  for (double x : {-kPi, kPi, 3.0 * kPi}) out.push_back(point(x, kB * x * x - kC * x + kR));
  return out;
}

std::optional<double> Branin::minimumValue() const {
  return kS * kT;
}

RegistryEntry<Objective> braninEntry() {
  return {
      "branin",
      "Branin",
      "(y - 5.1 x^2/(4 pi^2) + 5x/pi - 6)^2 + 10 (1 - 1/(8 pi)) cos x + 10, minimum 0.397887 "
      "at (-pi, 12.275), (pi, 2.275), (3 pi, 2.475)",
      {},
      [](const ParamValues&) -> std::unique_ptr<Objective> { return std::make_unique<Branin>(); }};
}

}  // namespace gradscape
