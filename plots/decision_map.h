#pragma once
// The "Model" view of a classifier on 2-D inputs: its decision regions over the input plane (each
// place tinted by its most likely class, paler where the network is unsure), the decision
// boundary as a thin dark line, the training data on top in the full class colours, axes and a
// title. Parallel projection looking down -z, equal scales on both axes; pan and zoom only.
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/types.h"
#include "plots/rgb.h"

class vtkRenderer;

namespace gradscape {
class MlpClassifier;
}

namespace gradscape::plots {

struct DecisionMapData {
  int classes = 2;
  double xmin = 0.0, xmax = 1.0, ymin = 0.0, ymax = 1.0;  // input-plane box
  // Grid of nx x ny points spanning the box, corners included: point (ix, iy) sits at
  // x = xmin + ix (xmax - xmin) / (nx - 1), y = ymin + iy (ymax - ymin) / (ny - 1).
  int nx = 0, ny = 0;
  // nx * ny * classes values, row-major over (iy, ix, class): p(class | grid point). Empty (or
  // of another size): no regions, only the data and the axes.
  std::vector<double> probabilities;
  std::vector<double> px, py;  // the data set
  std::vector<int> labels;     // class of each data point, in [0, classes)
  // Share of the data points the model classifies right (NaN when unknown).
  double accuracy = std::numeric_limits<double>::quiet_NaN();
  std::string title;  // e.g. "GD at iteration 1200 · 96.5% of training points right"
};

// The colour of class c (cycles past 10): Okabe & Ito's qualitative palette first (orange, sky
// blue, bluish green, reddish purple, vermillion, blue), distinct under the common colour-vision
// deficiencies, then four more. Data points are drawn in it.
Rgb classColor(int c);

// The tint of a region where class c is the most likely one with `confidence` in [0, 1]
// (clamped; NaN counts as 0): white at 0, the full tint kRegionTint of the way from white to
// classColor(c) at 1, linear in between.
inline constexpr double kRegionTint = 0.5;
Rgb regionColor(int c, double confidence);

// How sure the map is at one grid point: (max_c p_c - 1/classes) / (1 - 1/classes), so an even
// split is 0 and a certain class 1.
double confidenceOf(double maxProbability, int classes);

// The class a prediction picks: the most likely one, ties going to the lowest index (the first
// maximum, as numpy.argmax and torch.argmax pick). The map's colours and the accuracy both use it.
int predictedClass(const double* probabilities, int classes);

class DecisionMap {
 public:
  DecisionMap();
  ~DecisionMap();
  DecisionMap(const DecisionMap&) = delete;
  DecisionMap& operator=(const DecisionMap&) = delete;

  // The renderer to add to a render window (owned by the map).
  vtkRenderer* renderer() const;
  // Replaces everything drawn. Keeps the user's pan and zoom while the box stays the same.
  void setData(const DecisionMapData& data);
  const DecisionMapData& data() const;
  // Fits the camera to the box.
  void resetCamera();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// At most this many data points are drawn (every k-th past it): markers are rebuilt every frame.
inline constexpr int kMaxDrawnPoints = 2500;

// The map of `model` at parameters x: the box is the data's bounding box padded by 10% of its
// extent on every side (1 where the extent is 0), sampled on gridSize x gridSize points with
// model.classProbabilities. `title` gets " · <a>% of training points right" appended, a the
// accuracy (one decimal) from classProbabilities at the data points with predictedClass (a
// point whose probabilities are not finite counts as wrong).
// Throws std::invalid_argument naming gridSize (< 2) or x (wrong size).
DecisionMapData decisionMapData(const MlpClassifier& model, VecCRef x, int gridSize,
                                const std::string& title);

// The data set of `model` alone, in the same box, with no regions (before any run has a point).
DecisionMapData trainingDataMap(const MlpClassifier& model, const std::string& title);

}  // namespace gradscape::plots
