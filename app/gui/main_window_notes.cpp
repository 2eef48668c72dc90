// The main window's Notes dock: the scenario's name, description and Markdown notes
// (NotesPanel), tabbed with the left docks, and View > Notes (Ctrl+Shift+N), which brings the
// notes to the front or, when they are in front, hides them.
#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QStatusBar>

#include "app/gui/main_window.h"
#include "app/gui/notes_panel.h"

namespace gradscape::gui {

void MainWindow::buildNotesDock(QDockWidget* besides) {
  notes_ = new NotesPanel(this);
  notesDock_ = new QDockWidget(tr("Notes"), this);
  notesDock_->setObjectName("notesDock");
  notesDock_->setWidget(notes_);
  addDockWidget(Qt::LeftDockWidgetArea, notesDock_);
  tabifyDockWidget(besides, notesDock_);
  // Hovering a link says where it leads.
  connect(notes_, &QTextBrowser::highlighted, this, [this](const QUrl& url) {
    if (url.isEmpty()) {
      statusBar()->clearMessage();
    } else {
      statusBar()->showMessage(url.toString());
    }
  });
}

void MainWindow::buildNotesAction(QMenu* view) {
  notesAction_ = view->addAction(tr("&Notes"));
  notesAction_->setObjectName("showNotes");
  notesAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
  notesAction_->setCheckable(true);
  notesAction_->setToolTip(tr("What the scenario shows, what to look for, where it comes from"));
  notesAction_->setStatusTip(notesAction_->toolTip());
  // Checked while the notes can be seen (visibilityChanged also reports a tab that is brought
  // forward or sent behind; Qt moves a dock behind another out of sight without hiding it). A
  // trigger flips the check first: unchecked now means the notes were in front.
  connect(notesDock_, &QDockWidget::visibilityChanged, notesAction_, &QAction::setChecked);
  connect(notesAction_, &QAction::triggered, this, [this](bool checked) {
    if (!checked) {
      notesDock_->hide();
      return;
    }
    notesDock_->show();
    notesDock_->raise();
  });
  addAction(notesAction_);  // works with the menu bar hidden (full screen) too
}

void MainWindow::updateNotes() {
  // Images in the notes are found beside the scenario's file.
  notes_->setScenario(scenario_,
                      filePath_.isEmpty() ? QString() : QFileInfo(filePath_).absolutePath());
}

}  // namespace gradscape::gui
