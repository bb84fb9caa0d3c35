#pragma once

#include "core/result.h"

#include <QString>

namespace atelier {

/// SHA-256 of a whole folder: every file's relative path and content, in path order, so equal
/// trees hash equal wherever they are. Links are followed; empty folders do not count.
Result<QString> hashDirectory(const QString &dir);

} // namespace atelier
