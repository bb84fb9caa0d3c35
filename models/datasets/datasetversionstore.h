#pragma once

#include "core/result.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasettypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace atelier {

class Database;
class DatasetContext;
class Query;

/// Whole datasets: walked a page at a time, read as they are or as a version froze them, and
/// versions frozen as JSONL committed to repo/labels/. Blocking; made on a DatasetContext.
class DatasetVersionStore
{
    // Its messages were DatasetStore's before the split: the same translation context.
    Q_DECLARE_TR_FUNCTIONS(DatasetStore)

public:
    explicit DatasetVersionStore(DatasetContext &context);
    Q_DISABLE_COPY_MOVE(DatasetVersionStore)

    /// Calls \a visit for every item in position order with its annotations (filtered), a
    /// page at a time, without loading the whole dataset; \a visit returns false to stop.
    Status
    forEachItem(qint64 datasetId,
                const std::function<bool(const DatasetItem &, const QList<Annotation> &)> &visit,
                const AnnotationFilter &filter = {});
    /// The dataset as it is now (version 0) or as version \a version froze it, read from the
    /// commit in repo/ (items, labels, every annotation with author, state and source).
    Result<DatasetSnapshot> snapshot(const QString &name, int version = 0);
    /// Freezes the current annotations: writes labels/<name>/{dataset.json, labels.json,
    /// items.jsonl, annotations.jsonl} into repo/, commits them, records the next version
    /// number with the commit and counts. \a author defaults to the context's.
    Result<DatasetVersion> createVersion(const QString &name, const QString &message,
                                         const QString &author = {});
    /// Versions of a dataset, oldest first.
    Result<QList<DatasetVersion>> versions(const QString &name);
    Result<DatasetVersion> version(const QString &name, int number);

private:
    DatasetContext &m_ctx;
    Database &m_db;
    DatasetCatalog m_catalog;
    AnnotationStore m_annotations;
};

} // namespace atelier
