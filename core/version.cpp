#include "core/version.h"

#ifndef GRADSCAPE_PROJECT_VERSION
#error "core/CMakeLists.txt defines GRADSCAPE_PROJECT_VERSION for this file"
#endif

namespace gradscape {

const char* programVersion() {
  return GRADSCAPE_PROJECT_VERSION;
}

}  // namespace gradscape
