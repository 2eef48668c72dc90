#pragma once
// PixelGeometry on screen: one polydata drawn by a 2-D mapper with its per-vertex colours, as an
// overlay actor of a renderer (added on construction, removed on destruction). Shared by the
// colour bar, the legend and the markers. Internal to plots/: include it from .cpp files only.
#include <vtkNew.h>

#include "plots/pixel_geometry.h"

class vtkActor2D;
class vtkPolyData;
class vtkPolyDataMapper2D;
class vtkRenderer;

namespace gradscape::plots {

class PixelLayer {
 public:
  PixelLayer(vtkRenderer* renderer, bool visible);
  ~PixelLayer();
  PixelLayer(const PixelLayer&) = delete;
  PixelLayer& operator=(const PixelLayer&) = delete;

  // Replaces what the layer draws.
  void draw(const PixelGeometry& geometry);
  void setVisible(bool visible);

 private:
  vtkRenderer* renderer_;
  vtkNew<vtkPolyData> polyData_;
  vtkNew<vtkPolyDataMapper2D> mapper_;
  vtkNew<vtkActor2D> actor_;
};

}  // namespace gradscape::plots
