#pragma once
// Toy 2-D classification data sets (the playground classics) for small neural-network
// landscapes. Every function puts sample i in class i mod classes, so classes are balanced.
#include <cstdint>

#include "core/data/labeled_data.h"

namespace gradscape {

// Two interleaved Archimedean spiral arms, labels 0 and 1. Along arm c the angle is
// theta = 3 pi sqrt(u) (u uniform in [0, 1), so points are spread evenly along the arc) and
// the point is r (cos(theta + c pi), sin(theta + c pi)) with r = theta / (3 pi): 1.5 turns,
// radius in [0, 1). Then N(0, noise^2) jitter on each coordinate.
LabeledData twoSpirals(int samples, double noise, uint64_t seed);

// scikit-learn's make_moons geometry: label 0 on the upper half of the unit circle centred at
// (0, 0), label 1 on the lower half of the unit circle centred at (1, 0.5); the angle is
// uniform in [0, pi] (sklearn spaces it evenly). Then N(0, noise^2) jitter.
LabeledData moons(int samples, double noise, uint64_t seed);

// Points uniform in [-1, 1]^2 with label 1 where x y < 0 (the XOR of the signs), then
// N(0, noise^2) jitter. The quadrant is drawn to match the label, so classes are balanced.
LabeledData xorData(int samples, double noise, uint64_t seed);

enum class ToyDataset { TwoSpirals, Moons, Xor, Blobs };

// One of the above by kind. `classes` is used by Blobs only (the others have two classes);
// Blobs is gaussianBlobs(samples, 2, classes, 3, seed), whose unit-variance spread already
// plays the part of the noise, so `noise` is ignored there.
// Throws std::invalid_argument naming samples, classes or noise when out of range.
LabeledData makeToyDataset(ToyDataset kind, int samples, int classes, double noise, uint64_t seed);

}  // namespace gradscape
