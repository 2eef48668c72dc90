// gradscape-cli render in a build without the plots library (GRADSCAPE_BUILD_GUI=OFF).
#include <iostream>

#include "app/cli/commands.h"

namespace gradscape::cli {

int renderCommand(const RenderOptions& /*options*/) {
  std::cerr << "gradscape-cli render: this build has no renderer (it was configured with "
               "GRADSCAPE_BUILD_GUI=OFF, without VTK); build with the default options to draw "
               "pictures\n";
  return kFailure;
}

}  // namespace gradscape::cli
