#pragma once
// Text as GL2PS can write it. GL2PS puts a string into the file as it is given: in PDF between
// parentheses, shown with a standard 14 font in /MacRomanEncoding (so the UTF-8 bytes of "−"
// and "—" show as ",àí" and ",Äî"); in SVG straight into the XML (so "<" or "&" in a run's name
// would break the file). While a Gl2psText lives, the object VTK draws every string through
// during a GL2PS export (vtkOpenGLGL2PSHelper: text actors, chart titles, axes and legends) is
// one that hands GL2PS pdfString() or svgText() of it. The scene's own strings are not touched,
// so the view looks the same afterwards.
#include <vtkSmartPointer.h>

#include <string>

class vtkObjectFactory;

namespace gradscape::plots {

// `text` for a PDF literal string in MacRomanEncoding: macRomanText (text_encoding.h), with "\",
// "(" and ")" escaped.
std::string pdfString(const std::string& text);
// `text` for SVG character data: "&", "<" and ">" as entities.
std::string svgText(const std::string& text);

class Gl2psText {
 public:
  enum class Format { Pdf, Svg };
  explicit Gl2psText(Format format);
  ~Gl2psText();
  Gl2psText(const Gl2psText&) = delete;
  Gl2psText& operator=(const Gl2psText&) = delete;

 private:
  vtkSmartPointer<vtkObjectFactory> factory_;
};

}  // namespace gradscape::plots
