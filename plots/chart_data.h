#pragma once
// The data side of the vtkChartXY charts: which points an axis can draw, their bounds, and the
// vtkTables the plots read, filled column by column.
#include <vtkSmartPointer.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <vector>

class vtkTable;
class vtkTextProperty;

namespace gradscape::plots {

// A colour component in [0, 1] as the byte VTK's pens and brushes take.
unsigned char colorByte(double c);

// Font, size and ink only: the axes and the legend set the justification and orientation their
// side needs (text_style's styleText would reset those).
void styleFont(vtkTextProperty* property, int size, bool bold = false);

// Data bounds of drawn points.
struct Bounds {
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  bool empty() const { return !(x0 <= x1); }
  void add(double x, double y) {
    x0 = std::min(x0, x);
    x1 = std::max(x1, x);
    y0 = std::min(y0, y);
    y1 = std::max(y1, y);
  }
  void add(const Bounds& b) {
    if (b.empty()) return;
    add(b.x0, b.y0);
    add(b.x1, b.y1);
  }
};

// Which points can be drawn: finite ones, and positive ones on a log axis.
struct Drawable {
  bool logX, logY;
  bool operator()(double x, double y) const {
    return std::isfinite(x) && std::isfinite(y) && (!logX || x > 0.0) && (!logY || y > 0.0);
  }
};

// A table of double columns with these names, no rows.
vtkSmartPointer<vtkTable> makeTable(std::initializer_list<const char*> columns);

// The indices of the points of (x, y) that `keep` accepts, in order, into `rows`.
void drawableRows(const std::vector<double>& x, const std::vector<double>& y, const Drawable& keep,
                  std::vector<size_t>& rows);

// Writes the rows `rows` (increasing) of (x, y) into the table's first two columns, column by
// column (no row-wise inserts: charts refill at up to 60 Hz), and returns their bounds. With
// `breakAtGaps` a row of NaN goes where rows were left out: a line plot breaks there instead of
// bridging the gap with a straight segment.
Bounds writeRows(vtkTable* table, const std::vector<double>& x, const std::vector<double>& y,
                 const std::vector<size_t>& rows, bool breakAtGaps = false);

// Replaces the values of the table's column `index`.
void setColumn(vtkTable* table, int index, const std::vector<double>& values);

}  // namespace gradscape::plots
