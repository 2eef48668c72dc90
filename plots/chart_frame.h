#pragma once
// What the vtkChartXY charts (convergence, sharpness, spectrum) share: a renderer holding a
// context scene with one chart in the house look (fonts, grid, legend, tooltip), log axes whose
// decade labels are thinned to fit, the user's zoom and pan and its reset, vertical reference
// lines drawn over the plots, and the display-to-data mapping. Only the chart sources include
// this header.
#include <vtkNew.h>
#include <vtkPen.h>
#include <vtkSmartPointer.h>

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "plots/chart_data.h"
#include "plots/rgb.h"

class vtkAxis;
class vtkChartXY;
class vtkContextActor;
class vtkContextItem;
class vtkContextScene;
class vtkObject;
class vtkPlotLine;
class vtkRenderer;
class vtkTable;

namespace gradscape::plots {

// A line across the plot area at an x position, drawn over the plots. A scene item rather than
// a plot: it stays out of the legend, the tooltips and the data bounds.
struct VerticalLine {
  double x = 0.0;
  std::optional<Rgb> color;  // nullopt: the theme's neutral reference colour (theme.h)
  unsigned char alpha = 255;
  float width = 1.5f;
  int lineType = vtkPen::DASH_LINE;
  std::string label;  // written beside the line's top end, in the line's colour
  // Off the x axis' range, the label is written at that edge of the plot area with an arrow
  // pointing out ("2/lr = 20 →", "← 2/lr = -3"), rather than the line being left out unseen.
  bool noteOffScale = false;
};

class ChartFrame {
 public:
  ChartFrame(const char* xTitle, const char* yTitle);
  ~ChartFrame();
  ChartFrame(const ChartFrame&) = delete;
  ChartFrame& operator=(const ChartFrame&) = delete;

  vtkRenderer* renderer() const { return renderer_; }
  vtkContextScene* scene() const { return scene_; }
  vtkChartXY* chart() const { return chart_; }
  vtkAxis* xAxis() const;
  vtkAxis* yAxis() const;
  // A line plot of the table's first two columns, added to the chart (which holds it).
  vtkPlotLine* addLine(vtkTable* table, float width, int lineType = vtkPen::SOLID_LINE);

  // Called after every zoom or pan of the user's (the axes are fixed by then), e.g. to thin
  // the curves again for what is now on screen.
  std::function<void()> onUserView;
  // Called before a frame whose renderer is wider than in any frame before (curves thinned for
  // the old width may need more points); widestPixels() is the new width.
  std::function<void()> onWider;
  // The widest the renderer has been in any frame, in pixels (0 before the first frame).
  int widestPixels() const { return widest_; }
  // The user zoomed or panned: the chart keeps the axes until fit().
  bool userView() const { return userView_; }
  // Gives the axes back to the chart: auto behaviour, before the caller refills its plots.
  void releaseView();
  // Sets the axes to the data (an empty frame showing `empty` when there is none), now rather
  // than in the chart's next paint, which builds the plots with the axes' old log state first
  // (with a log axis still showing a range through 0 the first frame would have no curves).
  // `exact`: keep these ranges (fixed axes); otherwise the chart rounds them outwards.
  void fit(const Bounds& data, const Bounds& empty, bool exact = false);
  void markDirty();

  // The chart's title as a warning (in the theme's alert colour) or as a title (in its ink).
  void setTitleIsAlert(bool alert);

  // Tick labels of the y axis at integers only (a count), at nice_ticks' round steps.
  void setIntegerY(bool on) { integerY_ = on; }
  // Reference lines (labelled), and the marker: a grey dashed line over them at an x position.
  void setVerticalLines(std::vector<VerticalLine> lines);
  void setMarker(std::optional<double> x);
  // The notes of lines off the x axis' current range, as drawn (right edge first).
  std::vector<std::string> offScaleNotes() const;

  // The x data value under a display position (VTK display coordinates), when it is inside
  // the plot area.
  std::optional<double> xAt(double displayX, double displayY) const;

 private:
  void beforeRender(vtkObject*, unsigned long, void*);
  // Colours of the background, axes, grid, legend and tooltip from the current theme.
  void applyTheme();
  void onInteraction(vtkObject*, unsigned long, void*);

  vtkNew<vtkRenderer> renderer_;
  vtkNew<vtkContextActor> actor_;
  vtkNew<vtkContextScene> scene_;
  vtkNew<vtkChartXY> chart_;
  vtkSmartPointer<vtkContextItem> lines_;  // draws the vertical lines and the marker
  unsigned long renderObserver_ = 0, interactionObserver_ = 0;
  bool userView_ = false;
  bool integerY_ = false;
  int widest_ = 0;
  bool legendHiddenForWidth_ = false;  // beforeRender hid the legend of a narrow chart
  // The DPI scale of the last frame: the axes' lengths that beforeRender reads were laid out in
  // it (the chart lays them out after), so a picture's first frame at 2x still has 1x lengths.
  double laidOutScale_ = 0.0;
  bool titleIsAlert_ = false;
  unsigned themeApplied_ = 0;  // themeGeneration() when applyTheme() last ran
};

}  // namespace gradscape::plots
