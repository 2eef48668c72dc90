#pragma once
// Checks for the convention of core/'s constructors and factories: bad options throw
// std::invalid_argument("field: message"), so callers can point at the offending field.
#include <QtTest>

#include <stdexcept>

namespace gradscape::testing {

// make() throws std::invalid_argument whose message starts with "field:".
template <class Make>
void expectInvalidArgument(Make&& make, const QString& field) {
  try {
    make();
    QFAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& err) {
    QVERIFY2(QString(err.what()).startsWith(field + ":"), err.what());
  }
}

// Constructing a Method (an optimizer or a schedule) from `options` is rejected naming `field`.
template <class Method, class Options>
void expectRejected(const Options& options, const QString& field) {
  expectInvalidArgument([&options] { Method method(options); }, field);
}

}  // namespace gradscape::testing
