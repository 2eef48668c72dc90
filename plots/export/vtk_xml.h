#pragma once
// The landscape and the runs' paths as VTK XML files a ParaView user can open:
// - NAME.vts: the sampled grid as a vtkStructuredGrid in the plane z = 0 (nx x ny x 1 points at
//   (x_i, y_j, 0)), with point data "f" (NaN where f is not finite). Flat, because f spans many
//   decades on most landscapes: ParaView's Warp By Scalar on "f" (or on a log of it, through the
//   Calculator) raises it into a surface at a chosen scale.
// - NAME.vtp: one polyline per run in the same plane (x, y, 0), with point data "iteration" and
//   "loss", and cell data "label" (the run's name in the legend), "run" (its index) and
//   "diverged" (1 or 0). For many-dimensional problems x and y are the iterates' coordinates on
//   the slice the map shows; "loss" is the true loss, not f on the slice.
// Values are doubles written in full (binary, base64), so they read back exactly.
#include <string>
#include <vector>

#include "plots/landscape_grid.h"
#include "plots/run_view.h"

namespace gradscape::plots {

// The files' text (vtkXMLWriter's output string).
std::string landscapeVtsText(const LandscapeGrid& grid);
std::string pathsVtpText(const std::vector<RunView>& runs);

// Write the files atomically (core/io/atomic_file.h). Return "" on success, else the reason (then
// nothing is left behind and a file already there is as it was).
std::string writeLandscapeVts(const LandscapeGrid& grid, const std::string& path);
std::string writePathsVtp(const std::vector<RunView>& runs, const std::string& path);

}  // namespace gradscape::plots
