#include "plots/landscape_mesh.h"

#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkTypeInt64Array.h>

#include <cmath>

namespace gradscape::plots {

vtkSmartPointer<vtkPolyData> makeLandscapeMesh(const LandscapeGrid& grid, ColorScale scale,
                                               const HeightMap* height) {
  auto mesh = vtkSmartPointer<vtkPolyData>::New();
  const int nx = grid.nx, ny = grid.ny;
  if (nx < 2 || ny < 2 || grid.values.size() < static_cast<size_t>(nx) * ny) return mesh;
  const vtkIdType count = static_cast<vtkIdType>(nx) * ny;

  vtkNew<vtkFloatArray> xyz;
  xyz->SetNumberOfComponents(3);
  xyz->SetNumberOfTuples(count);
  vtkNew<vtkFloatArray> scalars;
  scalars->SetName("scaled f");
  scalars->SetNumberOfTuples(count);
  std::vector<char> finite(static_cast<size_t>(count));
  float* p = xyz->GetPointer(0);
  float* s = scalars->GetPointer(0);
  const double low = HeightMap::forGrid(grid, scale, 0.0).low;
  for (int j = 0; j < ny; ++j) {
    const double y = grid.y(j);
    for (int i = 0; i < nx; ++i) {
      const vtkIdType k = static_cast<vtkIdType>(j) * nx + i;
      const double f = grid.at(i, j);
      const double v = std::isfinite(f) ? scaledValue(grid, scale, f) : f;
      finite[static_cast<size_t>(k)] = std::isfinite(v) ? 1 : 0;
      s[k] = static_cast<float>(std::isfinite(v) ? v : low);
      p[3 * k] = static_cast<float>(grid.x(i));
      p[3 * k + 1] = static_cast<float>(y);
      p[3 * k + 2] =
          height != nullptr && std::isfinite(v) ? static_cast<float>(height->ofScaled(v)) : 0.0f;
    }
  }

  vtkNew<vtkTypeInt64Array> offsets, connectivity;
  const vtkIdType cells = 2 * static_cast<vtkIdType>(nx - 1) * (ny - 1);
  offsets->Allocate(cells + 1);
  connectivity->Allocate(3 * cells);
  offsets->InsertNextValue(0);
  auto triangle = [&](vtkIdType a, vtkIdType b, vtkIdType c) {
    if (!finite[static_cast<size_t>(a)] || !finite[static_cast<size_t>(b)] ||
        !finite[static_cast<size_t>(c)]) {
      return;
    }
    connectivity->InsertNextValue(a);
    connectivity->InsertNextValue(b);
    connectivity->InsertNextValue(c);
    offsets->InsertNextValue(connectivity->GetNumberOfValues());
  };
  for (int j = 0; j + 1 < ny; ++j) {
    for (int i = 0; i + 1 < nx; ++i) {
      const vtkIdType a = static_cast<vtkIdType>(j) * nx + i;
      triangle(a, a + 1, a + nx + 1);
      triangle(a, a + nx + 1, a + nx);
    }
  }
  vtkNew<vtkPoints> points;
  points->SetData(xyz);
  vtkNew<vtkCellArray> polys;
  polys->SetData(offsets, connectivity);
  mesh->SetPoints(points);
  mesh->SetPolys(polys);
  mesh->GetPointData()->SetScalars(scalars);
  return mesh;
}

}  // namespace gradscape::plots
