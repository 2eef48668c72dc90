#include "plots/export/gl2ps_text.h"

#include <vtkObjectFactory.h>
#include <vtkOpenGLGL2PSHelperImpl.h>
#include <vtkVersionMacros.h>

#include "plots/text_encoding.h"

namespace gradscape::plots {

namespace {

constexpr const char* kHelperClass = "vtkOpenGLGL2PSHelper";
constexpr const char* kOurHelper = "GradscapeGl2psTextHelper";

// The format of the export under way (one at a time: exports run on the GUI thread).
Gl2psText::Format currentFormat = Gl2psText::Format::Pdf;

// VTK's GL2PS helper, with strings put the way the output holds them.
class TextHelper : public vtkOpenGLGL2PSHelperImpl {
 protected:
  TextHelper() = default;
  ~TextHelper() override = default;

 public:
  static TextHelper* New();
  void DrawString(const std::string& str, vtkTextProperty* tprop, double pos[3],
                  double backgroundDepth, vtkRenderer* ren) override {
    const std::string text =
        currentFormat == Gl2psText::Format::Pdf ? pdfString(str) : svgText(str);
    vtkOpenGLGL2PSHelperImpl::DrawString(text, tprop, pos, backgroundDepth, ren);
  }
  vtkTypeMacro(TextHelper, vtkOpenGLGL2PSHelperImpl)
};

vtkStandardNewMacro(TextHelper);

// Makes TextHelper where VTK asks for a vtkOpenGLGL2PSHelper.
class TextHelperFactory : public vtkObjectFactory {
 protected:
  TextHelperFactory() {
    RegisterOverride(kHelperClass, kOurHelper, "GL2PS text in the file's encoding", 1,
                     []() -> vtkObject* { return TextHelper::New(); });
  }
  ~TextHelperFactory() override = default;

 public:
  static TextHelperFactory* New();
  const char* GetVTKSourceVersion() override { return VTK_SOURCE_VERSION; }
  const char* GetDescription() override { return "Gradscape: GL2PS text in the file's encoding"; }
  vtkTypeMacro(TextHelperFactory, vtkObjectFactory)
};

vtkStandardNewMacro(TextHelperFactory);

}  // namespace

std::string pdfString(const std::string& text) {
  std::string out;
  for (char c : macRomanText(text)) {
    if (c == '\\' || c == '(' || c == ')') out += '\\';
    out += c;
  }
  return out;
}

std::string svgText(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Gl2psText::Gl2psText(Format format) : factory_(vtkSmartPointer<TextHelperFactory>::New()) {
  currentFormat = format;
  // VTK's own helper (RenderingGL2PSOpenGL2's override) is switched off meanwhile, ours on.
  vtkObjectFactory::RegisterFactory(factory_);
  vtkObjectFactory::SetAllEnableFlags(0, kHelperClass);
  factory_->SetEnableFlag(1, kHelperClass, kOurHelper);
}

Gl2psText::~Gl2psText() {
  vtkObjectFactory::UnRegisterFactory(factory_);
  vtkObjectFactory::SetAllEnableFlags(1, kHelperClass);
}

}  // namespace gradscape::plots
