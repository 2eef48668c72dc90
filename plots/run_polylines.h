#pragma once
// Runs' paths as polylines for a line mapper: clipped at the placement's rectangle, broken where
// an iterate is not finite, lifted onto the surface (or the plane), and thinned: a vertex closer
// than the spacing to the one before it is merged away, except the last vertex of a polyline.
// Geometry only; the buffers are laid out for vtkPolyData to point into (no copy at 60 Hz).
#include <vtkType.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "plots/height_map.h"
#include "plots/rgb.h"

namespace gradscape::plots {

// Where iterates go in the scene.
struct RunPlacement {
  // Segments are clipped to this rectangle, so the far-off iterates of a diverging run neither
  // stretch the scene's bounds (and the camera's depth range) nor leave the picture.
  double xmin = -1e6, xmax = 1e6, ymin = -1e6, ymax = 1e6;
  bool contains(double x, double y) const {
    return x >= xmin && x <= xmax && y >= ymin && y <= ymax;
  }
  // Flat map: every iterate at z = lift. Surface: z = surface(f) + lift.
  std::optional<HeightMap> surface;
  double lift = 0.0;
};

// One visible run, reduced to what placement needs.
struct StoredRun {
  std::string label;
  Rgb color;
  bool diverged = false, finished = false;
  std::vector<float> x, y, f;
  std::vector<double> iteration;  // each iterate's iteration number (labels of off-map exits)
};

// a + t (b - a), keeping an infinite end (a diverging loss) instead of producing NaN.
double lerp(double a, double b, double t);

// Liang-Barsky: the parameter interval [t0, t1] of the segment a + t (b - a), t in [0, 1], that
// lies inside the placement's rectangle; false when none does.
bool clipSegment(double ax, double ay, double bx, double by, const RunPlacement& r, double& t0,
                 double& t1);

struct Polylines {
  // Vertex k at xyz[3k], xyz[3k + 1], xyz[3k + 2]; grown, never shrunk (count says how many
  // are in use), so arrays pointing into it stay valid while runs grow.
  std::vector<float> xyz;
  size_t count = 0;
  // Polyline i is vertices offsets[i] .. offsets[i + 1] - 1, coloured cellRgb[3i .. 3i + 2].
  std::vector<vtkTypeInt64> offsets;
  std::vector<unsigned char> cellRgb;
};

// Rebuilds `out` from the runs: one or more polylines per run (a run leaving the rectangle or
// meeting a non-finite iterate starts a new one), each in its run's colour. `spacing` is a world
// distance; 0 keeps every vertex.
void buildPolylines(const std::vector<StoredRun>& runs, const RunPlacement& placement,
                    double spacing, Polylines& out);

}  // namespace gradscape::plots
