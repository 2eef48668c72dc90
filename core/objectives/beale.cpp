#include "core/objectives/beale.h"

namespace gradscape {

namespace {
// f = sum_i r_i^2 with r_i = c_i - x + x y^i, i = 1, 2, 3.
constexpr double kC[3] = {1.5, 2.25, 2.625};
}  // namespace

double Beale::f(double x, double y) const {
  double sum = 0.0, yi = 1.0;
  for (double c : kC) {
    yi *= y;
    const double r = c - x + x * yi;
    sum += r * r;
  }
  return sum;
}

Grad2 Beale::grad(double x, double y) const {
  // dr_i/dx = y^i - 1, dr_i/dy = i x y^(i-1).
  Grad2 g{0.0, 0.0};
  double yPrev = 1.0;  // y^(i-1)
  for (int i = 1; i <= 3; ++i) {
    const double yi = yPrev * y;
    const double r = kC[i - 1] - x + x * yi;
    g.dx += 2.0 * r * (yi - 1.0);
    g.dy += 2.0 * r * i * x * yPrev;
    yPrev = yi;
  }
  return g;
}

Hess2 Beale::hess(double x, double y) const {
  // H = sum_i 2 (grad r_i grad r_i' + r_i hess r_i), hess r_i = [[0, i y^(i-1)],
  // [i y^(i-1), i (i-1) x y^(i-2)]].
  Hess2 h{0.0, 0.0, 0.0};
  double yPrev2 = 0.0, yPrev = 1.0;  // y^(i-2) (zero for i = 1; unused there), y^(i-1)
  for (int i = 1; i <= 3; ++i) {
    const double yi = yPrev * y;
    const double r = kC[i - 1] - x + x * yi;
    const double rx = yi - 1.0, ry = i * x * yPrev;
    h.xx += 2.0 * rx * rx;
    h.xy += 2.0 * (rx * ry + r * i * yPrev);
    h.yy += 2.0 * (ry * ry + r * i * (i - 1) * x * yPrev2);
    yPrev2 = yPrev;
    yPrev = yi;
  }
  return h;
}

RegistryEntry<Objective> bealeEntry() {
  return {
      "beale",
      "Beale",
      "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2, minimum 0 at (3, 0.5)",
      {},
      [](const ParamValues&) -> std::unique_ptr<Objective> { return std::make_unique<Beale>(); }};
}

}  // namespace gradscape
