#include "plots/chart_ticks.h"

#include <vtkAxis.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkStringArray.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "plots/nice_ticks.h"

namespace gradscape::plots {

bool thinLogTicks(vtkAxis* axis, bool vertical, double dpiScale) {
  const double length = (vertical ? axis->GetPoint2()[1] - axis->GetPoint1()[1]
                                  : axis->GetPoint2()[0] - axis->GetPoint1()[0]) /
                        dpiScale;
  const int first = static_cast<int>(std::ceil(axis->GetMinimum() - 1e-9));
  const int last = static_cast<int>(std::floor(axis->GetMaximum() + 1e-9));
  const int maxLabels = std::max(2, static_cast<int>(length / (vertical ? 26.0 : 60.0)));
  const int decades = last - first + 1;
  if (length <= 0.0 || decades <= maxLabels) return false;
  const int step = (decades + maxLabels - 1) / maxLabels;
  vtkNew<vtkDoubleArray> positions;
  vtkNew<vtkStringArray> labels;
  for (int e = first; e <= last; ++e) {
    if (e % step != 0) continue;
    positions->InsertNextValue(e);  // log axes take tick positions as log10
    labels->InsertNextValue(e >= 0 && e <= 3 ? std::to_string(static_cast<int>(std::pow(10, e)))
                                             : "1e" + std::to_string(e));
  }
  axis->SetCustomTickPositions(positions, labels);
  return true;
}

bool integerTicks(vtkAxis* axis, double dpiScale) {
  const double length = (axis->GetPoint2()[1] - axis->GetPoint1()[1]) / dpiScale;
  const double lo = axis->GetMinimum(), hi = axis->GetMaximum();
  Ticks ticks = niceTicks(lo, hi, std::max(2, static_cast<int>(length / 45.0)));
  if (ticks.step < 1.0) {
    ticks.step = 1.0;
    ticks.values.clear();
    for (double v = std::ceil(lo); v <= hi; v += 1.0) ticks.values.push_back(v);
  }
  if (length <= 0.0 || ticks.values.empty()) return false;
  vtkNew<vtkDoubleArray> positions;
  vtkNew<vtkStringArray> labels;
  for (double v : ticks.values) {
    positions->InsertNextValue(v);
    labels->InsertNextValue(tickLabel(v, ticks.step));
  }
  axis->SetCustomTickPositions(positions, labels);
  return true;
}

}  // namespace gradscape::plots
