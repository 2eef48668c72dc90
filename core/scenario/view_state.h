#pragma once
// What the desktop program shows of a scenario: which views, their cameras, the colour scale,
// the chart's quantity and axes, the analysis tab, the selected run and the slice of an N-D
// problem. A scenario file carries it under "view" (so a file reopens to the same picture), the
// session autosave too; the command-line renderer draws from it. Every field has the default of
// a window that has just opened a file without it. Enumerations are written by name:
//   "view": {"layout": "both", "log_colour_scale": true, "gradient_arrows": false,
//            "quadratic_model": false, "newton_steps": false, "analysis_tab": "convergence",
//            "chart_quantity": "loss", "chart_x": "iteration", "chart_log_x": false,
//            "chart_log_y": true,
//            "selected_run": 0, "live_mode": true,
//            "map_box": {"xmin": -2, "xmax": 2, "ymin": -1, "ymax": 3},
//            "surface_camera": {"position": [x, y, z], "focal_point": [x, y, z],
//                               "view_up": [x, y, z], "view_angle": 30,
//                               "window_center": [0, 0]},
//            "slice": {"directions": "random", "half_width": 2.5,
//                      "origin": [...], "u": [...], "v": [...], "description": "..."}}
// Every key may be left out (its default is used).
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/scenario/view_camera.h"
#include "core/types.h"

namespace gradscape {

// The plane an N-D problem's maps show (core/analysis/slice_plane.h) and how it was chosen.
struct ViewSlice {
  // The View > Slice directions menu, in its order.
  enum class Directions { HessianAtStart, HessianAtIterate, PathPca, Random };
  Directions directions = Directions::HessianAtStart;
  // Half the side of the square of slice coordinates sampled, around (0, 0); it grows to hold
  // the finished paths.
  double halfWidth = 1.0;
  // The plane origin + a u + b v (each of the problem's dimension). Empty for HessianAtStart,
  // which is computed again from the scenario; required for the others.
  Vec origin, u, v;
  std::string description;  // what spans it, shown in the status bar
  bool operator==(const ViewSlice& other) const;
};

struct ViewState {
  enum class Layout { Contour, Surface, Both };  // LandscapePanel::Layout's order
  // plots::ConvergenceQuantity's order.
  enum class Quantity { Loss, Gap, GradNorm, LearningRate, StepNorm };
  // The chart's x axis (plots::ConvergenceAxis's order).
  enum class ChartX { Iteration, Evaluations };
  // The analysis tabs, in the window's order.
  enum class Tab { Convergence, Sharpness, Spectrum, Model, Update };

  Layout layout = Layout::Both;
  bool logColourScale = true;  // colour and height by log10(f - f_min + c), else by f
  bool gradientArrows = false;
  bool quadraticModel = false;  // the Hessian's axes at the selected run's iterate
  bool newtonSteps = false;     // the gradient and Newton steps beside them
  int analysisTab = 0;          // a Tab
  Quantity chartQuantity = Quantity::Loss;
  ChartX chartX = ChartX::Iteration;
  bool chartLogX = false;
  bool chartLogY = true;
  int selectedRun = 0;  // index into the scenario's runs
  bool liveMode = true;
  std::optional<ViewBox> mapBox;            // none: the whole landscape
  std::optional<ViewCamera> surfaceCamera;  // none: the oblique view fitted to the box
  std::optional<ViewSlice> slice;           // none: top-2 Hessian eigenvectors at the start

  bool operator==(const ViewState&) const = default;
};

// Only the keys that differ from a default ViewSlice's and ViewState's optional parts are
// written (the flags always are).
nlohmann::json viewStateToJson(const ViewState& view);
// Reads "view" at `path` for a problem of `dim` dimensions and `runs` runs. Missing keys keep
// their defaults; a bad value throws ScenarioError naming its JSON path ("view.map_box.xmax:
// must be > xmin (-2), got -3").
ViewState readViewState(const nlohmann::json& j, const std::string& path, int dim, size_t runs);

}  // namespace gradscape
