#pragma once
// The legend of the runs: one row per visible run with a line sample in its colour (over the
// same dark halo the trajectory has) and its label in dark text, on a light, slightly
// transparent box. Laid out in pixels by the scene.
#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>
#include "plots/rgb.h"

class vtkRenderer;

namespace gradscape::plots {

class LegendBox {
 public:
  explicit LegendBox(vtkRenderer* renderer);
  ~LegendBox();
  LegendBox(const LegendBox&) = delete;
  LegendBox& operator=(const LegendBox&) = delete;

  void setEntries(const std::vector<std::pair<std::string, Rgb>>& entries);
  const std::vector<std::pair<std::string, Rgb>>& entries() const;
  // Width and height in pixels at 72 dpi (0 x 0 without entries).
  std::array<double, 2> size() const;
  // Puts the lower-left corner at viewport pixel (x, y).
  void place(double x, double y, double dpiScale);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
