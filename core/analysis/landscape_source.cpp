#include "core/analysis/landscape_source.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/analysis/slice_objective.h"

namespace gradscape {

namespace {

// Seconds one evaluation of f takes (the mean of a few: enough to pick a grid).
double secondsPerValue(const Objective& f, VecCRef at) {
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  volatile double sink = 0.0;  // keeps the calls from being optimised away
  constexpr int kCalls = 8;
  for (int i = 0; i < kCalls; ++i) sink = sink + f.value(at);
  return std::chrono::duration<double>(Clock::now() - t0).count() / kCalls;
}

}  // namespace

LandscapeSource landscapeSource(std::shared_ptr<const Objective> objective, VecCRef start,
                                const std::string& title, double minHalfWidth,
                                const std::optional<SlicePlane>& chosen) {
  LandscapeSource source;
  if (objective->dim() == 2) {
    source.shown = std::move(objective);
    source.title = title;
    return source;
  }
  // Beyond kHessianSliceDim dimensions even a loose Lanczos solve takes seconds: the default
  // slice is then random (the Hessian one stays a menu choice away).
  SlicePlane plane = chosen ? *chosen
                     : objective->dim() <= kHessianSliceDim
                         ? hessianEigenvectorPlane(*objective, start)
                         : randomPlane(start, 0, objective->filters());
  if (!chosen) {
    plane.description = objective->dim() <= kHessianSliceDim
                            ? "the top-2 Hessian eigenvectors at the start"
                            : "two random directions through the start (many dimensions)";
  }
  source.slice = plane.description;
  auto projection = std::make_shared<const PlaneProjector>(plane);
  std::vector<Vec> points{start};
  for (const Vec& m : objective->minimizers()) points.push_back(m);
  const Box box = sliceBox(*projection, points, minHalfWidth);
  auto slice = std::make_shared<const SliceObjective>(objective, std::move(plane), box);
  // About 0.2 s of sampling, between 25 and 201 points per axis (at 25 x 25 a sample of a
  // 10^6-dimensional problem makes it seconds: the window samples on a worker, with progress).
  const double budget = 0.2 / std::max(secondsPerValue(*slice, Vec::Zero(2)), 1e-9);
  source.samples = std::clamp(static_cast<int>(std::sqrt(budget)), 25, 201);
  source.shown = std::move(slice);
  source.projection = std::move(projection);
  source.title = title + " — slice";
  return source;
}

SavedSlice savedSlice(const std::optional<ViewSlice>& slice, size_t dim) {
  SavedSlice saved;
  if (!slice) return saved;
  saved.halfWidth = slice->halfWidth;
  const auto fits = [dim](const Vec& v) { return static_cast<size_t>(v.size()) == dim; };
  if (slice->directions != ViewSlice::Directions::HessianAtStart && fits(slice->origin) &&
      fits(slice->u) && fits(slice->v)) {
    saved.plane = SlicePlane{slice->origin, slice->u, slice->v, slice->description};
  }
  return saved;
}

}  // namespace gradscape
