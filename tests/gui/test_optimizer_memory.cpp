// RunEditor's memory of a run's values per optimizer: a typed value comes back when the run
// switches back to its optimizer, and the memory travels with the run (the window keeps one
// per run).
#include <QComboBox>
#include <QLineEdit>
#include <QtTest>

#include "app/gui/param_form.h"
#include "app/gui/run_editor.h"
#include "core/optimizers/optimizer_registry.h"
#include "support/editor_driver.h"

using namespace gradscape;
using namespace gradscape::testing;
using gradscape::gui::ParamForm;
using gradscape::gui::RunEditor;

namespace {

RunSpec adamRun() {
  RunSpec spec;
  spec.label = "Adam";
  spec.optimizer = "adam";
  ParamValues adam;
  adam.set("lr", 0.003);
  adam.set("beta1", 0.85);
  spec.optimizerParams = optimizerValues("adam", adam);
  return spec;
}

}  // namespace

class TestOptimizerMemory : public QObject {
  Q_OBJECT

 private slots:
  void valuesTypedForAnOptimizerComeBackWithIt() {
    RunEditor editor;
    editor.setRunSpec(adamRun());
    select(child<QComboBox>(&editor, "optimizer"), "newton");
    auto* entry =
        child<ParamForm>(&editor, "optimizerParams")->findChild<QLineEdit*>("param.lr.entry");
    QVERIFY(entry);
    entry->setFocus();
    entry->selectAll();
    QTest::keyClicks(entry, "0.25");
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(editor.runSpec().optimizerParams.get("lr"), 0.25);
    select(child<QComboBox>(&editor, "optimizer"), "adam");
    QCOMPARE(editor.runSpec().optimizerParams.get("lr"), 0.003);
    select(child<QComboBox>(&editor, "optimizer"), "newton");
    QCOMPARE(editor.runSpec().optimizerParams.get("lr"), 0.25);

    // The memory travels with the run: shown again with it, the typed values come back.
    const RunEditor::ParamMemory memory = editor.paramMemory();
    RunSpec other;
    other.optimizerParams = optimizerValues("sgd", {});
    editor.setRunSpec(other);
    RunSpec again = adamRun();
    editor.setRunSpec(again, memory);
    select(child<QComboBox>(&editor, "optimizer"), "newton");
    QCOMPARE(editor.runSpec().optimizerParams.get("lr"), 0.25);
  }
};

QTEST_MAIN(TestOptimizerMemory)
#include "test_optimizer_memory.moc"
