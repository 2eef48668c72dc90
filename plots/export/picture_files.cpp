#include "plots/export/picture_files.h"

#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPNGReader.h>
#include <vtkPNGWriter.h>
#include <vtkUnsignedCharArray.h>

#include <cstring>
#include <fstream>
#include <string_view>

#include "core/io/atomic_file.h"

namespace gradscape::plots {
namespace {

bool opaque(const Picture& picture) {
  for (size_t i = 3; i < picture.rgba.size(); i += 4) {
    if (picture.rgba[i] != 255) return false;
  }
  return true;
}

}  // namespace

std::vector<unsigned char> encodePng(const Picture& picture) {
  if (picture.empty()) return {};
  const int channels = opaque(picture) ? 3 : 4;
  vtkNew<vtkImageData> image;
  image->SetDimensions(picture.width, picture.height, 1);
  image->AllocateScalars(VTK_UNSIGNED_CHAR, channels);
  auto* to = static_cast<uint8_t*>(image->GetScalarPointer());
  for (int y = 0; y < picture.height; ++y) {  // VTK's rows count from the bottom
    const uint8_t* from = picture.rgba.data() + static_cast<size_t>(picture.height - 1 - y) *
                                                    static_cast<size_t>(picture.width) * 4;
    for (int x = 0; x < picture.width; ++x, from += 4) {
      for (int c = 0; c < channels; ++c) *to++ = from[c];
    }
  }
  vtkNew<vtkPNGWriter> writer;
  writer->WriteToMemoryOn();
  writer->SetInputData(image);
  writer->Write();
  vtkUnsignedCharArray* bytes = writer->GetResult();
  if (bytes == nullptr) return {};
  const auto* begin = bytes->GetPointer(0);
  return {begin, begin + bytes->GetNumberOfValues()};
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
