#include "plots/path_density.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace gradscape::plots {

double typicalGap(const std::vector<std::array<double, 2>>& pixels, double w, double h) {
  const size_t n = pixels.size();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  auto inside = [&](size_t k) {
    const double x = pixels[k][0], y = pixels[k][1];
    return std::isfinite(x) && std::isfinite(y) && x >= 0.0 && x < w && y >= 0.0 && y < h;
  };
  auto cellOf = [&](size_t k) {
    const auto cx = static_cast<std::uint64_t>(pixels[k][0] / kDensityCell);
    const auto cy = static_cast<std::uint64_t>(pixels[k][1] / kDensityCell);
    return (cy << 32) | cx;
  };
  std::vector<std::uint64_t> cells;
  cells.reserve(n);
  for (size_t k = 0; k < n; ++k) {
    if (inside(k)) cells.push_back(cellOf(k));
  }
  if (cells.size() < 2) return kInf;
  std::vector<std::uint64_t> sorted = cells;
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> gaps;
  gaps.reserve(cells.size());
  for (size_t k = 0; k < n; ++k) {
    if (!inside(k)) continue;
    const auto range = std::equal_range(sorted.begin(), sorted.end(), cellOf(k));
    const auto c = static_cast<double>(range.second - range.first);
    if (c > 1.0) {
      gaps.push_back(kDensityCell / c);
      continue;
    }
    double nearest = kInf;
    for (const size_t j : {k - 1, k + 1}) {
      if (k == 0 && j == k - 1) continue;
      if (j >= n || !inside(j)) continue;
      nearest =
          std::min(nearest, std::hypot(pixels[j][0] - pixels[k][0], pixels[j][1] - pixels[k][1]));
    }
    if (std::isfinite(nearest)) gaps.push_back(std::max(kDensityCell, nearest));
  }
  if (gaps.empty()) return kInf;
  const auto middle = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
  std::nth_element(gaps.begin(), middle, gaps.end());
  return *middle;
}

PathStyle pathStyleForGap(double gap) {
  PathStyle s;
  s.line = std::clamp(0.3 * gap, 1.0, 2.5);
  s.halo = s.line + std::max(0.0, 2.5 * (s.line - 1.5));
  s.dot = gap >= 10.0 ? std::clamp(0.5 * gap, 5.0, 8.0) : 0.0;
  return s;
}

}  // namespace gradscape::plots
