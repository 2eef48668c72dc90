#pragma once
// Play/Pause (Space), Step (S), Reset (R), Run to end (E), Stop (Esc), the playback speed and
// Live mode (L), as actions for the Run menu and the toolbar, driving a RunController.
#include <QObject>

class QAction;
class QComboBox;
class QToolBar;

namespace gradscape::gui {

class RunController;

class PlaybackActions : public QObject {
  Q_OBJECT
 public:
  PlaybackActions(RunController& controller, QWidget* window);
  // Adds the actions and the speed picker to a toolbar.
  void addTo(QToolBar* toolbar);
  QList<QAction*> actions() const;

  QAction* playPause() const { return playPause_; }
  QAction* step() const { return step_; }
  QAction* reset() const { return reset_; }
  QAction* runToEnd() const { return runToEnd_; }
  QAction* stop() const { return stop_; }
  QAction* live() const { return live_; }
  QComboBox* speed() const { return speed_; }

 private:
  void showPlaying(bool playing);
  // The media icons in the palette's button text colour (playback_icons.h).
  void applyIcons();

  RunController& controller_;
  QAction* playPause_;
  QAction* step_;
  QAction* reset_;
  QAction* runToEnd_;
  QAction* stop_;
  QAction* live_;
  QComboBox* speed_;
};

}  // namespace gradscape::gui
