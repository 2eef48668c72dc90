#pragma once
// Private helper: Rademacher probe vectors (entries +1 or -1 with equal probability), one bit
// of a 64-bit Mersenne twister draw per entry, so identical seeds give identical probes on
// every platform.
#include <random>

#include "core/types.h"

namespace gradscape::detail {

inline void fillRademacher(std::mt19937_64& rng, VecRef z) {
  uint64_t bits = 0;
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    if (i % 64 == 0) bits = rng();
    z[i] = (bits & 1u) ? 1.0 : -1.0;
    bits >>= 1;
  }
}

}  // namespace gradscape::detail
