#include "core/run/trace.h"

#include <algorithm>
#include <stdexcept>

namespace gradscape {

Trace::Trace(int dim, int64_t capacity) : dim_(dim), capacity_(capacity) {
  if (capacity_ < 4) throw std::invalid_argument("trace capacity must be at least 4");
}

void Trace::reserve(int64_t rows) {
  const auto n = static_cast<size_t>(std::min(rows, capacity_) + 1);
  iteration_.reserve(n);
  loss_.reserve(n);
  gradNorm_.reserve(n);
  stepNorm_.reserve(n);
  lr_.reserve(n);
  points_.reserve(n * static_cast<size_t>(dim_));
}

void Trace::record(int64_t iteration, VecCRef x, double loss, double gradNorm, double stepNorm,
                   double lr, bool force) {
  // stride_ is a power of two: a mask test keeps the hot path free of a division.
  if (!force && (iteration & (stride_ - 1)) != 0) return;
  if (size() >= capacity_) thin();
  iteration_.push_back(iteration);
  loss_.push_back(loss);
  gradNorm_.push_back(gradNorm);
  stepNorm_.push_back(stepNorm);
  lr_.push_back(lr);
  points_.insert(points_.end(), x.data(), x.data() + dim_);
}

void Trace::thin() {
  // Keep the rows whose iteration is a multiple of the doubled stride (the first row, iteration
  // 0, always is). A forced row that is off-stride is dropped here like any other.
  stride_ *= 2;
  size_t out = 0;
  for (size_t in = 0; in < iteration_.size(); ++in) {
    if (iteration_[in] % stride_ != 0) continue;
    iteration_[out] = iteration_[in];
    loss_[out] = loss_[in];
    gradNorm_[out] = gradNorm_[in];
    stepNorm_[out] = stepNorm_[in];
    lr_[out] = lr_[in];
    std::copy_n(points_.begin() + static_cast<std::ptrdiff_t>(in * dim_), dim_,
                points_.begin() + static_cast<std::ptrdiff_t>(out * dim_));
    ++out;
  }
  iteration_.resize(out);
  loss_.resize(out);
  gradNorm_.resize(out);
  stepNorm_.resize(out);
  lr_.resize(out);
  points_.resize(out * static_cast<size_t>(dim_));
}

}  // namespace gradscape
