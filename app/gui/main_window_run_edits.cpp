// The main window's run list edits: Add (an Adam run with its defaults), Duplicate and Remove,
// each keeping the per-run parameter memory parallel to the scenario's runs.
#include "app/gui/main_window.h"
#include "app/gui/run_list_panel.h"
#include "core/optimizers/optimizer_registry.h"

namespace gradscape::gui {

void MainWindow::addRun() {
  if (!classroomAllows("runs")) return;
  RunSpec run;
  const auto* adam = optimizerRegistry().find("adam");
  run.optimizer = adam->name;
  run.label = adam->title;
  run.optimizerParams = ParamValues::defaults(adam->params);
  run.start = scenario_.start;
  run.stop = scenario_.stop;
  run.seed = scenario_.seed + scenario_.runs.size();
  scenario_.runs.push_back(run);
  paramMemory_.resize(scenario_.runs.size());
  refreshRunList();
  runList_->setCurrentRow(int(scenario_.runs.size()) - 1);
  markModified(true);
  restartRuns();
}

void MainWindow::duplicateRun() {
  if (!classroomAllows("runs")) return;
  const int row = runList_->currentRow();
  if (row < 0 || row >= int(scenario_.runs.size())) return;
  RunSpec copy = scenario_.runs[size_t(row)];
  copy.label += " (copy)";
  copy.visible = true;
  scenario_.runs.insert(scenario_.runs.begin() + row + 1, copy);
  paramMemory_.resize(scenario_.runs.size() - 1);
  paramMemory_.insert(paramMemory_.begin() + row + 1, paramMemory_[size_t(row)]);
  refreshRunList();
  runList_->setCurrentRow(row + 1);
  markModified(true);
  restartRuns();
}

void MainWindow::removeRun() {
  if (!classroomAllows("runs")) return;
  const int row = runList_->currentRow();
  if (row < 0 || row >= int(scenario_.runs.size())) return;
  scenario_.runs.erase(scenario_.runs.begin() + row);
  paramMemory_.resize(scenario_.runs.size() + 1);
  paramMemory_.erase(paramMemory_.begin() + row);
  refreshRunList();
  markModified(true);
  restartRuns();
}

}  // namespace gradscape::gui
