#include "core/run/trace.h"

#include <algorithm>
#include <stdexcept>

namespace gradscape {

namespace {

// Keeps the first `count` entries of `items` whose iteration is a multiple of `stride`, moved to
// the front in order, together with their `width` values in `values` (width 0: no values).
// Returns how many were kept; the containers keep their size.
template <class Items, class Values, class IterationOf>
size_t keepMultiples(Items& items, size_t count, Values& values, int width, int64_t stride,
                     IterationOf iterationOf) {
  size_t out = 0;
  for (size_t in = 0; in < count; ++in) {
    if (iterationOf(items[in]) % stride != 0) continue;
    items[out] = items[in];
    std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(in * width), width,
                values.begin() + static_cast<std::ptrdiff_t>(out * width));
    ++out;
  }
  return out;
}

}  // namespace

Trace::Trace(int dim, int64_t capacity)
    : dim_(dim),
      capacity_(capacity),
      pointsPerRow_(dim == 0 || dim * capacity <= kPointBudget),
      pointCapacity_(pointsPerRow_ ? capacity : std::max<int64_t>(4, kPointBudget / dim)) {
  if (capacity_ < 4) throw std::invalid_argument("trace capacity must be at least 4");
}

void Trace::reserve(int64_t rows) {
  allocate(std::min(rows, capacity_) + 1);
  if (!pointsPerRow_) {
    const auto points = static_cast<size_t>(std::min(rows, pointCapacity_) + 1);
    points_.reserve(points * static_cast<size_t>(dim_));
    pointIterations_.reserve(points);
  }
}

void Trace::allocate(int64_t rows) {
  if (rows <= static_cast<int64_t>(rows_.size())) return;
  rows_.resize(static_cast<size_t>(rows));
  if (pointsPerRow_) points_.resize(static_cast<size_t>(rows) * static_cast<size_t>(dim_));
  fastRows_ = pointsPerRow_ ? std::min(rows, capacity_) : 0;
}

void Trace::recordSlow(const Row& row, VecCRef x, bool force) {
  if (size_ >= capacity_) thin();
  if (size_ >= static_cast<int64_t>(rows_.size())) {
    // Grow geometrically, never beyond what thinning lets the trace hold.
    allocate(std::min(std::max<int64_t>(16, 2 * size_), capacity_ + 1));
  }
  rows_[static_cast<size_t>(size_)] = row;
  if (pointsPerRow_) {
    std::copy_n(x.data(), dim_, points_.data() + size_ * dim_);
  } else {
    recordPoint(row.iteration, x, force);
  }
  ++size_;
}

void Trace::thin() {
  // Keep the rows whose iteration is a multiple of the doubled stride (the first row, iteration
  // 0, always is). A forced row that is off-stride is dropped here like any other.
  stride_ *= 2;
  UninitializedVector<double> none;
  UninitializedVector<double>& values = pointsPerRow_ ? points_ : none;
  size_ = static_cast<int64_t>(keepMultiples(rows_, static_cast<size_t>(size_), values,
                                             pointsPerRow_ ? dim_ : 0, stride_,
                                             [](const Row& r) { return r.iteration; }));
}

void Trace::recordPoint(int64_t iteration, VecCRef x, bool force) {
  if (!force && iteration % pointStride_ != 0) return;
  if (pointCount() >= pointCapacity_) {
    pointStride_ *= 2;
    const size_t kept = keepMultiples(pointIterations_, pointIterations_.size(), points_, dim_,
                                      pointStride_, [](int64_t k) { return k; });
    pointIterations_.resize(kept);
    points_.resize(kept * static_cast<size_t>(dim_));
    if (!force && iteration % pointStride_ != 0) return;
  }
  pointIterations_.push_back(iteration);
  points_.insert(points_.end(), x.data(), x.data() + dim_);
}

void Trace::recordCurvature(const CurvatureSample& sample) {
  if (static_cast<int64_t>(curvature_.size()) >= capacity_) {
    // Samples arrive at multiples of the tracking interval; keep every other one.
    curvatureStride_ *= 2;
    size_t out = 0;
    for (size_t in = 0; in < curvature_.size(); in += 2) curvature_[out++] = curvature_[in];
    curvature_.resize(out);
  }
  curvature_.push_back(sample);
}

}  // namespace gradscape
