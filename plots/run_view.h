#pragma once
// What the plots draw of one run: its iterates and per-iteration values, copied out of the
// engine's Trace so the GUI thread owns it (snapshots travel by value). No VTK, no Qt.
#include <array>
#include <cstdint>
#include <string>
#include <vector>
#include "core/analysis/slice_plane.h"
#include "core/run/trace.h"
#include "plots/rgb.h"

namespace gradscape::plots {

struct RunView {
  std::string label;  // legend text, e.g. "Adam  lr=0.02"
  std::string name;   // short name for crowded legends (charts), e.g. "Adam"; empty = label
  Rgb color;          // runColor(index) unless the user chose otherwise
  bool visible = true;
  bool diverged = false;  // the last row is the last finite iterate; drawn with a warning marker
  bool finished = false;
  // One entry per recorded row (the trace may be thinned: iterations are then not consecutive).
  std::vector<double> iteration;  // as double, ready for charts
  std::vector<double> x, y;       // the iterate (2-D), or its projection onto a slice (N-D)
  std::vector<double> loss, gradNorm, stepNorm, lr;
  // The evaluations (field plus loss-only, core/oracles/evaluation_counts.h) spent reaching the
  // row's iterate: the convergence chart's x axis "evaluations".
  std::vector<double> evaluations;
  // Curvature samples when the run tracks them: iteration, largest and smallest Hessian
  // eigenvalue.
  std::vector<double> curvatureIteration, sharpness, bottomEigenvalue;
  int64_t size() const { return static_cast<int64_t>(iteration.size()); }
  // Every per-row column (x and y are empty when the trace keeps no iterates): what code that
  // cuts or copies rows walks, so a new per-row quantity is added here and in makeRunView only.
  std::array<std::vector<double>*, 8> rowColumns() {
    return {&iteration, &x, &y, &loss, &gradNorm, &stepNorm, &lr, &evaluations};
  }
  bool empty() const { return iteration.empty(); }
};

// Copies at most maxRows evenly spaced rows of `trace` (always the first and the last row), and
// its curvature samples. x and y are the first two coordinates of each row's iterate, or with a
// projection the iterate's coordinates on that slice. When the trace keeps fewer iterates than
// rows (many dimensions), a row shows the last kept iterate at or before it.
RunView makeRunView(const Trace& trace, int64_t maxRows = int64_t{1} << 18,
                    const PlaneProjector* projection = nullptr);

// The evaluations `run` had spent by `iteration` (its nearest row at or before it; 0 before the
// first), and the first iteration by which it had spent `evaluations` (its last row's when it
// never did): how the chart's evaluations axis and the iterations the window works in map onto
// each other for one run.
double evaluationsAt(const RunView& run, double iteration);
double iterationAtEvaluations(const RunView& run, double evaluations);

}  // namespace gradscape::plots
