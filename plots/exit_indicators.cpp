#include "plots/exit_indicators.h"

#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <cmath>

#include "plots/path_exits.h"
#include "plots/run_markers.h"
#include "plots/text_style.h"

namespace gradscape::plots {

namespace {

constexpr double kArrowSize = 11.0;  // pixels at 72 dpi
constexpr int kLabelPoints = 10;

}  // namespace

struct ExitIndicators::Impl {
  vtkRenderer* renderer = nullptr;
  bool labelsVisible = true;
  std::optional<std::array<double, 4>> clip;
  std::vector<vtkSmartPointer<vtkTextActor>> actors;
  std::vector<Label> shown;

  vtkTextActor* actor(size_t i) {
    while (actors.size() <= i) {
      auto a = vtkSmartPointer<vtkTextActor>::New();
      styleText(a->GetTextProperty(), kLabelPoints);
      // On the map, over any colour: a pale box under the text.
      a->GetTextProperty()->SetBackgroundColor(1.0, 1.0, 1.0);
      a->GetTextProperty()->SetBackgroundOpacity(0.8);
      a->PickableOff();
      a->SetVisibility(0);
      renderer->AddActor2D(a);
      actors.push_back(a);
    }
    return actors[i];
  }
};

ExitIndicators::ExitIndicators(vtkRenderer* renderer) : impl_(std::make_unique<Impl>()) {
  impl_->renderer = renderer;
}

ExitIndicators::~ExitIndicators() {
  for (auto& a : impl_->actors) impl_->renderer->RemoveActor2D(a);
}

void ExitIndicators::update(
    const std::vector<StoredRun>& runs, const RunPlacement& placement,
    const std::function<std::array<double, 2>(const std::array<double, 3>&)>& toDisplay,
    double scale, std::vector<Marker>& markers) {
  Impl& d = *impl_;
  d.shown.clear();
  size_t used = 0;
  for (const StoredRun& run : runs) {
    const PathExits exits = pathExits(run, placement);
    if (exits.count == 0) continue;
    const double f = placement.surface && std::isnan(exits.f) ? 0.0 : exits.f;
    const std::array<double, 3> at = placeIterate(placement, exits.x, exits.y, f);
    // A short world step along the exit, to find its direction on screen.
    const double length = std::hypot(exits.dx, exits.dy);
    const double step =
        1e-3 * std::hypot(placement.xmax - placement.xmin, placement.ymax - placement.ymin);
    if (!(length > 0.0) || !std::isfinite(step)) continue;
    Marker m;
    m.position = at;
    m.shape = MarkerShape::Arrow;
    m.size = kArrowSize;
    m.fill = run.color;
    m.outline = {0.08, 0.08, 0.08};
    m.outlineWidth = 1.2;
    m.direction = {step * exits.dx / length, step * exits.dy / length, 0.0};
    markers.push_back(m);

    const auto p = toDisplay(at);
    const auto q = toDisplay({at[0] + m.direction[0], at[1] + m.direction[1], at[2]});
    const double ux0 = q[0] - p[0], uy0 = q[1] - p[1], u = std::hypot(ux0, uy0);
    if (!std::isfinite(p[0]) || !std::isfinite(p[1]) || !(u > 0.0)) continue;
    // The label goes inside the box, behind the arrow: the margin outside holds the ticks.
    const double ux = ux0 / u, uy = uy0 / u;
    const double offset = (0.5 * kArrowSize + 5.0) * scale;
    std::array<double, 2> anchor{p[0] - offset * ux, p[1] - offset * uy};
    if (!d.labelsVisible) continue;
    if (d.clip && !(p[0] >= (*d.clip)[0] && p[0] <= (*d.clip)[2] && p[1] >= (*d.clip)[1] &&
                    p[1] <= (*d.clip)[3])) {
      continue;
    }
    vtkTextActor* a = d.actor(used++);
    const std::string text = exitLabel(exits);
    a->SetInput(text.c_str());
    // Runs often leave at the same place: a label that would cover an earlier one moves a line
    // further into the box (down from the top edge, else up).
    const auto extent = textExtent(a->GetTextProperty(), text);
    const double lineH = (extent[1] + 3.0) * scale, width = extent[0] * scale;
    // Each move goes the same way, past the label that caused it, to one of finitely many places,
    // so this ends. (A label put a line from another by a rounded sum can still seem to cover it
    // by a rounding error: it is not "moved" again to where it already is.)
    const double away = uy > 0.38 ? -1.0 : 1.0;
    for (bool moved = true; moved;) {
      moved = false;
      for (const Label& other : d.shown) {
        const double next = other.anchor[1] + away * lineH;
        if (std::abs(other.anchor[1] - anchor[1]) < lineH &&
            std::abs(other.anchor[0] - anchor[0]) < width && (next - anchor[1]) * away > 0.0) {
          anchor[1] = next;
          moved = true;
        }
      }
    }
    // The run's colour, darkened to read on the pale box.
    a->GetTextProperty()->SetColor(0.7 * run.color.r, 0.7 * run.color.g, 0.7 * run.color.b);
    vtkTextProperty* t = a->GetTextProperty();
    if (ux > 0.38) {
      t->SetJustificationToRight();
    } else if (ux < -0.38) {
      t->SetJustificationToLeft();
    } else {
      t->SetJustificationToCentered();
    }
    if (uy > 0.38) {
      t->SetVerticalJustificationToTop();
    } else if (uy < -0.38) {
      t->SetVerticalJustificationToBottom();
    } else {
      t->SetVerticalJustificationToCentered();
    }
    a->SetPosition(anchor[0], anchor[1]);
    a->SetVisibility(1);
    d.shown.push_back({text, anchor});
  }
  for (size_t i = used; i < d.actors.size(); ++i) d.actors[i]->SetVisibility(0);
}

void ExitIndicators::setClipRect(std::optional<std::array<double, 4>> rect) {
  impl_->clip = rect;
}

const std::optional<std::array<double, 4>>& ExitIndicators::clipRect() const {
  return impl_->clip;
}

void ExitIndicators::setLabelsVisible(bool visible) {
  impl_->labelsVisible = visible;
}

std::vector<ExitIndicators::Label> ExitIndicators::labels() const {
  return impl_->shown;
}

}  // namespace gradscape::plots
