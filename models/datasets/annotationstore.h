#pragma once

#include "core/result.h"
#include "datasets/annotationgeometry.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetitemstore.h"
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

/// Annotations of dataset items per author, with their state and source: checked against
/// the dataset's task, label set and the item's geometry before they are stored; model
/// suggestions, their acceptance and review. Blocking; made on a DatasetContext.
class AnnotationStore
{
    // Its messages were DatasetStore's before the split: the same translation context.
    Q_DECLARE_TR_FUNCTIONS(DatasetStore)

public:
    explicit AnnotationStore(DatasetContext &context);
    Q_DISABLE_COPY_MOVE(AnnotationStore)

    /// Annotations of one item, oldest first.
    Result<QList<Annotation>> annotations(qint64 itemId, const AnnotationFilter &filter = {});
    /// Annotations of several items at once (one page of a list), by item id.
    Result<QHash<qint64, QList<Annotation>>> annotations(const QList<qint64> &itemIds,
                                                         const AnnotationFilter &filter = {});
    Result<Annotation> annotation(qint64 annotationId);
    /// Adds \a annotation to \a itemId (author: the context's when empty). The kind must fit
    /// the dataset's task, the label must be in the label set (added when missing), the
    /// geometry valid (box inside the image, span inside the text, no overlap with the
    /// author's other spans unless the dataset allows it, score in 0–1). An accepted
    /// annotation on an unlabeled item makes it labeled. Committed at once.
    Result<Annotation> addAnnotation(qint64 itemId, Annotation annotation);
    /// Adds several annotations to one item in one transaction (model suggestions, imports).
    Result<QList<Annotation>> addAnnotations(qint64 itemId, const QList<Annotation> &annotations);
    /// The lenient form of addAnnotations() for imports: each annotation is checked and added
    /// on its own; one the rules refuse gets its error in the list (same index) and the others
    /// are still added. The call fails only when the item is missing or the catalog fails.
    /// \a forms: empty, or each annotation's geometrytext::shapeForm() (made ahead, off the
    /// writing thread): a box, polygon or mask whose form is well formed and inside the image
    /// is then stored from it without being read again (the returned annotation's geometry
    /// stays as given: undefined when it lives in the form alone, as an import makes some).
    Result<QList<Result<Annotation>>>
    addAnnotationsLenient(qint64 itemId, const QList<Annotation> &annotations,
                          const QList<geometrytext::ShapeForm> &forms = {});
    /// The same for an import that holds the item's dataset and the item as it added it (no
    /// reading them again, image after image).
    Result<QList<Result<Annotation>>>
    addAnnotationsLenient(const DatasetInfo &dataset, const DatasetItem &item,
                          const QList<Annotation> &annotations,
                          const QList<geometrytext::ShapeForm> &forms = {});
    /// Changes label, geometry, state and source of the annotation with annotation.id
    /// (validated as addAnnotation). Committed at once.
    Result<Annotation> updateAnnotation(const Annotation &annotation);
    /// Removes one annotation; an item left with no accepted annotation goes back to
    /// unlabeled when it was labeled.
    Status removeAnnotation(qint64 annotationId);
    /// Classification: makes \a labels the author's accepted tags on the item (removing the
    /// others, one transaction). Refuses several labels when the dataset is single-label.
    Result<QList<Annotation>> setTags(qint64 itemId, const QStringList &labels,
                                      const QString &author = {});
    /// A person accepts a model's suggestion: it becomes accepted, its author the person,
    /// its source ("model:NAME@VERSION") kept.
    Result<Annotation> acceptSuggestion(qint64 annotationId, const QString &author = {});
    /// A person turns a suggestion down: state rejected, kept for audit, never exported.
    Status rejectSuggestion(qint64 annotationId, const QString &author = {});
    /// Removes the suggestions still pending from \a source ("model:…") on \a itemId, then
    /// adds \a suggestions (state suggested, that source, author \a source) in one
    /// transaction — re-running a model replaces its earlier proposals.
    Result<QList<Annotation>> replaceSuggestions(qint64 itemId, const QString &source,
                                                 const QList<Annotation> &suggestions);
    /// Every author with at least one annotation in the dataset, sorted.
    Result<QStringList> authors(qint64 datasetId);
    /// Accepted annotations per label (every label of the set, 0 when unused; labels not in
    /// the set after them), in label-set order.
    Result<QList<LabelCount>> labelDistribution(qint64 datasetId);

private:
    /// \a form: the annotation's shapeForm() when made (the shape alone is then not read).
    Status checkAnnotation(const DatasetInfo &dataset, const DatasetItem &item,
                           Annotation &annotation, qint64 replacing,
                           const geometrytext::ShapeForm *form = nullptr);
    /// What the inserts of one call that adds several annotations share: the time recorded on
    /// them, and the numbering of their rows.
    struct InsertRun
    {
        QString time; ///< ISO 8601 with milliseconds, UTC
        QDateTime dateTime;
        qint64 lastId = 0; ///< the highest annotation id so far; the next row takes lastId + 1
    };
    /// Starts an InsertRun (inside the transaction that makes the inserts).
    Result<InsertRun> startInserts();
    /// Checks and inserts; the caller refreshes the item's status after its last insert.
    Result<Annotation> insertAnnotation(const DatasetInfo &dataset, const DatasetItem &item,
                                        Annotation annotation, InsertRun &run);
    /// Checks \a annotations (boxes, polygons, masks) and inserts the accepted ones in
    /// multi-row statements; one result each in \a results. An error: the catalog failed.
    Status insertShapes(const DatasetInfo &dataset, const DatasetItem &item,
                        const QList<Annotation> &annotations,
                        const QList<geometrytext::ShapeForm> &forms, InsertRun &run,
                        QList<Result<Annotation>> &results);

    DatasetContext &m_ctx;
    Database &m_db;
    DatasetCatalog m_catalog;
    DatasetItemStore m_items;
};

} // namespace atelier
