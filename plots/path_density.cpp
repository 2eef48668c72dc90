#include "plots/path_density.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace gradscape::plots {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double median(std::vector<double>& v) {
  if (v.empty()) return kInf;
  const auto middle = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), middle, v.end());
  return *middle;
}

}  // namespace

PathGaps pathGaps(const std::vector<std::array<double, 2>>& pixels, double w, double h) {
  const size_t n = pixels.size();
  auto inside = [&](size_t k) {
    const double x = pixels[k][0], y = pixels[k][1];
    return std::isfinite(x) && std::isfinite(y) && x >= 0.0 && x < w && y >= 0.0 && y < h;
  };
  auto cellOf = [&](size_t k) {
    const auto cx = static_cast<std::uint64_t>(pixels[k][0] / kDensityCell);
    const auto cy = static_cast<std::uint64_t>(pixels[k][1] / kDensityCell);
    return (cy << 32) | cx;
  };
  // One entry per visit: a point inside whose predecessor is not inside the same cell.
  std::vector<std::uint64_t> visits;
  std::vector<double> steps;
  for (size_t k = 0; k < n; ++k) {
    if (!inside(k)) continue;
    const bool previous = k > 0 && inside(k - 1);
    if (!previous || cellOf(k - 1) != cellOf(k)) visits.push_back(cellOf(k));
    if (previous) {
      steps.push_back(std::hypot(pixels[k][0] - pixels[k - 1][0], pixels[k][1] - pixels[k - 1][1]));
    }
  }
  std::sort(visits.begin(), visits.end());
  std::vector<double> crowding;
  for (size_t k = 0; k < n; ++k) {
    if (!inside(k)) continue;
    const auto range = std::equal_range(visits.begin(), visits.end(), cellOf(k));
    const auto v = static_cast<double>(range.second - range.first);
    crowding.push_back(v > 1.0 ? kDensityCell / v : kInf);
  }
  return {median(crowding), median(steps)};
}

PathStyle pathStyle(double crowding, double step) {
  PathStyle s;
  s.line = std::clamp(0.3 * crowding, 1.0, 2.5);
  s.halo = s.line + std::max(0.0, 2.5 * (s.line - 1.5));
  const double g = std::min(crowding, step);
  s.dot = g >= 10.0 ? std::clamp(0.5 * g, 5.0, 8.0) : 0.0;
  return s;
}

}  // namespace gradscape::plots
