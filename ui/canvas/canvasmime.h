#pragma once

#include "pipeline/templatepalettemodel.h"

#include <QString>

namespace atelier {

/// Mime type of a template dragged from the palette onto the canvas. The payload is the
/// template reference ("id@version" or "id") in UTF-8; the canvas adds a node of that
/// template where it is dropped.
inline QString templateMimeType()
{
    return TemplatePaletteModel::mimeType();
}

/// Mime type of nodes copied from a canvas: the clipboard JSON of GraphModel. The same bytes
/// are also put on the clipboard as plain text, so a selection can be pasted into an editor
/// and back.
inline QString nodesMimeType()
{
    return QStringLiteral("application/x-atelier-nodes+json");
}

} // namespace atelier
