#include "core/data/gaussian_blobs.h"

#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

namespace gradscape {

LabeledData gaussianBlobs(int samples, int features, int classes, double separation,
                          uint64_t seed) {
  if (samples < 1 || features < 1 || classes < 1) {
    throw std::invalid_argument("gaussianBlobs: samples, features and classes must be >= 1");
  }
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  Mat centres(classes, features);
  for (int c = 0; c < classes; ++c) {
    if (features == 2) {
      const double t = 2.0 * std::numbers::pi * c / classes;
      centres.row(c) << std::cos(t), std::sin(t);
    } else {
      for (int j = 0; j < features; ++j) centres(c, j) = normal(rng);
      centres.row(c).normalize();
    }
  }
  centres *= separation;
  LabeledData data;
  data.classes = classes;
  data.features.resize(samples, features);
  data.labels.resize(static_cast<size_t>(samples));
  for (int i = 0; i < samples; ++i) {
    const int c = i % classes;
    data.labels[static_cast<size_t>(i)] = c;
    for (int j = 0; j < features; ++j) data.features(i, j) = centres(c, j) + normal(rng);
  }
  return data;
}

}  // namespace gradscape
