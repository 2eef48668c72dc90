// The translation unit that builds a test area's precompiled header (tests/CMakeLists.txt).
