#include "plots/scene_theme.h"

#include <vtkCubeAxesActor.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>

#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {
void setColor(vtkProperty* property, const Rgb& c) {
  property->SetColor(c.r, c.g, c.b);
}

thread_local std::optional<Rgb> backdropOverride;
}  // namespace

void setBackdropOverride(std::optional<Rgb> colour) {
  backdropOverride = colour;
}

void applyPaper(vtkRenderer* renderer) {
  const Rgb& paper = backdropOverride ? *backdropOverride : currentPalette().paper;
  renderer->SetBackground(paper.r, paper.g, paper.b);
}

void applySurfaceBackground(vtkRenderer* renderer) {
  if (backdropOverride) {
    const Rgb& c = *backdropOverride;
    renderer->SetBackground(c.r, c.g, c.b);
    renderer->SetBackground2(c.r, c.g, c.b);
    return;
  }
  const Palette& p = currentPalette();
  renderer->SetBackground(p.surfaceLow.r, p.surfaceLow.g, p.surfaceLow.b);      // bottom
  renderer->SetBackground2(p.surfaceHigh.r, p.surfaceHigh.g, p.surfaceHigh.b);  // top
}

void applyCubeAxesColors(vtkCubeAxesActor* axes) {
  const Palette& p = currentPalette();
  for (int i = 0; i < 3; ++i) {
    setTextColor(axes->GetTitleTextProperty(i), p.ink);
    setTextColor(axes->GetLabelTextProperty(i), p.ink);
  }
  for (vtkProperty* edges : {axes->GetXAxesLinesProperty(), axes->GetYAxesLinesProperty(),
                             axes->GetZAxesLinesProperty()}) {
    setColor(edges, p.axisLine);
  }
  for (vtkProperty* grid : {axes->GetXAxesGridlinesProperty(), axes->GetYAxesGridlinesProperty(),
                            axes->GetZAxesGridlinesProperty()}) {
    setColor(grid, p.surfaceGrid);
  }
}

}  // namespace gradscape::plots
