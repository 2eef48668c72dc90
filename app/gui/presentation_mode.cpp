#include "app/gui/presentation_mode.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLayout>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <algorithm>
#include <cmath>

#include "app/gui/playback_actions.h"
#include "app/gui/theme_follow.h"
#include "app/gui/vtk_view.h"

namespace gradscape::gui {

namespace {

QAction* windowAction(QMainWindow* window, const QString& text, const QKeySequence& key,
                      const QString& objectName) {
  auto* action = new QAction(text, window);
  action->setObjectName(objectName);
  action->setShortcut(key);
  action->setShortcutContext(Qt::WindowShortcut);
  window->addAction(action);  // works with the menus hidden
  return action;
}

}  // namespace

PresentationMode::PresentationMode(QMainWindow* window, PlaybackActions* playback,
                                   std::function<std::vector<VtkView*>()> views)
    : QObject(window), window_(window), views_(std::move(views)) {
  toggle_ = windowAction(window, tr("&Presentation"), QKeySequence(Qt::Key_F5), "presentation");
  toggle_->setCheckable(true);
  toggle_->setToolTip(
      tr("Full screen for a projector: large views and text, big controls; "
         "PageDown steps, PageUp resets, B blanks, Esc leaves"));
  connect(toggle_, &QAction::toggled, this, &PresentationMode::setActive);
  leave_ = windowAction(window, tr("Leave presentation"), QKeySequence(Qt::Key_Escape),
                        "leavePresentation");
  leave_->setEnabled(false);
  connect(leave_, &QAction::triggered, this, [this] { setActive(false); });
  scaleUp_ = windowAction(window, tr("&Larger"), QKeySequence(Qt::CTRL | Qt::Key_Equal),
                          "presentationLarger");
  scaleUp_->setShortcuts(
      {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
  scaleUp_->setToolTip(tr("Presentation: text and lines larger"));
  connect(scaleUp_, &QAction::triggered, this, [this] { setScale(scale_ + kScaleStep); });
  scaleDown_ = windowAction(window, tr("&Smaller"), QKeySequence(Qt::CTRL | Qt::Key_Minus),
                            "presentationSmaller");
  scaleDown_->setToolTip(tr("Presentation: text and lines smaller"));
  connect(scaleDown_, &QAction::triggered, this, [this] { setScale(scale_ - kScaleStep); });
  // A clicker's keys, only while presenting (PageUp/PageDown scroll lists otherwise).
  stepKey_ = windowAction(window, tr("Step"), QKeySequence(Qt::Key_PageDown), "presentationStep");
  connect(stepKey_, &QAction::triggered, playback->step(), &QAction::trigger);
  resetKey_ = windowAction(window, tr("Reset"), QKeySequence(Qt::Key_PageUp), "presentationReset");
  connect(resetKey_, &QAction::triggered, playback->reset(), &QAction::trigger);
  blank_ = windowAction(window, tr("Blank"), QKeySequence(Qt::Key_B), "presentationBlank");
  connect(blank_, &QAction::triggered, this, [this] { setBlanked(!blanked()); });
  for (QAction* key : {stepKey_, resetKey_, blank_}) key->setEnabled(false);

  buildBar(playback);
  blankCover_ = new QWidget(window);
  blankCover_->setObjectName("presentationBlank");
  blankCover_->setStyleSheet(QStringLiteral("background: black;"));
  blankCover_->setAttribute(Qt::WA_StyledBackground);
  blankCover_->setFocusPolicy(Qt::StrongFocus);
  blankCover_->hide();
  blankCover_->installEventFilter(this);
  window->installEventFilter(this);
}

void PresentationMode::buildBar(PlaybackActions* playback) {
  bar_ = new QWidget(window_);
  bar_->setObjectName("presentationBar");
  bar_->setAttribute(Qt::WA_StyledBackground);
  // In the window's colours (the theme's), so that the buttons' icons, drawn in the palette's
  // button text colour (playback_icons.h), stand out on it in either theme.
  setThemedStyleSheet(bar_, [] {
    const QPalette p = QApplication::palette();
    const QColor back = p.color(QPalette::Window), text = p.color(QPalette::WindowText);
    const QColor edge = p.color(QPalette::Mid);
    QColor hover = text;
    hover.setAlpha(40);
    return QStringLiteral(
               "#presentationBar { background: %1; border: 1px solid %2; border-radius: 10px; }"
               "#presentationBar QToolButton { color: %3; background: transparent; border: none;"
               " padding: 6px 14px; }"
               "#presentationBar QToolButton:hover { background: %4; }"
               "#presentationBar QLabel { color: %3; padding: 0 10px; }")
        .arg(back.name(), edge.name(), text.name(), hover.name(QColor::HexArgb));
  });
  auto* row = new QHBoxLayout(bar_);
  row->setContentsMargins(8, 4, 8, 4);
  row->setSpacing(4);
  for (QAction* action : {playback->playPause(), playback->step(), playback->reset()}) {
    auto* button = new QToolButton(bar_);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setIconSize(QSize(32, 32));
    row->addWidget(button);
  }
  scaleLabel_ = new QLabel(bar_);
  scaleLabel_->setObjectName("presentationScale");
  row->addWidget(scaleLabel_);
  auto* leave = new QToolButton(bar_);
  leave->setText(tr("Leave (Esc)"));
  connect(leave, &QToolButton::clicked, this, [this] { setActive(false); });
  row->addWidget(leave);
  bar_->hide();
}

void PresentationMode::setActive(bool on) {
  if (on == active_) return;
  active_ = on;
  {
    const QSignalBlocker block(toggle_);
    toggle_->setChecked(on);
  }
  // Esc stops the runs in normal mode; while presenting it leaves.
  for (QAction* action : window_->findChildren<QAction*>()) {
    if (action != leave_ && action->shortcut() == QKeySequence(Qt::Key_Escape)) {
      action->setEnabled(!on);
    }
  }
  leave_->setEnabled(on);
  for (QAction* key : {stepKey_, resetKey_, blank_}) key->setEnabled(on);
  if (on) {
    savedState_ = window_->saveState();
    savedWindowState_ = window_->windowState();
    savedMenuBar_ = window_->menuBar()->isVisible();
    savedStatusBar_ = window_->statusBar()->isVisible();
    for (auto* dock : window_->findChildren<QDockWidget*>()) dock->hide();
    for (auto* toolbar : window_->findChildren<QToolBar*>()) toolbar->hide();
    window_->menuBar()->hide();
    window_->statusBar()->hide();
    window_->setWindowState(window_->windowState() | Qt::WindowFullScreen);
    bar_->show();
  } else {
    setBlanked(false);
    bar_->hide();
    window_->restoreState(savedState_);
    window_->menuBar()->setVisible(savedMenuBar_);
    window_->statusBar()->setVisible(savedStatusBar_);
    window_->setWindowState(savedWindowState_);
  }
  applyScale();
  placeOverlays();
  emit activeChanged(on);
}

void PresentationMode::setScale(double scale) {
  scale = std::clamp(std::round(scale / kScaleStep) * kScaleStep, kMinScale, kMaxScale);
  if (scale == scale_) return;
  scale_ = scale;
  applyScale();
  emit scaleChanged(scale_);
}

void PresentationMode::applyScale() {
  const double s = active_ ? scale_ : 1.0;
  for (VtkView* view : views_()) view->setContentScale(s);
  QFont font = window_->font();
  font.setPointSizeF(QFont().pointSizeF() * s);
  if (active_) {
    window_->setFont(font);
  } else {
    window_->setFont(QFont());  // back to the application's font
  }
  // The bar's style sheet stops the window's font from reaching it: set its own, larger still.
  QFont barFont = QFont();
  barFont.setPointSizeF(QFont().pointSizeF() * scale_ * 1.2);
  bar_->setFont(barFont);
  for (auto* child : bar_->findChildren<QWidget*>()) child->setFont(barFont);
  scaleLabel_->setText(tr("%1×  (Ctrl+= / Ctrl+-)").arg(scale_, 0, 'g', 3));
  bar_->adjustSize();
  // The views end above the bar, so it covers no axis or legend.
  if (QLayout* central = window_->centralWidget() ? window_->centralWidget()->layout() : nullptr) {
    QMargins m = central->contentsMargins();
    m.setBottom(active_ ? bar_->sizeHint().height() + 20 : 0);
    central->setContentsMargins(m);
  }
  placeOverlays();
}

bool PresentationMode::blanked() const {
  return blankCover_->isVisible();
}

void PresentationMode::setBlanked(bool on) {
  if (on && !active_) return;
  blankCover_->setVisible(on);
  if (on) {
    blankCover_->setGeometry(window_->rect());
    blankCover_->raise();
    blankCover_->setFocus();
  }
}

void PresentationMode::placeOverlays() {
  if (!bar_->isVisible()) return;
  bar_->adjustSize();
  const QRect r = window_->rect();
  bar_->move(r.center().x() - bar_->width() / 2, r.bottom() - bar_->height() - 10);
  bar_->raise();
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event) {
  if (watched == window_) {
    if (event->type() == QEvent::Resize) {
      placeOverlays();
      if (blanked()) blankCover_->setGeometry(window_->rect());
    }
  } else if (watched == blankCover_) {
    // While blank, any key or click brings the picture back; B does it through its action, other
    // keys do nothing else (PageDown does not step the runs unseen).
    if (event->type() == QEvent::ShortcutOverride &&
        static_cast<QKeyEvent*>(event)->key() != Qt::Key_B) {
      event->accept();
      return true;
    }
    if (event->type() == QEvent::KeyPress || event->type() == QEvent::MouseButtonPress) {
      setBlanked(false);
      return true;
    }
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace gradscape::gui
