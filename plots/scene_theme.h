#pragma once
// The current theme (theme.h) applied to the VTK objects the scenes share. Each call sets only
// what differs from the object's state, so calling it before every frame costs nothing and
// leaves a kept backdrop (backdrop_renderer.h) valid until the theme really changes.
#include <optional>

#include "plots/rgb.h"

class vtkCubeAxesActor;
class vtkRenderer;

namespace gradscape::plots {

// A flat colour that replaces the paper and the 3-D gradient while it is set (this thread):
// plots/export/picture.cpp draws a transparent picture's frame over black and over white.
void setBackdropOverride(std::optional<Rgb> colour);

// The paper colour behind a map or chart.
void applyPaper(vtkRenderer* renderer);
// The 3-D view's background gradient.
void applySurfaceBackground(vtkRenderer* renderer);
// The 3-D box: its edges and labels in ink, the grid on its far faces in the theme's grid colour.
void applyCubeAxesColors(vtkCubeAxesActor* axes);

}  // namespace gradscape::plots
