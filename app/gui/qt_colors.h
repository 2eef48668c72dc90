#pragma once
// Conversions between the plots' plain colours and Qt's.
#include <QColor>
#include "plots/rgb.h"

namespace gradscape::gui {

inline QColor toQColor(const plots::Rgb& rgb) {
  return QColor::fromRgbF(float(rgb.r), float(rgb.g), float(rgb.b));
}

}  // namespace gradscape::gui
