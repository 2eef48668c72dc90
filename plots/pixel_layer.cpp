#include "plots/pixel_layer.h"

#include <vtkActor2D.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper2D.h>
#include <vtkRenderer.h>

namespace gradscape::plots {

PixelLayer::PixelLayer(vtkRenderer* renderer, bool visible) : renderer_(renderer) {
  mapper_->SetInputData(polyData_);
  mapper_->SetColorModeToDirectScalars();
  mapper_->SetScalarModeToUsePointData();
  mapper_->ScalarVisibilityOn();
  actor_->SetMapper(mapper_);
  actor_->PickableOff();
  actor_->SetVisibility(visible ? 1 : 0);
  renderer_->AddActor2D(actor_);
}

PixelLayer::~PixelLayer() {
  renderer_->RemoveActor2D(actor_);
}

void PixelLayer::draw(const PixelGeometry& geometry) {
  geometry.write(polyData_);
}

void PixelLayer::setVisible(bool visible) {
  actor_->SetVisibility(visible ? 1 : 0);
}

}  // namespace gradscape::plots
