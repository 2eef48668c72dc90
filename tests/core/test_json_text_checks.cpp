// Hostile scenario text: nesting beyond kMaxJsonDepth, duplicate keys and numbers beyond a
// double are refused before parsing, naming the JSON path and the line and column; control
// characters and huge values in messages come out escaped and cut.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <clocale>
#include <csignal>
#include <string>

#include "core/scenario/json_text_checks.h"
#include "core/scenario/scenario_json.h"

using namespace gradscape;

namespace {

struct Refusal {
  bool thrown = false;
  std::string what, path, message;
};

template <class F>
Refusal refusalOf(const F& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return {true, e.what(), e.path(), e.message()};
  }
  return {};
}

Refusal checked(const std::string& text) {
  return refusalOf([&] { checkJsonText(text); });
}
Refusal parsed(const std::string& text) {
  return refusalOf([&] { (void)parseScenario(text); });
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// A valid scenario with `members` added at its end (", ..." included).
std::string scenarioWith(const std::string& members) {
  return R"({"objective": "rosenbrock", "runs": [{"optimizer": "sgd"}])" + members + "}";
}

bool hasControlByte(const std::string& s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

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

  void controlCharactersInAKeyAreShownEscaped_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("shown");
    QTest::newRow("NUL") << R"(a\u0000b)"
                         << R"(a\u0000b)";
    QTest::newRow("ESC") << R"(\u001b[31mred)"
                         << R"(\u001B[31mred)";
    QTest::newRow("newline and DEL") << R"(x\ny\u007f)"
                                     << R"(x\u000Ay\u007F)";
  }
  void controlCharactersInAKeyAreShownEscaped() {
    QFETCH(QString, key);
    QFETCH(QString, shown);
    const Refusal r = parsed(scenarioWith(", \"" + key.toStdString() + "\": 1"));
    QVERIFY(r.thrown);
    QVERIFY(!r.what.empty());
    QVERIFY2(r.what.starts_with(shown.toStdString() + ": unknown key; expected one of: "),
             r.what.c_str());
    QVERIFY(!hasControlByte(r.what));
  }

  void hugeValuesInGotMessagesAreCut_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("start");
    const QString huge = QString(1000000, 'x');
    QTest::newRow("long string as lr") << "{\"objective\": \"rosenbrock\", \"runs\": "
                                          "[{\"optimizer\": {\"type\": \"sgd\", \"lr\": \"" +
                                              huge + "\"}}]}"
                                       << "runs[0].optimizer.lr: must be a number, got \"xxxxxxxx";
    QTest::newRow("50-level array as lr")
        << R"({"objective": "rosenbrock", "runs": [{"optimizer": {"type": "sgd", "lr": )" +
               QString(50, '[') + QString(50, ']') + "}}]}"
        << "runs[0].optimizer.lr: must be a number, got [[[...]]]";
    QTest::newRow("long string in start")
        << "{\"objective\": \"rosenbrock\", \"start\": [\"" + huge + "\"], \"runs\": [\"sgd\"]}"
        << "start: must be an array of 2 numbers, got [\"xxxxxxx";
    QTest::newRow("long unknown key")
        << "{\"objective\": \"rosenbrock\", \"runs\": [\"sgd\"], \"" + huge + "\": 1}"
        << "xxxxxxxx";
    QTest::newRow("long clip type")
        << "{\"objective\": \"rosenbrock\", \"runs\": [{\"optimizer\": \"sgd\", \"clip\": "
           "{\"type\": \"" +
               huge + "\"}}]}"
        << "runs[0].clip.type: must be one of: none, norm, value, got \"xxxxxxx";
  }
  void hugeValuesInGotMessagesAreCut() {
    QFETCH(QString, text);
    QFETCH(QString, start);
    const Refusal r = parsed(text.toStdString());
    QVERIFY(r.thrown);
    QVERIFY2(r.what.starts_with(start.toStdString()), r.what.substr(0, 200).c_str());
    QVERIFY2(r.what.size() < 400, qPrintable(QString::number(r.what.size())));
  }

  void byteOrderMarkDoesNotBypassTheChecks() {
    // nlohmann::json::parse skips a UTF-8 byte order mark (which editors on Windows write); the
    // checks must not stop at it.
    const std::string bom = "\xef\xbb\xbf";
    const std::string duplicate = bom + scenarioWith(R"(, "runs": [{"optimizer": "adam"}])");
    const Refusal r = parsed(duplicate);
    QVERIFY2(r.thrown, "the second \"runs\" silently replaced the first");
    QVERIFY(checked(bom + repeat("[", 65) + repeat("]", 65)).thrown);
  }

  void byteOrderMarkBeforeHugeNestingIsRefusedWithoutCrashing() {
    // 10^6 levels (2 MB of text, far below the 64 MB limit). Where a run's schedule defaults,
    // scenario_json.cpp copies the parsed value, recursively: in a child, as it may crash.
    const std::string text = "\xef\xbb\xbf" +
                             std::string(R"({"objective": "rosenbrock", "runs": [{"optimizer": )"
                                         R"("sgd", "schedule": )") +
                             repeat("[", 1000000) + repeat("]", 1000000) + "}]}";
    const pid_t pid = ::fork();
    if (pid == 0) {
      // A crash ends the child plainly: no core file, no QtTest crash handler (which would
      // fork a debugger while malloc's lock may be held).
      const rlimit noCore{0, 0};
      ::setrlimit(RLIMIT_CORE, &noCore);
      for (const int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE}) std::signal(sig, SIG_DFL);
      const Refusal r = parsed(text);
      ::_exit(!r.thrown ? 1 : r.message.starts_with("nested deeper") ? 0 : 2);
    }
    int status = 0;
    for (int waited = 0; ::waitpid(pid, &status, WNOHANG) == 0; ++waited) {
      if (waited == 600) {  // 60 s
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        QFAIL("the child parsing the text hung");
      }
      ::usleep(100000);
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    qInfo("child: %d (0 refused as nested, 1 accepted, 2 other refusal, < 0 signal)", code);
    QCOMPARE(code, 0);
  }

  void numbersAreReadTheSameInEveryLocale() {
    // QApplication calls setlocale(LC_ALL, ""): with a decimal comma, strtod stops at the '.'.
    // The locale is compiled here from glibc's sources (package `locales`, installed by
    // tools/setup.sh) so the test does not depend on the machine's generated locales.
    QTemporaryDir locales;
    QCOMPARE(QProcess::execute("localedef",
                               {"-i", "de_DE", "-f", "UTF-8", locales.filePath("de_DE.UTF-8")}),
             0);
    ::setenv("LOCPATH", qPrintable(locales.path()), 1);
    const std::string saved = std::setlocale(LC_NUMERIC, nullptr);
    QVERIFY(std::setlocale(LC_NUMERIC, "de_DE.UTF-8"));
    QCOMPARE(std::strtod("1.5", nullptr), 1.0);  // the decimal separator is now a comma
    const Refusal r = checked(R"({"seed": 1.5e400})");
    std::setlocale(LC_NUMERIC, saved.c_str());
    ::unsetenv("LOCPATH");
    QCOMPARE(QString::fromStdString(r.what),
             "seed: the number 1.5e400 at line 1, column 10 is too large (a double holds at most "
             "1.8e308)");
  }
};

QTEST_APPLESS_MAIN(TestJsonTextChecks)
#include "test_json_text_checks.moc"
