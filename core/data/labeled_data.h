#pragma once
// A generated classification or regression data set: one sample per row of `features`.
#include <cstdint>
#include <vector>

#include "core/types.h"

namespace gradscape {

struct LabeledData {
  Mat features;             // N x d
  std::vector<int> labels;  // N class labels in [0, classes)
  int classes = 2;
  int64_t size() const { return features.rows(); }
  int dim() const { return static_cast<int>(features.cols()); }
};

}  // namespace gradscape
