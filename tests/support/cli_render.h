#pragma once
// Helpers of the `gradscape-cli render` suites (tests/cli/test_cli_render*.cpp): the program run
// without a display, and its pictures read back and measured against the landscape's colour map.
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include "support/cli_process.h"

#ifdef GRADSCAPE_HAS_PLOTS
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "plots/colormap.h"
#include "plots/export/picture_files.h"
#include "plots/rgb.h"
#endif

namespace gradscape::testing {

// gradscape-cli with DISPLAY (and WAYLAND_DISPLAY) removed from its environment, plus `extra`
// variables ("NAME=value").
inline CliResult cliWithoutDisplay(const QStringList& args, const QStringList& extra = {}) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.remove("DISPLAY");
  env.remove("WAYLAND_DISPLAY");
  for (const QString& e : extra) env.insert(e.section('=', 0, 0), e.section('=', 1));
  p.setProcessEnvironment(env);
  p.start(GRADSCAPE_CLI, args);
  if (!p.waitForFinished(180'000)) {
    p.kill();
    return {-1, {}, "timed out"};
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

#ifdef GRADSCAPE_HAS_PLOTS
inline plots::Picture readBack(const QString& path) {
  std::string error;
  plots::Picture p = plots::readPng(path.toStdString(), &error);
  if (p.empty()) qWarning("%s", error.c_str());
  return p;
}

inline int channel(double v) {
  return static_cast<int>(std::lround(255.0 * v));
}

// Whether pixel (x, y) is within `tolerance` (per channel) of colour c.
inline bool near(const plots::Picture& p, int x, int y, plots::Rgb c, int tolerance = 3) {
  return std::abs(p.at(x, y, 0) - channel(c.r)) <= tolerance &&
         std::abs(p.at(x, y, 1) - channel(c.g)) <= tolerance &&
         std::abs(p.at(x, y, 2) - channel(c.b)) <= tolerance;
}

// The position t in [0, 1] of the viridis colour pixel (x, y) is within `tolerance` of (the
// nearest one), or -1 when it is no viridis colour.
inline double viridisPosition(const plots::Picture& p, int x, int y, int tolerance = 6) {
  static const std::vector<plots::Rgb> table = [] {
    std::vector<plots::Rgb> t;
    for (int i = 0; i <= 255; ++i) t.push_back(plots::viridis(i / 255.0));
    return t;
  }();
  int best = -1, bestDistance = 1 << 30;
  for (int i = 0; i <= 255; ++i) {
    const plots::Rgb& c = table[static_cast<size_t>(i)];
    const int d = std::abs(p.at(x, y, 0) - channel(c.r)) + std::abs(p.at(x, y, 1) - channel(c.g)) +
                  std::abs(p.at(x, y, 2) - channel(c.b));
    if (d < bestDistance && near(p, x, y, c, tolerance)) {
      best = i;
      bestDistance = d;
    }
  }
  return best < 0 ? -1.0 : best / 255.0;
}

// The share of the pixels in the rectangle (every second one each way) that are within 6 of a
// viridis colour.
inline double viridisShare(const plots::Picture& p, int x0, int y0, int x1, int y1) {
  int hits = 0, all = 0;
  for (int y = y0; y < y1; y += 2) {
    for (int x = x0; x < x1; x += 2) {
      ++all;
      hits += viridisPosition(p, x, y) >= 0.0 ? 1 : 0;
    }
  }
  return all > 0 ? double(hits) / all : 0.0;
}
#endif

}  // namespace gradscape::testing
