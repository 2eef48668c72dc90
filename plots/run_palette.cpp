#include "plots/rgb.h"

#include <array>
#include <cstddef>

namespace gradscape::plots {

namespace {
constexpr Rgb hex(unsigned rgb) {
  return {static_cast<double>((rgb >> 16) & 0xffu) / 255.0,
          static_cast<double>((rgb >> 8) & 0xffu) / 255.0,
          static_cast<double>(rgb & 0xffu) / 255.0};
}
}  // namespace

Rgb runColor(int index) {
  // Hues of Tableau 10 / category10 and Okabe & Ito's blue, chosen and ordered so that every
  // two of the first eight differ by a CIEDE2000 distance of at least 27 (all ten by at least
  // 22; tests/plots/test_run_palette checks it). The former palette had pairs at 12.8 (blue vs
  // grey-blue) and vermillion next to orange. Each stays visible on viridis over the dark halo
  // the paths are drawn on, and on the charts' white.
  static constexpr std::array<Rgb, 10> kPalette{{
      hex(0x0072B2),  // blue
      hex(0xFF7F0E),  // orange
      hex(0x2CA02C),  // green
      hex(0x9467BD),  // purple
      hex(0xFF9DA7),  // pink
      hex(0x17BECF),  // cyan
      hex(0x8C564B),  // brown
      hex(0xEDC948),  // yellow
      hex(0x7F7F7F),  // grey
      hex(0x1B5E20),  // dark green
  }};
  const int n = static_cast<int>(kPalette.size());
  return kPalette[static_cast<size_t>(((index % n) + n) % n)];
}

}  // namespace gradscape::plots
