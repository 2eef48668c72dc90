// The main window's view of the next step (issue 12, section 4): the Update tab and the arrows on
// the contour map, both for the selected run, from the snapshot's UpdateParts. The engine fills
// those when the user steps, pauses or resets (never while playing).
#include <QTabWidget>
#include <algorithm>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/run_list_panel.h"
#include "app/gui/update_panel.h"
#include "plots/run_label.h"
#include "plots/update_arrows.h"

namespace gradscape::gui {

namespace {
constexpr size_t kPathPoints = 64;  // last iterates of each run the arrows' labels keep off
}

void MainWindow::buildUpdateTab() {
  update_ = new UpdatePanel(this);
  const int tab = analysisTabs_->addTab(update_, tr("Update"));
  analysisTabs_->setTabToolTip(
      tab, tr("The selected run's next step taken apart, beside its optimizer's update rule; "
              "press S to step (Ctrl+5)"));
}

void MainWindow::updateUpdateView() {
  if (!update_) return;
  const size_t row = size_t(std::max(runList_->currentRow(), 0));
  const RunSnapshot* run = row < snapshot_.runs.size() ? &snapshot_.runs[row] : nullptr;
  if (!run || !run->nextUpdate || row >= scenario_.runs.size()) {
    update_->clear();
    landscape_->setUpdateArrows(std::nullopt);
    return;
  }
  const plots::Rgb color = plots::runColor(int(row));
  const auto names = plots::runNames(scenario_.runs);
  update_->setUpdate(*run->nextUpdate, QString::fromStdString(names[row].name), color,
                     run->iterations);
  // The map needs the iterate in full (left out of snapshots beyond kSnapshotPointDim).
  const bool visible = row < views_.size() && views_[row].visible;
  if (!visible || run->point.size() == 0 || (!projection_ && run->point.size() != 2)) {
    landscape_->setUpdateArrows(std::nullopt);
    return;
  }
  plots::UpdateArrows arrows =
      plots::makeUpdateArrows(*run->nextUpdate, run->point, color, projection_.get());
  for (const auto& view : views_) {
    if (!view.visible) continue;
    auto& path = arrows.paths.emplace_back();
    const size_t rows = size_t(view.size());
    for (size_t k = rows > kPathPoints ? rows - kPathPoints : 0; k < rows; ++k) {
      path.push_back({view.x[k], view.y[k]});
    }
  }
  landscape_->setUpdateArrows(std::move(arrows));
}

}  // namespace gradscape::gui
