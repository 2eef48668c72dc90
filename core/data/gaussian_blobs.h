#pragma once
// Gaussian blobs: k classes in d dimensions, the standard synthetic classification data.
#include <cstdint>

#include "core/data/labeled_data.h"

namespace gradscape {

// `samples` points split as evenly as possible over `classes` classes (sample i has label
// i mod classes). Class c's centre is `separation` times a seeded random unit vector (for
// d = 2 the centres sit evenly on a circle of that radius); each point is its centre plus
// N(0, I) noise. Separation 0 overlaps all classes, separation >= 6 separates them nearly surely.
LabeledData gaussianBlobs(int samples, int features, int classes, double separation, uint64_t seed);

}  // namespace gradscape
