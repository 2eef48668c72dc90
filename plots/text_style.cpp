#include "plots/text_style.h"

#include <vtkStdString.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>

#include <filesystem>
#include <utility>

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

const std::string& unicodeFontFile() {
  static const std::string file = [] {
    for (const char* path :
         {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf",
          "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
          "/usr/share/fonts/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
          "/usr/share/fonts/truetype/freefont/FreeSans.ttf"}) {
      std::error_code error;
      if (std::filesystem::is_regular_file(path, error)) return std::string(path);
    }
    return std::string();
  }();
  return file;
}

void useUnicodeFont(vtkTextProperty* property) {
  if (unicodeFontFile().empty()) return;
  property->SetFontFamily(VTK_FONT_FILE);
  property->SetFontFile(unicodeFontFile().c_str());
}

std::string unicodeText(const std::string& text) {
  if (!unicodeFontFile().empty()) return text;
  std::string out = text;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"λ", "lambda"},
                                 std::pair<std::string, std::string>{"\u2212", "-"}}) {
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at)) {
      out.replace(at, from.size(), to);
    }
  }
  return out;
}

}  // namespace gradscape::plots
