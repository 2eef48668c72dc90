#pragma once
// The negative-gradient field on the 2-D map: white arrows with a dark outline, pointing
// downhill. Lengths grow with log |grad f| between its 5th and 95th percentile, so both the
// steep walls and the flat floor of a landscape show a readable direction.
#include <memory>
#include <vector>
#include "plots/landscape_grid.h"

class vtkRenderer;

namespace gradscape::plots {

class GradientArrows {
 public:
  explicit GradientArrows(vtkRenderer* renderer);
  ~GradientArrows();
  GradientArrows(const GradientArrows&) = delete;
  GradientArrows& operator=(const GradientArrows&) = delete;

  // Arrows centred on their points in the plane z. They come from an n x n grid over a box of
  // `width` x `height` (n = sqrt of their count): the closer spacing of that grid bounds their
  // length. An empty list hides the field. Non-finite or zero arrows are left out.
  void setArrows(const std::vector<Arrow>& arrows, double z, double width, double height);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
