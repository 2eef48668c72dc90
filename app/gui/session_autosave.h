#pragma once
// Autosave of one window's session, and finding the sessions of windows that died.
//
// A session writes DIR/session-ID.json (atomically: a crash mid-write leaves the previous
// autosave or the new one, never a part) and holds the lock DIR/session-ID.lock (QLockFile)
// for as long as it lives. An autosave whose lock no live process holds was left by a session
// that died (crash, kill -9, power loss): that is a crashed session, offered for restore. One
// whose lock a live process holds belongs to a running window, in this process or another,
// and is left alone; claiming takes the lock, so two programs starting together never both
// offer the same session.
#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app/gui/session_state.h"

namespace gradscape::gui {

class SessionAutosave : public QObject {
  Q_OBJECT
 public:
  // $GRADSCAPE_AUTOSAVE_DIR when set, else "autosave" in QStandardPaths::AppDataLocation
  // (~/.local/share/Gradscape/autosave).
  static QString defaultDirectory();
  static constexpr int kDefaultDelayMs = 1500;
  // Changes that never pause (a slider held for a minute) are still written this often.
  static constexpr int kMaxWaitMs = 10'000;

  // Starts a session in `directory` (created when missing). `capture` gives the bytes to
  // write; it is called on the GUI thread when a write is due, and the file is written on a
  // background thread.
  SessionAutosave(const QString& directory, std::function<QByteArray()> capture);
  // Waits for a write in flight and releases the lock, but keeps the autosave: only finish()
  // is a clean end. (Call flush() first to write a change still waiting for the delay.)
  ~SessionAutosave() override;

  // "" when the session holds its lock and autosaves, else why it cannot.
  QString error() const { return error_; }
  QString directory() const { return directory_; }
  QString filePath() const { return filePath_; }
  // Debounce: write this long after the last change.
  void setDelay(int milliseconds) { timer_.setInterval(milliseconds); }
  void setMaxWait(int milliseconds) { maxWaitMs_ = milliseconds; }

  // Something changed: write `delay` after the last of a burst of changes (at the latest
  // kMaxWaitMs after its first).
  void schedule();
  // Capture and write now (still off the GUI thread).
  void writeNow();
  // A change still waiting for its delay is written now; returns once all writes are done.
  void flush();
  // Nothing unsaved any more: the autosave is removed (after any write in flight).
  void clear();
  // The clean end of the session: no autosave and no lock are left behind.
  void finish();
  // Waits until every write and removal asked for so far has been done.
  bool waitForIdle(int timeoutMs = 5000);

 signals:
  void written(const QString& path);
  void writeFailed(const QString& reason);

 private:
  void enqueue(std::optional<QByteArray> content);  // none: remove the file

  QString directory_;
  QString filePath_;
  QString error_;
  std::function<QByteArray()> capture_;
  QLockFile lock_;
  QTimer timer_;
  QElapsedTimer pendingSince_;  // the first change the timer waits to write
  int maxWaitMs_ = kMaxWaitMs;
  QThreadPool pool_;  // one thread: writes and removals happen in the order asked
  // The newest request; an older one still queued is skipped (only the newest state matters).
  std::shared_ptr<std::atomic<uint64_t>> latest_ = std::make_shared<std::atomic<uint64_t>>(0);
  bool finished_ = false;
};

// The autosave of a session whose process died, claimed (its lock is held) so that no other
// window offers it as well.
struct CrashedSession {
  QString path;    // the autosave (for an unreadable one: where it was moved aside to)
  QDateTime time;  // when it was written (the file's time when the autosave does not say)
  std::optional<Session> session;  // none when it could not be read
  QString error;                   // why it could not be read
  std::shared_ptr<QLockFile> claim;
};

// The crashed sessions in `directory`, newest first. An unreadable autosave is moved aside to
// DIR/corrupt-session-ID.json (kept for a look, never offered again) and returned with the
// reason; stale locks without an autosave are removed.
std::vector<CrashedSession> claimCrashedSessions(const QString& directory);
// Deletes a crashed session's autosave and its lock (after it was restored or discarded).
void removeCrashedSession(CrashedSession& crashed);

}  // namespace gradscape::gui
