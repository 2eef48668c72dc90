// The desktop integration files: resources/gradscape-scenario.xml declares the scenario MIME
// type (well-formed shared-mime-info XML, a sub-class of JSON, recognised by its glob once
// update-mime-database has built the database from it), and
// resources/gradscape.desktop lists that type and passes desktop-file-validate.
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

const QString kType = QStringLiteral("application/x-gradscape-scenario+json");
const QString kResources = QStringLiteral(GRADSCAPE_SOURCE_DIR "/resources/");

QByteArray readAll(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The MIME type's declarations, as the XML holds them.
struct MimeDeclaration {
  QString root, type, parent, comment;
  QStringList globs;
};

MimeDeclaration readMimeXml(const QByteArray& xml, QString* error) {
  MimeDeclaration d;
  QXmlStreamReader reader(xml);
  QString element;
  while (!reader.atEnd()) {
    reader.readNext();
    if (reader.isStartElement()) {
      element = reader.name().toString();
      if (d.root.isEmpty()) d.root = reader.namespaceUri().toString() + "#" + element;
      const auto attributes = reader.attributes();
      if (element == "mime-type") d.type = attributes.value("type").toString();
      if (element == "sub-class-of") d.parent = attributes.value("type").toString();
      if (element == "glob") d.globs << attributes.value("pattern").toString();
    } else if (reader.isCharacters() && element == "comment" && d.comment.isEmpty()) {
      d.comment = reader.text().toString().trimmed();
    }
  }
  if (reader.hasError()) *error = reader.errorString();
  return d;
}

}  // namespace

class TestDesktopMimeType : public QObject {
  Q_OBJECT

 private slots:
  void theMimeXmlDeclaresTheScenarioType() {
    const QByteArray xml = readAll(kResources + "gradscape-scenario.xml");
    QVERIFY(!xml.isEmpty());
    QString error;
    const MimeDeclaration d = readMimeXml(xml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));  // well-formed
    QCOMPARE(d.root,
             QStringLiteral("http://www.freedesktop.org/standards/shared-mime-info#mime-info"));
    QCOMPARE(d.type, kType);
    QCOMPARE(d.parent, QStringLiteral("application/json"));
    QVERIFY(!d.comment.isEmpty());
    QCOMPARE(d.globs, QStringList{"*.gradscape.json"});
  }

  // The database update-mime-database builds from the XML, read as every Qt program reads it:
  // a scenario file name has the type, which is a kind of JSON; other .json files are not.
  void theMimeDatabaseRecognisesScenarioFiles() {
    const QString update = QStandardPaths::findExecutable("update-mime-database");
    QVERIFY2(!update.isEmpty(),
             "update-mime-database is missing: tools/setup.sh installs shared-mime-info");
    QTemporaryDir share;
    QVERIFY(QDir(share.path()).mkpath("mime/packages"));
    QVERIFY(QFile::copy(kResources + "gradscape-scenario.xml",
                        share.filePath("mime/packages/gradscape-scenario.xml")));
    QProcess process;
    process.start(update, {share.filePath("mime")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    // Read before any QMimeDatabase use in this process (it loads the directories once).
    qputenv("XDG_DATA_DIRS", (share.path() + ":/usr/local/share:/usr/share").toUtf8());
    const QMimeDatabase db;
    const QMimeType type = db.mimeTypeForFile("race.gradscape.json", QMimeDatabase::MatchExtension);
    QCOMPARE(type.name(), kType);
    QVERIFY(type.inherits("application/json"));
    QVERIFY(db.mimeTypeForFile("package.json", QMimeDatabase::MatchExtension).name() != kType);
  }

  void theDesktopFileListsTheType() {
    const QString text = QString::fromUtf8(readAll(kResources + "gradscape.desktop"));
    const auto line =
        QRegularExpression(QStringLiteral("^MimeType=(.*)$"), QRegularExpression::MultilineOption)
            .match(text);
    QVERIFY2(line.hasMatch(), "no MimeType= line");
    const QStringList types = line.captured(1).split(';', Qt::SkipEmptyParts);
    QVERIFY2(types.contains(kType), qPrintable(line.captured(0)));
    QVERIFY(types.contains("application/json"));  // other .json scenarios open too
    QVERIFY(text.contains(
        QRegularExpression("^Exec=gradscape %[fF]$", QRegularExpression::MultilineOption)));
  }

  void theDesktopFilePassesDesktopFileValidate() {
    const QString validate = QStandardPaths::findExecutable("desktop-file-validate");
    QVERIFY2(!validate.isEmpty(),
             "desktop-file-validate is missing: tools/setup.sh installs desktop-file-utils");
    QProcess process;
    process.start(validate, {kResources + "gradscape.desktop"});
    QVERIFY(process.waitForFinished(30000));
    const QString output = QString::fromUtf8(process.readAll());
    QVERIFY2(process.exitCode() == 0, qPrintable(output));
    QVERIFY2(!output.contains("error:"), qPrintable(output));
  }
};

QTEST_APPLESS_MAIN(TestDesktopMimeType)
#include "test_desktop_mime_type.moc"
