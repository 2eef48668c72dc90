// The main window's menus and toolbar.
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/playback_actions.h"
#include "app/gui/run_controller.h"
#include "core/scenario/scenario_json.h"

namespace gradscape::gui {

namespace {
QAction* addItem(QMenu* menu, const QString& text, const QKeySequence& key, const QString& tip) {
  auto* action = menu->addAction(text);
  action->setShortcut(key);
  action->setStatusTip(tip);
  action->setToolTip(tip);
  return action;
}

const char* kShortcutHelp =
    "<table cellpadding=3>"
    "<tr><td><b>Space</b></td><td>play / pause</td></tr>"
    "<tr><td><b>S</b></td><td>one step of every run; the selected run's next step is taken "
    "apart on the map and in the Update panel</td></tr>"
    "<tr><td><b>R</b></td><td>reset to iteration 0</td></tr>"
    "<tr><td><b>E</b></td><td>run to the end</td></tr>"
    "<tr><td><b>Esc</b></td><td>stop the runs (in a presentation: leave it)</td></tr>"
    "<tr><td><b>L</b></td><td>live mode: rerun on every change</td></tr>"
    "<tr><td><b>1 / 2 / 3</b></td><td>contour map / surface / both</td></tr>"
    "<tr><td><b>G</b></td><td>negative-gradient arrows</td></tr>"
    "<tr><td><b>C / N</b></td><td>local quadratic model / gradient and Newton steps</td></tr>"
    "<tr><td><b>Ctrl+1 / 2 / 3 / 4 / 5</b></td><td>convergence / sharpness / spectrum / model / "
    "update panel</td></tr>"
    "<tr><td><b>Home</b></td><td>reset the cameras</td></tr>"
    "<tr><td><b>F11</b></td><td>full screen</td></tr>"
    "<tr><td><b>F5</b></td><td>presentation: full screen, large views and text, big "
    "controls; Esc leaves</td></tr>"
    "<tr><td><b>PageDown / PageUp / B</b></td><td>in a presentation: step / reset / blank the "
    "screen</td></tr>"
    "<tr><td><b>Ctrl+= / Ctrl+-</b></td><td>presentation scale larger / smaller</td></tr>"
    "<tr><td><b>Ctrl+Shift+T</b></td><td>switch between the light and the dark theme</td></tr>"
    "<tr><td><b>Ctrl+Shift+N</b></td><td>notes: what the scenario shows and where it comes "
    "from</td></tr>"
    "<tr><td><b>Ctrl+Shift+A, Ctrl+D, Del</b></td><td>add, duplicate, remove a run</td></tr>"
    "<tr><td><b>Ctrl+N, Ctrl+O, Ctrl+S</b></td><td>new, open, save a scenario (or drop a "
    "scenario file on the window)</td></tr>"
    "<tr><td><b>Ctrl+Shift+C / Ctrl+Shift+V</b></td><td>copy the scenario, with its view, to "
    "the clipboard as JSON / open the scenario JSON on the clipboard</td></tr>"
    "<tr><td><b>Ctrl+E</b></td><td>export a view as a picture (PNG, PDF; charts also SVG); "
    "a right click on a view offers it too</td></tr>"
    "</table><p>Contour map: click or drag to set the start point, wheel to zoom, middle "
    "button to pan. Surface: drag to orbit, click to set the start point. Convergence "
    "chart: wheel to zoom, drag to pan, hover to find the iterate on the landscape.</p>";
// The "description" of a scenario built into the program (empty when it cannot be read).
QString exampleDescription(const QString& resource) {
  QFile file(resource);
  if (!file.open(QIODevice::ReadOnly)) return {};
  try {
    return QString::fromStdString(parseScenario(file.readAll().toStdString()).description);
  } catch (const std::exception&) {
    return {};
  }
}
}  // namespace

void MainWindow::buildActions() {
  playback_ = new PlaybackActions(*controller_, this);

  auto* file = menuBar()->addMenu(tr("&File"));
  connect(addItem(file, tr("&New"), QKeySequence::New, tr("Start again from the default scenario")),
          &QAction::triggered, this, &MainWindow::newScenario);
  connect(addItem(file, tr("&Open..."), QKeySequence::Open, tr("Open a scenario file (JSON)")),
          &QAction::triggered, this, &MainWindow::openDialog);
  recentMenu_ = file->addMenu(tr("Open &recent"));
  recentMenu_->setObjectName("recentMenu");
  auto* examples = file->addMenu(tr("&Examples"));
  const std::pair<const char*, const char*> exampleFiles[] = {
      {"Rosenbrock race", ":/gradscape/scenarios/default.json"},
      {"Momentum on an ill-conditioned quadratic",
       ":/gradscape/scenarios/momentum_ill_conditioned.json"},
      {"Noisy SGD and step-size schedules", ":/gradscape/scenarios/noisy_sgd_schedules.json"},
      {"Edge of stability (MLP)", ":/gradscape/scenarios/edge_of_stability.json"},
  };
  examples->setToolTipsVisible(true);
  for (const auto& [title, path] : exampleFiles) {
    const QString resource = QString::fromLatin1(path);
    auto* action = examples->addAction(tr(title));
    action->setObjectName(QStringLiteral("example.") + QFileInfo(resource).baseName());
    // What the example shows, from its own file: a wrapped tooltip and the status bar's tip.
    const QString description = exampleDescription(resource);
    action->setStatusTip(description);
    action->setToolTip(QStringLiteral("<p>") + description.toHtmlEscaped() + "</p>");
    // Unsaved work is asked about first, as New and Open do.
    connect(action, &QAction::triggered, this, [this, resource] {
      if (confirmDiscard()) openExample(resource);
    });
  }
  file->addSeparator();
  connect(addItem(file, tr("&Save"), QKeySequence::Save, tr("Save the scenario")),
          &QAction::triggered, this, &MainWindow::save);
  connect(addItem(file, tr("Save &as..."), QKeySequence::SaveAs,
                  tr("Save the scenario under a new name")),
          &QAction::triggered, this, &MainWindow::saveAsDialog);
  file->addSeparator();
  buildViewExportActions(file);
  buildExportActions(file);
  auto* animation = addItem(file, tr("Export &animation..."), QKeySequence(),
                            tr("The playback of the map, the surface or the window as MP4, WebM or "
                               "GIF"));
  animation->setObjectName("exportAnimation");
  connect(animation, &QAction::triggered, this, &MainWindow::exportAnimationDialog);
  file->addSeparator();
  connect(addItem(file, tr("&Quit"), QKeySequence::Quit, tr("Quit Gradscape")), &QAction::triggered,
          this, &QWidget::close);

  buildShareActions(menuBar()->addMenu(tr("&Edit")));

  auto* run = menuBar()->addMenu(tr("&Run"));
  run->addActions(playback_->actions());
  run->addSeparator();
  connect(addItem(run, tr("&Add run"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                  tr("Add an Adam run")),
          &QAction::triggered, this, &MainWindow::addRun);
  connect(addItem(run, tr("&Duplicate run"), QKeySequence(Qt::CTRL | Qt::Key_D),
                  tr("Duplicate the selected run")),
          &QAction::triggered, this, &MainWindow::duplicateRun);
  connect(addItem(run, tr("Re&move run"), QKeySequence::Delete, tr("Remove the selected run")),
          &QAction::triggered, this, &MainWindow::removeRun);

  auto* view = menuBar()->addMenu(tr("&View"));
  auto* layouts = new QActionGroup(this);
  const std::tuple<QString, Qt::Key, LandscapePanel::Layout> layoutItems[] = {
      {tr("&Contour map"), Qt::Key_1, LandscapePanel::Layout::Contour},
      {tr("&Surface"), Qt::Key_2, LandscapePanel::Layout::Surface},
      {tr("&Both"), Qt::Key_3, LandscapePanel::Layout::Both}};
  for (const auto& [text, key, layout] : layoutItems) {
    auto* action = addItem(view, text, QKeySequence(key), tr("Which landscape views to show"));
    action->setCheckable(true);
    action->setChecked(layout == LandscapePanel::Layout::Both);
    layouts->addAction(action);
    layoutActions_[size_t(layout)] = action;
    const auto chosen = layout;
    connect(action, &QAction::triggered, this, [this, chosen] { landscape_->setLayout(chosen); });
  }
  view->addSeparator();
  logScaleAction_ = addItem(view, tr("&Log colour scale"), QKeySequence(Qt::Key_K),
                            tr("Colour and height by log10(f - f_min + c) instead of f (c, chosen "
                               "from the landscape, is printed on the colour bar)"));
  logScaleAction_->setCheckable(true);
  logScaleAction_->setChecked(true);
  connect(logScaleAction_, &QAction::toggled, this, [this] { refreshLandscape(); });
  arrowsAction_ = addItem(view, tr("&Gradient arrows"), QKeySequence(Qt::Key_G),
                          tr("Show the negative-gradient field on the contour map"));
  arrowsAction_->setCheckable(true);
  connect(arrowsAction_, &QAction::toggled, this, [this] { refreshLandscape(); });
  connect(addItem(view, tr("&Reset cameras"), QKeySequence(Qt::Key_Home),
                  tr("Fit the landscape views to the landscape")),
          &QAction::triggered, this, [this] { landscape_->resetCameras(); });
  buildCurvatureActions(view);
  view->addSeparator();
  auto* fullScreen = addItem(view, tr("&Full screen"), QKeySequence(Qt::Key_F11),
                             tr("Fill the screen with the window (F11 again to leave)"));
  fullScreen->setObjectName("fullScreen");
  fullScreen->setCheckable(true);
  connect(fullScreen, &QAction::toggled, this, [this](bool on) {
    setWindowState(on ? windowState() | Qt::WindowFullScreen
                      : windowState() & ~Qt::WindowFullScreen);
  });
  addAction(fullScreen);  // works with the menu bar hidden too
  buildPresentation(view);
  buildThemeActions(view);
  for (auto* dock : findChildren<QDockWidget*>()) {
    if (dock != notesDock_) view->addAction(dock->toggleViewAction());
  }
  buildNotesAction(view);

  auto* help = menuBar()->addMenu(tr("&Help"));
  connect(addItem(help, tr("&Keyboard and mouse"), QKeySequence::HelpContents,
                  tr("Shortcuts and mouse controls")),
          &QAction::triggered, this,
          [this] { QMessageBox::information(this, tr("Keyboard and mouse"), tr(kShortcutHelp)); });
  connect(help->addAction(tr("&About Gradscape")), &QAction::triggered, this, [this] {
    QMessageBox::about(this, tr("About Gradscape"),
                       tr("<h3>Gradscape %1</h3><p>Watch optimizers move on loss landscapes: "
                          "trajectories, convergence curves and curvature, live.</p>")
                           .arg(QStringLiteral(GRADSCAPE_VERSION)));
  });

  auto* toolbar = addToolBar(tr("Playback"));
  toolbar->setObjectName("playbackToolbar");
  toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  playback_->addTo(toolbar);
}

}  // namespace gradscape::gui
