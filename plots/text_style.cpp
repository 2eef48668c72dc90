#include "plots/text_style.h"

#include <vtkCoordinate.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkStdString.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>

#include <array>
#include <filesystem>

#include "plots/text_encoding.h"
#include "plots/theme.h"

namespace gradscape::plots {

const std::string& unicodeFontFile(bool bold) {
  static const std::array<std::string, 2> files = [] {
    std::array<std::string, 2> found;
    const std::array<std::array<const char*, 2>, 6> candidates{{
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
        {"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
        {"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
         "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"},
        {"/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"},
        {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
         "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
        {"/usr/share/fonts/truetype/freefont/FreeSans.ttf",
         "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf"},
    }};
    for (const auto& [regular, boldFile] : candidates) {
      std::error_code error;
      if (!std::filesystem::is_regular_file(regular, error)) continue;
      found[0] = regular;
      // Without the bold file the regular one serves.
      found[1] = std::filesystem::is_regular_file(boldFile, error) ? boldFile : regular;
      break;
    }
    return found;
  }();
  return files[bold ? 1 : 0];
}

void useUnicodeFont(vtkTextProperty* property, bool bold) {
  const std::string& file = unicodeFontFile(bold);
  if (file.empty()) return;
  property->SetFontFamily(VTK_FONT_FILE);
  property->SetFontFile(file.c_str());
}

std::string displayable(const std::string& text) {
  return unicodeFontFile().empty() ? asciiSpelling(text) : text;
}

void styleText(vtkTextProperty* property, int size, bool bold) {
  property->SetFontFamilyToArial();
  property->SetFontSize(size);
  property->SetBold(bold);
  property->ItalicOff();
  property->ShadowOff();
  setTextColor(property, currentPalette().ink);
  property->SetOpacity(1.0);
  property->SetBackgroundOpacity(0.0);
  property->SetFrame(false);
  property->SetOrientation(0.0);
  property->SetJustificationToLeft();
  property->SetVerticalJustificationToBottom();
}

void setTextColor(vtkTextProperty* property, const Rgb& color) {
  property->SetColor(color.r, color.g, color.b);
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

vtkSmartPointer<vtkTextActor> addCentredLabel(vtkRenderer* renderer, int size) {
  auto label = vtkSmartPointer<vtkTextActor>::New();
  styleText(label->GetTextProperty(), size);
  // Greek letters, the minus sign and subscripts need a font with them.
  useUnicodeFont(label->GetTextProperty());
  label->GetTextProperty()->SetJustificationToCentered();
  label->GetTextProperty()->SetVerticalJustificationToCentered();
  label->GetPositionCoordinate()->SetCoordinateSystemToViewport();
  label->PickableOff();
  label->SetVisibility(0);
  renderer->AddActor2D(label);
  return label;
}

}  // namespace gradscape::plots
