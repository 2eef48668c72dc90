#pragma once
// The main window: landscape views (centre top), convergence panel (centre bottom), the
// scenario and run editors (docks on the left), playback toolbar, menus and status bar.
// Holds the scenario being edited; the RunController runs it off the GUI thread.
#include <QMainWindow>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>
#include "app/gui/app_theme.h"
#include "app/gui/engine_snapshot.h"
#include "app/gui/landscape_job.h"
#include "app/gui/session_state.h"
#include "app/gui/view_export.h"
#include "core/analysis/slice_plane.h"
#include "core/scenario/scenario.h"

class QAction;
class QDragEnterEvent;
class QDropEvent;
class QDockWidget;
class QLabel;
class QProgressBar;
class QProgressDialog;
class QMenu;
class QTabWidget;

namespace gradscape::gui {

class AnimationExport;
struct AnimationRequest;
class ConvergencePanel;
class LandscapePanel;
class MessageBanner;
class ObjectiveEditor;
class PlaybackActions;
class PresentationMode;
class RunController;
class RunEditor;
class RunListPanel;
class ModelPanel;
class NotesPanel;
class RestorePrompt;
class SessionAutosave;
struct CrashedSession;
class PathPcaJob;

class SharpnessPanel;
class VtkView;
class SpectrumPanel;
class UpdatePanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Replaces the work in the window with a scenario (the current one is replaced without
  // asking: callers ask first) and shows it as its view state says, if it has one (scenario()
  // then holds none: the window's view is viewState()). `filePath` empty = untitled.
  void setScenario(const Scenario& scenario, const QString& filePath = {});
  const Scenario& scenario() const { return scenario_; }
  // Opens a scenario file (with the view state it carries). A bad file shows its message and
  // keeps the current work.
  bool openFile(const QString& path);
  // Opens a scenario built into the program (":/gradscape/scenarios/...") as untitled, and plays
  // (without asking: File > Examples asks first, as New and Open do).
  void openExample(const QString& resourcePath);
  // What the window asks before unsaved work is replaced (New, Open, Examples, recent files)
  // or closed: save it, discard it, or cancel. By default a modal question box; tests answer
  // it with a function instead (and count the questions).
  enum class DiscardAnswer { Save, Discard, Cancel };
  using DiscardQuestion = std::function<DiscardAnswer()>;
  void setDiscardQuestion(DiscardQuestion question) { discardQuestion_ = std::move(question); }
  // Saves the scenario (the GUI state: objective, start, stop rules, runs) as JSON, with the
  // view state.
  bool saveFile(const QString& path);
  // Edit > Copy scenario: the scenario's JSON, with the view state, on the clipboard as text.
  void copyScenario();
  // Edit > Paste scenario: opens the clipboard's JSON as an untitled, unsaved scenario, after
  // asking about unsaved work. Text that is no scenario shows what is wrong and keeps the work.
  bool pasteScenario();
  QString filePath() const { return filePath_; }
  // Exports (main_window_export_data.cpp), all files or none; a failure says why in the banner.
  // The traces as the engine holds them now: one JSON file, or one CSV per run (the command
  // line's format and names) into `folder` (created when missing).
  bool exportTracesJson(const QString& path);
  bool exportTracesCsv(const QString& folder);
  // The landscape as NAME.vts and the runs' paths as NAME.vtp (`base`: NAME, NAME.vts or .vtp).
  bool exportLandscapeVtk(const QString& base);
  // Pictures (main_window_export_view.cpp): one view, or the window as it is on screen (PNG,
  // at a scale of 1 to 4); false, with the reason in the banner, when nothing could be written.
  bool exportViewTo(VtkView* view, const QString& path, const ViewExportOptions& options);
  bool exportWindowTo(const QString& path, int scale = 1);
  bool isModified() const { return modified_; }

  // Live mode: every change reruns all runs to the end at once.
  void setLiveMode(bool live);
  bool liveMode() const;
  void play();

  RunController& controller() const { return *controller_; }
  LandscapePanel* landscapePanel() const { return landscape_; }
  ConvergencePanel* convergencePanel() const { return convergence_; }
  SharpnessPanel* sharpnessPanel() const { return sharpness_; }
  SpectrumPanel* spectrumPanel() const { return spectrum_; }
  ModelPanel* modelPanel() const { return model_; }
  // The Update tab: the selected run's next step taken apart (main_window_update.cpp).
  UpdatePanel* updatePanel() const { return update_; }
  QTabWidget* analysisTabs() const { return analysisTabs_; }
  PresentationMode* presentation() const { return presentation_; }
  RunListPanel* runList() const { return runList_; }
  RunEditor* runEditor() const { return runEditor_; }
  ObjectiveEditor* objectiveEditor() const { return objectiveEditor_; }
  MessageBanner* banner() const { return banner_; }
  // The Notes dock: the scenario's name, description and Markdown notes.
  NotesPanel* notesPanel() const { return notes_; }
  QDockWidget* notesDock() const { return notesDock_; }
  const EngineSnapshot& lastSnapshot() const { return snapshot_; }
  // True while the landscape of a many-dimensional problem is built off the GUI thread
  // (main_window_landscape.cpp); the views show the previous one, with its runs, until then.
  bool landscapePending() const { return pending_.has_value(); }
  // Cancels that: the objective, start and slice go back to those the views show.
  void cancelLandscape();
  // What the views draw of each run (labelled, coloured; N-D iterates projected on the slice).
  const std::vector<plots::RunView>& runViews() const { return views_; }
  // View > Theme (main_window_theme.cpp): applies the choice to the widgets and every view,
  // shows it in the menu and keeps it in the settings for the next start.
  void setThemeChoice(ThemeChoice choice);
  // The width the left docks get in a window of this width: a quarter, 270 to 380 px.
  static int dockWidthFor(int windowWidth);

  // Session autosave (main_window_session.cpp). Autosaves the unsaved work (scenario, file,
  // view state) in `directory` a moment after each change, and offers to restore the work of
  // sessions there whose program died. The program passes SessionAutosave::defaultDirectory();
  // windows that never call it (tests) autosave nothing. Called once per window.
  void startAutosave(const QString& directory);
  SessionAutosave* autosave() const { return autosave_.get(); }
  RestorePrompt* restorePrompt() const { return restorePrompt_; }
  // File > Export animation (main_window_animation.cpp): the settings dialog, then the export
  // with a progress dialog (Cancel). exportAnimation() starts one without the dialog (tests,
  // benchmarks): null, with the reason in the banner, when it cannot start; one at a time.
  void exportAnimationDialog();
  AnimationExport* exportAnimation(const AnimationRequest& request);
  AnimationExport* animationExport() const { return animation_; }
  QProgressDialog* animationProgress() const { return animationProgress_; }

  // The view state a saved file and an autosave carry (core/scenario/view_state.h), and putting
  // it back. The cameras of a landscape still being built are put on it once it is shown.
  ViewState viewState() const;
  void applyViewState(const ViewState& view);

 signals:
  // A snapshot has been drawn into every view (tests and benchmarks wait on it).
  void snapshotShown(uint64_t generation);
  // A new landscape is on the views (tests wait on it for many-dimensional problems).
  void landscapeShown();
  // An animation export ended: "" when the file is in place, "cancelled", or why it failed.
  void animationExported(const QString& message);

 protected:
  void closeEvent(QCloseEvent* event) override;
  // Gives the docks their share of a new width (main_window_layout.cpp).
  void resizeEvent(QResizeEvent* event) override;
  // A scenario file dropped on the window opens, as File > Open does (main_window_share.cpp).
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  // Construction (main_window.cpp, main_window_actions.cpp).
  void buildPanels();
  void buildActions();
  void connectEditors();
  // Changes to the scenario.
  void objectiveEdited();
  void startEdited(double x, double y);
  void stopRulesEdited();
  void runEdited();
  void addRun();
  void duplicateRun();
  void removeRun();
  void restartRuns();
  bool validateRuns();
  // Clears the runs from the engine and the views (after validateRuns refused them).
  void showNoRuns();
  // What follows a landscape rebuild, once its map is shown: both then belong together.
  enum FollowUp : unsigned { kRestartRuns = 1, kScenarioRuns = 2, kSetProjection = 4, kPlay = 8 };
  // Rebuilds the landscape: here for 2-D objectives, on a LandscapeJob for slices of
  // many-dimensional ones; `followUps` run once it is shown (those of a replaced request carry
  // over to the newest).
  void refreshLandscape(unsigned followUps = 0);
  void showLandscape(const BuiltLandscape& built);
  void landscapeBuilt(uint64_t request, const BuiltLandscape& built);
  void runFollowUps(unsigned followUps);
  void buildLandscapeProgress();
  void refreshRunList();
  void showRunInEditor(int row);
  void markModified(bool modified);
  void updateTitle();
  // Engine results.
  void showSnapshot(EngineSnapshot snapshot);
  void showHoveredIteration(std::optional<double> iteration);
  void showCursor(std::optional<std::array<double, 2>> point);
  void redrawRuns();
  void fitSliceToPaths();
  // The selected run's (index, row) at the row nearest `iteration`, or its last row.
  std::optional<std::pair<size_t, size_t>> selectedRow(std::optional<double> iteration) const;
  // Curvature (main_window_curvature.cpp).
  void buildAnalysisTabs();
  void connectAnalysisTabs();
  void buildCurvatureActions(QMenu* view);
  void updateCurvatureGlyph();
  void trackingEdited(int64_t every);
  // The next step (main_window_update.cpp): the Update tab, and the selected run's parts on the
  // map and in the tab.
  void buildUpdateTab();
  void updateUpdateView();
  // Notes (main_window_notes.cpp): the dock, tabbed beside `besides`, and View > Notes.
  void buildNotesDock(QDockWidget* besides);
  void buildNotesAction(QMenu* view);
  void updateNotes();
  // The spectrum and model panels follow the selected run.
  void updateSpectrumRun();
  // Classroom settings (main_window_classroom.cpp): applied to the editors after they change;
  // false (and a status message) when the scenario keeps a control from the user.
  void applyClassroomNow();
  bool classroomAllows(const std::string& control);
  // Presentation mode (main_window_presentation.cpp).
  void buildPresentation(QMenu* view);
  void buildThemeActions(QMenu* view);
  // Slices of N-D landscapes (main_window_slices.cpp).
  void buildSliceActions(QMenu* view);
  void chooseSlice(int directions);
  void applySlice();
  void resetSlice();
  // Sharing (main_window_share.cpp): Edit > Copy / Paste scenario, the slice and cameras of a
  // view state.
  void buildShareActions(QMenu* edit);
  std::optional<ViewSlice> sliceView() const;
  bool applySliceView(const std::optional<ViewSlice>& slice);  // true: the slice changed
  void applyPendingCameras();
  // Files (main_window_files.cpp).
  void newScenario();
  // Reads a scenario file, or shows why it cannot and returns nothing.
  std::optional<Scenario> readScenarioFile(const QString& path);
  void showOpened(const Scenario& scenario, const QString& path);
  void openDialog();
  bool save();
  bool saveAsDialog();
  bool confirmDiscard();
  void addRecentFile(const QString& path);
  void rebuildRecentMenu();
  void restoreSettings();
  void saveSettings();
  // Export menu items and their dialogs (main_window_export_data.cpp).
  void buildExportActions(QMenu* file);
  // Picture export menu items, the views' context menus and the dialogs
  // (main_window_export_view.cpp).
  struct ExportableView {
    QString title, fileStem;
    VtkView* view;
    bool chart;
  };
  std::vector<ExportableView> exportableViews() const;
  void buildViewExportActions(QMenu* file);
  void exportViewDialog(VtkView* preset);
  void exportWindowDialog();
  void exportTracesDialog();
  void exportVtkDialog();
  bool exportFailed(const QString& what, const std::string& reason);  // false, after saying why
  // Session autosave (main_window_session.cpp).
  void sessionChanged();  // the scenario or its modified state changed
  void viewChanged();     // the view state changed
  void connectViewChanges();
  void offerNextCrashedSession();
  void restoreCrashedSession();
  void discardCrashedSession();
  void showLayoutChecked(int layout);

  Scenario scenario_;
  // Per run (parallel to scenario_.runs), the hyperparameters it last had for each optimizer:
  // switching its optimizer back restores them (RunEditor::ParamMemory).
  std::vector<std::map<std::string, ParamValues>> paramMemory_;
  QString filePath_;
  bool modified_ = false;
  DiscardQuestion discardQuestion_;  // empty: the modal question box
  bool awaitingLiveResult_ = false;  // live mode asked for a rerun; its first frames are skipped
  std::shared_ptr<const Objective> objective_;
  // Places N-D iterates on the landscape's slice (null for 2-D objectives).
  std::shared_ptr<const PlaneProjector> projection_;
  double sliceHalfWidth_ = 1.0;           // grows once so the slice holds the finished paths
  std::optional<SlicePlane> slicePlane_;  // chosen slice; none: Hessian eigenvectors at start
  std::unique_ptr<PathPcaJob> pcaJob_;
  // The landscape being built (null when none); jobs still winding down are kept until they report.
  std::optional<LandscapeWait> pending_;
  std::map<uint64_t, std::unique_ptr<LandscapeJob>> landscapeJobs_;
  uint64_t landscapeRequest_ = 0;
  // What the views show: the objective spec, start and slice they were built for.
  ObjectiveSpec shownObjective_;
  Vec shownStart_;
  std::optional<SlicePlane> shownPlane_;
  // The slice the map shows (null for 2-D problems).
  std::shared_ptr<const SlicePlane> viewPlane_;
  QWidget* landscapeProgress_ = nullptr;  // bar and Cancel in the status bar, while building
  uint64_t pcaRequest_ = 0;
  std::array<QAction*, 4> sliceActions_{};
  EngineSnapshot snapshot_;            // statuses; the views' data moved into views_
  std::vector<plots::RunView> views_;  // what the views draw, labelled and coloured

  RunController* controller_ = nullptr;
  LandscapePanel* landscape_ = nullptr;
  ConvergencePanel* convergence_ = nullptr;
  SharpnessPanel* sharpness_ = nullptr;
  SpectrumPanel* spectrum_ = nullptr;
  ModelPanel* model_ = nullptr;
  UpdatePanel* update_ = nullptr;
  NotesPanel* notes_ = nullptr;
  QDockWidget* notesDock_ = nullptr;
  QAction* notesAction_ = nullptr;
  QTabWidget* analysisTabs_ = nullptr;
  QAction* glyphAction_ = nullptr;
  QAction* stepsAction_ = nullptr;
  std::optional<double> hoveredIteration_;
  RunListPanel* runList_ = nullptr;
  RunEditor* runEditor_ = nullptr;
  ObjectiveEditor* objectiveEditor_ = nullptr;
  MessageBanner* banner_ = nullptr;
  PlaybackActions* playback_ = nullptr;
  PresentationMode* presentation_ = nullptr;
  QLabel* cursorLabel_ = nullptr;
  QLabel* summaryLabel_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QAction* logScaleAction_ = nullptr;
  QAction* arrowsAction_ = nullptr;
  std::array<QAction*, 3> layoutActions_{};
  std::array<QAction*, 3> themeActions_{};  // System, Light, Dark
  // The cameras of a view state waiting for the landscape being built.
  struct PendingCameras {
    std::optional<ViewBox> map;
    std::optional<ViewCamera> surface;
  };
  std::optional<PendingCameras> pendingCameras_;
  std::unique_ptr<SessionAutosave> autosave_;
  std::vector<CrashedSession> crashed_;  // offered one at a time, newest first
  RestorePrompt* restorePrompt_ = nullptr;
  bool autosaveFailing_ = false;          // the banner said so; said again only after a success
  QString exportFolder_;                  // where the last picture went
  ViewExportOptions exportOptions_;       // the last Export view's choices
  int exportWindowScale_ = 1;             // the last Export window's scale
  AnimationExport* animation_ = nullptr;  // the export under way, if any
  QProgressDialog* animationProgress_ = nullptr;
};

}  // namespace gradscape::gui
