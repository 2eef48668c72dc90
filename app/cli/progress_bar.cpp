#include "app/cli/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/io/printable_text.h"

namespace gradscape::cli {

namespace {

constexpr int kBarWidth = 24;

std::string duration(double seconds) {
  char buf[32];
  if (seconds < 60.0) {
    std::snprintf(buf, sizeof buf, "%.0f s", std::ceil(seconds));
  } else if (seconds < 3600.0) {
    std::snprintf(buf, sizeof buf, "%.0f min %02.0f s", std::floor(seconds / 60.0),
                  std::fmod(std::floor(seconds), 60.0));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f h", seconds / 3600.0);
  }
  return buf;
}

}  // namespace

ProgressBar::ProgressBar() : ProgressBar(::isatty(STDERR_FILENO) != 0) {}

ProgressBar::ProgressBar(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  clear();
}

std::string ProgressBar::render(double fraction, double elapsedSeconds, const std::string& label) {
  fraction = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
  const int filled = static_cast<int>(fraction * kBarWidth);
  char percent[8];
  std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100.0));
  std::string text;
  text += '[';
  text.append(static_cast<size_t>(filled), '#');
  text.append(static_cast<size_t>(kBarWidth - filled), '.');
  text += "] ";
  text += percent;
  text += "  ";
  text += printableText(label, 40);
  if (elapsedSeconds >= 1.0 && fraction > 0.0 && fraction < 1.0) {
    text += "  about " + duration(elapsedSeconds * (1.0 - fraction) / fraction) + " left";
  }
  return text;
}

void ProgressBar::update(double fraction, const std::string& label) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
  lastDraw_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // \r and "erase to the end of the line": the bar redraws in place.
  std::fprintf(stderr, "\r%s\x1b[K", render(fraction, elapsed, label).c_str());
  std::fflush(stderr);
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace gradscape::cli
