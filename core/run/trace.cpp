#include "core/run/trace.h"

#include <algorithm>
#include <stdexcept>

namespace gradscape {

Trace::Trace(int dim, int64_t capacity) : dim_(dim), capacity_(capacity) {
  if (capacity_ < 4) throw std::invalid_argument("trace capacity must be at least 4");
}

void Trace::reserve(int64_t rows) {
  const auto n = static_cast<size_t>(std::min(rows, capacity_) + 1);
  rows_.reserve(n);
  points_.reserve(n * static_cast<size_t>(dim_));
}

void Trace::thin() {
  // Keep the rows whose iteration is a multiple of the doubled stride (the first row, iteration
  // 0, always is). A forced row that is off-stride is dropped here like any other.
  stride_ *= 2;
  size_t out = 0;
  for (size_t in = 0; in < rows_.size(); ++in) {
    if (rows_[in].iteration % stride_ != 0) continue;
    rows_[out] = rows_[in];
    std::copy_n(points_.begin() + static_cast<std::ptrdiff_t>(in * dim_), dim_,
                points_.begin() + static_cast<std::ptrdiff_t>(out * dim_));
    ++out;
  }
  rows_.resize(out);
  points_.resize(out * static_cast<size_t>(dim_));
}

}  // namespace gradscape
