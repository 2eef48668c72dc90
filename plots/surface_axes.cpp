#include "plots/surface_axes.h"

#include <vtkAxisActor.h>
#include <vtkAxisFollower.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkRenderer.h>
#include <vtkStringArray.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "plots/run_label.h"

namespace gradscape::plots {

vtkStandardNewMacro(SurfaceAxes);

void SurfaceAxes::setEvenLabels(double xmin, double xmax, double ymin, double ymax) {
  for (int axis = 0; axis < 2; ++axis) {
    const double lo = axis == 0 ? xmin : ymin, hi = axis == 0 ? xmax : ymax;
    double mid = 0.5 * (lo + hi);
    if (std::abs(mid) < 1e-9 * (hi - lo)) mid = 0.0;  // not "1e-17"
    vtkNew<vtkStringArray> labels;
    for (const double v : {lo, mid, hi}) labels->InsertNextValue(labelNumber(v));
    SetAxisLabels(axis, labels);
  }
}

std::vector<std::array<double, 4>> SurfaceAxes::tickLabelBoxes(int axis, int edge,
                                                               vtkRenderer* renderer) {
  std::vector<std::array<double, 4>> out;
  vtkAxisActor** axes = axis == 0 ? XAxes : YAxes;
  vtkAxisActor* a = axes[edge];
  {
    if (a == nullptr || !a->GetVisibility() || !a->GetLabelVisibility()) return out;
    vtkAxisFollower** labels = a->GetLabelActors();
    // The cube lays out only the edges it draws this frame: lay this one out for the current
    // camera, as it would be drawn.
    a->BuildAxis(renderer, true);
    for (int k = 0; k < a->GetNumberOfLabelsBuilt(); ++k) {
      if (labels[k] == nullptr || !labels[k]->GetVisibility()) continue;
      // The label's world box, its 8 corners projected.
      const double* b = labels[k]->GetBounds();
      std::array<double, 4> r{
          std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
          -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
      for (int c = 0; c < 8; ++c) {
        renderer->SetWorldPoint(b[(c & 1) ? 1 : 0], b[(c & 2) ? 3 : 2], b[(c & 4) ? 5 : 4], 1.0);
        renderer->WorldToDisplay();
        const double* d = renderer->GetDisplayPoint();
        r = {std::min(r[0], d[0]), std::min(r[1], d[1]), std::max(r[2], d[0]),
             std::max(r[3], d[1])};
      }
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace gradscape::plots
