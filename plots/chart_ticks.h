#pragma once
// Tick positions and labels the charts set on their axes before each frame, where VTK's own do
// not serve: thinned decades on long log axes, whole numbers on a count axis.
class vtkAxis;

namespace gradscape::plots {

// Lengths are in points: pixels at 72 dpi, `dpiScale` (the window's DPI / 72) pixels each, so a
// chart drawn at a higher DPI (a picture at 2x) gets the same ticks as on screen.

// VTK labels every decade of a log axis; over 20+ decades in a short panel they overlap. Sets
// at most one label per ~26 points (60 across), every k-th decade. False when VTK's own ticks
// fit.
bool thinLogTicks(vtkAxis* axis, bool vertical, double dpiScale);

// Ticks of a count at whole numbers: nice_ticks' round steps, never finer than 1 (one per
// ~45 points) on a vertical axis. False when no whole number is in view (VTK's own ticks then).
bool integerTicks(vtkAxis* axis, double dpiScale);

}  // namespace gradscape::plots
