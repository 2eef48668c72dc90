#include "plots/rgb.h"

#include <array>
#include <cstddef>

namespace gradscape::plots {

Rgb runColor(int index) {
  // Okabe & Ito's qualitative palette (distinct under the common colour-vision deficiencies),
  // reordered so the first runs contrast most with viridis; black and yellow left out, one
  // rose and one grey-blue added.
  static constexpr std::array<Rgb, 8> kPalette{{
      {0.835, 0.369, 0.000},  // vermillion
      {0.000, 0.447, 0.698},  // blue
      {0.800, 0.475, 0.655},  // reddish purple
      {0.902, 0.624, 0.000},  // orange
      {0.337, 0.706, 0.914},  // sky blue
      {0.000, 0.620, 0.451},  // bluish green
      {0.937, 0.267, 0.467},  // rose
      {0.400, 0.467, 0.600},  // grey blue
  }};
  const int n = static_cast<int>(kPalette.size());
  return kPalette[static_cast<size_t>(((index % n) + n) % n)];
}

}  // namespace gradscape::plots
