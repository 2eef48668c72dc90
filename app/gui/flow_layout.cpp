#include "app/gui/flow_layout.h"

#include <QWidget>
#include <algorithm>
#include <vector>

namespace gradscape::gui {

FlowLayout::FlowLayout(QWidget* parent, int spacing) : QLayout(parent), spacing_(spacing) {}

FlowLayout::~FlowLayout() {
  while (QLayoutItem* item = takeAt(0)) delete item;
}

void FlowLayout::addItem(QLayoutItem* item) {
  items_.append(item);
}

QLayoutItem* FlowLayout::itemAt(int index) const {
  return index >= 0 && index < items_.size() ? items_[index] : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
  return index >= 0 && index < items_.size() ? items_.takeAt(index) : nullptr;
}

int FlowLayout::heightForWidth(int width) const {
  return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const {
  // As narrow as the widest item: everything else wraps.
  QSize size;
  for (const QLayoutItem* item : items_) size = size.expandedTo(item->minimumSize());
  const QMargins m = contentsMargins();
  return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const {
  // One line holding every item.
  int width = 0, height = 0, shown = 0;
  for (const QLayoutItem* item : items_) {
    if (item->isEmpty()) continue;
    width += item->sizeHint().width() + (shown++ > 0 ? spacing_ : 0);
    height = std::max(height, item->sizeHint().height());
  }
  const QMargins m = contentsMargins();
  return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect& rect) {
  QLayout::setGeometry(rect);
  arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const {
  const QRect area = rect.marginsRemoved(contentsMargins());
  // Split the items into lines, then place each line with its items centred vertically.
  std::vector<std::vector<QLayoutItem*>> lines(1);
  int lineWidth = 0;
  for (QLayoutItem* item : items_) {
    if (item->isEmpty()) continue;
    const int w = item->sizeHint().width();
    if (!lines.back().empty() && lineWidth + spacing_ + w > area.width()) {
      lines.emplace_back();
      lineWidth = 0;
    }
    lineWidth += (lines.back().empty() ? 0 : spacing_) + w;
    lines.back().push_back(item);
  }
  int y = area.top();
  for (const auto& line : lines) {
    if (line.empty()) continue;
    int lineHeight = 0;
    for (const QLayoutItem* item : line)
      lineHeight = std::max(lineHeight, item->sizeHint().height());
    int x = area.left();
    for (QLayoutItem* item : line) {
      const QSize hint = item->sizeHint();
      const int w = std::min(hint.width(), area.width());
      if (apply)
        item->setGeometry(QRect(x, y + (lineHeight - hint.height()) / 2, w, hint.height()));
      x += w + spacing_;
    }
    y += lineHeight + spacing_;
  }
  const QMargins m = contentsMargins();
  return std::max(0, y - spacing_ - area.top()) + m.top() + m.bottom();
}

}  // namespace gradscape::gui
