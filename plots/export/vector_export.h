#pragma once
// Vector pictures of a render window's scenes through GL2PS (vtkGL2PSExporter): SVG and PDF in
// which lines and markers are paths and text stays text (selectable, searchable, sharp at any
// zoom). Charts (vtkContext scenes) come out wholly as vectors. 3-D props (the contour map's
// landscape, the surface) can only be rasterised by GL2PS, and Debian's gl2ps writes no images
// into SVG, so the map and the surface are exported as PDF only (see plots/README.md).
#include <string>

class vtkRenderWindow;

namespace gradscape::plots {

enum class VectorFormat { Svg, Pdf };

struct VectorOptions {
  VectorFormat format = VectorFormat::Pdf;
  // Draw 3-D props (a landscape, a surface) as one raster image under the vector text and 2-D
  // lines (PDF only); charts need none.
  bool rasterize3D = false;
  std::string title = "Gradscape";
};

// Writes the window's scenes at the window's size to `path`. GL2PS writes its own file: it
// writes into a fresh directory next to `path`, and the file is renamed into place only when it
// is whole, so a failure leaves nothing behind and an existing file as it was. Returns "" on
// success, else the reason naming the file.
std::string writeVectorPicture(vtkRenderWindow* window, const std::string& path,
                               const VectorOptions& options);

}  // namespace gradscape::plots
