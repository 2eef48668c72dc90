#include "plots/gradient_arrows.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace gradscape::plots {

struct GradientArrows::Impl {
  vtkRenderer* renderer = nullptr;
  vtkNew<vtkPolyData> fill, outline;
  vtkNew<vtkPolyDataMapper> fillMapper, outlineMapper;
  vtkNew<vtkActor> fillActor, outlineActor;
};

GradientArrows::GradientArrows(vtkRenderer* renderer) : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.renderer = renderer;
  d.fillMapper->SetInputData(d.fill);
  d.fillMapper->ScalarVisibilityOff();
  d.fillActor->SetMapper(d.fillMapper);
  d.fillActor->GetProperty()->SetColor(1.0, 1.0, 1.0);
  d.fillActor->GetProperty()->SetOpacity(0.85);
  d.fillActor->GetProperty()->LightingOff();
  d.fillActor->PickableOff();
  d.outlineMapper->SetInputData(d.outline);
  d.outlineMapper->ScalarVisibilityOff();
  d.outlineActor->SetMapper(d.outlineMapper);
  d.outlineActor->GetProperty()->SetColor(0.1, 0.1, 0.1);
  d.outlineActor->GetProperty()->SetOpacity(0.7);
  d.outlineActor->GetProperty()->SetLineWidth(1.0);
  d.outlineActor->GetProperty()->LightingOff();
  d.outlineActor->PickableOff();
  d.fillActor->SetVisibility(0);
  d.outlineActor->SetVisibility(0);
  renderer->AddActor(d.fillActor);
  renderer->AddActor(d.outlineActor);
}

GradientArrows::~GradientArrows() {
  impl_->renderer->RemoveActor(impl_->fillActor);
  impl_->renderer->RemoveActor(impl_->outlineActor);
}

void GradientArrows::setArrows(const std::vector<Arrow>& arrows, double z, double width,
                               double height) {
  Impl& d = *impl_;
  std::vector<Arrow> drawn;
  std::vector<double> logMagnitude;
  for (const Arrow& a : arrows) {
    const double m = std::hypot(a.dx, a.dy);
    if (std::isfinite(a.x) && std::isfinite(a.y) && std::isfinite(m) && m > 0.0) {
      drawn.push_back(a);
      logMagnitude.push_back(std::log(m));
    }
  }
  const bool visible = !drawn.empty() && width > 0.0 && height > 0.0;
  d.fillActor->SetVisibility(visible ? 1 : 0);
  d.outlineActor->SetVisibility(visible ? 1 : 0);
  if (!visible) return;

  std::vector<double> sorted = logMagnitude;
  std::sort(sorted.begin(), sorted.end());
  const double lo = sorted[sorted.size() / 20];
  const double hi = sorted[sorted.size() - 1 - sorted.size() / 20];
  const double perSide = std::max(1.0, std::sqrt(static_cast<double>(arrows.size())));
  const double spacing = std::min(width, height) / perSide;

  vtkNew<vtkPoints> points;
  vtkNew<vtkCellArray> triangles, loops;
  for (size_t k = 0; k < drawn.size(); ++k) {
    const Arrow& a = drawn[k];
    const double t = hi > lo ? std::clamp((logMagnitude[k] - lo) / (hi - lo), 0.0, 1.0) : 0.7;
    const double length = spacing * (0.3 + 0.5 * t);
    const double m = std::hypot(a.dx, a.dy);
    const double ux = a.dx / m, uy = a.dy / m, vx = -uy, vy = ux;
    // Outline of the arrow in (along, across) units of its length: shaft then head.
    constexpr std::array<std::array<double, 2>, 7> kShape{{{-0.5, -0.06},
                                                           {0.15, -0.06},
                                                           {0.15, -0.2},
                                                           {0.5, 0.0},
                                                           {0.15, 0.2},
                                                           {0.15, 0.06},
                                                           {-0.5, 0.06}}};
    vtkIdType ids[7];
    for (size_t i = 0; i < kShape.size(); ++i) {
      const double along = kShape[i][0] * length, across = kShape[i][1] * length;
      ids[i] = points->InsertNextPoint(a.x + along * ux + across * vx,
                                       a.y + along * uy + across * vy, z);
    }
    const vtkIdType shaft1[3] = {ids[0], ids[1], ids[5]};
    const vtkIdType shaft2[3] = {ids[0], ids[5], ids[6]};
    const vtkIdType head[3] = {ids[2], ids[3], ids[4]};
    triangles->InsertNextCell(3, shaft1);
    triangles->InsertNextCell(3, shaft2);
    triangles->InsertNextCell(3, head);
    vtkIdType loop[8];
    std::copy(ids, ids + 7, loop);
    loop[7] = ids[0];
    loops->InsertNextCell(8, loop);
  }
  d.fill->SetPoints(points);
  d.fill->SetPolys(triangles);
  d.outline->SetPoints(points);
  d.outline->SetLines(loops);
  d.fill->Modified();
  d.outline->Modified();
}

}  // namespace gradscape::plots
