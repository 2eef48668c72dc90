// gradscape: the desktop program. `gradscape [SCENARIO.json]` opens a scenario (default: the
// Rosenbrock race) and plays it. Unsaved work is autosaved (SessionAutosave); after a crash the
// next start offers to restore it.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "app/gui/app_theme.h"
#include "app/gui/main_window.h"
#include "app/gui/session_autosave.h"
#include "app/gui/surface_format.h"

int main(int argc, char** argv) {
  // Debian's VTK talks GLX (through GLEW): under Wayland go through XWayland.
  if (qEnvironmentVariableIsSet("WAYLAND_DISPLAY") &&
      !qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "xcb");
  }
  gradscape::gui::setDefaultSurfaceFormat();  // before QApplication exists (PLATFORM.md)
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Gradscape"));
  QApplication::setApplicationVersion(QStringLiteral(GRADSCAPE_VERSION));
  QApplication::setDesktopFileName(QStringLiteral("gradscape"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Explore optimization dynamics."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption themeOption(
      QStringLiteral("theme"),
      QStringLiteral("Colour theme: system, light or dark (default: the one last chosen in View > "
                     "Theme)."),
      QStringLiteral("theme"));
  parser.addOption(themeOption);
  parser.addPositionalArgument(QStringLiteral("scenario"),
                               QStringLiteral("Scenario file to open (JSON)."), "[scenario]");
  parser.process(app);
  auto theme = gradscape::gui::savedThemeChoice();
  if (parser.isSet(themeOption)) {
    const auto asked = gradscape::gui::themeChoiceFromName(parser.value(themeOption));
    if (!asked) {
      qCritical("gradscape: --theme must be system, light or dark, got \"%s\"",
                qPrintable(parser.value(themeOption)));
      return 2;
    }
    theme = *asked;
  }
  gradscape::gui::applyThemeChoice(theme);  // before the window: it is built in its colours

  gradscape::gui::MainWindow window;
  window.show();
  const QStringList files = parser.positionalArguments();
  // Load after the window is on screen, so the first frame comes at once.
  QTimer::singleShot(0, &window, [&window, files] {
    // The default scenario first: a file that fails to open leaves its message over it.
    window.openExample(QStringLiteral(":/gradscape/scenarios/default.json"));
    if (!files.isEmpty()) window.openFile(files.first());
    // Unsaved work is autosaved from here on; work left by a crashed session is offered.
    window.startAutosave(gradscape::gui::SessionAutosave::defaultDirectory());
  });
  return app.exec();
}
