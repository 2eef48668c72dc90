// The Notes dock shows what a scenario is about: its name, its description and its Markdown
// notes rendered (headings, bold, lists, links; never the raw `**`), replaced when another
// scenario opens, a hint when there is nothing to show; notes survive editing and saving; links
// leave for the browser only when they lead to the web; Ctrl+Shift+N brings the notes forward.
#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QDockWidget>
#include <QPixmap>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>
#include <QtTest>
#include <nlohmann/json.hpp>

#include "app/gui/main_window.h"
#include "app/gui/notes_panel.h"
#include "app/gui/run_list_panel.h"
#include "core/scenario/scenario_json.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::maybeShoot;
using gradscape::testing::waitForFinishedRuns;

namespace {

const char* kMarkdownNotes =
    "## What to look for\n\n"
    "The step η and the sharpness λ_max ≈ 2/η: **GD hovers at the edge**.\n\n"
    "- first item\n"
    "- second item\n\n"
    "Read [Cohen et al. 2021](https://arxiv.org/abs/2103.00065).\n";

// A small valid scenario file with the given texts.
QString writeScenario(const QTemporaryDir& dir, const QString& file, const std::string& name,
                      const std::string& description, const std::string& notes) {
  nlohmann::json j = {{"version", 1},
                      {"name", name},
                      {"objective", {{"type", "rosenbrock"}}},
                      {"start", {-1.0, 1.0}},
                      {"stop", {{"max_iterations", 200}}},
                      {"runs", {{{"optimizer", {{"type", "sgd"}, {"lr", 0.001}}}}}}};
  if (!description.empty()) j["description"] = description;
  if (!notes.empty()) j["notes"] = notes;
  const QString path = dir.filePath(file);
  QFile out(path);
  if (!out.open(QIODevice::WriteOnly)) return {};
  out.write(QByteArray::fromStdString(j.dump(2)));
  return path;
}

// The first fragment whose text contains `text`.
QTextFragment fragmentWith(const QTextDocument& doc, const QString& text) {
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      if (it.fragment().text().contains(text)) return it.fragment();
    }
  }
  return {};
}

QTextFragment fragmentExactly(const QTextDocument& doc, const QString& text) {
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    for (auto it = block.begin(); !it.atEnd(); ++it) {
      if (it.fragment().text() == text) return it.fragment();
    }
  }
  return {};
}

// An image resource as QTextDocument keeps it (a pixmap once decoded, or the file's bytes).
QImage imageOf(const QVariant& resource) {
  if (resource.userType() == QMetaType::QPixmap) {
    return resource.value<QPixmap>().toImage();
  }
  if (resource.userType() == QMetaType::QImage) return resource.value<QImage>();
  return QImage::fromData(resource.toByteArray());
}

QTextBlock blockWith(const QTextDocument& doc, const QString& text) {
  for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
    if (block.text().contains(text)) return block;
  }
  return {};
}

}  // namespace

class NotesPanelTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showActiveTestWindow(window_));
    QVERIFY(dir_.isValid());
  }

  void cleanup() { window_.reset(); }

  void markdownNotesAreRenderedNotShownRaw() {
    const QString path =
        writeScenario(dir_, "eos.json", "Edge test", "What it shows.", kMarkdownNotes);
    QVERIFY(window_->openFile(path));
    NotesPanel* panel = window_->notesPanel();
    QVERIFY(panel && !panel->showsHint());
    const QTextDocument& doc = *panel->document();

    // The name is the top heading, then the notes (their own heading first), then the
    // description under "Summary": it would answer the notes' question before it is asked.
    QCOMPARE(doc.begin().text(), QStringLiteral("Edge test"));
    QCOMPARE(doc.begin().blockFormat().headingLevel(), 1);
    const QTextBlock heading = blockWith(doc, "What to look for");
    QVERIFY(heading.isValid());
    QCOMPARE(heading.blockFormat().headingLevel(), 2);
    QCOMPARE(heading.text(), QStringLiteral("What to look for"));
    QCOMPARE(heading.previous(), doc.begin());
    const QTextBlock summary = blockWith(doc, "Summary");
    QCOMPARE(summary.blockFormat().headingLevel(), 2);
    QCOMPARE(summary.next().text(), QStringLiteral("What it shows."));
    QVERIFY(summary.position() > blockWith(doc, "Read ").position());

    const QTextFragment bold = fragmentWith(doc, "GD hovers at the edge");
    QVERIFY(bold.isValid());
    QCOMPARE(bold.text(), QStringLiteral("GD hovers at the edge"));
    QCOMPARE(bold.charFormat().fontWeight(), int(QFont::Bold));
    QVERIFY(fragmentWith(doc, "The step η and").charFormat().fontWeight() < int(QFont::Bold));

    const QTextBlock first = blockWith(doc, "first item");
    const QTextBlock second = blockWith(doc, "second item");
    QVERIFY(first.textList() && first.textList() == second.textList());
    QCOMPARE(first.textList()->count(), 2);
    QCOMPARE(first.text(), QStringLiteral("first item"));

    const QTextFragment link = fragmentWith(doc, "Cohen et al. 2021");
    QVERIFY(link.charFormat().isAnchor());
    QCOMPARE(link.charFormat().anchorHref(), QStringLiteral("https://arxiv.org/abs/2103.00065"));

    const QString text = doc.toPlainText();
    for (const char* raw : {"**", "##", "- first", "](https"}) {
      QVERIFY2(!text.contains(QLatin1String(raw)), raw);
    }
    QVERIFY(text.contains(QStringLiteral("λ_max ≈ 2/η")));  // Unicode as it is
  }

  void nameAndDescriptionAreShownAsTheyAreWritten() {
    // Plain text, not Markdown: stars, underscores, brackets and a leading "#" stay.
    const QString path = writeScenario(dir_, "plain.json", "f* and x_1 *star*",
                                       "# not a heading: f - f* < 1e-3, [a](b), `x`_2_", "");
    QVERIFY(window_->openFile(path));
    const QTextDocument& doc = *window_->notesPanel()->document();
    QCOMPARE(doc.begin().text(), QStringLiteral("f* and x_1 *star*"));
    QVERIFY(!blockWith(doc, "Summary").isValid());  // only to set it apart from notes
    const QTextBlock description = blockWith(doc, "not a heading");
    QCOMPARE(description.text(), QStringLiteral("# not a heading: f - f* < 1e-3, [a](b), `x`_2_"));
    QCOMPARE(description.blockFormat().headingLevel(), 0);
    QVERIFY(!fragmentWith(doc, "[a](b)").charFormat().isAnchor());
    QVERIFY(!window_->notesPanel()->showsHint());  // a description is something to show
  }

  void switchingScenariosReplacesTheNotes() {
    QVERIFY(window_->openFile(writeScenario(dir_, "a.json", "First", "", kMarkdownNotes)));
    window_->openExample(":/gradscape/scenarios/momentum_ill_conditioned.json");
    const QTextDocument& doc = *window_->notesPanel()->document();
    QCOMPARE(doc.begin().text(), QString::fromStdString(window_->scenario().name));
    QVERIFY(!doc.toPlainText().contains(QStringLiteral("GD hovers at the edge")));
    QVERIFY(blockWith(doc, "Before you press Play").blockFormat().headingLevel() == 2);
    QVERIFY(fragmentWith(doc, "Why momentum really works").charFormat().isAnchor());
    QVERIFY(waitForFinishedRuns(*window_));
  }

  void aScenarioWithoutNotesShowsTheHint() {
    QVERIFY(window_->openFile(writeScenario(dir_, "bare.json", "Bare", "", "")));
    NotesPanel* panel = window_->notesPanel();
    QVERIFY(panel->showsHint());
    const QString text = panel->document()->toPlainText();
    QVERIFY(text.startsWith(QStringLiteral("Bare")));
    QVERIFY(text.contains(QStringLiteral("notes")));  // names the field to add
    const QTextFragment field = fragmentExactly(*panel->document(), "notes");
    QVERIFY(field.isValid() && field.charFormat().fontFixedPitch());
    // The next scenario with notes replaces the hint.
    QVERIFY(window_->openFile(writeScenario(dir_, "full.json", "Full", "", kMarkdownNotes)));
    QVERIFY(!panel->showsHint());
    QVERIFY(!panel->document()->toPlainText().contains(QStringLiteral("no notes")));
  }

  void notesSurviveEditingSavingAndReopening() {
    const QString path = writeScenario(dir_, "edit.json", "Edited", "Shows.", kMarkdownNotes);
    QVERIFY(window_->openFile(path));
    window_->runList()->findChild<QPushButton*>("addRun")->click();  // an edit
    QVERIFY(window_->isModified());
    const QString saved = dir_.filePath("saved.json");
    QVERIFY(window_->saveFile(saved));
    const Scenario reread = loadScenarioFile(saved.toStdString());
    QCOMPARE(reread.notes, std::string(kMarkdownNotes));
    QCOMPARE(reread.runs.size(), size_t{2});

    window_->openExample(":/gradscape/scenarios/default.json");
    QVERIFY(window_->openFile(saved));
    QVERIFY(fragmentWith(*window_->notesPanel()->document(), "GD hovers at the edge").isValid());
  }

  void linksLeaveForTheBrowserOnlyWhenTheyLeadToTheWeb() {
    const std::string notes =
        "[paper](https://arxiv.org/abs/2103.00065) [elsewhere](other.md) "
        "[a file](file:///etc/passwd)\n";
    QVERIFY(window_->openFile(writeScenario(dir_, "links.json", "Links", "", notes)));
    NotesPanel* panel = window_->notesPanel();
    QList<QUrl> opened;
    panel->setLinkOpener([&](const QUrl& url) { opened.push_back(url); });
    showNotes();
    const QString before = panel->document()->toPlainText();
    for (const char* text : {"paper", "elsewhere", "a file"}) {
      const QTextFragment link = fragmentWith(*panel->document(), text);
      QVERIFY2(link.charFormat().isAnchor(), text);
      QTextCursor cursor(panel->document());
      cursor.setPosition(link.position() + 1);
      const QPoint at = panel->cursorRect(cursor).center();
      QTest::mouseClick(panel->viewport(), Qt::LeftButton, {}, at);
    }
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.front(), QUrl("https://arxiv.org/abs/2103.00065"));
    QCOMPARE(panel->document()->toPlainText(), before);  // never navigated away
  }

  void imagesAreReadOnlyFromBesideTheScenarioFile() {
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QVERIFY(image.save(dir_.filePath("plot.png")));
    const std::string notes = "![plot](plot.png) ![zero](/dev/zero)\n";
    QVERIFY(window_->openFile(writeScenario(dir_, "images.json", "Images", "", notes)));
    QTextDocument& doc = *window_->notesPanel()->document();
    const QVariant plot = doc.resource(QTextDocument::ImageResource, QUrl("plot.png"));
    QCOMPARE(imageOf(plot).size(), QSize(8, 8));
    // An absolute path (a device that never ends) is not read at all: Qt's own fallback would
    // read it until memory runs out.
    for (const char* path : {"/dev/zero", "file:///dev/zero"}) {
      QVERIFY2(doc.resource(QTextDocument::ImageResource, QUrl(path)).toByteArray().isEmpty(),
               path);
    }
    // Nothing outside the scenario's folder either: a scenario one folder down cannot reach up.
    QVERIFY(QDir(dir_.path()).mkdir("sub"));
    QVERIFY(window_->openFile(writeScenario(dir_, "sub/up.json", "Up", "", "![up](../plot.png)")));
    QTextDocument& below = *window_->notesPanel()->document();
    QVERIFY(
        below.resource(QTextDocument::ImageResource, QUrl("../plot.png")).toByteArray().isEmpty());
    // Images written into the notes themselves work without a file.
    QByteArray png;
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG"));
    const QUrl inlined("data:image/png;base64," + QString::fromLatin1(png.toBase64()));
    QCOMPARE(imageOf(below.resource(QTextDocument::ImageResource, inlined)).size(), QSize(8, 8));
  }

  void theNotesFollowThePaletteAndTheFont() {
    QVERIFY(window_->openFile(writeScenario(dir_, "style.json", "Style", "", kMarkdownNotes)));
    NotesPanel* panel = window_->notesPanel();
    QPalette palette = panel->palette();
    palette.setColor(QPalette::Link, QColor(200, 30, 120));
    panel->setPalette(palette);
    QCOMPARE(fragmentWith(*panel->document(), "Cohen").charFormat().foreground().color(),
             QColor(200, 30, 120));
    // No colour of its own anywhere else: text takes the palette's.
    QVERIFY(fragmentWith(*panel->document(), "The step").charFormat().foreground().style() ==
            Qt::NoBrush);

    const qreal margin = panel->document()->documentMargin();
    QFont font = panel->font();
    font.setPointSizeF(font.pointSizeF() * 2);
    panel->setFont(font);
    QCOMPARE(panel->document()->defaultFont().pointSizeF(), font.pointSizeF());
    QVERIFY(panel->document()->documentMargin() > 1.5 * margin);
    QVERIFY(fragmentWith(*panel->document(), "Cohen").charFormat().isAnchor());  // re-rendered
  }

  void ctrlShiftNBringsTheNotesForwardAndHidesThem() {
    QDockWidget* dock = window_->notesDock();
    auto* action = window_->findChild<QAction*>("showNotes");
    QVERIFY(dock && action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    window_->findChild<QDockWidget*>("runsDock")->raise();
    QTRY_VERIFY(!inFront(dock));  // tabbed behind the runs
    QVERIFY(!action->isChecked());
    QTest::keySequence(window_.get(), action->shortcut());
    QTRY_VERIFY(inFront(dock));
    QVERIFY(action->isChecked());
    QTest::keySequence(window_.get(), action->shortcut());
    QTRY_VERIFY(!inFront(dock));
    QVERIFY(dock->isHidden());  // closed, not just behind
    QVERIFY(!action->isChecked());
    QTest::keySequence(window_.get(), action->shortcut());
    QTRY_VERIFY(inFront(dock));
    QVERIFY(action->isChecked());
  }

  void theWindowsKeysWorkWhileTheNotesHaveTheFocus() {
    showNotes();
    NotesPanel* panel = window_->notesPanel();
    panel->setFocus();
    QTRY_VERIFY(panel->hasFocus());
    auto* step = window_->findChild<QAction*>("step");
    QVERIFY(step);
    QSignalSpy steps(step, &QAction::triggered);
    QTest::keyClick(panel, Qt::Key_S);
    QCOMPARE(steps.size(), 1);
  }

  void screenshotOfTheEdgeOfStabilityNotes() {
    // GRADSCAPE_SHOT_DIR=DIR saves notes_edge_of_stability_WxH.png there to look at.
    window_->openExample(":/gradscape/scenarios/edge_of_stability.json");
    showNotes();
    QVERIFY(blockWith(*window_->notesPanel()->document(), "Before you press Play").isValid());
    for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
      window_->resize(size);
      QTest::qWait(300);
      maybeShoot(
          window_.get(),
          QStringLiteral("notes_edge_of_stability_%1x%2").arg(size.width()).arg(size.height()));
    }
  }

 private:
  void showNotes() {
    window_->notesDock()->show();
    window_->notesDock()->raise();
    QTRY_VERIFY(inFront(window_->notesDock()));
  }
  // Qt moves a dock tabbed behind another out of sight without hiding it.
  static bool inFront(QWidget* dock) {
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
  }

  std::unique_ptr<MainWindow> window_;
  QTemporaryDir dir_;
};

QTEST_MAIN(NotesPanelTest)
#include "test_notes_panel.moc"
