#pragma once
// The vertical reference lines of a chart (ChartFrame) and what places them: the plot area the
// chart laid out and where a value sits along an axis. Only chart_frame.cpp includes this.
#include <vtkContextItem.h>

#include <optional>
#include <string>
#include <vector>

#include "plots/chart_frame.h"

class vtkAxis;
class vtkChartXY;
class vtkContext2D;

namespace gradscape::plots {

// The chart's plot area in scene coordinates (pixels from the renderer's lower-left corner),
// read off the axes the chart laid out in its last paint.
struct PlotArea {
  double x0, x1, y0, y1;
  bool valid() const { return x1 > x0 && y1 > y0; }
};

PlotArea plotArea(vtkChartXY* chart);

// Where a data value sits along an axis, as a fraction of the axis length (log axes hold
// log10 of the data in Minimum/Maximum).
std::optional<double> axisFraction(vtkAxis* axis, double value);

// Draws the lines, the marker and the notes of lines off the x range over the chart's plots.
class LinesItem : public vtkContextItem {
 public:
  static LinesItem* New();

  vtkChartXY* chart = nullptr;
  std::vector<VerticalLine> lines;
  std::optional<VerticalLine> marker;

  bool Paint(vtkContext2D* painter) override;

  struct Note {
    const VerticalLine* line;
    std::string text;
    bool right;
  };
  // The lines off the x range that want a note, right edge first.
  std::vector<Note> offScale() const;

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

  void paintLine(vtkContext2D* painter, const VerticalLine& line, const PlotArea& area) const;
  // A note against one edge of the plot area, its top at `top`, in the line's colour on a
  // translucent box in the theme's box colour; returns where the next note's top goes.
  static float paintNote(vtkContext2D* painter, const VerticalLine& line, const std::string& note,
                         bool right, float top, const PlotArea& area);
  // Right of the line just below the top of the plot area, or left of it when the label would
  // leave the plot area; on a translucent box so grid and curves do not cross it.
  static void paintLabel(vtkContext2D* painter, const VerticalLine& line, float x,
                         const PlotArea& area);
};

}  // namespace gradscape::plots
