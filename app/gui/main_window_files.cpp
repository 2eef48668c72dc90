// The main window's files: new, open, save, recent files, examples, settings.
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

#include "app/gui/app_settings.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "core/scenario/scenario_json.h"

namespace gradscape::gui {

namespace {
constexpr int kMaxRecent = 8;
const char* kRecentKey = "recentFiles";

}  // namespace

void MainWindow::newScenario() {
  if (!confirmDiscard()) return;
  openExample(QStringLiteral(":/gradscape/scenarios/default.json"));
}

void MainWindow::openExample(const QString& resourcePath) {
  QFile file(resourcePath);
  if (!file.open(QIODevice::ReadOnly)) {
    banner_->showMessage(tr("Cannot read the example %1").arg(resourcePath));
    return;
  }
  try {
    const Scenario scenario = parseScenario(file.readAll().toStdString(),
                                            QFileInfo(resourcePath).fileName().toStdString());
    setScenario(scenario);
    play();
  } catch (const std::exception& e) {
    banner_->showMessage(QString::fromStdString(e.what()));
  }
}

void MainWindow::openDialog() {
  if (!confirmDiscard()) return;
  const QString dir = filePath_.isEmpty() ? QString() : QFileInfo(filePath_).absolutePath();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), dir,
                                                    tr("Scenarios (*.json);;All files (*)"));
  if (!path.isEmpty()) openFile(path);
}

bool MainWindow::openFile(const QString& path) {
  const auto scenario = readScenarioFile(path);
  if (!scenario) return false;
  showOpened(*scenario, path);
  return true;
}

std::optional<Scenario> MainWindow::readScenarioFile(const QString& path) {
  try {
    return loadScenarioFile(path.toStdString());
  } catch (const std::exception& e) {
    // The current work stays as it is.
    banner_->showMessage(
        tr("Could not open the scenario. %1").arg(QString::fromStdString(e.what())));
    return std::nullopt;
  }
}

void MainWindow::showOpened(const Scenario& scenario, const QString& path) {
  setScenario(scenario, QFileInfo(path).absoluteFilePath());
  addRecentFile(filePath_);
  play();
}

bool MainWindow::saveFile(const QString& path) {
  const QString target = QFileInfo(path).absoluteFilePath();
  const bool existed = QFileInfo::exists(target);
  try {
    // Atomic: the old file stays whole until the new one is complete on disk.
    Scenario shown = scenario_;
    shown.view = viewState();  // reopens to the same picture
    saveScenarioFile(shown, target.toStdString());
  } catch (const std::exception& e) {
    // The work stays on screen, still marked unsaved (and still autosaved).
    QString reason = QString::fromStdString(e.what());
    const QString prefix = QStringLiteral("cannot write '%1': ").arg(target);
    if (reason.startsWith(prefix)) reason = reason.mid(prefix.size());
    banner_->showMessage(
        tr("Could not save %1: %2. %3")
            .arg(target, reason,
                 existed ? tr("The file on disk is unchanged; the work here is not saved yet.")
                         : tr("Nothing was written; the work here is not saved yet.")));
    return false;
  }
  filePath_ = target;
  addRecentFile(filePath_);
  markModified(false);
  return true;
}

bool MainWindow::save() {
  return filePath_.isEmpty() ? saveAsDialog() : saveFile(filePath_);
}

bool MainWindow::saveAsDialog() {
  QString path =
      QFileDialog::getSaveFileName(this, tr("Save scenario"), filePath_, tr("Scenarios (*.json)"));
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
  return saveFile(path);
}

bool MainWindow::confirmDiscard() {
  if (!modified_) return true;
  DiscardAnswer answer = DiscardAnswer::Cancel;
  if (discardQuestion_) {
    answer = discardQuestion_();
  } else {
    const auto button = QMessageBox::question(
        this, tr("Unsaved changes"), tr("The scenario has changes that are not saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    answer = button == QMessageBox::Save      ? DiscardAnswer::Save
             : button == QMessageBox::Discard ? DiscardAnswer::Discard
                                              : DiscardAnswer::Cancel;
  }
  if (answer == DiscardAnswer::Save) return save();
  return answer == DiscardAnswer::Discard;
}

void MainWindow::addRecentFile(const QString& path) {
  auto store = appSettings();
  QStringList files = store.value(kRecentKey).toStringList();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecent) files.removeLast();
  store.setValue(kRecentKey, files);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList files = appSettings().value(kRecentKey).toStringList();
  for (const QString& path : files) {
    connect(recentMenu_->addAction(QFileInfo(path).fileName()), &QAction::triggered, this,
            [this, path] {
              if (confirmDiscard()) openFile(path);
            });
    recentMenu_->actions().last()->setToolTip(path);
  }
  recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::restoreSettings() {
  auto store = appSettings();
  if (!restoreGeometry(store.value("geometry").toByteArray())) resize(1500, 940);
  restoreState(store.value("windowState").toByteArray());
  const int layout = store.value("landscapeLayout", int(LandscapePanel::Layout::Both)).toInt();
  landscape_->setLayout(static_cast<LandscapePanel::Layout>(std::clamp(layout, 0, 2)));
  showLayoutChecked(std::clamp(layout, 0, 2));  // the View menu shows the layout in use
  rebuildRecentMenu();
}

void MainWindow::saveSettings() {
  auto store = appSettings();
  store.setValue("geometry", saveGeometry());
  store.setValue("windowState", saveState());
  store.setValue("landscapeLayout", int(landscape_->layout()));
}

}  // namespace gradscape::gui
