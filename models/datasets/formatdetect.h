#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace atelier {

/// The import format the content of a path looks like, and what showed it.
struct FormatGuess
{
    Q_DECLARE_TR_FUNCTIONS(FormatGuess)

public:
    QString format; ///< a FormatRegistry import name: "folder", "coco", "voc", "yolo", …
    QString reason; ///< one translated line naming what was found

    /// Looks at \a path (a folder: its first levels; a file: its name and first bytes) for
    /// the marks of each format. nullopt when nothing tells (an archive, an empty folder).
    /// Blocking but small: a few directory listings and at most 64 KiB read.
    static std::optional<FormatGuess> detect(const QString &path);
};

} // namespace atelier
