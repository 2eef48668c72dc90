#include "app/gui/tab_titles.h"

#include <QEvent>
#include <QProxyStyle>
#include <QTabBar>
#include <QTabWidget>
#include <algorithm>

namespace gradscape::gui {

namespace {

// The application's style with 8 px less space around each tab's title (Fusion gives 24): five
// titles then fit beside the map at 1024 px.
class CompactTabStyle : public QProxyStyle {
 public:
  int pixelMetric(PixelMetric metric, const QStyleOption* option,
                  const QWidget* widget) const override {
    const int value = QProxyStyle::pixelMetric(metric, option, widget);
    return metric == PM_TabBarTabHSpace ? std::max(12, value - 8) : value;
  }
};

}  // namespace

TabTitles::TabTitles(QTabWidget* tabs, QStringList full, QStringList brief)
    : QObject(tabs), tabs_(tabs), full_(std::move(full)), brief_(std::move(brief)) {
  // Scroll arrows would hide whole tabs: when even the short titles do not fit (a bigger font),
  // the titles are elided instead.
  tabs_->tabBar()->setUsesScrollButtons(false);
  auto* style = new CompactTabStyle;
  style->setParent(tabs_->tabBar());
  tabs_->tabBar()->setStyle(style);
  tabs_->tabBar()->setElideMode(Qt::ElideRight);
  tabs_->installEventFilter(this);
  fit();
}

void TabTitles::setTitles(const QStringList& titles) {
  for (int i = 0; i < tabs_->count() && i < titles.size(); ++i) {
    if (tabs_->tabText(i) != titles[i]) tabs_->setTabText(i, titles[i]);
  }
}

void TabTitles::fit() {
  setTitles(full_);
  // The bar's preferred width holds every tab at its title's width.
  if (tabs_->tabBar()->sizeHint().width() > tabs_->width()) setTitles(brief_);
}

bool TabTitles::eventFilter(QObject* watched, QEvent* event) {
  if (watched == tabs_ && (event->type() == QEvent::Resize || event->type() == QEvent::Show ||
                           event->type() == QEvent::FontChange)) {
    fit();
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace gradscape::gui
