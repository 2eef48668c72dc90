#pragma once
// The program's version: the CMake project version (set on core/version.cpp alone, so a new
// version recompiles one file).

namespace gradscape {

const char* programVersion();

}  // namespace gradscape
