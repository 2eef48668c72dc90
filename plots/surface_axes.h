#pragma once
// The surface's axes box: VTK's cube axes, with the screen rectangles of its tick labels (its
// axis actors are protected in vtkCubeAxesActor), so the layout can be measured. Included by
// surface_scene.cpp only.
#include <vtkCubeAxesActor.h>

#include <array>
#include <vector>

class vtkRenderer;

namespace gradscape::plots {

class SurfaceAxes : public vtkCubeAxesActor {
 public:
  static SurfaceAxes* New();
  vtkTypeMacro(SurfaceAxes, vtkCubeAxesActor)

      // Three labels on the x and y axes, at both ends of the range and its middle (numbers as
      // labelNumber writes them, at most 4 significant digits). The cube spreads custom labels
      // evenly over an axis's range when it would draw more ticks than labels (it draws at
      // least 5), so each label sits at its value; its own 9 or 10 labels ("-4.00", "-3.00",
      // ...) ran into each other on Beale in the surface's column of a 1920-pixel window.
      void setEvenLabels(double xmin, double xmax, double ymin, double ymax);

  // Display rectangles {x0, y0, x1, y1} of the tick labels of the x (axis 0) or y (axis 1)
  // axis on edge 0..3 of the box (the cube shows one or two of the four; each is shown at
  // some camera angle), laid out for the current camera; empty when its labels are hidden.
  std::vector<std::array<double, 4>> tickLabelBoxes(int axis, int edge, vtkRenderer* renderer);

 protected:
  SurfaceAxes() = default;
  ~SurfaceAxes() override = default;
};

}  // namespace gradscape::plots
