#pragma once
// The per-iteration record of one run, memory bounded: once `capacity` rows are held, every
// other row is dropped and only every 2nd (then 4th, ...) iteration is kept, so a 10^7-step run
// keeps an evenly thinned record. The first and the final rows are always kept.
//
// Iterates are stored with every row while dim * capacity fits kPointBudget doubles (all 2-D
// runs). Larger problems keep their iterates in a list of their own, thinned the same way but
// to at most kPointBudget / dim points, so a run in 10^5 dimensions holds a few dozen iterates
// while its loss curve keeps every row.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/optimizers/carried_norm.h"
#include "core/oracles/evaluation_counts.h"
#include "core/run/uninitialized_vector.h"
#include "core/types.h"

namespace gradscape {

// Curvature of the loss at one iterate (issue: sharpness tracking): the extreme Hessian
// eigenvalues and, optionally, the trace (NaN when not tracked).
struct CurvatureSample {
  int64_t iteration;
  double top, bottom, trace;
};

class Trace {
 public:
  // Default capacity: 2^18 rows (a few tens of MB for a 2-D run at the most).
  static constexpr int64_t kDefaultCapacity = int64_t{1} << 18;
  // Doubles of iterate storage per run (32 MB).
  static constexpr int64_t kPointBudget = int64_t{1} << 22;

  explicit Trace(int dim = 0, int64_t capacity = kDefaultCapacity);

  // Reserves memory for `rows` rows up front (clamped to capacity).
  void reserve(int64_t rows);
  // Records iteration k (called with increasing k). The norms come carried squared
  // (carried_norm.h: gradNorm() and stepNorm() take the roots when read, so no step waits on a
  // square root, and a norm whose square overflows still reads back finite). Rows that fall
  // between kept strides are skipped; `force` keeps the row regardless (the final row of a run).
  // `evals`: what the run's optimizer had asked of its oracle before the step from this row's
  // iterate (the cost of reaching it: GD's row k has k field evaluations).
  // Inline: called once per step of every run.
  void record(int64_t iteration, VecCRef x, double loss, double gradNormSq, double stepNormSq,
              double lr, const EvaluationCounts& evals, bool force = false) {
    // stride_ is a power of two: a mask test keeps the hot path free of a division.
    if (!force && (iteration & (stride_ - 1)) != 0) return;
    const Row row{iteration, loss, gradNormSq, stepNormSq, lr, evals};
    if (size_ >= fastRows_) {
      recordSlow(row, x, force);  // thinning, growing, or iterates kept apart (N-D)
      return;
    }
    rows_[static_cast<size_t>(size_)] = row;
    double* __restrict to = points_.data() + size_ * dim_;
    const double* __restrict from = x.data();
    for (int i = 0; i < dim_; ++i) to[i] = from[i];
    ++size_;
  }
  // Replaces the step norm (carried squared) of the newest row when that row is `iteration`'s.
  void settleStepNorm(int64_t iteration, double stepNormSq) {
    if (size_ > 0 && rows_[static_cast<size_t>(size_ - 1)].iteration == iteration) {
      rows_[static_cast<size_t>(size_ - 1)].stepNormSq = stepNormSq;
    }
  }
  // Records the curvature at an iterate; thinned like the rows once `capacity` samples are held
  // (then only every curvatureStride()-th due sample is kept).
  void recordCurvature(const CurvatureSample& sample);

  int dim() const { return dim_; }
  int64_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  int64_t stride() const { return stride_; }
  int64_t capacity() const { return capacity_; }

  int64_t iteration(int64_t row) const { return rows_[static_cast<size_t>(row)].iteration; }
  double loss(int64_t row) const { return rows_[static_cast<size_t>(row)].loss; }
  double gradNorm(int64_t row) const {
    return normFromCarried(rows_[static_cast<size_t>(row)].gradNormSq);
  }
  double stepNorm(int64_t row) const {
    return normFromCarried(rows_[static_cast<size_t>(row)].stepNormSq);
  }
  double lr(int64_t row) const { return rows_[static_cast<size_t>(row)].lr; }
  // Cumulative evaluations before the step from row's iterate (see record).
  const EvaluationCounts& evaluations(int64_t row) const {
    return rows_[static_cast<size_t>(row)].evals;
  }

  // True when every row holds its iterate: then point i is row i's iterate.
  bool pointsPerRow() const { return pointsPerRow_; }
  int64_t pointCount() const {
    return pointsPerRow_ ? size_ : static_cast<int64_t>(pointIterations_.size());
  }
  int64_t pointIteration(int64_t i) const {
    return pointsPerRow_ ? iteration(i) : pointIterations_[static_cast<size_t>(i)];
  }
  // The i-th stored iterate.
  Eigen::Map<const Vec> point(int64_t i) const {
    return Eigen::Map<const Vec>(points_.data() + i * dim_, dim_);
  }

  const std::vector<CurvatureSample>& curvature() const { return curvature_; }
  // Multiplier on the tracking interval once the curvature record has been thinned (1, 2, 4..).
  int64_t curvatureStride() const { return curvatureStride_; }

 private:
  struct Row {
    int64_t iteration;
    double loss, gradNormSq, stepNormSq, lr;  // the norms carried (carried_norm.h)
    EvaluationCounts evals;
  };

  void recordSlow(const Row& row, VecCRef x, bool force);
  // Makes room for at least `rows` rows (and their iterates when pointsPerRow_).
  void allocate(int64_t rows);
  void thin();
  void recordPoint(int64_t iteration, VecCRef x, bool force);

  int dim_;
  int64_t capacity_;
  int64_t stride_ = 1;
  // rows_ (and points_ when pointsPerRow_) are allocated ahead; the first size_ rows are used.
  // record() writes in place while size_ < fastRows_, which is 0 unless pointsPerRow_, so a 2-D
  // step stores its row and iterate without a capacity check or a call.
  UninitializedVector<Row> rows_;
  int64_t size_ = 0;
  int64_t fastRows_ = 0;
  bool pointsPerRow_;
  int64_t pointCapacity_;
  int64_t pointStride_ = 1;
  std::vector<int64_t> pointIterations_;  // only when !pointsPerRow_
  // Row-major, dim_ values per stored iterate: sized ahead when pointsPerRow_, else exactly
  // pointCount() * dim_.
  UninitializedVector<double> points_;
  std::vector<CurvatureSample> curvature_;
  int64_t curvatureStride_ = 1;
};

}  // namespace gradscape
