#include "plots/legend_box.h"

#include <vtkCoordinate.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

#include "plots/pixel_geometry.h"
#include "plots/pixel_layer.h"
#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {

// Pixels at 72 dpi.
constexpr int kFontSize = 12;
constexpr double kRow = 19.0;
constexpr double kPadding = 7.0;
constexpr double kSample = 26.0;  // the line sample
constexpr double kSampleGap = 7.0;
constexpr size_t kMaxLabel = 48;  // longer labels are cut with "...", the box stays narrow

std::string shortened(const std::string& label) {
  return label.size() <= kMaxLabel ? label : label.substr(0, kMaxLabel - 3) + "...";
}

}  // namespace

struct LegendBox::Impl {
  explicit Impl(vtkRenderer* r) : renderer(r), layer(r, false) {}
  vtkRenderer* renderer;
  std::vector<std::pair<std::string, Rgb>> entries;
  std::vector<vtkSmartPointer<vtkTextActor>> labels;
  double textWidth = 0.0;
  PixelGeometry geometry;
  PixelLayer layer;  // box, frame and line samples
};

LegendBox::LegendBox(vtkRenderer* renderer) : impl_(std::make_unique<Impl>(renderer)) {}

LegendBox::~LegendBox() {
  for (auto& label : impl_->labels) impl_->renderer->RemoveActor2D(label);
}

void LegendBox::setEntries(const std::vector<std::pair<std::string, Rgb>>& entries) {
  Impl& d = *impl_;
  if (entries == d.entries) return;
  d.entries = entries;
  while (d.labels.size() > entries.size()) {
    d.renderer->RemoveActor2D(d.labels.back());
    d.labels.pop_back();
  }
  while (d.labels.size() < entries.size()) {
    auto label = vtkSmartPointer<vtkTextActor>::New();
    styleText(label->GetTextProperty(), kFontSize);
    label->GetTextProperty()->SetVerticalJustificationToCentered();
    label->GetPositionCoordinate()->SetCoordinateSystemToViewport();
    label->PickableOff();
    d.renderer->AddActor2D(label);
    d.labels.push_back(label);
  }
  d.textWidth = 0.0;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string text = shortened(entries[i].first);
    d.labels[i]->SetInput(text.c_str());
    d.textWidth = std::max(d.textWidth, textExtent(d.labels[i]->GetTextProperty(), text)[0]);
  }
  d.layer.setVisible(!entries.empty());
}

const std::vector<std::pair<std::string, Rgb>>& LegendBox::entries() const {
  return impl_->entries;
}

std::array<double, 2> LegendBox::size() const {
  const Impl& d = *impl_;
  if (d.entries.empty()) return {0.0, 0.0};
  return {2.0 * kPadding + kSample + kSampleGap + d.textWidth,
          2.0 * kPadding + kRow * static_cast<double>(d.entries.size()) - 4.0};
}

void LegendBox::place(double x, double y, double dpiScale) {
  Impl& d = *impl_;
  if (d.entries.empty()) return;
  const double s = dpiScale;
  x = std::round(x);
  y = std::round(y);
  const auto box = size();
  const double w = std::round(box[0] * s), h = std::round(box[1] * s);
  PixelGeometry& g = d.geometry;
  g.clear();
  const Palette& p = currentPalette();
  g.setColor(p.box, p.boxOpacity);
  g.rect(x, y, x + w, y + h);
  g.setColor(p.boxEdge);
  g.frame(x, y, x + w, y + h, std::max(1.0, std::round(s)));
  const double halo = std::round(5.0 * s), line = std::max(2.0, std::round(2.5 * s));
  for (size_t i = 0; i < d.entries.size(); ++i) {
    const double cy =
        std::round(y + h - (kPadding + kRow * (static_cast<double>(i) + 0.5) - 2.0) * s);
    const double x0 = x + kPadding * s, x1 = x0 + kSample * s;
    g.setColor({0.08, 0.08, 0.08});
    g.rect(x0, cy - 0.5 * halo, x1, cy + 0.5 * halo);
    g.setColor(d.entries[i].second);
    g.rect(x0 + 1.0, cy - 0.5 * line, x1 - 1.0, cy + 0.5 * line);
    d.labels[i]->GetPositionCoordinate()->SetValue(x1 + kSampleGap * s, cy);
    setTextColor(d.labels[i]->GetTextProperty(), p.ink);
  }
  d.layer.draw(g);
}

}  // namespace gradscape::plots
