#include "app/gui/run_list_panel.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "app/gui/app_theme.h"
#include "app/gui/qt_colors.h"
#include "app/gui/theme_follow.h"

namespace gradscape::gui {

namespace {
constexpr int kStatusRole = Qt::UserRole + 1;
constexpr int kProblemRole = Qt::UserRole + 2;  // the status reports a problem (divergence...)

// A problem's status in the theme's alert colour; other rows in the list's own text colour.
void colourStatus(QListWidgetItem* item) {
  if (item->data(kProblemRole).toBool()) {
    item->setForeground(uiColors().alertText);
  } else {
    item->setData(Qt::ForegroundRole, QVariant());
  }
}

QIcon swatch(const plots::Rgb& rgb) {
  QPixmap pixmap(28, 14);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(toQColor(rgb), 4.0, Qt::SolidLine, Qt::RoundCap));
  painter.drawLine(QPointF(3, 7), QPointF(25, 7));
  return QIcon(pixmap);
}
}  // namespace

struct RunListPanel::Impl {
  QListWidget* list = nullptr;
  std::vector<RunListEntry> entries;
};

RunListPanel::RunListPanel(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>()) {
  auto* list = impl_->list = new QListWidget(this);
  list->setObjectName("runList");
  list->setIconSize(QSize(28, 14));
  list->setToolTip(tr("Runs racing on the landscape. Tick to show, select to edit."));
  list->setMinimumHeight(150);
  // Long labels ("L-BFGS (strong Wolfe) (lr=1, strong_wolfe)") wrap instead of being cut; the
  // tooltip holds the whole entry too.
  list->setWordWrap(true);
  list->setTextElideMode(Qt::ElideNone);
  list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  list->setSpacing(1);
  followTheme(list, QStringLiteral("problems"), [list] {
    for (int row = 0; row < list->count(); ++row) colourStatus(list->item(row));
  });
  auto* add = new QPushButton(tr("Add"), this);
  add->setObjectName("addRun");
  add->setToolTip(tr("Add a run (Ctrl+Shift+A)"));
  auto* duplicate = new QPushButton(tr("Duplicate"), this);
  duplicate->setObjectName("duplicateRun");
  duplicate->setToolTip(tr("Duplicate the selected run (Ctrl+D)"));
  auto* remove = new QPushButton(tr("Remove"), this);
  remove->setObjectName("removeRun");
  remove->setToolTip(tr("Remove the selected run (Delete)"));
  auto* buttons = new QHBoxLayout;
  buttons->setContentsMargins(0, 0, 0, 0);
  buttons->addWidget(add);
  buttons->addWidget(duplicate);
  buttons->addWidget(remove);
  auto* box = new QVBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->addWidget(list, 1);
  box->addLayout(buttons);

  connect(list, &QListWidget::currentRowChanged, this, &RunListPanel::currentRowChanged);
  connect(list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    const int row = impl_->list->row(item);
    const bool visible = item->checkState() == Qt::Checked;
    if (row < 0 || row >= int(impl_->entries.size())) return;
    if (impl_->entries[size_t(row)].visible == visible) return;
    impl_->entries[size_t(row)].visible = visible;
    emit visibilityChanged(row, visible);
  });
  connect(add, &QPushButton::clicked, this, &RunListPanel::addRequested);
  connect(duplicate, &QPushButton::clicked, this, &RunListPanel::duplicateRequested);
  connect(remove, &QPushButton::clicked, this, &RunListPanel::removeRequested);
}

RunListPanel::~RunListPanel() = default;

void RunListPanel::setEntries(const std::vector<RunListEntry>& entries) {
  const int current = impl_->list->currentRow();
  {
    const QSignalBlocker block(impl_->list);
    impl_->entries = entries;
    impl_->list->clear();
    for (const auto& entry : entries) {
      auto* item = new QListWidgetItem(swatch(entry.color), entry.label, impl_->list);
      item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
      item->setCheckState(entry.visible ? Qt::Checked : Qt::Unchecked);
      item->setToolTip(entry.label);
    }
  }
  const int row = std::min(std::max(current, 0), int(entries.size()) - 1);
  impl_->list->setCurrentRow(row);
  if (row == current) emit currentRowChanged(row);
}

void RunListPanel::updateEntry(int row, const RunListEntry& entry) {
  if (row < 0 || row >= impl_->list->count()) return;
  const QSignalBlocker block(impl_->list);
  impl_->entries[size_t(row)] = entry;
  auto* item = impl_->list->item(row);
  item->setIcon(swatch(entry.color));
  item->setCheckState(entry.visible ? Qt::Checked : Qt::Unchecked);
  const QString status = item->data(kStatusRole).toString();
  item->setText(status.isEmpty() ? entry.label : entry.label + QLatin1Char('\n') + status);
  item->setToolTip(item->text());
}

void RunListPanel::setStatus(int row, const QString& status, bool problem) {
  if (row < 0 || row >= impl_->list->count()) return;
  auto* item = impl_->list->item(row);
  if (item->data(kStatusRole).toString() == status) return;
  const QSignalBlocker block(impl_->list);
  item->setData(kStatusRole, status);
  item->setText(impl_->entries[size_t(row)].label + QLatin1Char('\n') + status);
  item->setToolTip(item->text());
  item->setData(kProblemRole, problem);
  colourStatus(item);
}

int RunListPanel::currentRow() const {
  return impl_->list->currentRow();
}
void RunListPanel::setCurrentRow(int row) {
  impl_->list->setCurrentRow(row);
}
int RunListPanel::count() const {
  return impl_->list->count();
}
QListWidget* RunListPanel::list() const {
  return impl_->list;
}

}  // namespace gradscape::gui
