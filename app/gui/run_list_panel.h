#pragma once
// The list of runs: colour swatch, show/hide check box, label and live status per run, with
// Add, Duplicate and Remove buttons. The selected run is the one the run editor shows.
#include <QWidget>
#include <memory>
#include <vector>
#include "plots/rgb.h"

class QListWidget;

namespace gradscape::gui {

struct RunListEntry {
  QString label;
  plots::Rgb color;
  bool visible = true;
};

class RunListPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RunListPanel(QWidget* parent = nullptr);
  ~RunListPanel() override;

  // Rebuilds the list (keeps the selection when the row still exists).
  void setEntries(const std::vector<RunListEntry>& entries);
  // Updates one row's label, colour and visibility in place (the selection and the editor stay).
  void updateEntry(int row, const RunListEntry& entry);
  // Updates one row's status text ("running 1200/5000", "diverged at step 17") and tooltip.
  void setStatus(int row, const QString& status, bool problem);
  int currentRow() const;
  void setCurrentRow(int row);
  int count() const;
  QListWidget* list() const;

 signals:
  void currentRowChanged(int row);
  void visibilityChanged(int row, bool visible);
  void addRequested();
  void duplicateRequested();
  void removeRequested();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
