#include "core/objectives/ackley.h"

#include <cmath>
#include <limits>

namespace gradscape {

// With rho = |(x, y)| and beta = b / sqrt(2) the cone term is g(rho) = -a exp(-beta rho):
//   grad g = g'(rho) n,  hess g = g'(rho) (I - n n') / rho + g''(rho) n n',  n = (x, y) / rho,
// with g' = a beta exp(-beta rho) and g'' = -beta g'. The cosine term is -exp(h) with
// h = (cos cx + cos cy) / 2.

namespace {
constexpr double kInvSqrt2 = 1.0 / std::numbers::sqrt2;
bool atOrigin(double rho) {
  return rho < std::numeric_limits<double>::min();
}
}  // namespace

double Ackley::f(double x, double y) const {
  const double rho = std::hypot(x, y);
  const double h = 0.5 * (std::cos(c_ * x) + std::cos(c_ * y));
  // Grouped so that f(0, 0) is exactly 0.
  return a_ * (1.0 - std::exp(-b_ * kInvSqrt2 * rho)) + (std::numbers::e - std::exp(h));
}

Grad2 Ackley::grad(double x, double y) const {
  const double rho = std::hypot(x, y);
  const double eh = std::exp(0.5 * (std::cos(c_ * x) + std::cos(c_ * y)));
  // d/dx of -exp(h) = exp(h) c sin(cx) / 2.
  Grad2 g{0.5 * c_ * eh * std::sin(c_ * x), 0.5 * c_ * eh * std::sin(c_ * y)};
  if (!atOrigin(rho)) {
    const double beta = b_ * kInvSqrt2;
    const double slope = a_ * beta * std::exp(-beta * rho);  // g'(rho)
    g.dx += slope * (x / rho);
    g.dy += slope * (y / rho);
  }
  return g;
}

Hess2 Ackley::hess(double x, double y) const {
  const double sx = std::sin(c_ * x), sy = std::sin(c_ * y);
  const double eh = std::exp(0.5 * (std::cos(c_ * x) + std::cos(c_ * y)));
  const double c2 = c_ * c_;
  // Second derivatives of -exp(h): exp(h) c^2 (cos(cx)/2 - sin^2(cx)/4) on the diagonal and
  // -exp(h) c^2 sin(cx) sin(cy) / 4 off it.
  Hess2 h{eh * c2 * (0.5 * std::cos(c_ * x) - 0.25 * sx * sx), -0.25 * eh * c2 * sx * sy,
          eh * c2 * (0.5 * std::cos(c_ * y) - 0.25 * sy * sy)};
  const double rho = std::hypot(x, y);
  if (!atOrigin(rho)) {
    const double beta = b_ * kInvSqrt2;
    const double slope = a_ * beta * std::exp(-beta * rho);
    const double nx = x / rho, ny = y / rho, invRho = 1.0 / rho;
    h.xx += slope * ((1.0 - nx * nx) * invRho - beta * nx * nx);
    h.xy += slope * (-nx * ny * invRho - beta * nx * ny);
    h.yy += slope * ((1.0 - ny * ny) * invRho - beta * ny * ny);
  }
  return h;
}

RegistryEntry<Objective> ackleyEntry() {
  return {"ackley",
          "Ackley",
          "-a exp(-b sqrt((x^2 + y^2)/2)) - exp((cos cx + cos cy)/2) + a + e, minimum 0 at (0, 0)",
          {ParamSpec::positive("a", 20.0, 100.0, "depth of the central cone", false),
           ParamSpec::positive("b", 0.2, 10.0, "steepness of the cone", false),
           ParamSpec::real("c", 2.0 * std::numbers::pi, 0.0, 50.0, "frequency of the ripples")},
          [](const ParamValues& p) -> std::unique_ptr<Objective> {
            return std::make_unique<Ackley>(p.get("a"), p.get("b"), p.get("c"));
          }};
}

}  // namespace gradscape
