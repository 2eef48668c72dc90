#pragma once
// A chart (anything with renderer() and scene() holding a vtkChartXY first) in an offscreen
// window of its own, rendered and read back pixel by pixel, for tests that look for colours at
// the places the chart's axes map data to; VtkMessages (vtk_messages.h) turns VTK's error and
// warning messages into test failures.
#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkDataArray.h>
#include <vtkNew.h>
#include <vtkPNGWriter.h>
#include <vtkPlot.h>
#include <vtkRenderWindow.h>
#include <vtkTable.h>
#include <vtkWindowToImageFilter.h>

#include <QDir>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "plots/export/offscreen_window.h"
#include "plots/export/picture.h"
#include "plots/rgb.h"
#include "support/offscreen_render.h"
#include "support/vtk_messages.h"

namespace gradscape::testing {

// An RGB image of a chart, bottom row first (VTK display coordinates).
struct ChartImage {
  int width = 0, height = 0;
  std::vector<std::array<int, 3>> pixels;
  std::array<int, 3> at(int x, int y) const { return pixels[static_cast<size_t>(y * width + x)]; }
};

inline bool near(const std::array<int, 3>& p, plots::Rgb c, int tolerance = 6) {
  return std::abs(p[0] - static_cast<int>(std::lround(c.r * 255))) <= tolerance &&
         std::abs(p[1] - static_cast<int>(std::lround(c.g * 255))) <= tolerance &&
         std::abs(p[2] - static_cast<int>(std::lround(c.b * 255))) <= tolerance;
}

inline plots::Rgb grey(int level) {
  return {level / 255.0, level / 255.0, level / 255.0};
}

inline int countColour(const ChartImage& image, plots::Rgb colour) {
  int count = 0;
  for (const auto& p : image.pixels) count += near(p, colour) ? 1 : 0;
  return count;
}

// How many pixels of `colour` each column holds, between rows y0 and y1 (inclusive).
inline std::vector<int> columnCounts(const ChartImage& image, plots::Rgb colour, int y0 = 0,
                                     int y1 = -1) {
  if (y1 < 0) y1 = image.height - 1;
  std::vector<int> counts(static_cast<size_t>(image.width), 0);
  for (int x = 0; x < image.width; ++x) {
    for (int y = std::max(y0, 0); y <= std::min(y1, image.height - 1); ++y) {
      counts[static_cast<size_t>(x)] += near(image.at(x, y), colour) ? 1 : 0;
    }
  }
  return counts;
}

// The column holding the most pixels of `colour`, and how many it holds.
inline std::pair<int, int> fullestColumn(const ChartImage& image, plots::Rgb colour) {
  const auto counts = columnCounts(image, colour);
  int best = -1, bestCount = 0;
  for (int x = 0; x < image.width; ++x) {
    if (counts[static_cast<size_t>(x)] > bestCount) {
      best = x;
      bestCount = counts[static_cast<size_t>(x)];
    }
  }
  return {best, bestCount};
}

// The values of a plot's input column.
inline std::vector<double> column(vtkPlot* plot, int index) {
  vtkDataArray* a = vtkDataArray::SafeDownCast(plot->GetInput()->GetColumn(index));
  std::vector<double> v;
  for (vtkIdType i = 0; i < a->GetNumberOfTuples(); ++i) v.push_back(a->GetTuple1(i));
  return v;
}

// Where a data value lands on screen along an axis, from the axis' own layout (its end points
// in pixels and its range; log10 of the data on a log axis).
inline double displayOf(vtkAxis* axis, double value, bool vertical) {
  const int k = vertical ? 1 : 0;
  const double p1 = axis->GetPoint1()[k], p2 = axis->GetPoint2()[k];
  const double v = axis->GetLogScaleActive() ? std::log10(value) : value;
  return p1 + (v - axis->GetMinimum()) / (axis->GetMaximum() - axis->GetMinimum()) * (p2 - p1);
}

template <class Chart>
struct OffscreenChart {
  Chart chart;
  plots::OffscreenWindow offscreen;
  vtkRenderWindow* const window = offscreen.window();

  explicit OffscreenChart(int width = 640, int height = 400) : offscreen(width, height) {
    offscreen.addRenderer(chart.renderer());
  }
  ~OffscreenChart() { offscreen.removeRenderer(chart.renderer()); }
  OffscreenChart(const OffscreenChart&) = delete;
  OffscreenChart& operator=(const OffscreenChart&) = delete;

  vtkChartXY* xy() const { return vtkChartXY::SafeDownCast(chart.scene()->GetItem(0)); }
  double displayX(double x) const { return displayOf(xy()->GetAxis(vtkAxis::BOTTOM), x, false); }
  double displayY(double y) const { return displayOf(xy()->GetAxis(vtkAxis::LEFT), y, true); }

  // The picture (plots::renderPicture at scale 1) after a first frame: the chart lays out its
  // axes while it paints, so a picture of its second frame agrees with the axes' state
  // (iterationAt and displayX/Y read it) to the pixel. (No interactor here to redraw.)
  ChartImage render() {
    window->Render();
    const plots::Picture picture = plots::renderPicture(window, {});
    ChartImage image;
    image.width = picture.width;
    image.height = picture.height;
    image.pixels.resize(static_cast<size_t>(image.width * image.height));
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) {
        const int top = image.height - 1 - y;  // VTK's rows count from the bottom
        image.pixels[static_cast<size_t>(y * image.width + x)] = {
            picture.at(x, top, 0), picture.at(x, top, 1), picture.at(x, top, 2)};
      }
    }
    return image;
  }

  // Saves the last rendered picture as <name>.png under $GRADSCAPE_SHOT_DIR, when it is set.
  void saveShot(const std::string& name) {
    const QString dir = qEnvironmentVariable("GRADSCAPE_SHOT_DIR");
    if (dir.isEmpty()) return;
    QDir().mkpath(dir);
    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(window);
    grab->ReadFrontBufferOff();
    vtkNew<vtkPNGWriter> writer;
    writer->SetFileName((dir + "/" + QString::fromStdString(name) + ".png").toStdString().c_str());
    writer->SetInputConnection(grab->GetOutputPort());
    writer->Write();
  }
};

}  // namespace gradscape::testing
