#include "plots/export/picture_files.h"

#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPNGReader.h>

#include <libdeflate.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <string_view>

#include "core/io/atomic_file.h"

namespace gradscape::plots {
namespace {

// The deflate level of PNG files: libdeflate's default. On the map at 2x (1800 x 1400) it
// makes a smaller file than VTK's PNG writer (libpng, zlib level 5, a filter chosen per row) in
// a third of the time or less (README, "Picture export").
constexpr int kDeflateLevel = 6;

bool opaque(const Picture& picture) {
  for (size_t i = 3; i < picture.rgba.size(); i += 4) {
    if (picture.rgba[i] != 255) return false;
  }
  return true;
}

void putBigEndian(std::vector<unsigned char>& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<unsigned char>(v >> shift));
}

// A PNG chunk: length, type, data, and the CRC-32 of type and data.
void putChunk(std::vector<unsigned char>& out, const char (&type)[5], const unsigned char* data,
              size_t size) {
  putBigEndian(out, static_cast<uint32_t>(size));
  const size_t from = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data, data + size);
  putBigEndian(out, static_cast<uint32_t>(libdeflate_crc32(0, out.data() + from, size + 4)));
}

}  // namespace

// PNG (ISO/IEC 15948) written directly: 8-bit RGB or RGBA, no interlace, each row behind filter
// byte 0 ("None"), one zlib stream in one IDAT chunk. No filter, because our pictures are flat
// areas, bands and anti-aliased lines and text, whose byte runs recur along the row and one row
// up, which deflate's matches find as they are; the Sub, Up and Paeth filters turn them into
// differences that compressed larger (14% to 19% on the map at 2x, plots/README.md) and cost a
// pass.
std::vector<unsigned char> encodePng(const Picture& picture) {
  if (picture.empty()) return {};
  const size_t channels = opaque(picture) ? 3 : 4;
  const auto width = static_cast<size_t>(picture.width);
  const auto height = static_cast<size_t>(picture.height);
  const size_t row = width * channels;
  std::vector<unsigned char> rows((row + 1) * height);
  unsigned char* to = rows.data();
  const uint8_t* from = picture.rgba.data();
  for (size_t y = 0; y < height; ++y) {
    *to++ = 0;  // filter: None
    if (channels == 4) {
      std::memcpy(to, from, row);
      to += row;
      from += row;
    } else {
      for (size_t x = 0; x < width; ++x, from += 4) {
        *to++ = from[0];
        *to++ = from[1];
        *to++ = from[2];
      }
    }
  }
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(kDeflateLevel);
  if (compressor == nullptr) return {};
  std::vector<unsigned char> idat(libdeflate_zlib_compress_bound(compressor, rows.size()));
  idat.resize(
      libdeflate_zlib_compress(compressor, rows.data(), rows.size(), idat.data(), idat.size()));
  libdeflate_free_compressor(compressor);
  if (idat.empty()) return {};

  std::vector<unsigned char> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  png.reserve(idat.size() + 64);
  std::vector<unsigned char> header;
  putBigEndian(header, static_cast<uint32_t>(picture.width));
  putBigEndian(header, static_cast<uint32_t>(picture.height));
  // 8 bits a channel; colour type 2 (RGB) or 6 (RGBA); deflate, adaptive filtering, no interlace.
  header.insert(header.end(), {8, static_cast<unsigned char>(channels == 4 ? 6 : 2), 0, 0, 0});
  putChunk(png, "IHDR", header.data(), header.size());
  putChunk(png, "IDAT", idat.data(), idat.size());
  putChunk(png, "IEND", nullptr, 0);
  return png;
}

std::string writePng(const Picture& picture, const std::string& path) {
  if (picture.empty()) return "cannot write " + path + ": the picture is empty";
  const std::vector<unsigned char> bytes = encodePng(picture);
  if (bytes.empty()) return "cannot write " + path + ": the picture could not be encoded as PNG";
  return writeFileAtomically(
      path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

Picture readPng(const std::string& path, std::string* error) {
  Picture picture;
  if (error != nullptr) error->clear();
  if (!std::ifstream(path).good()) {
    if (error != nullptr) *error = "cannot read " + path;
    return picture;
  }
  vtkNew<vtkPNGReader> reader;
  if (reader->CanReadFile(path.c_str()) == 0) {
    if (error != nullptr) *error = path + " is not a PNG file";
    return picture;
  }
  reader->SetFileName(path.c_str());
  reader->Update();
  vtkImageData* image = reader->GetOutput();
  const int* dims = image->GetDimensions();
  const int channels = image->GetNumberOfScalarComponents();
  if (dims[0] < 1 || dims[1] < 1 || channels < 1 || channels > 4 ||
      image->GetScalarType() != VTK_UNSIGNED_CHAR) {
    if (error != nullptr) *error = path + ": unsupported PNG (8-bit grey, RGB or RGBA only)";
    return picture;
  }
  picture.width = dims[0];
  picture.height = dims[1];
  picture.rgba.resize(static_cast<size_t>(picture.width) * static_cast<size_t>(picture.height) * 4);
  const auto* from = static_cast<const uint8_t*>(image->GetScalarPointer());
  for (int y = 0; y < picture.height; ++y) {
    uint8_t* to = picture.rgba.data() + static_cast<size_t>(picture.height - 1 - y) *
                                            static_cast<size_t>(picture.width) * 4;
    for (int x = 0; x < picture.width; ++x, to += 4, from += channels) {
      const bool grey = channels <= 2;
      to[0] = from[0];
      to[1] = grey ? from[0] : from[1];
      to[2] = grey ? from[0] : from[2];
      to[3] = channels == 4 ? from[3] : channels == 2 ? from[1] : 255;
    }
  }
  return picture;
}

}  // namespace gradscape::plots
