#include "core/objectives/sample_batch.h"

#include <stdexcept>
#include <string>

#include "core/registry/params.h"

namespace gradscape {

namespace {

// N x d doubles beyond this (400 MB) are refused rather than exhausting memory.
constexpr double kMaxDataValues = 5e7;

}  // namespace

void checkSampleBatch(std::span<const int> batch, int64_t samples) {
  if (batch.empty()) throw std::invalid_argument("batch: must name at least one sample, got 0");
  for (const int i : batch) {
    if (i < 0 || i >= samples) {
      throw std::out_of_range("batch: sample index must be in [0, " + std::to_string(samples) +
                              "), got " + std::to_string(i));
    }
  }
}

void checkDataSize(int samples, int features) {
  if (static_cast<double>(samples) * features > kMaxDataValues) {
    throw std::invalid_argument("features: samples x features must be at most " +
                                formatNumber(kMaxDataValues) + ", got " + std::to_string(samples) +
                                " x " + std::to_string(features));
  }
}

}  // namespace gradscape
