#pragma once
// Viridis, the perceptually uniform colour map of matplotlib (van der Walt, Smith and Firing,
// CC0), shared by the contour map, the surface and the colour bars.
#include <vtkSmartPointer.h>

#include "plots/rgb.h"

class vtkLookupTable;

namespace gradscape::plots {

// Viridis at t in [0, 1] (clamped; NaN gives the dark end): t = 0 is #440154, t = 1 #fde725.
Rgb viridis(double t);

// A lookup table of `colors` viridis colours spread evenly over [lo, hi] (colour k is viridis at
// k / (colors - 1)), so a small count draws discrete bands. Values outside clamp to the ends;
// an empty or non-finite range is widened to one unit.
vtkSmartPointer<vtkLookupTable> makeViridisTable(double lo, double hi, int colors);

}  // namespace gradscape::plots
