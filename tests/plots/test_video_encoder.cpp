// Videos through Debian's ffmpeg (plots/export/video_encoder.h, animation.h): synthetic frames
// of solid colours, read back with ffprobe (frame count, size, duration) and ffmpeg (a decoded
// frame's colour); cancelled and failed encodings leave no file behind and an existing file as
// it was; a missing ffmpeg or encoder, an unwritable place and a full disk say so.
#include <sys/resource.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <csignal>
#include <random>

#include "plots/export/animation.h"
#include "plots/export/picture.h"
#include "plots/export/video_encoder.h"
#include "support/video_probe.h"

using namespace gradscape::plots;
using gradscape::testing::probe;
using gradscape::testing::Probe;

namespace {

using Colour = std::array<int, 3>;

// Frame i's colour: every channel at least 40 away from the other frames' (up to 12 frames).
Colour colourOf(int frame) {
  return {(frame * 20 + 10) % 256, 250 - frame * 20, (frame % 2) * 200 + 25};
}

Picture solidFrame(int width, int height, Colour colour) {
  Picture p;
  p.width = width;
  p.height = height;
  p.rgba.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
  for (size_t i = 0; i < p.rgba.size(); i += 4) {
    p.rgba[i] = uint8_t(colour[0]);
    p.rgba[i + 1] = uint8_t(colour[1]);
    p.rgba[i + 2] = uint8_t(colour[2]);
    p.rgba[i + 3] = 255;
  }
  return p;
}

QString q(const std::string& text) {
  return QString::fromStdString(text);
}

QStringList filesIn(const QString& dir) {
  return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

// The mean colour of the 8 x 8 pixels at the centre of decoded frame `n`.
Colour decodedCentre(const QString& path, int n, int width, int height) {
  QProcess p;
  p.start("ffmpeg", {"-v", "error", "-i", path, "-vf", QString("select=eq(n\\,%1)").arg(n),
                     "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"});
  p.waitForFinished(60000);
  const QByteArray rgb = p.readAllStandardOutput();
  if (rgb.size() != width * height * 3) return {-1, -1, -1};
  std::array<long, 3> sum{};
  for (int y = height / 2 - 4; y < height / 2 + 4; ++y) {
    for (int x = width / 2 - 4; x < width / 2 + 4; ++x) {
      for (int c = 0; c < 3; ++c) sum[size_t(c)] += uint8_t(rgb[(y * width + x) * 3 + c]);
    }
  }
  return {int(sum[0] / 64), int(sum[1] / 64), int(sum[2] / 64)};
}

std::string encodeSolid(const QString& path, const VideoOptions& options, int frames) {
  VideoEncoder encoder;
  if (std::string why = encoder.open(path.toStdString(), options); !why.empty()) return why;
  for (int i = 0; i < frames; ++i) {
    if (std::string why = encoder.addFrame(solidFrame(options.width, options.height, colourOf(i)));
        !why.empty()) {
      return why;
    }
  }
  return encoder.finish();
}

}  // namespace

class VideoEncoderTest : public QObject {
  Q_OBJECT

 private slots:
  void encodesTheAskedFramesSizeAndDuration_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("codec");
    QTest::newRow("mp4") << "film.mp4"
                         << "h264";
    QTest::newRow("webm") << "film.webm"
                          << "vp9";
    QTest::newRow("gif") << "film.gif"
                         << "gif";
  }

  void encodesTheAskedFramesSizeAndDuration() {
    QFETCH(QString, name);
    QFETCH(QString, codec);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    VideoOptions options;
    options.format = *videoFormatForPath(path.toStdString());
    options.width = 160;
    options.height = 120;
    options.fps = 10;  // GIF delays are in 1/100 s: 10 fps is exact in every format
    const int frames = 12;
    QCOMPARE(q(encodeSolid(path, options, frames)), QString());
    QCOMPARE(filesIn(dir.path()), QStringList{name});  // no temporary file left
    const Probe p = probe(path);
    QCOMPARE(p.codec, codec);
    QCOMPARE(p.frames, frames);
    QCOMPARE(p.width, 160);
    QCOMPARE(p.height, 120);
    // 12 frames at 10 fps: 1.2 s, within half a frame.
    QVERIFY2(std::abs(p.duration - 1.2) <= 0.05, qPrintable(QString::number(p.duration)));
    // Frames 0, 5 and 11 decode to their own colour. Lossy codecs (yuv420p, 8-bit BT.601
    // conversion, CRF) and GIF's palette move a solid colour by a few levels: 12 per channel
    // is allowed, while neighbouring frames differ by at least 20 in some channel... and by
    // 40 or more in the first or third.
    for (int n : {0, 5, 11}) {
      const Colour got = decodedCentre(path, n, 160, 120);
      const Colour want = colourOf(n);
      for (int c = 0; c < 3; ++c) {
        QVERIFY2(std::abs(got[size_t(c)] - want[size_t(c)]) <= 12,
                 qPrintable(QString("frame %1 channel %2: %3, expected %4")
                                .arg(n)
                                .arg(c)
                                .arg(got[size_t(c)])
                                .arg(want[size_t(c)])));
      }
    }
  }

  void formatFollowsTheExtension() {
    QVERIFY(videoFormatForPath("a/b.MP4") == VideoFormat::Mp4);
    QVERIFY(videoFormatForPath("x.webm") == VideoFormat::WebM);
    QVERIFY(videoFormatForPath("x.Gif") == VideoFormat::Gif);
    QVERIFY(!videoFormatForPath("x.avi").has_value());
    QVERIFY(!videoFormatForPath("mp4").has_value());
  }

  void cancelHalfwayLeavesNoFile() {
    QTemporaryDir dir;
    VideoEncoder encoder;
    VideoOptions options;
    options.width = 320;
    options.height = 240;
    QCOMPARE(q(encoder.open(dir.filePath("c.mp4").toStdString(), options)), QString());
    for (int i = 0; i < 5; ++i) {
      QCOMPARE(q(encoder.addFrame(solidFrame(320, 240, colourOf(i)))), QString());
    }
    QCOMPARE(filesIn(dir.path()).size(), 1);  // the temporary file, while encoding
    encoder.cancel();
    QCOMPARE(filesIn(dir.path()), QStringList());
    QCOMPARE(q(encoder.addFrame(solidFrame(320, 240, colourOf(0)))), QString("cancelled"));
  }

  void existingFileSurvivesCancelAndFailure() {
    QTemporaryDir dir;
    const QString path = dir.filePath("keep.gif");
    {
      QFile old(path);
      QVERIFY(old.open(QIODevice::WriteOnly));
      old.write("the old film");
    }
    VideoOptions options;
    options.format = VideoFormat::Gif;
    options.width = 64;
    options.height = 64;
    {
      VideoEncoder encoder;
      QCOMPARE(q(encoder.open(path.toStdString(), options)), QString());
      QCOMPARE(q(encoder.addFrame(solidFrame(64, 64, colourOf(1)))), QString());
      encoder.cancel();
    }
    {
      VideoEncoder encoder;
      QCOMPARE(q(encoder.open(path.toStdString(), options)), QString());
      const std::string why = encoder.addFrame(solidFrame(32, 64, colourOf(1)));  // wrong size
      QVERIFY2(why.find("another size") != std::string::npos, why.c_str());
      QCOMPARE(q(encoder.finish()), QString("no video is being written"));
    }
    QCOMPARE(filesIn(dir.path()), QStringList{"keep.gif"});
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("the old film"));
  }

  void unwritablePlaceSaysWhyAndLeavesNothing() {
    QTemporaryDir dir;
    const QString plain = dir.filePath("plain");  // a regular file: nothing goes "into" it
    {
      QFile f(plain);
      QVERIFY(f.open(QIODevice::WriteOnly));
    }
    VideoEncoder encoder;
    const std::string why = encoder.open((plain + "/film.mp4").toStdString(), VideoOptions{});
    QVERIFY2(why.find("film.mp4") != std::string::npos, why.c_str());
    QVERIFY2(why.find("Not a directory") != std::string::npos, why.c_str());
    QCOMPARE(filesIn(dir.path()), QStringList{"plain"});
    const std::string intoDir = encoder.open(dir.path().toStdString(), VideoOptions{});
    QVERIFY2(intoDir.find("is a directory") != std::string::npos, intoDir.c_str());
  }

  void fullDiskGivesFfmpegsReasonAndLeavesNothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath("big.mp4");
    VideoOptions options;
    options.width = 320;
    options.height = 240;
    // Asked once without the limit: the encoder list ffmpeg prints is kept for later opens.
    VideoEncoder encoder;
    QCOMPARE(q(encoder.open(path.toStdString(), options)), QString());
    // ffmpeg inherits a 64 kB file size limit (and SIGXFSZ ignored): its writes then fail with
    // EFBIG as on a full disk. Noise does not compress, so the limit is soon reached.
    rlimit old{};
    getrlimit(RLIMIT_FSIZE, &old);
    auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = 64 * 1024;
    setrlimit(RLIMIT_FSIZE, &small);
    VideoEncoder limited;  // started under the limit
    const std::string opened = limited.open(path.toStdString(), options);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    encoder.cancel();
    QCOMPARE(q(opened), QString());
    std::mt19937 random(1);
    std::string why;
    Picture noise = solidFrame(320, 240, {0, 0, 0});
    for (int i = 0; i < 200 && why.empty(); ++i) {
      for (auto& byte : noise.rgba) byte = uint8_t(random());
      why = limited.addFrame(noise);
    }
    if (why.empty()) why = limited.finish();
    QVERIFY2(why.find("File too large") != std::string::npos, why.c_str());
    QVERIFY2(why.find(".gradscape-tmp") == std::string::npos, why.c_str());  // names the target
    QCOMPARE(filesIn(dir.path()), QStringList());
  }

  void missingFfmpegSaysSo() {
    QTemporaryDir dir;
    VideoOptions options;
    options.ffmpeg = "/nonexistent/ffmpeg";
    VideoEncoder encoder;
    const std::string why = encoder.open(dir.filePath("x.mp4").toStdString(), options);
    QVERIFY2(why.find("/nonexistent/ffmpeg does not exist") != std::string::npos, why.c_str());
    options.ffmpeg = "gradscape-no-such-ffmpeg";
    const std::string onPath = encoder.open(dir.filePath("x.mp4").toStdString(), options);
    QVERIFY2(onPath.find("'gradscape-no-such-ffmpeg' is not installed") != std::string::npos,
             onPath.c_str());
    QCOMPARE(filesIn(dir.path()), QStringList());
  }

  void missingEncoderSaysWhichAndForWhat() {
    QTemporaryDir dir;
    // An "ffmpeg" whose encoder list has GIF only.
    const QString fake = dir.filePath("ffmpeg");
    {
      QFile f(fake);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("#!/bin/sh\necho 'Encoders:'\necho ' V....D gif                  GIF'\n");
      f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    VideoOptions options;
    options.ffmpeg = fake.toStdString();
    VideoEncoder encoder;
    const std::string why = encoder.open(dir.filePath("x.mp4").toStdString(), options);
    QVERIFY2(why.find("has no libx264 encoder, which MP4 (H.264) needs") != std::string::npos,
             why.c_str());
    QCOMPARE(filesIn(dir.path()), QStringList{"ffmpeg"});
  }

  void oddSizesAreRefusedForYuv420() {
    VideoOptions options;
    options.width = 321;
    options.height = 240;
    const std::string why = validateVideoOptions(options);
    QVERIFY2(why.find("must be even, got 321 x 240") != std::string::npos, why.c_str());
    options.format = VideoFormat::Gif;
    QCOMPARE(q(validateVideoOptions(options)), QString());
    options.fps = 0;
    QVERIFY(!validateVideoOptions(options).empty());
  }

  void framesShowEvenlySpacedIterations() {
    // round(i N / (F - 1)): 0 and N at the ends.
    QCOMPARE(frameIteration(0, 300, 5000), int64_t{0});
    QCOMPARE(frameIteration(299, 300, 5000), int64_t{5000});
    QCOMPARE(frameIteration(1, 300, 5000), int64_t{17});      // 16.72
    QCOMPARE(frameIteration(150, 300, 5000), int64_t{2508});  // 2508.36
    QCOMPARE(frameIteration(0, 1, 40), int64_t{40});
    QCOMPARE(frameCount(10, 30), 300);
    QCOMPARE(frameCount(0.01, 10), 1);
  }

  void runsAreCutAtTheFramesIteration() {
    RunView run;
    run.iteration = {0, 2, 4, 6};
    run.x = {0, 1, 2, 3};
    run.y = {0, -1, -2, -3};
    run.loss = {9, 4, 1, 0};
    run.finished = true;
    RunView shortRun = run;
    shortRun.iteration = {0, 1};
    shortRun.x = {5, 6};
    shortRun.y = {5, 6};
    shortRun.loss = {1, 0};
    const auto cut = runsUpTo({run, shortRun}, 3.0);
    QCOMPARE(cut[0].iteration, (std::vector<double>{0, 2}));
    QCOMPARE(cut[0].x, (std::vector<double>{0, 1}));
    QCOMPARE(cut[0].loss, (std::vector<double>{9, 4}));
    QVERIFY(!cut[0].finished);
    QCOMPARE(cut[1].x, (std::vector<double>{5, 6}));  // ended before: whole, as it was
    QVERIFY(cut[1].finished);
    QCOMPARE(lastIteration({run, shortRun}), int64_t{6});
  }

  void animationEncodesEveryFrameAndStopsOnCancel() {
    QTemporaryDir dir;
    VideoOptions options;
    options.width = 96;
    options.height = 64;
    options.fps = 10;
    std::vector<int64_t> shown;
    const auto render = [&](int, int64_t iteration) {
      shown.push_back(iteration);
      return solidFrame(96, 64, colourOf(int(shown.size() % 12)));
    };
    const QString path = dir.filePath("a.mp4");
    QCOMPARE(q(writeAnimation(path.toStdString(), options, 20, 380, render)), QString());
    QCOMPARE(shown.size(), size_t{20});
    QCOMPARE(shown[1], int64_t{20});
    QCOMPARE(shown.back(), int64_t{380});
    QCOMPARE(probe(path).frames, 20);
    int told = 0;
    const std::string why = writeAnimation(dir.filePath("b.mp4").toStdString(), options, 20, 380,
                                           render, [&](int done, int frames) {
                                             told = done;
                                             return done < frames / 2;
                                           });
    QCOMPARE(q(why), QString("cancelled"));
    QCOMPARE(told, 10);
    QCOMPARE(filesIn(dir.path()), QStringList{"a.mp4"});
  }
};

QTEST_GUILESS_MAIN(VideoEncoderTest)
#include "test_video_encoder.moc"
