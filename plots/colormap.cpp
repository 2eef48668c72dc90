#include "plots/colormap.h"

#include <vtkLookupTable.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace gradscape::plots {

namespace {

// Every 8th entry of matplotlib's 256-entry viridis table (entries 0, 8, ..., 248) and its last
// entry (255); linear interpolation between them stays within 1/255 of the full table.
constexpr std::array<Rgb, 33> kViridisKnots{{
    {0.267004, 0.004874, 0.329415}, {0.277018, 0.050344, 0.375715}, {0.282327, 0.094955, 0.417331},
    {0.282884, 0.135920, 0.453427}, {0.278826, 0.175490, 0.483397}, {0.270595, 0.214069, 0.507052},
    {0.258965, 0.251537, 0.524736}, {0.244972, 0.287675, 0.537260}, {0.229739, 0.322361, 0.545706},
    {0.214298, 0.355619, 0.551184}, {0.199430, 0.387607, 0.554642}, {0.185556, 0.418570, 0.556753},
    {0.172719, 0.448791, 0.557885}, {0.160665, 0.478540, 0.558115}, {0.149039, 0.508051, 0.557250},
    {0.137770, 0.537492, 0.554906}, {0.127568, 0.566949, 0.550556}, {0.120565, 0.596422, 0.543611},
    {0.120638, 0.625828, 0.533488}, {0.132268, 0.655014, 0.519661}, {0.157851, 0.683765, 0.501686},
    {0.196571, 0.711827, 0.479221}, {0.246070, 0.738910, 0.452024}, {0.304148, 0.764704, 0.419943},
    {0.369214, 0.788888, 0.382914}, {0.440137, 0.811138, 0.340967}, {0.515992, 0.831158, 0.294279},
    {0.595839, 0.848717, 0.243329}, {0.678489, 0.863742, 0.189503}, {0.762373, 0.876424, 0.137064},
    {0.845561, 0.887322, 0.099702}, {0.926106, 0.897330, 0.104071}, {0.993248, 0.906157, 0.143936},
}};

// Position of knot k in the 256-entry table.
double knotIndex(size_t k) {
  return k + 1 < kViridisKnots.size() ? 8.0 * k : 255.0;
}

}  // namespace

Rgb viridis(double t) {
  if (!(t > 0.0)) return kViridisKnots.front();  // also NaN
  if (t >= 1.0) return kViridisKnots.back();
  const double index = 255.0 * t;
  size_t k = std::min(static_cast<size_t>(index / 8.0), kViridisKnots.size() - 2);
  const double u = (index - knotIndex(k)) / (knotIndex(k + 1) - knotIndex(k));
  const Rgb& a = kViridisKnots[k];
  const Rgb& b = kViridisKnots[k + 1];
  return {a.r + u * (b.r - a.r), a.g + u * (b.g - a.g), a.b + u * (b.b - a.b)};
}

vtkSmartPointer<vtkLookupTable> makeViridisTable(double lo, double hi, int colors) {
  colors = std::max(colors, 2);
  if (!std::isfinite(lo)) lo = 0.0;
  if (!std::isfinite(hi) || hi <= lo) hi = lo + 1.0;
  auto table = vtkSmartPointer<vtkLookupTable>::New();
  table->SetNumberOfTableValues(colors);
  table->SetTableRange(lo, hi);
  for (int k = 0; k < colors; ++k) {
    const Rgb c = viridis(static_cast<double>(k) / (colors - 1));
    table->SetTableValue(k, c.r, c.g, c.b, 1.0);
  }
  table->SetNanColor(0.85, 0.85, 0.85, 0.0);
  return table;
}

}  // namespace gradscape::plots
