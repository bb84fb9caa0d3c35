#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace atelier {

/// Counts of what the demo generator wrote.
struct DemoSummary
{
    int classificationImages = 0; ///< images under images/classification/<class>/
    int detectionImages = 0;      ///< images under images/detection/ with boxes in instances.json
    int boxes = 0;                ///< boxes in images/detection/instances.json
    int sentences = 0;            ///< lines of text/sentences.jsonl
    int spans = 0;                ///< entity spans over all sentences
};

/// Writes the demo datasets, offline and deterministically (the same bytes every time).
class DemoData final
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    /// Called with (done, total) as files are written.
    using Progress = std::function<void(int done, int total)>;

    /// Writes into \a dir (created if missing):
    /// - `images/classification/{circle,square,triangle}/NNNN.png` — single-label classification;
    /// - `images/detection/NNNN.png` and `images/detection/instances.json` (COCO boxes);
    /// - `text/sentences.jsonl` — English and Chinese sentences with a class and entity
    ///   spans `{"start", "end", "label"}` in Unicode code points, end exclusive.
    /// Stops with ErrorCode::Cancelled when \a cancel becomes true.
    static Result<DemoSummary> generate(const QString &dir, const Progress &progress = {},
                                        const std::atomic_bool *cancel = nullptr);
};

} // namespace atelier
