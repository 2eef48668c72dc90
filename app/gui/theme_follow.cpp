#include "app/gui/theme_follow.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QWidget>
#include <utility>
#include <vector>

namespace gradscape::gui {

namespace {

// One filter on the application for all followers: QApplication::setPalette sends the
// application object an ApplicationPaletteChange once the new palette (and the scenes' theme,
// app_theme.cpp) are in place. (An application filter sees every event of every object, so
// there is one, not one per widget.)
class ThemeWatcher : public QObject {
 public:
  struct Follower {
    QPointer<QWidget> widget;
    QString key;
    std::function<void()> apply;
  };

  static ThemeWatcher& instance() {
    static auto* watcher = new ThemeWatcher;  // lives as long as the application
    return *watcher;
  }

  void follow(QWidget* widget, const QString& key, std::function<void()> apply) {
    // Forms are rebuilt (a new optimizer, a new objective): drop the followers of widgets gone
    // since, so the list holds only live ones however long the session.
    prune();
    for (auto& f : followers_) {
      if (f.widget == widget && f.key == key) {
        f.apply = std::move(apply);
        return;
      }
    }
    followers_.push_back({widget, key, std::move(apply)});
  }

  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange) {
      prune();
      // A copy: a colouring may register another follower.
      const auto followers = followers_;
      for (const auto& f : followers) {
        if (!f.widget.isNull()) f.apply();
      }
    }
    return false;
  }

 private:
  void prune() {
    std::erase_if(followers_, [](const Follower& f) { return f.widget.isNull(); });
  }

  ThemeWatcher() : QObject(qApp) { qApp->installEventFilter(this); }
  std::vector<Follower> followers_;
};

}  // namespace

void followTheme(QWidget* widget, const QString& key, std::function<void()> apply) {
  apply();
  ThemeWatcher::instance().follow(widget, key, std::move(apply));
}

void setThemedStyleSheet(QWidget* widget, std::function<QString()> sheet) {
  followTheme(widget, QStringLiteral("styleSheet"), [widget, sheet = std::move(sheet)] {
    const QString wanted = sheet();
    if (widget->styleSheet() != wanted) widget->setStyleSheet(wanted);
  });
}

}  // namespace gradscape::gui
