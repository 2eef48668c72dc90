#pragma once
// Checks shared by the finite-sum objectives (regression models, the MLP classifier, matrix
// sensing): the sample indices of a minibatch and the size of a generated data set.
#include <cstdint>
#include <span>

namespace gradscape {

// A batch names at least one sample and every index lies in [0, samples). Throws
// std::invalid_argument("batch: must name at least one sample, got 0") for an empty batch and
// std::out_of_range("batch: sample index must be in [0, N), got i") for a bad index.
void checkSampleBatch(std::span<const int> batch, int64_t samples);

// A data set of samples x features doubles is refused beyond 5e7 values (400 MB) rather than
// exhausting memory. Throws std::invalid_argument("features: samples x features must be at most
// 5e+07, got N x d").
void checkDataSize(int samples, int features);

}  // namespace gradscape
