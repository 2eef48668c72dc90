#include "app/gui/notes_panel.h"

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <algorithm>

#include "core/scenario/scenario.h"

namespace gradscape::gui {

namespace {

constexpr qint64 kMaxImageBytes = qint64{16} << 20;

const char* kHint =
    "*This scenario has no notes.* A scenario file can carry them in a `notes` field: Markdown "
    "text (headings, **bold**, lists, links) saying what to look for, a question to predict "
    "before pressing Play, and the paper the scenario comes from. Saving from Gradscape keeps "
    "them.";

// Plain text as Markdown that reads as itself: CommonMark lets a backslash escape any ASCII
// punctuation, and a line's indentation is dropped (four spaces would start a code block).
QString escapeMarkdown(const QString& text) {
  static const QString kPunctuation = QStringLiteral("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
  QString out;
  const QStringList lines = text.split(QLatin1Char('\n'));
  for (qsizetype i = 0; i < lines.size(); ++i) {
    if (i > 0) out += QLatin1Char('\n');
    for (const QChar c : lines[i].trimmed()) {
      if (kPunctuation.contains(c)) out += QLatin1Char('\\');
      out += c;
    }
  }
  return out;
}

}  // namespace

NotesPanel::NotesPanel(QWidget* parent) : QTextBrowser(parent) {
  setObjectName("notesPanel");
  document()->setUndoRedoEnabled(false);
  // Links go through openLink: the browser never navigates away from the notes.
  setOpenLinks(false);
  connect(this, &QTextBrowser::anchorClicked, this, &NotesPanel::openLink);
  render();
}

void NotesPanel::setScenario(const Scenario& scenario, const QString& baseDirectory) {
  name_ = QString::fromStdString(scenario.name);
  description_ = QString::fromStdString(scenario.description);
  notes_ = QString::fromStdString(scenario.notes);
  baseDirectory_ = baseDirectory;
  render();
}

void NotesPanel::render() {
  QString name = name_.simplified();
  if (name.isEmpty()) name = tr("Untitled scenario");
  QString markdown = QStringLiteral("# ") + escapeMarkdown(name) + QStringLiteral("\n\n");
  const bool hasDescription = !description_.trimmed().isEmpty();
  const bool hasNotes = !notes_.trimmed().isEmpty();
  hint_ = !hasDescription && !hasNotes;
  // The notes first: they open with a question to answer before pressing Play, which a
  // description that says what happens would give away. The description closes them.
  if (hasNotes) markdown += notes_ + QStringLiteral("\n\n");
  if (hasDescription) {
    if (hasNotes) markdown += QStringLiteral("## ") + tr("Summary") + QStringLiteral("\n\n");
    markdown += escapeMarkdown(description_) + QStringLiteral("\n\n");
  }
  if (hint_) markdown += tr(kHint);

  // Sizes from the widget's font, so the notes scale with it.
  const QFontMetricsF metrics(font());
  document()->setDefaultFont(font());
  document()->setDocumentMargin(0.8 * metrics.height());
  document()->setIndentWidth(1.2 * metrics.height());
  document()->setMarkdown(markdown,
                          QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub) |
                              QTextDocument::MarkdownNoHTML);

  // The reader colours links from the application's palette and sizes headings for a page
  // (level 1 three steps above the text) with no space above them. In a dock: links in this
  // widget's link colour, headings a step smaller with a line's worth of space above.
  const QColor link = palette().color(QPalette::Link);
  for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
    if (const int level = block.blockFormat().headingLevel(); level > 0) {
      QTextCursor cursor(block);
      QTextBlockFormat format = block.blockFormat();
      format.setTopMargin(block == document()->begin() ? 0.0 : 0.9 * metrics.height());
      format.setBottomMargin(0.3 * metrics.height());
      cursor.setBlockFormat(format);
      cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
      QTextCharFormat size;
      size.setProperty(QTextFormat::FontSizeAdjustment, std::max(0, 3 - level));
      cursor.mergeCharFormat(size);
    }
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      const QTextFragment fragment = it.fragment();
      if (!fragment.isValid() || !fragment.charFormat().isAnchor()) continue;
      QTextCursor cursor(document());
      cursor.setPosition(fragment.position());
      cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
      QTextCharFormat format;
      format.setForeground(link);
      cursor.mergeCharFormat(format);
    }
  }
}

void NotesPanel::changeEvent(QEvent* event) {
  QTextBrowser::changeEvent(event);
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) render();
}

QVariant NotesPanel::loadResource(int type, const QUrl& name) {
  // Inline images (data: URLs) are decoded by QTextDocument from the notes' own text.
  if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("data")) return {};
  // Anything refused is an empty value, not a null one: on null, QTextDocument would open the
  // path itself (and read /dev/zero until memory runs out).
  const auto refused = [] { return QVariant(QByteArray()); };
  if (type != QTextDocument::ImageResource || baseDirectory_.isEmpty()) return refused();
  if (!name.isRelative() || name.path().isEmpty() || QDir::isAbsolutePath(name.path())) {
    return refused();
  }
  const QFileInfo info(QDir(baseDirectory_).filePath(name.path()));
  if (!info.isFile() || info.size() > kMaxImageBytes) return refused();
  // Beside the scenario or below it, also after "..", symbolic links resolved.
  const QString base = QDir(baseDirectory_).canonicalPath();
  if (base.isEmpty() || !info.canonicalFilePath().startsWith(base + QLatin1Char('/'))) {
    return refused();
  }
  QFile file(info.absoluteFilePath());
  if (!file.open(QIODevice::ReadOnly)) return refused();
  return file.read(kMaxImageBytes);
}

void NotesPanel::openLink(const QUrl& url) {
  const QString scheme = url.scheme().toLower();
  if (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
      scheme != QLatin1String("mailto")) {
    return;
  }
  if (opener_) {
    opener_(url);
  } else {
    QDesktopServices::openUrl(url);
  }
}

}  // namespace gradscape::gui
