// Text made safe for messages: printable UTF-8 passes unchanged, control characters become
// \uXXXX (4 uppercase hex digits), bytes that are not UTF-8 become \xXX, long text is cut after
// maxCharacters characters (not bytes) with "...", and no control byte ever comes out.
#include <QtTest>

#include <random>
#include <string>

#include "core/io/printable_text.h"

using namespace gradscape;

namespace {

std::string bytes(std::initializer_list<int> values) {
  std::string s;
  for (const int v : values) s += static_cast<char>(v);
  return s;
}

// Characters (UTF-8 sequences) in valid UTF-8 text: bytes that do not continue a sequence.
size_t characterCount(const std::string& s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

// The first byte < 0x20 or == 0x7f in s, or -1.
int firstControlByte(const std::string& s) {
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7f) return b;
  }
  return -1;
}

}  // namespace

class TestPrintableText : public QObject {
  Q_OBJECT

 private slots:
  void printableTextPassesUnchanged_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("ascii") << QByteArray("runs[1].optimizer.lr: must be > 0, got -0.1");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("lambda") << QByteArray("\xce\xbb");  // λ
    QTest::newRow("nabla f") << QByteArray(
        "\xe2\x88\x87"
        "f");                                                            // ∇f
    QTest::newRow("emoji") << QByteArray("loss \xf0\x9f\x98\x80 down");  // U+1F600
    QTest::newRow("no-break space") << QByteArray(
        "a\xc2\xa0"
        "b");                                                            // U+00A0, past C1
    QTest::newRow("last code point") << QByteArray("\xf4\x8f\xbf\xbf");  // U+10FFFF
  }
  void printableTextPassesUnchanged() {
    QFETCH(QByteArray, text);
    const std::string s = text.toStdString();
    QCOMPARE(printableText(s), s);
  }

  void everyPrintableAsciiCharacterPassesUnchanged() {
    std::string s;
    for (int c = 0x20; c < 0x7f; ++c) s += static_cast<char>(c);
    QCOMPARE(printableText(s), s);
  }

  void controlCharactersBecomeUEscapes_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    auto row = [](const char* name, const std::string& in, const char* out) {
      QTest::newRow(name) << QByteArray::fromStdString(in) << QByteArray(out);
    };
    row("NUL", std::string("a\0b", 3), "a\\u0000b");
    row("ESC sequence", "\x1b[31mred", "\\u001B[31mred");
    row("tab and newline", "a\tb\nc\r", "a\\u0009b\\u000Ac\\u000D");
    row("unit separator", "\x1f", "\\u001F");
    row("DEL", "x\x7fy", "x\\u007Fy");
    row("C1 CSI U+009B", bytes({0xc2, 0x9b}) + "2J", "\\u009B2J");
    row("C1 NEL U+0085", bytes({0xc2, 0x85}), "\\u0085");
    row("first C1 U+0080", bytes({0xc2, 0x80}), "\\u0080");
    row("last C1 U+009F", bytes({0xc2, 0x9f}), "\\u009F");
    row("line separator U+2028", std::string("a") + bytes({0xe2, 0x80, 0xa8}) + "b", "a\\u2028b");
    row("paragraph separator U+2029", bytes({0xe2, 0x80, 0xa9}), "\\u2029");
  }
  void controlCharactersBecomeUEscapes() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(printableText(text.toStdString()), expected.toStdString());
  }

  void bytesThatAreNotUtf8BecomeXEscapes_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    auto row = [](const char* name, const std::string& in, const char* out) {
      QTest::newRow(name) << QByteArray::fromStdString(in) << QByteArray(out);
    };
    row("lone FF", std::string("a") + bytes({0xff}) + "b", "a\\xFFb");
    row("lone continuation", bytes({0x80}), "\\x80");
    row("truncated 3-byte at end", std::string("a") + bytes({0xe2, 0x82}), "a\\xE2\\x82");
    row("truncated 3-byte before ASCII", bytes({0xe2, 0x82}) + "z", "\\xE2\\x82z");
    row("overlong slash C0 AF", bytes({0xc0, 0xaf}), "\\xC0\\xAF");
    row("overlong 3-byte NUL", bytes({0xe0, 0x80, 0x80}), "\\xE0\\x80\\x80");
    row("surrogate ED A0 80", bytes({0xed, 0xa0, 0x80}), "\\xED\\xA0\\x80");
    row("past U+10FFFF", bytes({0xf4, 0x90, 0x80, 0x80}), "\\xF4\\x90\\x80\\x80");
    row("F8 lead byte", bytes({0xf8, 0x88, 0x80, 0x80, 0x80}), "\\xF8\\x88\\x80\\x80\\x80");
    // A valid character right after a broken one is kept.
    row("broken then lambda", bytes({0xce, 0xce, 0xbb}), "\\xCE\xce\xbb");
  }
  void bytesThatAreNotUtf8BecomeXEscapes() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(printableText(text.toStdString()), expected.toStdString());
  }

  void everySingleByteHasItsHandWorkedForm() {
    for (int b = 0; b < 256; ++b) {
      char expected[8];
      if (b < 0x20 || b == 0x7f) {
        std::snprintf(expected, sizeof expected, "\\u00%c%c", "0123456789ABCDEF"[b >> 4],
                      "0123456789ABCDEF"[b & 15]);
      } else if (b < 0x80) {
        expected[0] = static_cast<char>(b);
        expected[1] = '\0';
      } else {
        std::snprintf(expected, sizeof expected, "\\x%c%c", "0123456789ABCDEF"[b >> 4],
                      "0123456789ABCDEF"[b & 15]);
      }
      QCOMPARE(printableText(std::string(1, static_cast<char>(b))), std::string(expected));
    }
  }

  void longTextIsCutAfterMaxCharacters_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("maxCharacters");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ascii") << QByteArray("abcdefghij") << 4 << QByteArray("abcd...");
    QTest::newRow("one over") << QByteArray("abcde") << 4 << QByteArray("abcd...");
    QTest::newRow("exactly max is not cut") << QByteArray("abcd") << 4 << QByteArray("abcd");
    QTest::newRow("lambdas count once each")
        << QByteArray("\xce\xbb\xce\xbb\xce\xbb\xce\xbb\xce\xbb") << 3
        << QByteArray("\xce\xbb\xce\xbb\xce\xbb...");
    QTest::newRow("emoji count once each")
        << QByteArray("\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80") << 2
        << QByteArray("\xf0\x9f\x98\x80\xf0\x9f\x98\x80...");
    QTest::newRow("escapes count once each")
        << QByteArray("\x01\x02\x03") << 2 << QByteArray("\\u0001\\u0002...");
    QTest::newRow("bad bytes count once each")
        << QByteArray("\xff\xfe\xfd") << 2 << QByteArray("\\xFF\\xFE...");
    QTest::newRow("zero") << QByteArray("a") << 0 << QByteArray("...");
  }
  void longTextIsCutAfterMaxCharacters() {
    QFETCH(QByteArray, text);
    QFETCH(int, maxCharacters);
    QFETCH(QByteArray, expected);
    QCOMPARE(printableText(text.toStdString(), static_cast<size_t>(maxCharacters)),
             expected.toStdString());
  }

  void defaultCutIsAt200Characters() {
    QCOMPARE(printableText(std::string(200, 'a')), std::string(200, 'a'));
    QCOMPARE(printableText(std::string(250, 'a')), std::string(200, 'a') + "...");
    std::string nablas;
    for (int i = 0; i < 300; ++i) nablas += "\xe2\x88\x87";
    const std::string cut = printableText(nablas);
    QCOMPARE(cut.size(), size_t{200 * 3 + 3});
    QCOMPARE(characterCount(cut), size_t{203});
    QVERIFY(cut.ends_with("\xe2\x88\x87..."));
  }

  void outputNeverContainsControlBytes() {
    for (int b = 0; b < 256; ++b) {
      const std::string out = printableText(std::string(1, static_cast<char>(b)));
      QVERIFY2(firstControlByte(out) < 0, qPrintable(QString("byte %1").arg(b)));
    }
    // Random bytes, and random mixes of valid, broken and control sequences.
    const std::string pieces[] = {"a",
                                  "\x1b",
                                  bytes({0xc2, 0x9b}),
                                  bytes({0xe2, 0x80, 0xa8}),
                                  "\xce\xbb",
                                  bytes({0xe2, 0x82}),
                                  bytes({0xed, 0xa0, 0x80}),
                                  std::string(1, '\0'),
                                  "\x7f",
                                  bytes({0xf0, 0x9f, 0x98, 0x80}),
                                  bytes({0xf0, 0x9f}),
                                  bytes({0xc2, 0x85})};
    std::mt19937 rng(20240611);
    for (int trial = 0; trial < 4000; ++trial) {
      std::string s;
      const int length = static_cast<int>(rng() % 64);
      for (int i = 0; i < length; ++i) {
        if (trial % 2 == 0) {
          s += static_cast<char>(rng() & 0xff);
        } else {
          s += pieces[rng() % std::size(pieces)];
        }
      }
      const size_t max = rng() % 80;
      const std::string out = printableText(s, max);
      QVERIFY2(firstControlByte(out) < 0, qPrintable(QByteArray::fromStdString(s).toHex()));
      // Nor an encoded C1 control or line/paragraph separator.
      QVERIFY(out.find("\xc2\x80") == std::string::npos);
      for (int c1 = 0x80; c1 < 0xa0; ++c1) {
        QVERIFY2(out.find(bytes({0xc2, c1})) == std::string::npos,
                 qPrintable(QByteArray::fromStdString(s).toHex()));
      }
      QVERIFY(out.find(bytes({0xe2, 0x80, 0xa8})) == std::string::npos);
      QVERIFY(out.find(bytes({0xe2, 0x80, 0xa9})) == std::string::npos);
      // The output is itself valid UTF-8 and passes through unchanged a second time (when not
      // cut again).
      QCOMPARE(printableText(out, out.size()), out);
    }
  }
};

QTEST_APPLESS_MAIN(TestPrintableText)
#include "test_printable_text.moc"
