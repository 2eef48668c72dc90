#pragma once
// Pictures of one view or of the whole window, written to a file: File > Export view... and
// Export window..., and the views' context menus (main_window_export_view.cpp). The pictures
// come from the views' own render windows through plots/export (one path with the command line
// and the tests), so they are what the view shows (runs, colours, zoom, theme) at any scale.
#include <QSize>
#include <QString>

#include <optional>

class QWidget;

namespace gradscape::gui {

class VtkView;

struct ViewExportOptions {
  double scale = 1.0;        // PNG: the picture is scale x the view's size in pixels (1 to 4)
  bool transparent = false;  // PNG: the backgrounds transparent
  bool chart = false;        // the view is a chart: SVG and PDF are vectors throughout
  // PNG: when set, the picture's size in pixels instead (kMinPictureSide to kMaxPictureSide a
  // side). The view is drawn at that size, its layout adapting to the shape as when the window is
  // resized; text and lines grow by plots::pictureTextScale (the smaller of the two ratios to
  // the view's size, at least 1).
  std::optional<QSize> size = std::nullopt;
};

// The smallest side of a PNG exported at a pixel size (the largest: plots::kMaxPictureSide).
inline constexpr int kMinPictureSide = 64;

// Why a PNG of `size` pixels cannot be exported ("" when it can): a side below kMinPictureSide
// or above plots::kMaxPictureSide.
QString pictureSizeProblem(QSize size);

// The picture formats a view can be written in, for a file dialog's filter ("PNG image
// (*.png);;PDF document (*.pdf)"; charts also SVG).
QString viewExportFilter(bool chart);

// Writes `view`'s picture to `path`, in the format its extension names: .png (at the scale,
// optionally transparent), .svg (charts only: vectors, text as text) or .pdf (charts: vectors;
// the map and the surface: the landscape as an image under vector text, plots/README.md).
// Atomic: a failure leaves no file and an existing one as it was. Returns "" or the reason.
QString exportView(VtkView* view, const QString& path, const ViewExportOptions& options);

// Writes the window as it is on screen as PNG, `scale` (1, 2, 3 or 4: whole, so that every
// widget keeps whole-pixel edges) times its size in pixels. At 1
// these are its own pixels (every view's latest frame). Above 1 the window is painted anew at
// that resolution: Qt draws its widgets and text at the scale, and every view shown is rendered
// anew at the scale (as Export view does) and painted in place of its frame, so the picture is
// as sharp as a screen of that pixel density would show it, not an enlargement.
QString exportWindow(QWidget* window, const QString& path, int scale = 1);

}  // namespace gradscape::gui
