#pragma once
// A one-line progress bar with the time left, on standard error, drawn only when standard error
// is a terminal (silent in scripts, pipes and CI logs).
#include <chrono>
#include <string>

namespace gradscape::cli {

class ProgressBar {
 public:
  ProgressBar();  // enabled when standard error is a terminal
  explicit ProgressBar(bool enabled);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar();

  bool enabled() const { return enabled_; }
  // Shows `fraction` (0..1) of the work done, with `label` after it. Redraws at most ten times
  // a second; the time left appears once it can be estimated (after a second's work).
  void update(double fraction, const std::string& label);
  // Erases the bar's line (before other output goes to the terminal).
  void clear();

  // The bar's text for `fraction` done after `elapsedSeconds` (what update() draws).
  static std::string render(double fraction, double elapsedSeconds, const std::string& label);

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, lastDraw_;
};

}  // namespace gradscape::cli
