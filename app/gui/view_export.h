#pragma once
// Pictures of one view or of the whole window, written to a file: File > Export view... and
// Export window..., and the views' context menus (main_window_export_view.cpp). The pictures
// come from the views' own render windows through plots/export (one path with the command line
// and the tests), so they are what the view shows (runs, colours, zoom, theme) at any scale.
#include <QString>

class QWidget;

namespace gradscape::gui {

class VtkView;

struct ViewExportOptions {
  double scale = 1.0;        // PNG: the picture is scale x the view's size in pixels (1 to 4)
  bool transparent = false;  // PNG: the backgrounds transparent
  bool chart = false;        // the view is a chart: SVG and PDF are vectors throughout
};

// The picture formats a view can be written in, for a file dialog's filter ("PNG image
// (*.png);;PDF document (*.pdf)"; charts also SVG).
QString viewExportFilter(bool chart);

// Writes `view`'s picture to `path`, in the format its extension names: .png (at the scale,
// optionally transparent), .svg (charts only: vectors, text as text) or .pdf (charts: vectors;
// the map and the surface: the landscape as an image under vector text, plots/README.md).
// Atomic: a failure leaves no file and an existing one as it was. Returns "" or the reason.
QString exportView(VtkView* view, const QString& path, const ViewExportOptions& options);

// Writes the window as it is on screen (its own pixels: every view's latest frame) as PNG.
QString exportWindow(QWidget* window, const QString& path);

}  // namespace gradscape::gui
