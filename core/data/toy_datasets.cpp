#include "core/data/toy_datasets.h"

#include <cmath>
#include <numbers>
#include <random>
#include <string>

#include "core/data/gaussian_blobs.h"
#include "core/registry/params.h"

namespace gradscape {

namespace {

constexpr double kPi = std::numbers::pi;

// Uniform in [0, 1) from the top 53 bits: the same numbers on every standard library, unlike
// std::uniform_real_distribution.
double unit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

void validate(int samples, double noise) {
  requireOption(samples >= 1, "samples", "must be >= 1, got " + std::to_string(samples));
  requireOption(std::isfinite(noise) && noise >= 0.0, "noise",
                "must be >= 0, got " + formatNumber(noise));
}

LabeledData emptyData(int samples) {
  LabeledData data;
  data.classes = 2;
  data.features.resize(samples, 2);
  data.labels.resize(static_cast<size_t>(samples));
  return data;
}

// Adds the N(0, noise^2) jitter after all clean points are drawn, so the clean geometry for a
// seed does not depend on the noise level.
void jitter(LabeledData& data, double noise, std::mt19937_64& rng) {
  if (noise == 0.0) return;
  std::normal_distribution<double> normal(0.0, noise);
  for (Eigen::Index i = 0; i < data.features.rows(); ++i) {
    data.features(i, 0) += normal(rng);
    data.features(i, 1) += normal(rng);
  }
}

}  // namespace

LabeledData twoSpirals(int samples, double noise, uint64_t seed) {
  validate(samples, noise);
  std::mt19937_64 rng(seed);
  LabeledData data = emptyData(samples);
  const double maxAngle = 3.0 * kPi;  // 1.5 turns
  for (int i = 0; i < samples; ++i) {
    const int c = i % 2;
    // Arc length of r = theta / a grows like theta^2, so sqrt(u) spreads points evenly on it.
    const double theta = maxAngle * std::sqrt(unit(rng));
    const double r = theta / maxAngle;
    data.features(i, 0) = r * std::cos(theta + c * kPi);
    data.features(i, 1) = r * std::sin(theta + c * kPi);
    data.labels[static_cast<size_t>(i)] = c;
  }
  jitter(data, noise, rng);
  return data;
}

LabeledData moons(int samples, double noise, uint64_t seed) {
  validate(samples, noise);
  std::mt19937_64 rng(seed);
  LabeledData data = emptyData(samples);
  for (int i = 0; i < samples; ++i) {
    const int c = i % 2;
    const double t = kPi * unit(rng);
    if (c == 0) {
      data.features(i, 0) = std::cos(t);
      data.features(i, 1) = std::sin(t);
    } else {
      data.features(i, 0) = 1.0 - std::cos(t);
      data.features(i, 1) = 0.5 - std::sin(t);
    }
    data.labels[static_cast<size_t>(i)] = c;
  }
  jitter(data, noise, rng);
  return data;
}

LabeledData xorData(int samples, double noise, uint64_t seed) {
  validate(samples, noise);
  std::mt19937_64 rng(seed);
  LabeledData data = emptyData(samples);
  for (int i = 0; i < samples; ++i) {
    const int c = i % 2;
    // Magnitudes in (0, 1] so that no point sits on an axis, where x y = 0 has no class.
    const double ax = 1.0 - unit(rng), ay = 1.0 - unit(rng);
    const double sx = (rng() & 1u) ? 1.0 : -1.0;
    const double sy = c == 0 ? sx : -sx;
    data.features(i, 0) = sx * ax;
    data.features(i, 1) = sy * ay;
    data.labels[static_cast<size_t>(i)] = c;
  }
  jitter(data, noise, rng);
  return data;
}

LabeledData makeToyDataset(ToyDataset kind, int samples, int classes, double noise, uint64_t seed) {
  switch (kind) {
    case ToyDataset::TwoSpirals:
      return twoSpirals(samples, noise, seed);
    case ToyDataset::Moons:
      return moons(samples, noise, seed);
    case ToyDataset::Xor:
      return xorData(samples, noise, seed);
    case ToyDataset::Blobs:
      validate(samples, noise);
      requireOption(classes >= 1, "classes", "must be >= 1, got " + std::to_string(classes));
      return gaussianBlobs(samples, 2, classes, 3.0, seed);
  }
  requireOption(false, "dataset", "unknown kind, got " + std::to_string(static_cast<int>(kind)));
  return {};
}

}  // namespace gradscape
