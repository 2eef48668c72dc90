#pragma once
// What an optimizer asked of its oracle (core/oracles/problem_oracle.h counts it).
#include <cstdint>

namespace gradscape {

// Field (gradient) evaluations, loss-only evaluations, and Hessian-vector products, a dense
// Hessian counting as dim() of them (its columns, as hessianFromProducts forms it). A field
// evaluation returns the loss alongside (for a fixed loss one valueAndGradient call), so it is
// not counted again as a loss evaluation.
struct EvaluationCounts {
  int64_t field = 0;
  int64_t loss = 0;
  int64_t hessianProducts = 0;
  bool operator==(const EvaluationCounts&) const = default;
};

}  // namespace gradscape
