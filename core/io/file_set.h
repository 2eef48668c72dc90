#pragma once
// Several files in one folder that appear together or not at all (an export of one CSV per
// run, a .vts with its .vtp): each is written into a hidden staging folder beside them
// (kTempMarker + "set.XXXXXX"), and only when every one is complete are they renamed into place.
// A failure (no permission, full disk, a path under a regular file) leaves nothing new behind,
// and the files already in the folder as they were.
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace gradscape {

// Writes one file at `path` (in the staging folder); returns "" or the reason, as
// writeFileAtomically does.
using FileWriter = std::function<std::string(const std::string& path)>;

// Writes `files` (name in `dir`, writer) into `dir`. Returns "" on success, else the reason
// naming the file or the folder.
std::string writeFilesTogether(const std::string& dir,
                               const std::vector<std::pair<std::string, FileWriter>>& files);

}  // namespace gradscape
