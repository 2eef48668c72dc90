#pragma once
// A vertical colour bar for the landscape's colour map: the bands of the lookup table, tick
// labels at round values, and the scale's title written along the bar (as matplotlib does), so
// long titles such as "log10(f - f_min + c), c = 0.0945" need no extra width.
#include <memory>
#include <string>

class vtkRenderer;
class vtkLookupTable;

namespace gradscape::plots {

class ColorBar {
 public:
  explicit ColorBar(vtkRenderer* renderer);
  ~ColorBar();
  ColorBar(const ColorBar&) = delete;
  ColorBar& operator=(const ColorBar&) = delete;

  // Shows `table` (its range gives the ticks) with `title`; nullptr hides the bar.
  void setTable(vtkLookupTable* table, const std::string& title);
  // Width in pixels at 72 dpi of bar, labels and title together.
  double width() const;
  // Places the bar's lower-left corner at viewport pixel (x, y), `height` device pixels tall.
  void place(double x, double y, double height, double dpiScale);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
