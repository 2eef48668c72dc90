#pragma once
// A Qt image as a plots::Picture (RGBA, top row first), for writers in plots/export.
#include <QImage>

#include <cstring>

#include "plots/export/picture.h"

namespace gradscape::gui {

inline plots::Picture pictureFromImage(const QImage& image) {
  const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
  plots::Picture picture;
  picture.width = rgba.width();
  picture.height = rgba.height();
  const auto row = static_cast<size_t>(picture.width) * 4;
  picture.rgba.resize(row * static_cast<size_t>(picture.height));
  for (int y = 0; y < picture.height; ++y) {
    std::memcpy(picture.rgba.data() + static_cast<size_t>(y) * row, rgba.constScanLine(y), row);
  }
  return picture;
}

}  // namespace gradscape::gui
