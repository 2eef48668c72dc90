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

inline CliResult cli(const QStringList& args, const QString& workDir = {}) {
  QProcess p;
  if (!workDir.isEmpty()) p.setWorkingDirectory(workDir);
  p.start(GRADSCAPE_CLI, args);
  if (!p.waitForFinished(120'000)) {
    p.kill();
    return {-1, {}, "timed out"};
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
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
