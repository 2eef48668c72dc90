#include "core/objectives/easom.h"

#include <cmath>

namespace gradscape {

// f = -q(x) q(y) with q(t) = cos t exp(-d^2), d = t - pi:
//   q'  = exp(-d^2) (-sin t - 2 d cos t),
//   q'' = exp(-d^2) (4 d sin t + (4 d^2 - 3) cos t).

namespace {
struct Q {
  double v, d1, d2;
};
Q q(double t) {
  const double d = t - std::numbers::pi, e = std::exp(-d * d);
  const double s = std::sin(t), c = std::cos(t);
  return {c * e, e * (-s - 2.0 * d * c), e * (4.0 * d * s + (4.0 * d * d - 3.0) * c)};
}
}  // namespace

double Easom::f(double x, double y) const {
  return -q(x).v * q(y).v;
}

Grad2 Easom::grad(double x, double y) const {
  const Q qx = q(x), qy = q(y);
  return {-qx.d1 * qy.v, -qx.v * qy.d1};
}

Hess2 Easom::hess(double x, double y) const {
  const Q qx = q(x), qy = q(y);
  return {-qx.d2 * qy.v, -qx.d1 * qy.d1, -qx.v * qy.d2};
}

RegistryEntry<Objective> easomEntry() {
  return {
      "easom",
      "Easom",
      "-cos x cos y exp(-((x - pi)^2 + (y - pi)^2)), minimum -1 at (pi, pi)",
      {},
      [](const ParamValues&) -> std::unique_ptr<Objective> { return std::make_unique<Easom>(); }};
}

}  // namespace gradscape
