#include "app/gui/message_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

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
  const char* style = kind == Kind::Error     ? "background:#fde8e8; color:#8a1c1c;"
                      : kind == Kind::Warning ? "background:#fff4d6; color:#6b4a00;"
                                              : "background:#e6f0fb; color:#1b3d66;";
  setStyleSheet(QStringLiteral("#messageBanner { %1 border-radius: 4px; } QLabel { %1 }")
                    .arg(QString::fromLatin1(style)));
  label_->setText(text);
  show();
}

QString MessageBanner::text() const {
  return isVisible() ? label_->text() : QString();
}

}  // namespace gradscape::gui
