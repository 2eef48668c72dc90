// gradscape-cli render: a picture (PNG, SVG, PDF) or a video (MP4, WebM, GIF) of a scenario's
// view, drawn as the desktop program draws it.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <string>

#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/private_display.h"
#include "app/cli/render_inputs.h"
#include "app/cli/render_scene.h"
#include "app/cli/render_video.h"
#include "core/io/printable_text.h"
#include "plots/export/picture_files.h"
#include "plots/theme.h"

namespace gradscape::cli {

namespace {

enum class Output { Png, Vector, Video };

// The file's extension, lower case ("png"), or "".
std::string extensionOf(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// What is written, from --out's extension and checked against the view and the other options
// before anything runs: "" or the message for exit 2.
std::string checkOutput(const RenderOptions& o, Output& output) {
  const std::string ext = extensionOf(o.outPath);
  const bool landscape = o.view == "map" || o.view == "surface";
  if (ext == "png") {
    output = Output::Png;
  } else if (ext == "svg" || ext == "pdf") {
    output = Output::Vector;
    if (o.view == "window") {
      return "--out: the window view is a composite of separately drawn views, written as .png "
             "or as a video (.mp4, .webm, .gif); write one view (--view map, surface, "
             "convergence, ...) as ." +
             ext;
    }
    if (ext == "svg" && landscape) {
      return "--out: the " + o.view +
             " is written as .pdf or .png, not .svg: its landscape goes into a vector file "
             "only as an image, and Debian's gl2ps writes no images into SVG (a .pdf keeps the "
             "text as text over the landscape image)";
    }
    if (o.scale != 1.0) {
      return "--scale: a ." + ext +
             " holds vectors at the view's --size (one point per pixel), which scale without "
             "loss in any viewer; --scale is for .png and videos";
    }
  } else if (plots::videoFormatForPath(o.outPath)) {
    output = Output::Video;
    if (o.view == "spectrum") {
      return "--out: the spectrum view has no animation (it is the Hessian spectrum at one "
             "iterate); write .png, .svg or .pdf, with --at ITER for another iterate";
    }
  } else {
    return "--out: expected a .png, .svg, .pdf, .mp4, .webm or .gif file, got '" +
           printableText(o.outPath, 200) + "'";
  }
  if (output != Output::Video) {
    const char* videoOnly = o.fps ? "--fps" : o.seconds ? "--seconds" : o.orbit ? "--orbit" : "";
    if (*videoOnly != '\0') {
      return std::string(videoOnly) + " applies to videos only (.mp4, .webm, .gif); --out is a ." +
             ext;
    }
  }
  if (o.orbit && o.view != "surface") {
    return "--orbit turns the surface: use it with --view surface (the view is " + o.view + ")";
  }
  return "";
}

// The video's settings, the frame size checked against the format: "" or the message.
std::string videoJob(const RenderOptions& o, int width, int height, VideoJob& job) {
  job.path = o.outPath;
  job.options.format = *plots::videoFormatForPath(o.outPath);
  job.options.width = static_cast<int>(std::lround(o.scale * width));
  job.options.height = static_cast<int>(std::lround(o.scale * height));
  job.options.fps = o.fps.value_or(30.0);
  job.seconds = o.seconds.value_or(10.0);
  job.scale = o.scale;
  job.orbit = o.orbit;
  if (const std::string why = plots::validateVideoOptions(job.options); !why.empty()) {
    return (o.scale != 1.0 ? "--size and --scale: " : "--size: ") + why;
  }
  return "";
}

}  // namespace

int renderCommand(const RenderOptions& options) {
  std::atomic<bool>& interrupted = installInterruptHandlers();
  Output output = Output::Png;
  if (const std::string why = checkOutput(options, output); !why.empty()) {
    std::cerr << "gradscape-cli render: " << why << '\n';
    return kBadInput;
  }
  auto [width, height] = renderDefaultSize(options.view, output == Output::Video);
  if (options.width > 0) {
    width = options.width;
    height = options.height;
  }
  VideoJob video;
  if (output == Output::Video) {
    if (const std::string why = videoJob(options, width, height, video); !why.empty()) {
      std::cerr << "gradscape-cli render: " << why << '\n';
      return kBadInput;
    }
  }
  plots::setCurrentTheme(*plots::themeFromName(options.theme));
  RenderInputs inputs;
  if (const int code = prepareInputs(options, interrupted, inputs); code != kOk) return code;

  PrivateDisplay display;
  if (const std::string why = display.ensure(); !why.empty()) {
    std::cerr << "gradscape-cli render: " << why << '\n';
    return kFailure;
  }
  if (display.serverPid() > 0) {
    std::cout << "no usable X display: drawing on a private Xvfb at " << std::getenv("DISPLAY")
              << " (stopped when done)\n";
  }
  RenderScene scene(inputs, options.view, width, height, &interrupted);
  if (interrupted.load()) {
    std::cerr << "gradscape-cli: interrupted; nothing written\n";
    return kInterrupted;
  }
  if (!scene.error().empty()) {
    std::cerr << "gradscape-cli render: " << scene.error() << '\n';
    return kFailure;
  }
  if (output == Output::Video) return writeVideo(scene, inputs, video, interrupted);
  if (output == Output::Vector) {
    const std::string ext = extensionOf(options.outPath);
    const auto format = ext == "svg" ? plots::VectorFormat::Svg : plots::VectorFormat::Pdf;
    if (const std::string why = scene.writeVector(options.outPath, format); !why.empty()) {
      std::cerr << "gradscape-cli render: " << why << '\n';
      return kFailure;
    }
    std::cout << "wrote " << printableText(options.outPath) << " (" << options.view << ", "
              << (ext == "svg" ? "SVG" : "PDF") << ", " << width << " x " << height << ")\n";
    return kOk;
  }
  std::string error;
  const plots::Picture picture = scene.picture(options.scale, error);
  if (picture.empty()) {
    std::cerr << "gradscape-cli render: " << error << '\n';
    return kFailure;
  }
  if (const std::string why = plots::writePng(picture, options.outPath); !why.empty()) {
    std::cerr << "gradscape-cli render: " << why << '\n';
    return kFailure;
  }
  std::cout << "wrote " << printableText(options.outPath) << " (" << options.view << ", "
            << picture.width << " x " << picture.height << ")\n";
  return kOk;
}

}  // namespace gradscape::cli
