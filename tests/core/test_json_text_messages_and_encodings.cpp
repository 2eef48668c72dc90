// Hostile scenario text, as messages and encodings: control characters and huge values in
// messages come out escaped and cut, a UTF-8 byte order mark neither bypasses the checks nor
// crashes the parser, and numbers read the same under a decimal-comma locale. The checks
// themselves (nesting, duplicate keys, huge numbers): test_json_text_checks.cpp.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <clocale>
#include <csignal>
#include <cstdlib>
#include <string>

#include "core/scenario/json_text_checks.h"
#include "core/scenario/scenario_json.h"
#include "support/json_refusals.h"

using namespace gradscape;
using namespace gradscape::testing;

class TestJsonTextMessagesAndEncodings : public QObject {
  Q_OBJECT

 private slots:
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

QTEST_APPLESS_MAIN(TestJsonTextMessagesAndEncodings)
#include "test_json_text_messages_and_encodings.moc"
