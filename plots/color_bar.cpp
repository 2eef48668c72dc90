#include "plots/color_bar.h"

#include <vtkCoordinate.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "plots/nice_ticks.h"
#include "plots/pixel_geometry.h"
#include "plots/pixel_layer.h"
#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {

// Pixels at 72 dpi.
constexpr double kBarWidth = 16.0;
constexpr double kTickLength = 4.0;
constexpr double kLabelGap = 3.0;
constexpr double kTitleGap = 8.0;
constexpr int kLabelSize = 12;
constexpr int kTitleSize = 13;

}  // namespace

struct ColorBar::Impl {
  explicit Impl(vtkRenderer* r) : renderer(r), layer(r, false) {}
  vtkRenderer* renderer;
  vtkSmartPointer<vtkLookupTable> table;
  PixelGeometry geometry;
  PixelLayer layer;  // the bar, its frame and ticks
  vtkNew<vtkTextActor> title;
  std::vector<double> tickValues;
  std::vector<vtkSmartPointer<vtkTextActor>> labels;
  double labelWidth = 0.0;

  void clearLabels() {
    for (auto& label : labels) renderer->RemoveActor2D(label);
    labels.clear();
  }
};

ColorBar::ColorBar(vtkRenderer* renderer) : impl_(std::make_unique<Impl>(renderer)) {
  Impl& d = *impl_;

  styleText(d.title->GetTextProperty(), kTitleSize);
  useUnicodeFont(d.title->GetTextProperty());  // the minus sign of "f − f_min"
  d.title->GetTextProperty()->SetOrientation(90.0);
  d.title->GetTextProperty()->SetJustificationToCentered();
  d.title->GetTextProperty()->SetVerticalJustificationToTop();
  d.title->GetPositionCoordinate()->SetCoordinateSystemToViewport();
  d.title->PickableOff();
  d.title->SetVisibility(0);
  renderer->AddActor2D(d.title);
}

ColorBar::~ColorBar() {
  impl_->clearLabels();
  impl_->renderer->RemoveActor2D(impl_->title);
}

void ColorBar::setTable(vtkLookupTable* table, const std::string& title) {
  Impl& d = *impl_;
  d.table = table;
  d.clearLabels();
  d.tickValues.clear();
  d.labelWidth = 0.0;
  d.layer.setVisible(table != nullptr);
  d.title->SetVisibility(table != nullptr ? 1 : 0);
  if (table == nullptr) return;
  const double* range = table->GetRange();
  const Ticks ticks = niceTicks(range[0], range[1], 6);
  for (double v : ticks.values) {
    auto label = vtkSmartPointer<vtkTextActor>::New();
    label->SetInput(tickLabel(v, ticks.step).c_str());
    styleText(label->GetTextProperty(), kLabelSize);
    setTextColor(label->GetTextProperty(), currentPalette().softInk);
    label->GetTextProperty()->SetVerticalJustificationToCentered();
    label->GetPositionCoordinate()->SetCoordinateSystemToViewport();
    label->PickableOff();
    d.labelWidth =
        std::max(d.labelWidth, textExtent(label->GetTextProperty(), label->GetInput())[0]);
    d.renderer->AddActor2D(label);
    d.labels.push_back(label);
    d.tickValues.push_back(v);
  }
  d.title->SetInput(displayable(title).c_str());
}

double ColorBar::width() const {
  const Impl& d = *impl_;
  if (d.table == nullptr) return 0.0;
  return kBarWidth + kTickLength + kLabelGap + d.labelWidth + kTitleGap + 1.3 * kTitleSize;
}

void ColorBar::place(double x, double y, double height, double dpiScale) {
  Impl& d = *impl_;
  if (d.table == nullptr) return;
  const double s = dpiScale;
  x = std::round(x);
  y = std::round(y);
  height = std::round(height);
  const double barRight = x + std::round(kBarWidth * s);
  const double* range = d.table->GetRange();
  const double lo = range[0], hi = range[1];
  PixelGeometry& g = d.geometry;
  g.clear();
  const int colors = static_cast<int>(d.table->GetNumberOfTableValues());
  for (int k = 0; k < colors; ++k) {
    double rgba[4];
    d.table->GetTableValue(k, rgba);
    g.setColor({rgba[0], rgba[1], rgba[2]});
    g.rect(x, y + height * k / colors, barRight, y + height * (k + 1) / colors);
  }
  const Palette& p = currentPalette();
  g.setColor(p.axisLine);
  const double line = std::max(1.0, std::round(s));
  g.frame(x - line, y - line, barRight + line, y + height + line, line);
  const double labelX = barRight + (kTickLength + kLabelGap) * s;
  for (size_t k = 0; k < d.tickValues.size(); ++k) {
    const double ty = y + (d.tickValues[k] - lo) / (hi - lo) * height;
    g.rect(barRight, std::round(ty - 0.5 * line), barRight + std::round(kTickLength * s),
           std::round(ty - 0.5 * line) + line);
    d.labels[k]->GetPositionCoordinate()->SetValue(labelX, ty);
    setTextColor(d.labels[k]->GetTextProperty(), p.softInk);
  }
  setTextColor(d.title->GetTextProperty(), p.ink);
  d.layer.draw(g);
  d.title->GetPositionCoordinate()->SetValue(labelX + (d.labelWidth + kTitleGap) * s,
                                             y + 0.5 * height);
}

}  // namespace gradscape::plots
