#include "app/gui/restore_prompt.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include "app/gui/app_theme.h"
#include "app/gui/theme_follow.h"

namespace gradscape::gui {

RestorePrompt::RestorePrompt(QWidget* parent)
    : QFrame(parent),
      question_(new QLabel(this)),
      details_(new QLabel(this)),
      restore_(new QPushButton(tr("Re&store"), this)),
      discard_(new QPushButton(tr("&Discard"), this)) {
  setObjectName("restorePrompt");
  setThemedStyleSheet(this, [] {
    const UiColors& c = uiColors();
    return QStringLiteral(
               "#restorePrompt { background:%1; border:1px solid %2; border-radius:4px; }"
               "#restorePrompt QLabel { color:%3; background:transparent; }")
        .arg(c.infoBack.name(), c.infoEdge.name(), c.infoText.name());
  });
  question_->setObjectName("restoreQuestion");
  details_->setObjectName("restoreDetails");
  QFont bold = question_->font();
  bold.setBold(true);
  question_->setFont(bold);
  details_->setWordWrap(true);
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  restore_->setObjectName("restoreSession");
  restore_->setDefault(true);
  restore_->setToolTip(tr("Bring the scenario and the views back as they were"));
  discard_->setObjectName("discardSession");
  discard_->setToolTip(tr("Delete the autosaved work"));

  auto* icon = new QLabel(this);
  icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(32, 32));
  icon->setAlignment(Qt::AlignTop);
  auto* text = new QVBoxLayout;
  text->setSpacing(2);
  text->addWidget(question_);
  text->addWidget(details_);
  auto* box = new QHBoxLayout(this);
  box->setContentsMargins(10, 8, 10, 8);
  box->setSpacing(10);
  box->addWidget(icon);
  box->addLayout(text, 1);
  box->addWidget(restore_, 0, Qt::AlignVCenter);
  box->addWidget(discard_, 0, Qt::AlignVCenter);
  connect(restore_, &QPushButton::clicked, this, &RestorePrompt::restoreChosen);
  connect(discard_, &QPushButton::clicked, this, &RestorePrompt::discardChosen);
  hide();
}

void RestorePrompt::ask(const QString& question, const QString& details) {
  question_->setText(question);
  details_->setText(details);
  show();
}

QString RestorePrompt::question() const {
  return isHidden() ? QString() : question_->text();
}

QString RestorePrompt::details() const {
  return isHidden() ? QString() : details_->text();
}

}  // namespace gradscape::gui
