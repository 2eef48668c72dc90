#pragma once
// Axis ticks at round numbers, shared by the 2-D frame axes and the colour bars.
#include <string>
#include <vector>

namespace gradscape::plots {

struct Ticks {
  std::vector<double> values;  // inside [lo, hi], increasing
  double step = 0.0;           // 1, 2 or 5 times a power of ten
};

// About `target` ticks (at least 2 when the range allows) at multiples of a round step; none
// when hi - lo is below 1e-12 of the larger magnitude (no step doubles resolve).
Ticks niceTicks(double lo, double hi, int target);

// A tick label with as many decimals as the step needs ("-1.5", "0", "250"); very large or very
// small magnitudes in exponent form ("1e+06").
std::string tickLabel(double value, double step);

}  // namespace gradscape::plots
