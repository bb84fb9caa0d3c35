#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace atelier {

/// Width and height of an image read from its header (no full decode).
struct ImageProbe
{
    int width = 0;
    int height = 0;
    QString format; ///< "png", "jpeg", …

    /// Reads an image's size from its header (QImageReader, no full decode); Invalid when it
    /// is not a readable image or is cut off (a PNG or JPEG without its end marker).
    static Result<ImageProbe> read(const QString &file);

    // Its messages were DatasetStore's before the split: the same translation context.
    Q_DECLARE_TR_FUNCTIONS(DatasetStore)
};

} // namespace atelier
