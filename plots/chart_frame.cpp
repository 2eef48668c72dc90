#include "plots/chart_frame.h"

#include <vtkAxis.h>
#include <vtkBrush.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkCommand.h>
#include <vtkContext2D.h>
#include <vtkContextActor.h>
#include <vtkContextItem.h>
#include <vtkContextMouseEvent.h>
#include <vtkContextScene.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkPlotLine.h>
#include <vtkPlotPoints.h>
#include <vtkRenderer.h>
#include <vtkTextProperty.h>
#include <vtkTooltipItem.h>

#include <limits>

#include "plots/chart_ticks.h"
#include "plots/text_style.h"

namespace gradscape::plots {

namespace {

// Charts at least this many pixels wide put the legend beside the plot area; narrower ones put
// it inside, and below kLegendMinWidth leave it out (it would cover most of the curves; the run
// list and the map's legend name the colours).
constexpr int kLegendBesideMinWidth = 560;
constexpr int kLegendMinWidth = 440;

// The chart's plot area in scene coordinates (pixels from the renderer's lower-left corner),
// read off the axes the chart laid out in its last paint.
struct PlotArea {
  double x0, x1, y0, y1;
  bool valid() const { return x1 > x0 && y1 > y0; }
};

PlotArea plotArea(vtkChartXY* chart) {
  vtkAxis* bottom = chart->GetAxis(vtkAxis::BOTTOM);
  vtkAxis* left = chart->GetAxis(vtkAxis::LEFT);
  return {bottom->GetPoint1()[0], bottom->GetPoint2()[0], left->GetPoint1()[1],
          left->GetPoint2()[1]};
}

// Where a data value sits along an axis, as a fraction of the axis length (log axes hold
// log10 of the data in Minimum/Maximum).
std::optional<double> axisFraction(vtkAxis* axis, double value) {
  if (axis->GetLogScaleActive()) {
    if (!(value > 0.0)) return std::nullopt;
    value = std::log10(value);
  }
  const double span = axis->GetMaximum() - axis->GetMinimum();
  if (!(span != 0.0) || !std::isfinite(span)) return std::nullopt;
  return (value - axis->GetMinimum()) / span;
}

class LinesItem : public vtkContextItem {
 public:
  static LinesItem* New();

  vtkChartXY* chart = nullptr;
  std::vector<VerticalLine> lines;
  std::optional<VerticalLine> marker;

  bool Paint(vtkContext2D* painter) override {
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

  struct Note {
    const VerticalLine* line;
    std::string text;
    bool right;
  };
  // The lines off the x range that want a note, right edge first.
  std::vector<Note> offScale() const {
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

  // The macro ends in a member definition: a ';' after it would be an "extra ';'".
  // clang-format off
  vtkTypeMacro(LinesItem, vtkContextItem)

 protected:
  LinesItem() = default;
  // clang-format on
  ~LinesItem() override = default;

 private:
  LinesItem(const LinesItem&) = delete;
  void operator=(const LinesItem&) = delete;

  void paintLine(vtkContext2D* painter, const VerticalLine& line, const PlotArea& area) const {
    const auto t = axisFraction(chart->GetAxis(vtkAxis::BOTTOM), line.x);
    if (!t || *t < 0.0 || *t > 1.0) return;
    const auto x = static_cast<float>(area.x0 + *t * (area.x1 - area.x0));
    const auto& c = line.rgba;
    painter->GetPen()->SetColor(c[0], c[1], c[2], c[3]);
    painter->GetPen()->SetWidth(line.width);
    painter->GetPen()->SetLineType(line.lineType);
    painter->DrawLine(x, static_cast<float>(area.y0), x, static_cast<float>(area.y1));
    if (!line.label.empty()) paintLabel(painter, line, x, area);
  }

  // A note against one edge of the plot area, its top at `top`, in the line's colour on a
  // translucent white box; returns where the next note's top goes.
  static float paintNote(vtkContext2D* painter, const VerticalLine& line, const std::string& note,
                         bool right, float top, const PlotArea& area) {
    vtkTextProperty* text = painter->GetTextProp();
    styleFont(text, 12, true);
    useUnicodeFont(text, true);  // the arrow
    text->SetColor(line.rgba[0] / 255.0, line.rgba[1] / 255.0, line.rgba[2] / 255.0);
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
    painter->GetBrush()->SetColor(255, 255, 255, 225);
    painter->DrawRect(left - 2.0f, top - box[3] - 2.0f, box[2] + 4.0f, box[3] + 4.0f);
    painter->DrawString(left, top, shown.c_str());
    return top - box[3] - 2.0f * gap;
  }

  // Right of the line just below the top of the plot area, or left of it when the label would
  // leave the plot area; on a translucent white box so grid and curves do not cross it.
  static void paintLabel(vtkContext2D* painter, const VerticalLine& line, float x,
                         const PlotArea& area) {
    vtkTextProperty* text = painter->GetTextProp();
    styleFont(text, 12);
    text->SetColor(line.rgba[0] / 255.0, line.rgba[1] / 255.0, line.rgba[2] / 255.0);
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
    painter->GetBrush()->SetColor(255, 255, 255, 210);
    painter->DrawRect(left - 2.0f, top - box[3] - 2.0f, box[2] + 4.0f, box[3] + 4.0f);
    painter->DrawString(left, top, line.label.c_str());
  }
};

vtkStandardNewMacro(LinesItem);

// An axis range holding [lo, hi] that is never empty (and stays positive when lo is).
void setDataRange(vtkAxis* axis, double lo, double hi) {
  // A log axis keeps its range above a limit near 0 that outlives the log scale: once linear
  // again the axis would still clip a negative range at that limit.
  if (!axis->GetLogScale()) {
    axis->SetUnscaledMinimumLimit(std::numeric_limits<double>::lowest());
    axis->SetUnscaledMaximumLimit(std::numeric_limits<double>::max());
  }
  if (lo == hi) {
    lo = lo > 0.0 ? lo / 2.0 : lo - 1.0;
    hi = hi > 0.0 ? hi * 2.0 : hi + 1.0;
  }
  axis->SetUnscaledRange(lo, hi);
}

void styleAxis(vtkAxis* axis, const char* title) {
  axis->SetTitle(displayable(title));
  styleFont(axis->GetTitleProperties(), 14, true);
  // Titles such as "‖∇f(x)‖" need more than the embedded Arial.
  useUnicodeFont(axis->GetTitleProperties(), true);
  styleFont(axis->GetLabelProperties(), 12);
  axis->GetPen()->SetColor(colorByte(kInk.r), colorByte(kInk.g), colorByte(kInk.b));
  // Light enough that a log axis' nine minor lines per decade stay in the background.
  axis->GetGridPen()->SetColor(234, 234, 234);
  axis->GetGridPen()->SetWidth(1.0f);
}

}  // namespace

ChartFrame::ChartFrame(const char* xTitle, const char* yTitle) {
  renderer_->SetBackground(1.0, 1.0, 1.0);
  actor_->SetScene(scene_);
  renderer_->AddActor(actor_);
  scene_->SetRenderer(renderer_);
  scene_->AddItem(chart_);
  auto lines = vtkSmartPointer<LinesItem>::New();
  lines->chart = chart_;
  scene_->AddItem(lines);
  lines_ = lines;

  chart_->SetRenderEmpty(true);
  chart_->SetAutoAxes(false);
  chart_->GetAxis(vtkAxis::TOP)->SetVisible(false);
  chart_->GetAxis(vtkAxis::RIGHT)->SetVisible(false);
  // Room for the end tick labels that overhang the plot area ("3000", "100").
  chart_->SetHiddenAxisBorder(28);
  styleAxis(xAxis(), xTitle);
  styleAxis(yAxis(), yTitle);
  styleFont(chart_->GetTitleProperties(), 14, true);
  useUnicodeFont(chart_->GetTitleProperties(), true);
  // Left drag pans, right drag zooms to a box, the wheel zooms; no point selection.
  chart_->SetActionToButton(vtkChart::PAN, vtkContextMouseEvent::LEFT_BUTTON);
  chart_->SetActionToButton(vtkChart::ZOOM, vtkContextMouseEvent::RIGHT_BUTTON);
  chart_->SetClickActionToButton(vtkChart::SELECT, -1);

  chart_->SetShowLegend(true);
  vtkChartLegend* legend = chart_->GetLegend();
  legend->SetHorizontalAlignment(vtkChartLegend::RIGHT);
  legend->SetVerticalAlignment(vtkChartLegend::TOP);
  styleFont(legend->GetLabelProperties(), 12);
  legend->GetBrush()->SetColor(255, 255, 255, 225);
  legend->GetPen()->SetColor(190, 190, 190, 255);
  legend->SetSymbolWidth(24);

  vtkTooltipItem* tooltip = chart_->GetTooltip();
  styleFont(tooltip->GetTextProperties(), 12);
  useUnicodeFont(tooltip->GetTextProperties());
  tooltip->GetBrush()->SetColor(255, 255, 240, 240);
  tooltip->GetPen()->SetColor(150, 150, 150, 255);

  renderObserver_ = renderer_->AddObserver(vtkCommand::StartEvent, this, &ChartFrame::beforeRender);
  // Any zoom or pan of the chart's own (wheel, box, drag) is the user taking over the view.
  interactionObserver_ =
      chart_->AddObserver(vtkCommand::InteractionEvent, this, &ChartFrame::onInteraction);
}

ChartFrame::~ChartFrame() {
  // A render window may hold the renderer a little longer than this frame lives.
  renderer_->RemoveObserver(renderObserver_);
  chart_->RemoveObserver(interactionObserver_);
}

vtkAxis* ChartFrame::xAxis() const {
  return chart_->GetAxis(vtkAxis::BOTTOM);
}

vtkAxis* ChartFrame::yAxis() const {
  return chart_->GetAxis(vtkAxis::LEFT);
}

vtkPlotLine* ChartFrame::addLine(vtkTable* table, float width, int lineType) {
  vtkNew<vtkPlotLine> line;
  line->SetInputData(table, 0, 1);
  line->SetWidth(width);
  line->GetPen()->SetLineType(lineType);
  line->SetMarkerStyle(vtkPlotPoints::NONE);
  chart_->AddPlot(line);
  return line;
}

void ChartFrame::beforeRender(vtkObject*, unsigned long, void*) {
  const int width = renderer_->GetSize()[0];
  if (width > widest_) {
    widest_ = width;
    if (onWider) onWider();
  }
  // A wide chart keeps its legend beside the plot area (the chart makes room for it), so it
  // never covers the curves' ends; a narrow one would lose too much of the plot to it and
  // keeps it in the top right corner inside.
  const bool inside = width < kLegendBesideMinWidth;
  if (chart_->GetLegend()->GetInline() != inside) {
    chart_->GetLegend()->SetInline(inside);
    chart_->Modified();
  }
  if (width < kLegendMinWidth && chart_->GetShowLegend()) {
    chart_->SetShowLegend(false);
    legendHiddenForWidth_ = true;
  } else if (width >= kLegendMinWidth && legendHiddenForWidth_) {
    chart_->SetShowLegend(true);
    legendHiddenForWidth_ = false;
  }
  for (vtkAxis* axis : {yAxis(), xAxis()}) {
    const bool vertical = axis == yAxis();
    bool custom = false;
    if (axis->GetLogScaleActive()) {
      custom = thinLogTicks(axis, vertical);
    } else if (vertical && integerY_) {
      custom = integerTicks(axis);
    }
    if (!custom) axis->SetCustomTickPositions(nullptr);
  }
}

void ChartFrame::onInteraction(vtkObject*, unsigned long, void*) {
  userView_ = true;
  for (int i = 0; i < 4; ++i) chart_->GetAxis(i)->SetBehavior(vtkAxis::FIXED);
  if (onUserView) onUserView();
}

void ChartFrame::releaseView() {
  userView_ = false;
  for (int i = 0; i < 4; ++i) chart_->GetAxis(i)->SetBehavior(vtkAxis::AUTO);
}

void ChartFrame::fit(const Bounds& data, const Bounds& empty, bool exact) {
  const Bounds& range = data.empty() ? empty : data;
  setDataRange(xAxis(), range.x0, range.x1);
  setDataRange(yAxis(), range.y0, range.y1);
  if (exact) {
    xAxis()->SetBehavior(vtkAxis::FIXED);
    yAxis()->SetBehavior(vtkAxis::FIXED);
  }
  chart_->RecalculateBounds();
  scene_->SetDirty(true);
}

void ChartFrame::markDirty() {
  scene_->SetDirty(true);
}

void ChartFrame::setVerticalLines(std::vector<VerticalLine> lines) {
  auto* item = static_cast<LinesItem*>(lines_.Get());
  item->lines = std::move(lines);
  item->Modified();
  scene_->SetDirty(true);
}

void ChartFrame::setMarker(std::optional<double> x) {
  auto* item = static_cast<LinesItem*>(lines_.Get());
  item->marker.reset();
  if (x) {
    item->marker.emplace();  // the default look: grey, dashed
    item->marker->x = *x;
  }
  item->Modified();
  scene_->SetDirty(true);
}

std::vector<std::string> ChartFrame::offScaleNotes() const {
  std::vector<std::string> notes;
  for (const auto& note : static_cast<LinesItem*>(lines_.Get())->offScale()) {
    notes.push_back(note.text);
  }
  return notes;
}

std::optional<double> ChartFrame::xAt(double displayX, double displayY) const {
  // Scene coordinates count from the renderer's viewport corner.
  double ox = 0.0, oy = 0.0;
  if (renderer_->GetRenderWindow() != nullptr) {
    const int* origin = renderer_->GetOrigin();
    ox = origin[0];
    oy = origin[1];
  }
  const double x = displayX - ox, y = displayY - oy;
  const PlotArea area = plotArea(chart_);
  if (!area.valid() || x < area.x0 || x > area.x1 || y < area.y0 || y > area.y1) {
    return std::nullopt;
  }
  vtkAxis* axis = xAxis();
  const double t = (x - area.x0) / (area.x1 - area.x0);
  const double value = axis->GetMinimum() + t * (axis->GetMaximum() - axis->GetMinimum());
  return axis->GetLogScaleActive() ? std::pow(10.0, value) : value;
}

}  // namespace gradscape::plots
