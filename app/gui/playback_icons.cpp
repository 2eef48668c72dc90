#include "app/gui/playback_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace gradscape::gui {

namespace {

// A triangle pointing right (or left) in the box x0..x1, y0..y1 of a unit square.
QPainterPath triangle(double x0, double x1, double y0, double y1, bool right) {
  QPainterPath path;
  const double tip = right ? x1 : x0, base = right ? x0 : x1;
  path.moveTo(base, y0);
  path.lineTo(tip, 0.5 * (y0 + y1));
  path.lineTo(base, y1);
  path.closeSubpath();
  return path;
}

QPainterPath bar(double x0, double x1, double y0, double y1) {
  QPainterPath path;
  path.addRect(QRectF(x0, y0, x1 - x0, y1 - y0));
  return path;
}

// The icon's shape in a unit square (y down).
QPainterPath shape(PlaybackIcon kind) {
  constexpr double top = 0.2, bottom = 0.8;
  switch (kind) {
    case PlaybackIcon::Play:
      return triangle(0.25, 0.8, 0.18, 0.82, true);
    case PlaybackIcon::Pause:
      return bar(0.25, 0.42, top, bottom) + bar(0.58, 0.75, top, bottom);
    case PlaybackIcon::Step:  // one step: a triangle against a bar
      return triangle(0.2, 0.62, top, bottom, true) + bar(0.66, 0.8, top, bottom);
    case PlaybackIcon::Reset:  // back to the start: a bar and two triangles pointing at it
      return bar(0.12, 0.24, top, bottom) + triangle(0.24, 0.56, top, bottom, false) +
             triangle(0.54, 0.86, top, bottom, false);
    case PlaybackIcon::RunToEnd:  // to the end: two triangles and a bar
      return triangle(0.12, 0.44, top, bottom, true) + triangle(0.42, 0.74, top, bottom, true) +
             bar(0.76, 0.88, top, bottom);
    case PlaybackIcon::Stop:
      return bar(0.24, 0.76, 0.24, 0.76);
  }
  return {};
}

}  // namespace

QIcon playbackIcon(PlaybackIcon kind, const QColor& ink) {
  QIcon icon;
  const QPainterPath path = shape(kind);
  for (int side : {16, 22, 24, 32, 48, 64}) {
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(side, side);
    painter.fillPath(path, ink);
    painter.end();
    icon.addPixmap(pixmap);
  }
  return icon;
}

}  // namespace gradscape::gui
