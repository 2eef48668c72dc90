#pragma once
// VTK's error and warning messages collected in a string, so that a test suite can fail the test
// that caused one (install() in initTestCase, expectNone() in cleanup).
#include <vtkNew.h>
#include <vtkOutputWindow.h>
#include <vtkStringOutputWindow.h>

#include <QtTest>

#include <algorithm>
#include <cstddef>
#include <string>

namespace gradscape::testing {

// Collects VTK's messages; newMessages() returns those since the last call.
struct VtkMessages {
  vtkNew<vtkStringOutputWindow> window;
  size_t seen = 0;
  void install() { vtkOutputWindow::SetInstance(window); }
  std::string newMessages() {
    const std::string all = window->GetOutput();
    const std::string fresh = all.substr(std::min(seen, all.size()));
    seen = all.size();
    return fresh;
  }
  // Fails the current test with the messages since the last look, if there are any.
  void expectNone() {
    const std::string messages = newMessages();
    QVERIFY2(messages.empty(), messages.c_str());
  }
};

}  // namespace gradscape::testing
