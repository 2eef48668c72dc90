#pragma once
// The per-iteration record of one run, memory bounded: once `capacity` rows are held, every
// other row is dropped and only every 2nd (then 4th, ...) iteration is kept, so a 10^7-step run
// keeps an evenly thinned record. The first and the final rows are always kept.
#include <cstdint>
#include <vector>

#include "core/types.h"

namespace gradscape {

class Trace {
 public:
  // Default capacity: 2^18 rows (a few tens of MB for a 2-D run at the most).
  static constexpr int64_t kDefaultCapacity = int64_t{1} << 18;

  explicit Trace(int dim = 0, int64_t capacity = kDefaultCapacity);

  // Reserves memory for `rows` rows up front (clamped to capacity).
  void reserve(int64_t rows);
  // Records iteration k (called with increasing k). Rows that fall between kept strides are
  // skipped; `force` keeps the row regardless (the final row of a run).
  // Inline: called once per step of every run.
  void record(int64_t iteration, VecCRef x, double loss, double gradNorm, double stepNorm,
              double lr, bool force = false) {
    // stride_ is a power of two: a mask test keeps the hot path free of a division.
    if (!force && (iteration & (stride_ - 1)) != 0) return;
    if (size() >= capacity_) thin();
    rows_.push_back({iteration, loss, gradNorm, stepNorm, lr});
    for (int i = 0; i < dim_; ++i) points_.push_back(x[i]);
  }

  int dim() const { return dim_; }
  int64_t size() const { return static_cast<int64_t>(rows_.size()); }
  bool empty() const { return rows_.empty(); }
  int64_t stride() const { return stride_; }
  int64_t capacity() const { return capacity_; }

  int64_t iteration(int64_t row) const { return rows_[static_cast<size_t>(row)].iteration; }
  double loss(int64_t row) const { return rows_[static_cast<size_t>(row)].loss; }
  double gradNorm(int64_t row) const { return rows_[static_cast<size_t>(row)].gradNorm; }
  double stepNorm(int64_t row) const { return rows_[static_cast<size_t>(row)].stepNorm; }
  double lr(int64_t row) const { return rows_[static_cast<size_t>(row)].lr; }
  // The iterate of a row.
  Eigen::Map<const Vec> point(int64_t row) const {
    return Eigen::Map<const Vec>(points_.data() + row * dim_, dim_);
  }

 private:
  void thin();

  struct Row {
    int64_t iteration;
    double loss, gradNorm, stepNorm, lr;
  };

  int dim_;
  int64_t capacity_;
  int64_t stride_ = 1;
  std::vector<Row> rows_;
  std::vector<double> points_;  // row-major, dim_ values per row
};

}  // namespace gradscape
