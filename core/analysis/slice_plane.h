#pragma once
// 2-D slices through a many-dimensional loss (Li et al. 2018, "Visualizing the loss landscape
// of neural nets"): the plane origin + a u + b v, spanned by chosen directions, and the
// projection of iterates onto it. A projection is a picture of the path, not the path: the
// loss along the path stays in the convergence panel.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/curvature/analysis_control.h"
#include "core/objectives/objective.h"

namespace gradscape {

struct SlicePlane {
  Vec origin, u, v;
  std::string description;  // what spans it, e.g. "top-2 Hessian eigenvectors at the start"
};

// Coordinates (a, b) of the point of the plane nearest to x (least squares through the 2x2
// Gram matrix, so u and v need not be orthogonal or of unit length).
class PlaneProjector {
 public:
  explicit PlaneProjector(const SlicePlane& plane);
  std::array<double, 2> operator()(VecCRef x) const;

 private:
  Vec origin_, u_, v_;
  double i11_, i12_, i22_;  // inverse Gram matrix
};

// The two eigenvectors of the Hessian at `at` with the largest eigenvalues (unit length),
// through `at`: the directions of sharpest curvature. Dense up to 200 dimensions, else Lanczos
// to a loose tolerance (1e-4, at most 30 restarts: Ritz vectors of high curvature, which is
// what a slice needs, at a bounded cost).
// Throws AnalysisCancelled when cancelled.
SlicePlane hessianEigenvectorPlane(const Objective& objective, VecCRef at,
                                   const AnalysisControl& control = {});

// The first two principal components of `points` (unit length), through `origin` (Li et al.
// centre the plane at the final iterate). Throws std::invalid_argument when the points span
// less than two dimensions.
SlicePlane trajectoryPcaPlane(const std::vector<Vec>& points, VecCRef origin);

// Two Gaussian directions through `origin`, filter-normalised (Li et al. 2018): within each of
// `filters` (a neuron's incoming weights) a direction is scaled to the norm of origin's same
// filter, and coordinates in no filter (biases) stay 0; so a = 1 moves every neuron as far as
// its weights are large. No filters: each direction is scaled to ||origin|| (unit length when
// origin is 0, or when every filter of origin is 0).
SlicePlane randomPlane(VecCRef origin, uint64_t seed,
                       const std::vector<Objective::ParameterRange>& filters = {});

// A square box around (0, 0) in slice coordinates holding the projections of `points` with a
// margin of 25% (at least `minHalfWidth` wide on each side).
Box sliceBox(const PlaneProjector& projector, const std::vector<Vec>& points, double minHalfWidth);

}  // namespace gradscape
