#include "core/objectives/styblinski_tang.h"

namespace gradscape {

namespace {
// The negative root of 2t^3 - 16t + 2.5 = 0 with the larger |t|, by Newton's method in double
// precision.
constexpr double kMin = -2.903534027771177;
double g1(double t) {
  return 0.5 * (t * t * t * t - 16.0 * t * t + 5.0 * t);
}
}  // namespace

double StyblinskiTang::f(double x, double y) const {
  return g1(x) + g1(y);
}

Grad2 StyblinskiTang::grad(double x, double y) const {
  return {2.0 * x * x * x - 16.0 * x + 2.5, 2.0 * y * y * y - 16.0 * y + 2.5};
}

Hess2 StyblinskiTang::hess(double x, double y) const {
  return {6.0 * x * x - 16.0, 0.0, 6.0 * y * y - 16.0};
}

std::vector<Vec> StyblinskiTang::minimizers() const {
  return {point(kMin, kMin)};
}

std::optional<double> StyblinskiTang::minimumValue() const {
  return f(kMin, kMin);
}

RegistryEntry<Objective> styblinskiTangEntry() {
  return {"styblinski_tang",
          "Styblinski-Tang",
          "1/2 sum_i (x_i^4 - 16 x_i^2 + 5 x_i), minimum -78.33233 at (-2.903534, -2.903534)",
          {},
          [](const ParamValues&) -> std::unique_ptr<Objective> {
            return std::make_unique<StyblinskiTang>();
          }};
}

}  // namespace gradscape
