#include "plots/marker_overlay.h"

#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "plots/pixel_geometry.h"
#include "plots/pixel_layer.h"

namespace gradscape::plots {

namespace {

// One marker of radius r (device pixels), grown by `grow` pixels on every side (the outline is
// the same shape grown by its width, drawn first).
void drawShape(PixelGeometry& out, const Marker& m, double cx, double cy, double r, double grow,
               double scale, double angle) {
  switch (m.shape) {
    case MarkerShape::Disk:
      out.disk(cx, cy, r + grow);
      break;
    case MarkerShape::Square:
      out.bar(cx, cy, 0.8 * r + grow, 0.8 * r + grow, 0.0);
      break;
    case MarkerShape::Ring: {
      const double band = m.ringWidth > 0.0 ? m.ringWidth * scale : 0.38 * r;
      out.ring(cx, cy, r + grow, std::max(0.0, r - band - grow));
      break;
    }
    case MarkerShape::Star:
      // The points are sharp: growing them by twice the outline keeps it visible there.
      out.star(cx, cy, r + 2.0 * grow, 0.45 * r + grow);
      break;
    case MarkerShape::Arrow: {
      // Tip r ahead of the centre, base 0.6 r behind it and 1.4 r wide; grown like the star.
      const double g = r + 2.0 * grow;
      const double ux = std::cos(angle), uy = std::sin(angle);
      out.fan(cx, cy,
              {{cx + g * ux, cy + g * uy},
               {cx - 0.6 * g * ux - 0.7 * g * uy, cy - 0.6 * g * uy + 0.7 * g * ux},
               {cx - 0.6 * g * ux + 0.7 * g * uy, cy - 0.6 * g * uy - 0.7 * g * ux}});
      break;
    }
    case MarkerShape::Cross:
      for (double tilt : {std::numbers::pi / 4, -std::numbers::pi / 4}) {
        out.bar(cx, cy, r + grow, 0.22 * r + grow, tilt);
      }
      break;
  }
}

}  // namespace

struct MarkerOverlay::Impl {
  explicit Impl(vtkRenderer* r) : renderer(r), pixels(r, true) {}
  vtkRenderer* renderer;
  std::array<std::vector<Marker>, kMarkerLayers> layers;
  std::optional<std::array<double, 4>> clip;
  PixelGeometry geometry;
  PixelLayer pixels;
};

MarkerOverlay::MarkerOverlay(vtkRenderer* renderer) : impl_(std::make_unique<Impl>(renderer)) {}

MarkerOverlay::~MarkerOverlay() = default;

void MarkerOverlay::setMarkers(MarkerLayer layer, std::vector<Marker> markers) {
  impl_->layers[static_cast<size_t>(layer)] = std::move(markers);
}

const std::vector<Marker>& MarkerOverlay::markers(MarkerLayer layer) const {
  return impl_->layers[static_cast<size_t>(layer)];
}

void MarkerOverlay::setClipRect(std::optional<std::array<double, 4>> rect) {
  impl_->clip = rect;
}

void MarkerOverlay::update() {
  vtkRenderer* ren = impl_->renderer;
  PixelGeometry& out = impl_->geometry;
  out.clear();
  vtkRenderWindow* window = ren->GetRenderWindow();
  const double scale = window != nullptr && window->GetDPI() > 0 ? window->GetDPI() / 72.0 : 1.0;
  const int* origin = ren->GetOrigin();
  const int* size = ren->GetSize();
  if (size[0] > 0 && size[1] > 0) {
    for (const auto& layer : impl_->layers) {
      for (const Marker& m : layer) {
        const auto& p = m.position;
        if (!std::isfinite(p[0]) || !std::isfinite(p[1]) || !std::isfinite(p[2])) continue;
        ren->SetWorldPoint(p[0], p[1], p[2], 1.0);
        ren->WorldToDisplay();
        const double* d = ren->GetDisplayPoint();
        if (!(d[2] >= 0.0 && d[2] <= 1.0)) continue;  // behind the camera or clipped
        const double cx = d[0] - origin[0], cy = d[1] - origin[1];
        if (const auto& c = impl_->clip;
            c && !(cx >= (*c)[0] && cx <= (*c)[2] && cy >= (*c)[1] && cy <= (*c)[3])) {
          continue;
        }
        double angle = 0.0;
        if (m.shape == MarkerShape::Arrow) {
          const auto& u = m.direction;
          ren->SetWorldPoint(p[0] + u[0], p[1] + u[1], p[2] + u[2], 1.0);
          ren->WorldToDisplay();
          const double* e = ren->GetDisplayPoint();
          angle = std::atan2(e[1] - origin[1] - cy, e[0] - origin[0] - cx);
        }
        const double r = 0.5 * m.size * scale;
        if (m.outlineWidth > 0.0) {
          out.setColor(m.outline, m.opacity);
          drawShape(out, m, cx, cy, r, m.outlineWidth * scale, scale, angle);
        }
        out.setColor(m.fill, m.opacity);
        drawShape(out, m, cx, cy, r, 0.0, scale, angle);
      }
    }
  }
  impl_->pixels.draw(out);
}

}  // namespace gradscape::plots
