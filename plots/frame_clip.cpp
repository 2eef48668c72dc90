#include "plots/frame_clip.h"

#include <vtkActor.h>
#include <vtkActorCollection.h>
#include <vtkCamera.h>
#include <vtkMapper.h>
#include <vtkPlane.h>
#include <vtkPlaneCollection.h>
#include <vtkRenderer.h>

namespace gradscape::plots {

FrameClip::FrameClip() {
  for (auto& edge : edges_) planes_->AddItem(edge);
}

FrameClip::~FrameClip() = default;

vtkPlaneCollection* FrameClip::planes() const {
  return planes_;
}

std::array<double, 4> FrameClip::update(vtkRenderer* renderer, const std::array<double, 4>& box,
                                        double w, double h) {
  vtkCamera* camera = renderer->GetActiveCamera();
  const double wpp = 2.0 * camera->GetParallelScale() / h;
  const double* focal = camera->GetFocalPoint();
  // Display pixel X is world x = focal_x + (X - w / 2) wpp (and likewise for y).
  const std::array<double, 4> rect{box[0] - 1.0, box[1] - 1.0, box[0] + box[2] + 1.0,
                                   box[1] + box[3] + 1.0};
  const double x0 = focal[0] + (rect[0] - 0.5 * w) * wpp;
  const double x1 = focal[0] + (rect[2] - 0.5 * w) * wpp;
  const double y0 = focal[1] + (rect[1] - 0.5 * h) * wpp;
  const double y1 = focal[1] + (rect[3] - 0.5 * h) * wpp;
  // Each plane keeps the side its normal points to.
  edges_[0]->SetOrigin(x0, 0.0, 0.0);
  edges_[0]->SetNormal(1.0, 0.0, 0.0);
  edges_[1]->SetOrigin(x1, 0.0, 0.0);
  edges_[1]->SetNormal(-1.0, 0.0, 0.0);
  edges_[2]->SetOrigin(0.0, y0, 0.0);
  edges_[2]->SetNormal(0.0, 1.0, 0.0);
  edges_[3]->SetOrigin(0.0, y1, 0.0);
  edges_[3]->SetNormal(0.0, -1.0, 0.0);
  vtkActorCollection* actors = renderer->GetActors();
  actors->InitTraversal();
  while (vtkActor* a = actors->GetNextActor()) {
    vtkMapper* m = a->GetMapper();
    if (m != nullptr && m->GetClippingPlanes() != planes_) m->SetClippingPlanes(planes_);
  }
  return rect;
}

}  // namespace gradscape::plots
