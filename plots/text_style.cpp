#include "plots/text_style.h"

#include <vtkStdString.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>

namespace gradscape::plots {

void styleText(vtkTextProperty* property, int size, bool bold) {
  property->SetFontFamilyToArial();
  property->SetFontSize(size);
  property->SetBold(bold);
  property->ItalicOff();
  property->ShadowOff();
  property->SetColor(kInk.r, kInk.g, kInk.b);
  property->SetOpacity(1.0);
  property->SetBackgroundOpacity(0.0);
  property->SetFrame(false);
  property->SetOrientation(0.0);
  property->SetJustificationToLeft();
  property->SetVerticalJustificationToBottom();
}

std::array<double, 2> textExtent(vtkTextProperty* property, const std::string& text) {
  if (text.empty()) return {0.0, 0.0};
  int box[4] = {0, 0, 0, 0};
  vtkTextRenderer* measure = vtkTextRenderer::GetInstance();
  if (measure != nullptr && measure->GetBoundingBox(property, vtkStdString(text), box, 72)) {
    return {static_cast<double>(box[1] - box[0] + 1), static_cast<double>(box[3] - box[2] + 1)};
  }
  const double size = property->GetFontSize();
  return {0.6 * size * static_cast<double>(text.size()), 1.2 * size};
}

}  // namespace gradscape::plots
