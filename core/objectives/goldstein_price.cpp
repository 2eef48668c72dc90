#include "core/objectives/goldstein_price.h"

namespace gradscape {

namespace {

// Value, gradient and Hessian of one factor c + s^2 P, where s = sx x + sy y + s0 is linear
// and P a quadratic with the given derivatives:
//   d_i = 2 s s_i P + s^2 P_i,  d_ij = 2 s_i s_j P + 2 s (s_i P_j + s_j P_i) + s^2 P_ij.
struct Factor {
  double v, dx, dy, xx, xy, yy;
};

Factor factor(double c, double s, double sx, double sy, double p, double px, double py, double pxx,
              double pxy, double pyy) {
  const double s2 = s * s;
  return {c + s2 * p,
          2.0 * s * sx * p + s2 * px,
          2.0 * s * sy * p + s2 * py,
          2.0 * sx * sx * p + 4.0 * s * sx * px + s2 * pxx,
          2.0 * sx * sy * p + 2.0 * s * (sx * py + sy * px) + s2 * pxy,
          2.0 * sy * sy * p + 4.0 * s * sy * py + s2 * pyy};
}

// A = 1 + (x + y + 1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)
Factor factorA(double x, double y) {
  const double p = 19.0 - 14.0 * x + 3.0 * x * x - 14.0 * y + 6.0 * x * y + 3.0 * y * y;
  const double pd = -14.0 + 6.0 * x + 6.0 * y;  // P_x = P_y
  return factor(1.0, x + y + 1.0, 1.0, 1.0, p, pd, pd, 6.0, 6.0, 6.0);
}

// B = 30 + (2x - 3y)^2 (18 - 32x + 12x^2 + 48y - 36xy + 27y^2)
Factor factorB(double x, double y) {
  const double q = 18.0 - 32.0 * x + 12.0 * x * x + 48.0 * y - 36.0 * x * y + 27.0 * y * y;
  const double qx = -32.0 + 24.0 * x - 36.0 * y, qy = 48.0 - 36.0 * x + 54.0 * y;
  return factor(30.0, 2.0 * x - 3.0 * y, 2.0, -3.0, q, qx, qy, 24.0, -36.0, 54.0);
}

}  // namespace

double GoldsteinPrice::f(double x, double y) const {
  return factorA(x, y).v * factorB(x, y).v;
}

Grad2 GoldsteinPrice::grad(double x, double y) const {
  const Factor a = factorA(x, y), b = factorB(x, y);
  return {a.dx * b.v + a.v * b.dx, a.dy * b.v + a.v * b.dy};
}

Hess2 GoldsteinPrice::hess(double x, double y) const {
  // Product rule: (AB)_ij = A_ij B + A_i B_j + A_j B_i + A B_ij.
  const Factor a = factorA(x, y), b = factorB(x, y);
  return {a.xx * b.v + 2.0 * a.dx * b.dx + a.v * b.xx,
          a.xy * b.v + a.dx * b.dy + a.dy * b.dx + a.v * b.xy,
          a.yy * b.v + 2.0 * a.dy * b.dy + a.v * b.yy};
}

RegistryEntry<Objective> goldsteinPriceEntry() {
  return {"goldstein_price",
          "Goldstein-Price",
          "[1 + (x+y+1)^2 (19 - 14x + 3x^2 - 14y + 6xy + 3y^2)] [30 + (2x-3y)^2 (18 - 32x + "
          "12x^2 + 48y - 36xy + 27y^2)], minimum 3 at (0, -1)",
          {},
          [](const ParamValues&) -> std::unique_ptr<Objective> {
            return std::make_unique<GoldsteinPrice>();
          }};
}

}  // namespace gradscape
