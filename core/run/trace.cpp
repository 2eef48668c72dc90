#include "core/run/trace.h"

#include <algorithm>
#include <stdexcept>

namespace gradscape {

namespace {

// Keeps the entries of `items` whose iteration is a multiple of `stride`, in order, together with
// their `width` values in `values` (width 0: no values).
template <class Item, class IterationOf>
void keepMultiples(std::vector<Item>& items, std::vector<double>& values, int width, int64_t stride,
                   IterationOf iterationOf) {
  size_t out = 0;
  for (size_t in = 0; in < items.size(); ++in) {
    if (iterationOf(items[in]) % stride != 0) continue;
    items[out] = items[in];
    std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(in * width), width,
                values.begin() + static_cast<std::ptrdiff_t>(out * width));
    ++out;
  }
  items.resize(out);
  values.resize(out * static_cast<size_t>(width));
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
  const auto n = static_cast<size_t>(std::min(rows, capacity_) + 1);
  rows_.reserve(n);
  const auto points = static_cast<size_t>(std::min(rows, pointCapacity_) + 1);
  points_.reserve(points * static_cast<size_t>(dim_));
  if (!pointsPerRow_) pointIterations_.reserve(points);
}

void Trace::thin() {
  // Keep the rows whose iteration is a multiple of the doubled stride (the first row, iteration
  // 0, always is). A forced row that is off-stride is dropped here like any other.
  stride_ *= 2;
  std::vector<double> none;
  std::vector<double>& values = pointsPerRow_ ? points_ : none;
  keepMultiples(rows_, values, pointsPerRow_ ? dim_ : 0, stride_,
                [](const Row& r) { return r.iteration; });
}

void Trace::recordPoint(int64_t iteration, VecCRef x, bool force) {
  if (!force && iteration % pointStride_ != 0) return;
  if (pointCount() >= pointCapacity_) {
    pointStride_ *= 2;
    keepMultiples(pointIterations_, points_, dim_, pointStride_, [](int64_t k) { return k; });
    if (!force && iteration % pointStride_ != 0) return;
  }
  pointIterations_.push_back(iteration);
  for (int i = 0; i < dim_; ++i) points_.push_back(x[i]);
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
