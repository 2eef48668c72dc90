#pragma once
// Presentation mode (View > Presentation, F5), for a lecturer at a projector. The window fills
// the screen without menu bar, toolbars, docks and status bar; the landscape views and charts
// draw their text and lines scale() times larger (VtkView::setContentScale) and the window's own
// widgets use a font that much larger; a slim bar at the bottom holds big Play, Step and Reset
// buttons. The keys a presentation clicker sends work: PageDown steps, PageUp resets, B blanks
// the screen (B or any other key brings it back). Esc leaves and puts every bar, dock and the
// window state back as they were. Ctrl+= and Ctrl+- change the scale (1x to 3x, default 1.5x)
// at any time, also in normal mode, where it applies at the next presentation.
#include <QByteArray>
#include <QObject>
#include <functional>
#include <vector>

class QAction;
class QLabel;
class QMainWindow;
class QWidget;

namespace gradscape::gui {

class PlaybackActions;
class VtkView;

class PresentationMode : public QObject {
  Q_OBJECT
 public:
  static constexpr double kDefaultScale = 1.5, kMinScale = 1.0, kMaxScale = 3.0, kScaleStep = 0.25;

  // `views` lists the window's VTK views (asked each time the scale is applied).
  PresentationMode(QMainWindow* window, PlaybackActions* playback,
                   std::function<std::vector<VtkView*>()> views);

  bool active() const { return active_; }
  void setActive(bool on);
  double scale() const { return scale_; }
  void setScale(double scale);
  bool blanked() const;
  void setBlanked(bool on);

  // F5 (checkable), Esc (leave), Ctrl+= / Ctrl+- (scale), PageDown / PageUp, B: all actions of
  // the window itself, so they work with the menus hidden.
  QAction* toggleAction() const { return toggle_; }
  QAction* scaleUpAction() const { return scaleUp_; }
  QAction* scaleDownAction() const { return scaleDown_; }
  // The bar of big buttons (visible only while presenting).
  QWidget* overlayBar() const { return bar_; }

 signals:
  void activeChanged(bool active);
  // The scale changed (the window shows it in the status bar or the overlay).
  void scaleChanged(double scale);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildBar(PlaybackActions* playback);
  void applyScale();
  void placeOverlays();

  QMainWindow* window_;
  std::function<std::vector<VtkView*>()> views_;
  bool active_ = false;
  double scale_ = kDefaultScale;
  // What leaving puts back.
  QByteArray savedState_;
  Qt::WindowStates savedWindowState_;
  bool savedMenuBar_ = true, savedStatusBar_ = true;
  QAction* toggle_ = nullptr;
  QAction* leave_ = nullptr;
  QAction* scaleUp_ = nullptr;
  QAction* scaleDown_ = nullptr;
  QAction* blank_ = nullptr;
  QAction* stepKey_ = nullptr;
  QAction* resetKey_ = nullptr;
  QWidget* bar_ = nullptr;
  QLabel* scaleLabel_ = nullptr;
  QWidget* blankCover_ = nullptr;
};

}  // namespace gradscape::gui
