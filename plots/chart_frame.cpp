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

#include "plots/chart_lines.h"
#include "plots/chart_ticks.h"
#include "plots/scene_overlay.h"
#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {

// Charts at least this many points wide (pixels at 72 dpi: a picture at 2x, drawn at twice the
// DPI, decides as the view on screen does) put the legend beside the plot area; narrower ones put
// it inside, and below kLegendMinWidth leave it out (it would cover most of the curves; the run
// list and the map's legend name the colours).
constexpr int kLegendBesideMinWidth = 560;
constexpr int kLegendMinWidth = 440;

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
  axis->GetGridPen()->SetWidth(1.0f);
}

void setPenColor(vtkPen* pen, const Rgb& c, unsigned char alpha = 255) {
  pen->SetColor(colorByte(c.r), colorByte(c.g), colorByte(c.b), alpha);
}

void setBrushColor(vtkBrush* brush, const Rgb& c, unsigned char alpha) {
  brush->SetColor(colorByte(c.r), colorByte(c.g), colorByte(c.b), alpha);
}

}  // namespace

ChartFrame::ChartFrame(const char* xTitle, const char* yTitle) {
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
  legend->SetSymbolWidth(24);

  vtkTooltipItem* tooltip = chart_->GetTooltip();
  styleFont(tooltip->GetTextProperties(), 12);
  useUnicodeFont(tooltip->GetTextProperties());
  applyTheme();

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

void ChartFrame::applyTheme() {
  const Palette& p = currentPalette();
  themeApplied_ = themeGeneration();
  renderer_->SetBackground(p.paper.r, p.paper.g, p.paper.b);
  for (vtkAxis* axis : {xAxis(), yAxis()}) {
    setPenColor(axis->GetPen(), p.axisLine);
    // Light enough that a log axis' nine minor lines per decade stay in the background.
    setPenColor(axis->GetGridPen(), p.grid);
    setTextColor(axis->GetTitleProperties(), p.ink);
    setTextColor(axis->GetLabelProperties(), p.ink);
    axis->Modified();
  }
  setTextColor(chart_->GetTitleProperties(), titleIsAlert_ ? p.alert : p.ink);
  vtkChartLegend* legend = chart_->GetLegend();
  setTextColor(legend->GetLabelProperties(), p.ink);
  setBrushColor(legend->GetBrush(), p.box, 225);
  setPenColor(legend->GetPen(), p.boxEdge);
  vtkTooltipItem* tooltip = chart_->GetTooltip();
  setTextColor(tooltip->GetTextProperties(), p.ink);
  setBrushColor(tooltip->GetBrush(), p.box, 240);
  setPenColor(tooltip->GetPen(), p.boxEdge);
  chart_->Modified();
  scene_->SetDirty(true);
}

void ChartFrame::setTitleIsAlert(bool alert) {
  titleIsAlert_ = alert;
  applyTheme();
}

void ChartFrame::beforeRender(vtkObject*, unsigned long, void*) {
  if (themeApplied_ != themeGeneration()) applyTheme();
  const int width = renderer_->GetSize()[0];
  if (width > widest_) {
    widest_ = width;
    if (onWider) onWider();
  }
  // A wide chart keeps its legend beside the plot area (the chart makes room for it), so it
  // never covers the curves' ends; a narrow one would lose too much of the plot to it and
  // keeps it in the top right corner inside.
  const double s = dpiScale(renderer_);
  const double points = width / s;
  const bool inside = points < kLegendBesideMinWidth;
  if (chart_->GetLegend()->GetInline() != inside) {
    chart_->GetLegend()->SetInline(inside);
    chart_->Modified();
  }
  if (points < kLegendMinWidth && chart_->GetShowLegend()) {
    chart_->SetShowLegend(false);
    legendHiddenForWidth_ = true;
  } else if (points >= kLegendMinWidth && legendHiddenForWidth_) {
    chart_->SetShowLegend(true);
    legendHiddenForWidth_ = false;
  }
  const double axisScale = laidOutScale_ > 0.0 ? laidOutScale_ : s;
  laidOutScale_ = s;
  for (vtkAxis* axis : {yAxis(), xAxis()}) {
    const bool vertical = axis == yAxis();
    bool custom = false;
    if (axis->GetLogScaleActive()) {
      custom = thinLogTicks(axis, vertical, axisScale);
    } else if (vertical && integerY_) {
      custom = integerTicks(axis, axisScale);
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
