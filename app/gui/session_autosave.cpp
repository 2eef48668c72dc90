#include "app/gui/session_autosave.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace gradscape::gui {

namespace {

constexpr const char* kPrefix = "session-";
constexpr const char* kCorruptPrefix = "corrupt-";

QString lockPathOf(const QString& autosavePath) {
  return autosavePath.chopped(int(qstrlen(".json"))) + QStringLiteral(".lock");
}

// QSaveFile: a temporary file next to the target, flushed to disk, then renamed over it.
QString writeAtomically(const QString& path, const QByteArray& content) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return file.errorString();
  if (file.write(content) != content.size()) {
    QString reason = file.errorString();
    file.cancelWriting();
    return reason;
  }
  if (!file.commit()) return file.errorString();
  return {};
}

// QSaveFile's temporary files ("NAME.json.XXXXXX") that a writer killed mid-write left behind.
void removeTemporaries(const QString& autosavePath) {
  const QFileInfo info(autosavePath);
  QDir dir = info.dir();
  for (const QString& name : dir.entryList({info.fileName() + QStringLiteral(".*")}, QDir::Files)) {
    dir.remove(name);
  }
}

// The lock of a live session stays valid however old it is: only a dead owner makes it stale.
void neverStaleByAge(QLockFile& lock) {
  lock.setStaleLockTime(0);
}

}  // namespace

QString SessionAutosave::defaultDirectory() {
  QString dir = qEnvironmentVariable("GRADSCAPE_AUTOSAVE_DIR");
  if (!dir.isEmpty()) return dir;
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/autosave");
}

SessionAutosave::SessionAutosave(const QString& directory, std::function<QByteArray()> capture)
    : directory_(QDir(directory).absolutePath()),
      filePath_(
          QDir(directory_)
              .filePath(QStringLiteral("%1%2-%3.json")
                            .arg(QLatin1String(kPrefix))
                            .arg(QCoreApplication::applicationPid())
                            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')))),
      capture_(std::move(capture)),
      lock_(lockPathOf(filePath_)) {
  neverStaleByAge(lock_);
  pool_.setMaxThreadCount(1);
  timer_.setSingleShot(true);
  timer_.setInterval(kDefaultDelayMs);
  connect(&timer_, &QTimer::timeout, this, &SessionAutosave::writeNow);
  if (!QDir().mkpath(directory_)) {
    error_ = tr("cannot create the folder %1").arg(directory_);
  } else if (!lock_.tryLock(0)) {
    error_ = lock_.error() == QLockFile::PermissionError
                 ? tr("cannot write in %1 (permission denied)").arg(directory_)
                 : tr("cannot lock %1").arg(lock_.fileName());
  }
}

SessionAutosave::~SessionAutosave() {
  timer_.stop();
  pool_.waitForDone();
}

void SessionAutosave::schedule() {
  if (!error_.isEmpty() || finished_) return;
  if (!timer_.isActive()) {
    pendingSince_.start();
  } else if (pendingSince_.elapsed() >= maxWaitMs_) {
    writeNow();
    return;
  }
  timer_.start();  // restarts: the write comes `delay` after the last change
}

void SessionAutosave::writeNow() {
  timer_.stop();
  if (!error_.isEmpty() || finished_) return;
  enqueue(capture_());
}

void SessionAutosave::flush() {
  if (timer_.isActive()) writeNow();
  waitForIdle();
}

void SessionAutosave::clear() {
  timer_.stop();
  if (!error_.isEmpty() || finished_) return;
  enqueue(std::nullopt);
}

void SessionAutosave::finish() {
  timer_.stop();
  if (finished_) return;
  finished_ = true;
  ++*latest_;  // anything still queued is skipped
  pool_.waitForDone();
  QFile::remove(filePath_);
  if (lock_.isLocked()) lock_.unlock();  // removes the lock file
}

bool SessionAutosave::waitForIdle(int timeoutMs) {
  return pool_.waitForDone(timeoutMs);
}

void SessionAutosave::enqueue(std::optional<QByteArray> content) {
  const uint64_t ticket = ++*latest_;
  pool_.start([this, ticket, latest = latest_, path = filePath_, content = std::move(content)] {
    if (latest->load() != ticket) return;  // a newer state is queued behind this one
    if (!content) {
      QFile::remove(path);
      return;
    }
    const QString reason = writeAtomically(path, *content);
    // Queued to the GUI thread; the destructor waits for this task, so `this` is alive here.
    QMetaObject::invokeMethod(
        this,
        [this, path, reason] {
          if (reason.isEmpty()) {
            emit written(path);
          } else {
            emit writeFailed(reason);
          }
        },
        Qt::QueuedConnection);
  });
}

std::vector<CrashedSession> claimCrashedSessions(const QString& directory) {
  QDir dir(directory);
  std::vector<CrashedSession> found;
  const QString pattern = QLatin1String(kPrefix) + QStringLiteral("*.json");
  for (const QFileInfo& info : dir.entryInfoList({pattern}, QDir::Files)) {
    auto claim = std::make_shared<QLockFile>(lockPathOf(info.absoluteFilePath()));
    neverStaleByAge(*claim);
    // Fails while the owner lives (this process's other windows included); a dead owner's
    // lock is stale and taken over.
    if (!claim->tryLock(0)) continue;
    CrashedSession crashed;
    crashed.path = info.absoluteFilePath();
    crashed.time = info.lastModified();
    crashed.claim = std::move(claim);
    QFile file(crashed.path);
    try {
      if (!file.open(QIODevice::ReadOnly)) throw SessionError(file.errorString().toStdString());
      crashed.session = sessionFromJson(file.readAll());
      if (crashed.session->savedAt.isValid()) crashed.time = crashed.session->savedAt.toLocalTime();
    } catch (const SessionError& e) {
      crashed.error = QString::fromStdString(e.what());
      removeTemporaries(crashed.path);
      // Moved aside: kept for a look, never offered again.
      const QString aside = dir.filePath(QLatin1String(kCorruptPrefix) + info.fileName());
      QFile::remove(aside);
      if (QFile::rename(crashed.path, aside)) crashed.path = aside;
      crashed.claim->unlock();
    }
    found.push_back(std::move(crashed));
  }
  // Locks of sessions that died with nothing unsaved.
  for (const QFileInfo& info :
       dir.entryInfoList({QLatin1String(kPrefix) + QStringLiteral("*.lock")}, QDir::Files)) {
    if (QFileInfo::exists(info.absolutePath() + "/" + info.completeBaseName() + ".json")) continue;
    QLockFile stale(info.absoluteFilePath());
    neverStaleByAge(stale);
    if (stale.tryLock(0)) stale.unlock();
  }
  std::sort(found.begin(), found.end(),
            [](const CrashedSession& a, const CrashedSession& b) { return a.time > b.time; });
  return found;
}

void removeCrashedSession(CrashedSession& crashed) {
  QFile::remove(crashed.path);
  removeTemporaries(crashed.path);
  if (crashed.claim && crashed.claim->isLocked()) crashed.claim->unlock();
  crashed.claim.reset();
}

}  // namespace gradscape::gui
