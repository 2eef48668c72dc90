#include "plots/chart_lines.h"

#include <vtkAxis.h>
#include <vtkBrush.h>
#include <vtkChartXY.h>
#include <vtkContext2D.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkTextProperty.h>

#include <cmath>

#include "plots/chart_data.h"
#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {

Rgb colorOf(const VerticalLine& line) {
  return line.color.value_or(currentPalette().reference);
}

// The brush of a box under a label: the theme's box colour at `alpha`.
void setBoxBrush(vtkContext2D* painter, unsigned char alpha) {
  const Rgb& box = currentPalette().box;
  painter->GetBrush()->SetColor(colorByte(box.r), colorByte(box.g), colorByte(box.b), alpha);
}

}  // namespace

PlotArea plotArea(vtkChartXY* chart) {
  vtkAxis* bottom = chart->GetAxis(vtkAxis::BOTTOM);
  vtkAxis* left = chart->GetAxis(vtkAxis::LEFT);
  return {bottom->GetPoint1()[0], bottom->GetPoint2()[0], left->GetPoint1()[1],
          left->GetPoint2()[1]};
}

std::optional<double> axisFraction(vtkAxis* axis, double value) {
  if (axis->GetLogScaleActive()) {
    if (!(value > 0.0)) return std::nullopt;
    value = std::log10(value);
  }
  const double span = axis->GetMaximum() - axis->GetMinimum();
  if (!(span != 0.0) || !std::isfinite(span)) return std::nullopt;
  return (value - axis->GetMinimum()) / span;
}

vtkStandardNewMacro(LinesItem);

bool LinesItem::Paint(vtkContext2D* painter) {
  if (!chart) return true;
  const PlotArea area = plotArea(chart);
  if (!area.valid()) return true;
  for (const VerticalLine& line : lines) paintLine(painter, line, area);
  if (marker) paintLine(painter, *marker, area);
  float right = static_cast<float>(area.y1) - 4.0f, left = right;
  for (const auto& [line, note, beyondRight] : offScale()) {
    float& top = beyondRight ? right : left;
    top = paintNote(painter, *line, note, beyondRight, top, area);
  }
  return true;
}

// The lines off the x range that want a note, right edge first.
std::vector<LinesItem::Note> LinesItem::offScale() const {
  std::vector<Note> notes;
  for (bool right : {true, false}) {
    for (const VerticalLine& line : lines) {
      if (!line.noteOffScale || line.label.empty()) continue;
      const auto t = axisFraction(chart->GetAxis(vtkAxis::BOTTOM), line.x);
      if (!t || (right ? !(*t > 1.0) : !(*t < 0.0))) continue;
      notes.push_back({&line, right ? line.label + " →" : "← " + line.label, right});
    }
  }
  return notes;
}

void LinesItem::paintLine(vtkContext2D* painter, const VerticalLine& line,
                          const PlotArea& area) const {
  const auto t = axisFraction(chart->GetAxis(vtkAxis::BOTTOM), line.x);
  if (!t || *t < 0.0 || *t > 1.0) return;
  const auto x = static_cast<float>(area.x0 + *t * (area.x1 - area.x0));
  const Rgb c = colorOf(line);
  painter->GetPen()->SetColor(colorByte(c.r), colorByte(c.g), colorByte(c.b), line.alpha);
  painter->GetPen()->SetWidth(line.width);
  painter->GetPen()->SetLineType(line.lineType);
  painter->DrawLine(x, static_cast<float>(area.y0), x, static_cast<float>(area.y1));
  if (!line.label.empty()) paintLabel(painter, line, x, area);
}

float LinesItem::paintNote(vtkContext2D* painter, const VerticalLine& line, const std::string& note,
                           bool right, float top, const PlotArea& area) {
  vtkTextProperty* text = painter->GetTextProp();
  styleFont(text, 12, true);
  useUnicodeFont(text, true);  // the arrow
  setTextColor(text, colorOf(line));
  text->SetJustificationToLeft();
  text->SetVerticalJustificationToTop();
  text->SetOrientation(0.0);
  const std::string shown = displayable(note);
  float box[4];
  painter->ComputeStringBounds(shown.c_str(), box);
  const float gap = 4.0f;
  const float left =
      right ? static_cast<float>(area.x1) - gap - box[2] : static_cast<float>(area.x0) + gap;
  painter->GetPen()->SetLineType(vtkPen::NO_PEN);
  setBoxBrush(painter, 225);
  painter->DrawRect(left - 2.0f, top - box[3] - 2.0f, box[2] + 4.0f, box[3] + 4.0f);
  painter->DrawString(left, top, shown.c_str());
  return top - box[3] - 2.0f * gap;
}

void LinesItem::paintLabel(vtkContext2D* painter, const VerticalLine& line, float x,
                           const PlotArea& area) {
  vtkTextProperty* text = painter->GetTextProp();
  styleFont(text, 12);
  setTextColor(text, colorOf(line));
  text->SetJustificationToLeft();
  text->SetVerticalJustificationToTop();
  text->SetOrientation(0.0);
  float box[4];
  painter->ComputeStringBounds(line.label.c_str(), box);
  const float gap = 4.0f;
  float left = x + gap;
  if (left + box[2] > static_cast<float>(area.x1)) left = x - gap - box[2];
  const auto top = static_cast<float>(area.y1) - gap;
  painter->GetPen()->SetLineType(vtkPen::NO_PEN);
  setBoxBrush(painter, 210);
  painter->DrawRect(left - 2.0f, top - box[3] - 2.0f, box[2] + 4.0f, box[3] + 4.0f);
  painter->DrawString(left, top, line.label.c_str());
}

}  // namespace gradscape::plots
