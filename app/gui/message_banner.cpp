#include "app/gui/message_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <utility>

#include "app/gui/app_theme.h"
#include "app/gui/theme_follow.h"

namespace gradscape::gui {

MessageBanner::MessageBanner(QWidget* parent) : QFrame(parent), label_(new QLabel(this)) {
  setObjectName("messageBanner");
  label_->setObjectName("messageText");
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("✕"));
  close->setAutoRaise(true);
  close->setToolTip(tr("Dismiss"));
  auto* box = new QHBoxLayout(this);
  box->setContentsMargins(10, 4, 4, 4);
  box->addWidget(label_, 1);
  box->addWidget(close);
  connect(close, &QToolButton::clicked, this, &QWidget::hide);
  hide();
}

void MessageBanner::showMessage(const QString& text, Kind kind) {
  setThemedStyleSheet(this, [kind] {
    const UiColors& c = uiColors();
    const auto [back, ink] = kind == Kind::Error     ? std::pair(c.errorBack, c.errorText)
                             : kind == Kind::Warning ? std::pair(c.warningBack, c.warningText)
                                                     : std::pair(c.infoBack, c.infoText);
    const QString style = QStringLiteral("background:%1; color:%2;").arg(back.name(), ink.name());
    return QStringLiteral("#messageBanner { %1 border-radius: 4px; } QLabel { %1 }").arg(style);
  });
  label_->setText(text);
  show();
}

QString MessageBanner::text() const {
  return isVisible() ? label_->text() : QString();
}

}  // namespace gradscape::gui
