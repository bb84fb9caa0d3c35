#pragma once

#include "core/result.h"
#include "datasets/datasettypes.h"
#include "datasets/textcodec.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace atelier {

class Database;

/// The text formats of the FormatRegistry (txt, csv, tsv, jsonl, conll, labelstudio, doccano):
/// the glue between TextCodec's records and the dataset stores. Registered by
/// registerTextFormats() (formatregistry.h).
///
/// Import: every record becomes an item (texts already in the dataset after normalisation —
/// NFC, blanks collapsed, trimmed — are counted as duplicates and listed, never doubled) with
/// its annotations by ImportOptions::author. Bad records are skipped and listed with their
/// line in ImportReport::unreadable; the rest imports. A file that cannot be read at all is
/// refused and nothing is imported.
class TextFormats final
{
    Q_DECLARE_TR_FUNCTIONS(TextFormats)

public:
    /// The record an export writes for \a item: its accepted annotations (and suggested ones
    /// when \a includeSuggested), of \a author only when given; identical labels and spans
    /// from several authors are written once. The id is the item id.
    static TextRecord recordOf(const SnapshotItem &item, const QString &author = {},
                               bool includeSuggested = false);
    /// One Label Studio task (offsets converted to UTF-16 units).
    static QJsonObject labelStudioTask(const TextRecord &record, TextShape shape);
};

/// Imports the demo sentences that `atelier init --demo` wrote (\a demoDir/text/sentences.jsonl)
/// as "sentences" (entities: PER, ORG, LOC spans) and "topics" (text classification), annotated
/// by "demo", into the workspace in \a root.
Status importDemoTextDatasets(Database &db, const QString &root, const QString &demoDir);

} // namespace atelier
