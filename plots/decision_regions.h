#pragma once
// The decision map's geometry on its grid: the tinted regions and the boundary lines, as VTK
// data for the map's mappers. Internal to plots/: include it from .cpp files only.
#include <vtkSmartPointer.h>

#include "plots/decision_map.h"

class vtkImageData;
class vtkPolyData;

namespace gradscape::plots {

// Whether the data has a box and a grid of probabilities of the right size to draw.
bool hasRegions(const DecisionMapData& data);

// The grid as an image in the z = 0 plane with RGBA point colours: regionColor of the most
// likely class at its confidence; white where a probability is not finite.
vtkSmartPointer<vtkImageData> regionImage(const DecisionMapData& data);

// The boundary as polylines in the z = 0 plane: for each class c the zero isoline of the margin
// p_c - max_{c' != c} p_c', which runs exactly where c stops being the top class (with two
// classes the second margin is the first negated: one isoline is enough). Places with a
// non-finite probability belong to no class.
vtkSmartPointer<vtkPolyData> decisionBoundary(const DecisionMapData& data);

}  // namespace gradscape::plots
