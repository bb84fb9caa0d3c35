#pragma once

#include "datasets/maskrle.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

namespace atelier {


/// What a dataset's items are.
enum class DatasetMedia { Image, Text };

/// The labeling task of a dataset (PRODUCT.md "Labeling tasks to support").
enum class DatasetTask {
    Classification,     ///< image → label(s) (tags)
    Detection,          ///< image → boxes
    Segmentation,       ///< image → polygons and masks
    TextClassification, ///< text → label(s) (tags)
    Entities,           ///< text → spans (code-point offsets)
    Pairs,              ///< text pair → similar / not (label) or a 0–1 score
};

/// Where an item stands in the labeling workflow.
enum class ItemStatus { Unlabeled, Labeled, Reviewed, Rejected };

/// The shape of one annotation.
enum class AnnotationKind { Tag, Box, Polygon, Span, Pair, Mask };

/// Whether an annotation counts: accepted (made or accepted by a person), suggested (by a
/// model, waiting for a person), rejected (a suggestion a person turned down; kept for audit).
enum class AnnotationState { Accepted, Suggested, Rejected };

/// Catalog spellings of the enums above ("image", "detection", "labeled", "box", …) and back.
/// The fromString functions return std::nullopt for an unknown spelling.
QString toString(DatasetMedia media);
QString toString(DatasetTask task);
QString toString(ItemStatus status);
QString toString(AnnotationKind kind);
QString toString(AnnotationState state);
std::optional<DatasetMedia> datasetMediaFromString(const QString &text);
std::optional<DatasetTask> datasetTaskFromString(const QString &text);
std::optional<ItemStatus> itemStatusFromString(const QString &text);
std::optional<AnnotationKind> annotationKindFromString(const QString &text);
std::optional<AnnotationState> annotationStateFromString(const QString &text);
/// The media a task works on (Classification/Detection/Segmentation → Image, others → Text).
DatasetMedia mediaOf(DatasetTask task);
/// The annotation kind a task produces (Classification/TextClassification → Tag, …).
AnnotationKind annotationKindOf(DatasetTask task);

/// Per-dataset switches, stored as JSON in `datasets.options`.
struct DatasetOptions
{
    bool multiLabel = false;       ///< classification: an item may carry several tags
    bool overlappingSpans = false; ///< entities: spans of one author may overlap
    bool pairScore = false;        ///< pairs: a 0–1 score instead of similar / not similar
    QJsonObject extra;             ///< other keys, kept as they were

    QJsonObject toJson() const;
    static DatasetOptions fromJson(const QJsonObject &json);
};

/// A dataset (catalog table `datasets`) with a digest of its content.
/// An import into a dataset that has not committed its last batch (datasets.pending_import).
struct PendingImport
{
    QString source;          ///< the file or folder imported
    QString format;          ///< the format it was read as
    QString host;            ///< the machine of the importing process
    qint64 pid = 0;          ///< the importing process
    qint64 processStart = 0; ///< its start time (clock ticks since boot; tells a reused pid apart)
    QDateTime startedAt;
    bool running = false; ///< the importing process is still alive (read when the row is read)

    QJsonObject toJson() const;
    static PendingImport fromJson(const QJsonObject &json);
    /// The import of this process, now.
    static PendingImport ofThisProcess(const QString &source, const QString &format);
};

struct DatasetInfo
{
    qint64 id = 0;
    QString name;
    DatasetMedia media = DatasetMedia::Image;
    DatasetTask task = DatasetTask::Classification;
    DatasetOptions options;
    QString description;
    QDateTime createdAt;
    qint64 itemCount = 0;    ///< filled by DatasetCatalog::datasets() and dataset()
    qint64 labeledCount = 0; ///< items labeled or reviewed
    int latestVersion = 0;   ///< 0 when never versioned
    /// The import that has not committed its last batch yet: one running now, or one that
    /// was killed or failed half-way (the dataset then lacks part of its source).
    std::optional<PendingImport> pendingImport;
    /// True when an import stopped half-way: the items are not all of its source.
    bool incomplete() const { return pendingImport && !pendingImport->running; }
    /// True while another process (or this one) is importing into the dataset.
    bool importing() const { return pendingImport && pendingImport->running; }
};

/// One label of a dataset's label set (catalog table `dataset_labels`).
struct DatasetLabel
{
    qint64 id = 0;
    QString name;
    QString color;  ///< "#rrggbb"; empty lets the UI choose
    QString hotkey; ///< a QKeySequence string ("1", "C"), empty when none
    int position = 0;
    /// What the source format said of the class and Atelier has no column for, kept for the
    /// export: "id" (the category / class id as given: COCO 3, 7, 42, 90), "supercategory".
    QJsonObject attributes;
};

/// One item: an image in the object store, a text, or a text pair (catalog `dataset_items`).
struct DatasetItem
{
    qint64 id = 0;
    qint64 datasetId = 0;
    QString objectHash; ///< image items: SHA-256 of the file in objects/; empty for text
    QString text;       ///< text items
    QString textB;      ///< pairs: the second text
    QString sourceName; ///< where it came from: relative path in the import, or a name
    int width = 0;      ///< image items, pixels
    int height = 0;
    ItemStatus status = ItemStatus::Unlabeled;
    QString reviewComment;
    QString reviewer;
    QString dedupKey; ///< images: the content hash; text: sha256 of the normalised text(s)
    qint64 position = 0;
    QDateTime updatedAt;
    QString split; ///< "train", "val", "test", … as the source had it; empty when none
    /// What the source format said of the item and Atelier has no column for: "id" (COCO's
    /// image id), "flags" and "description" (labelme), "voc" (VOC's other fields), …
    QJsonObject attributes;
};

/// One annotation of one author on one item (catalog `annotations`). Geometry by kind:
/// Tag: null; Box: [x, y, w, h] in image pixels; Polygon: [[x, y], …] in pixels;
/// Span: {"start": s, "end": e} in Unicode code points, end exclusive; Pair: a score 0–1 or
/// null (then the label says "similar" / "not_similar"); Polygon of several parts (one
/// instance, as COCO's multi-part segmentation): [[[x, y], …], [[x, y], …]]; Mask:
/// {"size": [h, w], "counts": "…"} (MaskRle, COCO's compressed run-length string).
/// attributes keep what a format says beyond label and shape, under the format's own names:
/// "iscrowd", "area", "id" (COCO), "difficult", "truncated", "occluded", "pose" (VOC),
/// "group_id", "flags", "shape_type", "description" (labelme), …
struct Annotation
{
    qint64 id = 0;
    qint64 itemId = 0;
    QString author; ///< the annotator's name (AppSettings::annotatorName) or a model's
    AnnotationKind kind = AnnotationKind::Tag;
    QString label;
    QJsonValue geometry;
    AnnotationState state = AnnotationState::Accepted;
    QString source = QStringLiteral("manual"); ///< "manual" or "model:NAME@VERSION"
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject attributes;

    static Annotation tag(const QString &label);
    static Annotation box(const QString &label, const QRectF &rect);
    static Annotation polygon(const QString &label, const QPolygonF &points);
    /// One instance of several parts (a single part gives the plain one-part geometry).
    static Annotation polygon(const QString &label, const QList<QPolygonF> &parts);
    /// A mask; \a rle must be valid.
    static Annotation mask(const QString &label, const MaskRle &rle);
    static Annotation span(const QString &label, qint64 start, qint64 end);
    /// A pair judgement: \a label ("similar", "not_similar") and/or \a score in 0–1.
    static Annotation pair(const QString &label, std::optional<double> score = std::nullopt);

    QRectF rect() const;                 ///< Box geometry (null rect otherwise)
    QPolygonF points() const;            ///< Polygon geometry: its first part (empty otherwise)
    QList<QPolygonF> parts() const;      ///< Polygon geometry: every part (empty otherwise)
    /// Mask geometry (nullopt when not a valid mask).
    std::optional<MaskRle> maskRle() const;
    qint64 spanStart() const;            ///< Span geometry (-1 otherwise)
    qint64 spanEnd() const;              ///< Span geometry (-1 otherwise)
    std::optional<double> score() const; ///< Pair score when set
    /// True when "model:…" (made by a model, possibly accepted since).
    bool fromModel() const { return source.startsWith(QLatin1String("model:")); }
};

/// Filter, order and page for DatasetItemStore::items(); every field narrows.
struct ItemQuery
{
    enum class Sort { Position, SourceName, UpdatedAt, Status };
    std::optional<ItemStatus> status;
    QString label;                 ///< items with an accepted or suggested annotation of this label
    QString annotator;             ///< items with an annotation by this author
    bool withoutAnnotator = false; ///< with annotator: items this author has NOT annotated
    QString search;                ///< substring of source name, text or text B (case-insensitive)
    Sort sort = Sort::Position;
    bool descending = false;
    qint64 offset = 0;
    qint64 limit = 100; ///< <= 0: no limit (use with care)
};

/// Which annotations a read returns.
struct AnnotationFilter
{
    QString author;                       ///< empty: every author
    std::optional<AnnotationState> state; ///< empty: every state
};

/// Label → how often it is used (accepted annotations).
struct LabelCount
{
    QString label;
    qint64 annotations = 0;
    qint64 items = 0;
};

/// A frozen version of a dataset (catalog `dataset_versions`).
struct DatasetVersion
{
    qint64 datasetId = 0;
    QString dataset;
    int number = 0;
    QString message;
    QString commitId;
    QJsonObject counts; ///< {"items", "labeled", "annotations", "labels": {name: n}, ...}
    QString createdBy;
    QDateTime createdAt;
};

/// One item with its annotations, as a version or an export sees it.
struct SnapshotItem
{
    DatasetItem item;
    QList<Annotation> annotations;
};

/// A whole dataset at one moment — the current state or a frozen version. What exporters and
/// pipelines read. For image items, imagePath is where the file lies in the object store.
struct DatasetSnapshot
{
    DatasetInfo dataset;
    int version = 0; ///< 0 for the current (unversioned) state
    QString commitId;
    QList<DatasetLabel> labels;
    QList<SnapshotItem> items;
    QString objectsDir; ///< the workspace's objects/ folder; files at objectsDir/ab/cdef…

    /// Where the file of \a item lies (image items), empty for text.
    QString imagePath(const DatasetItem &item) const;
};

} // namespace atelier
