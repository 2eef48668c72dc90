#pragma once
// What ffprobe says of a video file's first video stream: codec, size, frames (counted by
// decoding them all) and the container's duration. -1 where it says nothing (no file, no
// ffprobe).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace gradscape::testing {

struct Probe {
  int frames = -1, width = -1, height = -1;
  double duration = -1.0;
  QString codec;
};

inline Probe probe(const QString& path) {
  QProcess p;
  p.start("ffprobe",
          {"-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
           "stream=codec_name,width,height,nb_read_frames:format=duration", "-of", "json", path});
  Probe r;
  if (!p.waitForFinished(60000)) return r;
  const QJsonObject json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
  const QJsonObject stream = json["streams"].toArray().first().toObject();
  if (stream.isEmpty()) return r;
  r.frames = stream["nb_read_frames"].toString().toInt();
  r.width = stream["width"].toInt();
  r.height = stream["height"].toInt();
  r.codec = stream["codec_name"].toString();
  r.duration = json["format"].toObject()["duration"].toString().toDouble();
  return r;
}

}  // namespace gradscape::testing
