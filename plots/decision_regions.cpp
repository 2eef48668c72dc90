#include "plots/decision_regions.h"

#include <vtkAppendPolyData.h>
#include <vtkContourFilter.h>
#include <vtkDoubleArray.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkStripper.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace gradscape::plots {

namespace {

unsigned char toByte(double v) {
  if (!(v > 0.0)) return 0;  // NaN too
  return static_cast<unsigned char>(std::lround(std::min(v, 1.0) * 255.0));
}

size_t gridPoints(const DecisionMapData& d) {
  return static_cast<size_t>(d.nx) * static_cast<size_t>(d.ny);
}

vtkSmartPointer<vtkImageData> gridImage(const DecisionMapData& d) {
  auto image = vtkSmartPointer<vtkImageData>::New();
  image->SetDimensions(d.nx, d.ny, 1);
  image->SetOrigin(d.xmin, d.ymin, 0.0);
  image->SetSpacing((d.xmax - d.xmin) / (d.nx - 1), (d.ymax - d.ymin) / (d.ny - 1), 1.0);
  return image;
}

bool allFinite(const double* p, size_t k) {
  return std::all_of(p, p + k, [](double v) { return std::isfinite(v); });
}

}  // namespace

bool hasRegions(const DecisionMapData& d) {
  return std::isfinite(d.xmin) && std::isfinite(d.xmax) && std::isfinite(d.ymin) &&
         std::isfinite(d.ymax) && d.xmax > d.xmin && d.ymax > d.ymin && d.classes >= 1 &&
         d.nx >= 2 && d.ny >= 2 &&
         d.probabilities.size() == gridPoints(d) * static_cast<size_t>(d.classes);
}

vtkSmartPointer<vtkImageData> regionImage(const DecisionMapData& d) {
  const size_t points = gridPoints(d);
  const auto k = static_cast<size_t>(d.classes);
  vtkNew<vtkUnsignedCharArray> rgba;
  rgba->SetNumberOfComponents(4);
  rgba->SetNumberOfTuples(static_cast<vtkIdType>(points));
  for (size_t i = 0; i < points; ++i) {
    const double* p = d.probabilities.data() + i * k;
    Rgb c{1.0, 1.0, 1.0};
    if (allFinite(p, k)) {
      const int top = predictedClass(p, d.classes);
      c = regionColor(top, confidenceOf(p[top], d.classes));
    }
    unsigned char* out = rgba->GetPointer(4 * static_cast<vtkIdType>(i));
    out[0] = toByte(c.r);
    out[1] = toByte(c.g);
    out[2] = toByte(c.b);
    out[3] = 255;
  }
  auto image = gridImage(d);
  image->GetPointData()->SetScalars(rgba);
  return image;
}

vtkSmartPointer<vtkPolyData> decisionBoundary(const DecisionMapData& d) {
  const size_t points = gridPoints(d);
  const auto k = static_cast<size_t>(d.classes);
  vtkNew<vtkAppendPolyData> lines;
  for (size_t c0 = 0; c0 < (k == 2 ? 1 : k); ++c0) {
    vtkNew<vtkDoubleArray> margin;
    margin->SetNumberOfTuples(static_cast<vtkIdType>(points));
    for (size_t i = 0; i < points; ++i) {
      const double* p = d.probabilities.data() + i * k;
      double other = -1.0;
      for (size_t c1 = 0; c1 < k; ++c1) {
        if (c1 != c0) other = std::max(other, p[c1]);
      }
      margin->SetValue(static_cast<vtkIdType>(i), allFinite(p, k) ? p[c0] - other : -1.0);
    }
    auto field = gridImage(d);
    field->GetPointData()->SetScalars(margin);
    vtkNew<vtkContourFilter> contour;
    contour->SetInputData(field);
    contour->SetValue(0, 0.0);
    contour->ComputeScalarsOff();
    contour->ComputeNormalsOff();
    contour->Update();
    auto piece = vtkSmartPointer<vtkPolyData>::New();
    piece->DeepCopy(contour->GetOutput());
    lines->AddInputData(piece);
  }
  // Joined into polylines so wide lines have no gaps at the segment joints.
  vtkNew<vtkStripper> stripper;
  stripper->SetInputConnection(lines->GetOutputPort());
  stripper->Update();
  auto boundary = vtkSmartPointer<vtkPolyData>::New();
  boundary->DeepCopy(stripper->GetOutput());
  return boundary;
}

}  // namespace gradscape::plots
