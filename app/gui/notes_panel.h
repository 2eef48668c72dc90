#pragma once
// The Notes dock's contents: a scenario's name as a heading, its notes rendered as Markdown
// (QTextDocument::setMarkdown), then its description under "Summary" (after the notes, which
// open with a question the description would answer). Read-only; links to the web open in the
// desktop's browser. Follows the widget's palette and font: the document is rebuilt when either
// changes (Qt's Markdown reader fixes link colours and paragraph margins when it reads).
#include <QTextBrowser>
#include <functional>

namespace gradscape {
struct Scenario;
}

namespace gradscape::gui {

class NotesPanel : public QTextBrowser {
  Q_OBJECT
 public:
  explicit NotesPanel(QWidget* parent = nullptr);

  // Shows the scenario's name, notes and description; a hint on adding notes when it has
  // neither notes nor a description. Images in the notes are looked up in `baseDirectory` (the
  // scenario file's folder; empty for examples and unsaved work).
  void setScenario(const Scenario& scenario, const QString& baseDirectory = {});
  // True while the hint is shown instead of notes.
  bool showsHint() const { return hint_; }

  // Opens a clicked link (http, https or mailto; others are ignored, so a link cannot replace
  // the notes or open a local file). Default: QDesktopServices::openUrl; tests replace it.
  using LinkOpener = std::function<void(const QUrl&)>;
  void setLinkOpener(LinkOpener opener) { opener_ = std::move(opener); }

 protected:
  void changeEvent(QEvent* event) override;
  // Images only: inline (data: URLs) or files in the scenario's folder or below it (a relative
  // path to a regular file of at most 16 MB). A note cannot make the window read /dev/zero or
  // any file elsewhere.
  QVariant loadResource(int type, const QUrl& name) override;

 private:
  void render();
  void openLink(const QUrl& url);

  QString name_, description_, notes_, baseDirectory_;
  bool hint_ = false;
  LinkOpener opener_;
};

}  // namespace gradscape::gui
