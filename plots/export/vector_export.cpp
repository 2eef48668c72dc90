#include "plots/export/vector_export.h"

#include <vtkGL2PSExporter.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/io/atomic_file.h"
#include "plots/export/gl2ps_text.h"
#include "plots/export/pdf_repair.h"

namespace gradscape::plots {
namespace {

std::string cannot(const std::string& path, const std::string& why) {
  return "cannot write '" + path + "': " + why;
}

// Rewrites GL2PS's PDF at `file` with repairGl2psPdf (pdf_repair.h); false when it cannot be
// read or written.
bool repairPdf(const std::string& file) {
  std::string pdf;
  {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return false;
  }
  const std::string repaired = repairGl2psPdf(pdf);
  if (repaired == pdf) return true;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(repaired.data(), static_cast<std::streamsize>(repaired.size()));
  out.close();
  return static_cast<bool>(out);
}

// Flushes a written file to the disk, so that the rename publishes a whole file.
bool flushToDisk(const std::string& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  return ::close(fd) == 0 && ok;
}

}  // namespace

std::string writeVectorPicture(vtkRenderWindow* window, const std::string& path,
                               const VectorOptions& options) {
  namespace fs = std::filesystem;
  if (window == nullptr) return cannot(path, "there is no view to draw");
  if (options.rasterize3D && options.format == VectorFormat::Svg) {
    return cannot(path, "SVG cannot hold the rasterised 3-D scene (use PDF or PNG)");
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) return cannot(path, "it is a directory");
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp =
      (dir / (std::string(kTempMarker) + target.filename().string().substr(0, 200) + ".XXXXXX"))
          .string();
  if (::mkdtemp(temp.data()) == nullptr) return cannot(path, std::strerror(errno));
  const bool pdf = options.format == VectorFormat::Pdf;
  const std::string prefix = temp + "/picture";
  const std::string written = prefix + (pdf ? ".pdf" : ".svg");
  auto fail = [&](const std::string& why) {
    fs::remove_all(temp, ec);
    return cannot(path, why);
  };

  vtkNew<vtkGL2PSExporter> exporter;
  exporter->SetRenderWindow(window);
  exporter->SetFilePrefix(prefix.c_str());
  // GL2PS writes the title as it is given, into a PDF string or an SVG element.
  exporter->SetTitle((pdf ? pdfString(options.title) : svgText(options.title)).c_str());
  if (pdf) {
    exporter->SetFileFormatToPDF();
  } else {
    exporter->SetFileFormatToSVG();
  }
  // Debian's gl2ps is built without zlib: asking for compression changes nothing (measured),
  // so the PDF's background image (GL2PS draws the background as one) stays raw, 0.8 MB for a
  // 640 x 400 chart; a compressed SVG would be .svgz.
  exporter->CompressOff();
  exporter->DrawBackgroundOn();
  exporter->TextOn();
  exporter->TextAsPathOff();  // text stays text
  exporter->SetWrite3DPropsAsRasterImage(options.rasterize3D ? 1 : 0);
  // Charts are drawn in order (no depth to sort by); 3-D props are one image when rasterised.
  exporter->SetSortToOff();
  exporter->SilentOn();
  {
    // Strings reach GL2PS in the file's encoding (gl2ps_text.h).
    const Gl2psText text(pdf ? Gl2psText::Format::Pdf : Gl2psText::Format::Svg);
    exporter->Write();
  }
  // The view's own frame again, as GL2PS left the window drawing into its feedback buffer.
  window->Render();

  struct stat st {};
  if (::stat(written.c_str(), &st) != 0 || st.st_size == 0) {
    return fail("the exporter wrote nothing (see the terminal for VTK's message)");
  }
  if (pdf && !repairPdf(written)) return fail("cannot rewrite the exported PDF");
  if (!flushToDisk(written)) return fail(std::strerror(errno));
  if (std::rename(written.c_str(), path.c_str()) != 0) return fail(std::strerror(errno));
  fs::remove_all(temp, ec);
  return "";
}

}  // namespace gradscape::plots
