// Hostile scenario text: nesting beyond kMaxJsonDepth, duplicate keys and numbers beyond a
// double are refused before parsing, naming the JSON path and the line and column. How the
// messages show what they quote, byte order marks and locales:
// test_json_text_messages_and_encodings.cpp.
#include <QtTest>

#include <string>

#include "core/scenario/json_text_checks.h"
#include "core/scenario/scenario_json.h"
#include "support/json_refusals.h"

using namespace gradscape;
using namespace gradscape::testing;

class TestJsonTextChecks : public QObject {
  Q_OBJECT

 private slots:
  void nestingOfExactlyMaxDepthIsAccepted() {
    QCOMPARE(kMaxJsonDepth, 64);
    QVERIFY(!checked(repeat("[", 64) + repeat("]", 64)).thrown);
    // The object is level 1, 63 arrays inside "name" make 64.
    QVERIFY(!checked(R"({"name": )" + repeat("[", 63) + repeat("]", 63) + "}").thrown);
    QVERIFY(!checked(repeat(R"({"a": )", 64) + "1" + repeat("}", 64)).thrown);
  }

  void oneLevelDeeperIsRefusedNamingPathAndPlace_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("place");
    const QString r63 = QString::fromStdString(repeat("[0]", 63));
    // {"name": is 9 characters; the 64th '[' (level 65) is at column 9 + 64.
    QTest::newRow("inside name") << QString::fromStdString(R"({"name": )" + repeat("[", 64) +
                                                           repeat("]", 64) + "}")
                                 << "name" + r63 << "line 1, column 73";
    QTest::newRow("top-level arrays, one per line")
        << QString::fromStdString(repeat("[\n", 65) + repeat("]", 65)) << "[0]" + r63
        << "line 65, column 1";
    // {"runs": [0, 1,  is 16 characters: element 2 of runs holds 62 more arrays (64 levels).
    QTest::newRow("in element 2")
        << QString::fromStdString(R"({"runs": [0, 1, )" + repeat("[", 63) + repeat("]", 63) + "]}")
        << "runs[2]" + QString::fromStdString(repeat("[0]", 62)) << "line 1, column 79";
    // {"runs": [{"optimizer": {"x":  is 30 characters and 4 levels; 60 arrays fit.
    QTest::newRow("under objects")
        << QString::fromStdString(R"({"runs": [{"optimizer": {"x": )" + repeat("[", 61) +
                                  repeat("]", 61) + "}}]}")
        << "runs[0].optimizer.x" + QString::fromStdString(repeat("[0]", 60)) << "line 1, column 91";
    QTest::newRow("objects") << QString::fromStdString(repeat(R"({"a":)", 65) + "1" +
                                                       repeat("}", 65))
                             << QString::fromStdString(std::string("a") + repeat(".a", 63))
                             << "line 1, column 321";
  }
  void oneLevelDeeperIsRefusedNamingPathAndPlace() {
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QString, place);
    const Refusal r = checked(text.toStdString());
    QVERIFY(r.thrown);
    QCOMPARE(QString::fromStdString(r.path), path);
    QCOMPARE(QString::fromStdString(r.message), "nested deeper than 64 levels at " + place);
  }

  void hugeNestingIsRefusedByParseScenario_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    constexpr int n = 100000;
    QTest::newRow("in name")
        << QString::fromStdString(R"({"name": )" + repeat("[", n) + repeat("]", n) + "}")
        << QString::fromStdString("name" + repeat("[0]", 63) +
                                  ": nested deeper than 64 levels at line 1, column 73");
    // {"objective": "rosenbrock", "runs":  is 36 characters.
    QTest::newRow("in runs") << QString::fromStdString(R"({"objective": "rosenbrock", "runs": )" +
                                                       repeat("[", n) + repeat("]", n) + "}")
                             << QString::fromStdString(
                                    "runs" + repeat("[0]", 63) +
                                    ": nested deeper than 64 levels at line 1, column 100");
    QTest::newRow("objects, unclosed")
        << QString::fromStdString(repeat(R"({"a":)", n))
        << QString::fromStdString(std::string("a") + repeat(".a", 63) +
                                  ": nested deeper than 64 levels at line 1, column 321");
    QTest::newRow("bare arrays") << QString::fromStdString(repeat("[", n))
                                 << QString::fromStdString(repeat("[0]", 64)) +
                                        ": nested deeper than 64 levels at line 1, column 65";
  }
  void hugeNestingIsRefusedByParseScenario() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Refusal r = parsed(text.toStdString());
    QVERIFY(r.thrown);
    QVERIFY(r.what.size() < 500);
    QCOMPARE(QString::fromStdString(r.what), expected);
  }

  void duplicateKeysAreRefusedNamingBothPlaces_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("places");
    QTest::newRow("top level") << R"({"a": 1, "a": 2})"
                               << "a"
                               << "first at line 1, column 2, again at line 1, column 10";
    QTest::newRow("nested") << R"({"runs": [{"optimizer": {"type": "sgd", "lr": 0.1, "lr": 0.2}}]})"
                            << "runs[0].optimizer.lr"
                            << "first at line 1, column 41, again at line 1, column 52";
    QTest::newRow("equal after escapes") << R"({"a": 1, "\u0061": 2})"
                                         << "a"
                                         << "first at line 1, column 2, again at line 1, column 10";
    QTest::newRow("escaped quote in key")
        << "{\"a\\\"b\": [], \"a\\u0022b\": {}}"
        << "a\"b"
        << "first at line 1, column 2, again at line 1, column 14";
    QTest::newRow("on separate lines") << "{\n  \"name\": \"x\",\n  \"name\": \"y\"\n}"
                                       << "name"
                                       << "first at line 2, column 3, again at line 3, column 3";
    QTest::newRow("after a nested object")
        << R"({"a": {"a": 1}, "b": 2, "a": 3})"
        << "a"
        << "first at line 1, column 2, again at line 1, column 25";
  }
  void duplicateKeysAreRefusedNamingBothPlaces() {
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QString, places);
    const Refusal r = checked(text.toStdString());
    QVERIFY(r.thrown);
    QCOMPARE(QString::fromStdString(r.path), path);
    QCOMPARE(QString::fromStdString(r.message),
             "duplicate key: " + places + " (remove one of them)");
  }

  void duplicateRunsKeyIsRefusedByParseScenario() {
    // The second "runs" would silently win without the check.
    const Refusal r = parsed(scenarioWith(R"(, "runs": [{"optimizer": "adam"}])"));
    QVERIFY(r.thrown);
    QCOMPARE(QString::fromStdString(r.what),
             "runs: duplicate key: first at line 1, column 29, again at line 1, column 61 "
             "(remove one of them)");
  }

  void keysThatAreNotDuplicatesAreAccepted_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("differ in case") << R"({"a": 1, "A": 2})";
    QTest::newRow("same key in sibling objects") << R"([{"a": 1}, {"a": 2}])";
    QTest::newRow("same key at two levels") << R"({"a": {"a": {"a": 1}}})";
    QTest::newRow("value equal to a key") << R"({"a": "b", "b": "a"})";
    QTest::newRow("runs with one optimizer each")
        << R"({"runs": [{"optimizer": "sgd"}, {"optimizer": "adam"}]})";
  }
  void keysThatAreNotDuplicatesAreAccepted() {
    QFETCH(QString, text);
    QVERIFY(!checked(text.toStdString()).thrown);
  }

  void numbersBeyondADoubleAreRefusedNamingPlace_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("place");
    QTest::newRow("1e400") << R"({"start": [1e400, 0]})"
                           << "start[0]"
                           << "1e400"
                           << "line 1, column 12";
    QTest::newRow("-1e400") << R"({"start": [0, -1e400]})"
                            << "start[1]"
                            << "-1e400"
                            << "line 1, column 15";
    QTest::newRow("1.8e308") << R"({"seed": 1.8e308})"
                             << "seed"
                             << "1.8e308"
                             << "line 1, column 10";
    QTest::newRow("400 digits") << "{\"seed\":\n  1" + QString(400, '0') + "}"
                                << "seed"
                                << "1" + QString(36, '0') + "..."
                                << "line 2, column 3";
  }
  void numbersBeyondADoubleAreRefusedNamingPlace() {
    QFETCH(QString, text);
    QFETCH(QString, path);
    QFETCH(QString, shown);
    QFETCH(QString, place);
    const Refusal r = checked(text.toStdString());
    QVERIFY(r.thrown);
    QCOMPARE(QString::fromStdString(r.path), path);
    QCOMPARE(
        QString::fromStdString(r.message),
        "the number " + shown + " at " + place + " is too large (a double holds at most 1.8e308)");
    // parseScenario says the same, before anything else is read.
    const Refusal p = parsed(text.toStdString());
    QCOMPARE(QString::fromStdString(p.what), path + ": " + QString::fromStdString(r.message));
  }

  void numbersADoubleHoldsAreAccepted() {
    QVERIFY(!checked(R"({"start": [1e-400, -1e-400]})").thrown);  // underflow to 0
    QVERIFY(!checked(R"({"a": 1.7976931348623157e308, "b": -0})").thrown);
    const Scenario s = parseScenario(R"({"objective": "rosenbrock", "start": [1e-400, 2],
                                         "runs": [{"optimizer": "sgd"}]})");
    QCOMPARE(s.start[0], 0.0);
    QCOMPARE(s.start[1], 2.0);
  }

  void bracketsQuotesAndBackslashesInStringsAreNotNesting() {
    const std::string tricky = repeat("[[[{{{", 40) + "\\\"\\\\";
    const std::string text =
        scenarioWith(", \"name\": \"" + tricky + "\", \"description\": \"]}\\\\\"");
    QVERIFY(!checked(text).thrown);
    const Scenario s = parseScenario(text);
    QCOMPARE(s.name, repeat("[[[{{{", 40) + "\"\\");
    QCOMPARE(s.description, std::string("]}\\"));
    // A key with brackets and an escaped quote is one key, not a nesting or a second key.
    QVERIFY(!checked("{\"[[\\\"\": 1, \"]]\\\\\": 2}").thrown);
  }

  void invalidJsonIsLeftToTheParser_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("place");
    QTest::newRow("comma for a key") << "{,}"
                                     << "line 1, column 2";
    QTest::newRow("trailing comma") << "{\n  \"objective\": \"rosenbrock\",\n}"
                                    << "line 3, column 1";
    QTest::newRow("mismatched bracket") << R"({"runs": [})"
                                        << "line 1, column 11";
  }
  void invalidJsonIsLeftToTheParser() {
    QFETCH(QString, text);
    QFETCH(QString, place);
    QVERIFY(!checked(text.toStdString()).thrown);
    const Refusal r = parsed(text.toStdString());
    QVERIFY(r.thrown);
    QVERIFY2(r.what.starts_with("invalid JSON: "), r.what.c_str());
    QVERIFY2(QString::fromStdString(r.what).contains(place), r.what.c_str());
  }

  void emptyTextIsRefusedAsEmpty() {
    for (const char* text : {"", " ", " \t\r\n\n  "}) {
      const Refusal r = parsed(text);
      QVERIFY(r.thrown);
      QVERIFY2(r.what.find("empty") != std::string::npos, r.what.c_str());
    }
  }
};

QTEST_APPLESS_MAIN(TestJsonTextChecks)
#include "test_json_text_checks.moc"
