#include "app/gui/playback_actions.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QStyle>
#include <QToolBar>
#include <QWidget>

#include "app/gui/playback_icons.h"
#include "app/gui/run_controller.h"
#include "app/gui/theme_follow.h"

namespace gradscape::gui {

PlaybackActions::PlaybackActions(RunController& controller, QWidget* window)
    : QObject(window), controller_(controller) {
  auto make = [&](const QString& text, const QKeySequence& key, const QString& tip) {
    auto* action = new QAction(text, window);
    action->setShortcut(key);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    window->addAction(action);
    return action;
  };
  playPause_ = make(tr("&Play"), Qt::Key_Space,
                    tr("Play the runs step by step at the chosen speed, or pause them"));
  playPause_->setObjectName("playPause");
  step_ = make(tr("&Step"), Qt::Key_S, tr("One iteration of every unfinished run"));
  step_->setObjectName("step");
  reset_ = make(tr("&Reset"), Qt::Key_R, tr("Back to the start point, iteration 0"));
  reset_->setObjectName("reset");
  runToEnd_ =
      make(tr("Run to &end"), Qt::Key_E, tr("Run every run to its end as fast as possible"));
  runToEnd_->setObjectName("runToEnd");
  stop_ = make(tr("S&top"), Qt::Key_Escape, tr("Stop every unfinished run now"));
  stop_->setObjectName("stop");
  live_ = make(tr("&Live mode"), Qt::Key_L,
               tr("Rerun every run to the end whenever a setting or the start point changes"));
  live_->setObjectName("live");
  live_->setCheckable(true);
  live_->setChecked(true);
  live_->setIcon(window->style()->standardIcon(QStyle::SP_BrowserReload));  // coloured: any theme
  // The media icons in the theme's button text colour, drawn again when the theme changes.
  followTheme(window, QStringLiteral("playbackIcons"), [this] { applyIcons(); });

  speed_ = new QComboBox(window);
  speed_->setObjectName("speed");
  speed_->setToolTip(tr("Playback speed: iterations per second of every run"));
  for (int steps : {1, 2, 5, 10, 100, 1000, 2000, 10000, 100000}) {
    speed_->addItem(tr("%L1 it/s").arg(steps), steps);
  }
  speed_->addItem(tr("Fastest"), 0);
  speed_->setCurrentIndex(speed_->findData(int(controller.speed() > 0 ? controller.speed() : 0)));
  if (speed_->currentIndex() < 0) speed_->setCurrentIndex(speed_->findData(2000));

  connect(playPause_, &QAction::triggered, this, [this] {
    if (controller_.isPlaying()) {
      controller_.pause();
    } else {
      controller_.play();
    }
  });
  connect(step_, &QAction::triggered, this, [this] { controller_.stepOnce(); });
  connect(reset_, &QAction::triggered, this, [this] { controller_.reset(); });
  connect(runToEnd_, &QAction::triggered, this, [this] { controller_.runToEnd(); });
  connect(stop_, &QAction::triggered, this, [this] { controller_.stop(); });
  connect(speed_, &QComboBox::currentIndexChanged, this,
          [this] { controller_.setSpeed(speed_->currentData().toDouble()); });
  connect(&controller_, &RunController::playingChanged, this, &PlaybackActions::showPlaying);
  controller_.setSpeed(speed_->currentData().toDouble());
}

void PlaybackActions::applyIcons() {
  const QColor ink = QApplication::palette().color(QPalette::ButtonText);
  playPause_->setIcon(
      playbackIcon(controller_.isPlaying() ? PlaybackIcon::Pause : PlaybackIcon::Play, ink));
  step_->setIcon(playbackIcon(PlaybackIcon::Step, ink));
  reset_->setIcon(playbackIcon(PlaybackIcon::Reset, ink));
  runToEnd_->setIcon(playbackIcon(PlaybackIcon::RunToEnd, ink));
  stop_->setIcon(playbackIcon(PlaybackIcon::Stop, ink));
}

void PlaybackActions::showPlaying(bool playing) {
  playPause_->setText(playing ? tr("&Pause") : tr("&Play"));
  const QColor ink = QApplication::palette().color(QPalette::ButtonText);
  playPause_->setIcon(playbackIcon(playing ? PlaybackIcon::Pause : PlaybackIcon::Play, ink));
}

void PlaybackActions::addTo(QToolBar* toolbar) {
  toolbar->addAction(playPause_);
  toolbar->addAction(step_);
  toolbar->addAction(reset_);
  toolbar->addAction(runToEnd_);
  toolbar->addAction(stop_);
  toolbar->addSeparator();
  toolbar->addWidget(speed_);
  toolbar->addAction(live_);
}

QList<QAction*> PlaybackActions::actions() const {
  return {playPause_, step_, reset_, runToEnd_, stop_, live_};
}

}  // namespace gradscape::gui
