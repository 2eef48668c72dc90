#pragma once
// Pictures written as PNG, atomically (core/io/atomic_file.h): a failed write leaves no
// partial file and the previous file, if any, as it was.
#include <string>
#include <vector>

#include "plots/export/picture.h"

namespace gradscape::plots {

// The PNG file's bytes (RGBA when the picture has any alpha below 255, else RGB).
std::vector<unsigned char> encodePng(const Picture& picture);
// Writes `picture` as a PNG file at `path`. Returns "" on success, else the reason, naming the
// file ("cannot write /x/y.png: Permission denied").
std::string writePng(const Picture& picture, const std::string& path);
// Reads a PNG file back (tests, round trips): an empty picture with `error` set when it cannot.
Picture readPng(const std::string& path, std::string* error = nullptr);

}  // namespace gradscape::plots
