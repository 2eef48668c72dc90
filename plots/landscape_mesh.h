#pragma once
// The sampled landscape as a triangle mesh for VTK, shared by the contour map (flat) and the
// surface (lifted by a HeightMap).
#include <vtkSmartPointer.h>

#include "plots/height_map.h"
#include "plots/landscape_grid.h"

class vtkPolyData;

namespace gradscape::plots {

// Points (x_i, y_j, z) with point scalars scaledValue(f) named "scaled f"; z = 0 (no height) or
// height(f). Two triangles per grid cell, left out where a corner is not finite, so NaN samples
// leave holes instead of breaking filters.
vtkSmartPointer<vtkPolyData> makeLandscapeMesh(const LandscapeGrid& grid, ColorScale scale,
                                               const HeightMap* height = nullptr);

}  // namespace gradscape::plots
