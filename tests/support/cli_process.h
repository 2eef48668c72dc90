#pragma once
// Runs gradscape-cli (GRADSCAPE_CLI, set by CMake) as a real process.
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace gradscape::testing {

struct CliResult {
  int code;
  QString out, err;
};

// Runs `program` to its end (at most `timeoutMs`; then it is killed and code is -1).
inline CliResult runProgram(const QString& program, const QStringList& args,
                            const QString& workDir = {}, int timeoutMs = 120'000) {
  QProcess p;
  if (!workDir.isEmpty()) p.setWorkingDirectory(workDir);
  p.start(program, args);
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    return {-1, {}, "timed out"};
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

inline CliResult cli(const QStringList& args, const QString& workDir = {}) {
  return runProgram(GRADSCAPE_CLI, args, workDir);
}

// `command` through /bin/sh -c, for limits (ulimit) and redirections around gradscape-cli
// (cliPath() quoted for the shell).
inline CliResult shell(const QString& command) {
  return runProgram("/bin/sh", {"-c", command}, {}, 180'000);
}

inline QString cliPath() {
  return "'" + QString(GRADSCAPE_CLI) + "'";
}

inline QString defaultScenario() {
  return QString(GRADSCAPE_SOURCE_DIR) + "/scenarios/default.json";
}

inline void writeFile(const QString& path, const QByteArray& text) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(text);
}

}  // namespace gradscape::testing
