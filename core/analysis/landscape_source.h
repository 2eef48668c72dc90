#pragma once
// What the landscape views show of a scenario's objective: the objective itself when it is
// 2-D, else a 2-D slice (by default through the start along the top-2 Hessian eigenvectors
// there), with the projection that places iterates on it. The desktop program and the command
// line's `render` show the same slice. Sampling resolution is chosen so the
// landscape is sampled in about 0.2 s (25 to 201 points per axis) whatever an evaluation costs.
#include <memory>
#include <optional>
#include <string>

#include "core/analysis/slice_plane.h"
#include "core/objectives/objective.h"
#include "core/scenario/view_state.h"

namespace gradscape {

// Up to this dimension the default slice follows the top-2 Hessian eigenvectors at the start.
inline constexpr int kHessianSliceDim = 20000;

struct LandscapeSource {
  std::shared_ptr<const Objective> shown;            // 2-D: what the views sample
  std::shared_ptr<const PlaneProjector> projection;  // null when shown is the objective itself
  int samples = 201;                                 // grid points per axis
  std::string title;
  std::string slice;  // what spans the slice (empty for 2-D objectives)
};

// The slice is `plane` when given, else the plane through the start along the top-2 Hessian
// eigenvectors there. Its box holds the start and the known minimizers, and is at least
// `minHalfWidth` wide on each side of the plane's origin (callers widen it to hold the paths
// once runs have moved). Throws std::exception subclasses from the curvature analysis (callers
// show the message).
LandscapeSource landscapeSource(std::shared_ptr<const Objective> objective, VecCRef start,
                                const std::string& title, double minHalfWidth = 1.0,
                                const std::optional<SlicePlane>& plane = std::nullopt);

// The slice a saved view (core/scenario/view_state.h) asks for on a problem of `dim`
// dimensions: its plane, none for the default (top-2 Hessian eigenvectors at the start, computed
// again) or when the saved vectors are not of `dim` entries, and the half width of its box. The
// desktop program opening a file and `gradscape-cli render` read a saved slice so.
struct SavedSlice {
  std::optional<SlicePlane> plane;
  double halfWidth = 1.0;
};
SavedSlice savedSlice(const std::optional<ViewSlice>& slice, size_t dim);

}  // namespace gradscape
