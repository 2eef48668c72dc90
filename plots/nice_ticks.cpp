#include "plots/nice_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gradscape::plots {

Ticks niceTicks(double lo, double hi, int target) {
  Ticks ticks;
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo)) return ticks;
  // A range too narrow for its magnitude has no round steps that doubles can tell apart.
  if (hi - lo < 1e-12 * std::max(std::abs(lo), std::abs(hi))) return ticks;
  target = std::max(target, 2);
  const double raw = (hi - lo) / target;
  const double decade = std::pow(10.0, std::floor(std::log10(raw)));
  const double r = raw / decade;  // in [1, 10)
  ticks.step = decade * (r < 1.5 ? 1.0 : r < 3.5 ? 2.0 : r < 7.5 ? 5.0 : 10.0);
  // A tolerance of a millionth of a step keeps the ends when lo or hi is itself a multiple.
  const double eps = 1e-6 * ticks.step;
  for (double k = std::ceil((lo - eps) / ticks.step); k * ticks.step <= hi + eps; k += 1.0) {
    const double v = k * ticks.step;
    ticks.values.push_back(std::abs(v) < eps ? 0.0 : v);
  }
  return ticks;
}

std::string tickLabel(double value, double step) {
  char text[32];
  const double magnitude = std::max(std::abs(value), std::abs(step));
  if (magnitude >= 1e5 || (magnitude > 0.0 && magnitude < 1e-3)) {
    std::snprintf(text, sizeof text, "%.3g", value);
  } else {
    const int decimals =
        step > 0.0 ? std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9))) : 0;
    std::snprintf(text, sizeof text, "%.*f", std::min(decimals, 6), value == 0.0 ? 0.0 : value);
  }
  return text;
}

}  // namespace gradscape::plots
