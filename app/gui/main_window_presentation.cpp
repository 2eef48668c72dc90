// The main window's presentation mode (presentation_mode.h): View > Presentation (F5) and the
// scale keys, which work in every mode.
#include <QMenu>
#include <QStatusBar>

#include "app/gui/main_window.h"
#include "app/gui/presentation_mode.h"
#include "app/gui/vtk_view.h"

namespace gradscape::gui {

void MainWindow::buildPresentation(QMenu* view) {
  presentation_ = new PresentationMode(this, playback_, [this] {
    const auto views = findChildren<VtkView*>();
    return std::vector<VtkView*>(views.begin(), views.end());
  });
  view->addAction(presentation_->toggleAction());
  auto* scale = view->addMenu(tr("Presentation &scale"));
  scale->addAction(presentation_->scaleUpAction());
  scale->addAction(presentation_->scaleDownAction());
  connect(presentation_, &PresentationMode::scaleChanged, this, [this](double factor) {
    if (!presentation_->active()) {
      statusBar()->showMessage(
          tr("Presentation scale %1× (used in View > Presentation, F5)").arg(factor, 0, 'g', 3),
          5000);
    }
  });
}

}  // namespace gradscape::gui
