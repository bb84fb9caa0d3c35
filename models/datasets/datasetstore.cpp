#include "datasets/datasetstore.h"

#include "datasets/textnormalize.h"

namespace atelier {

DatasetStore::DatasetStore(Database &db, QString workspaceRoot)
    : m_ctx(db, std::move(workspaceRoot)), m_catalog(m_ctx), m_items(m_ctx, m_catalog),
      m_annotations(m_ctx, m_catalog, m_items), m_versions(m_ctx, m_catalog, m_annotations)
{
}

Status DatasetStore::validateName(const QString &name)
{
    return DatasetCatalog::validateName(name);
}

Result<DatasetRef> DatasetStore::parseRef(const QString &reference)
{
    return DatasetCatalog::parseRef(reference);
}

Result<DatasetInfo> DatasetStore::createDataset(const QString &name, DatasetTask task,
                                                const DatasetOptions &options,
                                                const QString &description)
{
    return m_catalog.createDataset(name, task, options, description);
}

Result<QList<DatasetInfo>> DatasetStore::datasets()
{
    return m_catalog.datasets();
}

Result<DatasetInfo> DatasetStore::dataset(const QString &name)
{
    return m_catalog.dataset(name);
}

Result<DatasetInfo> DatasetStore::dataset(qint64 id)
{
    return m_catalog.dataset(id);
}

Status DatasetStore::setOptions(qint64 datasetId, const DatasetOptions &options)
{
    return m_catalog.setOptions(datasetId, options);
}

Status DatasetStore::setDescription(qint64 datasetId, const QString &description)
{
    return m_catalog.setDescription(datasetId, description);
}

Status DatasetStore::removeDataset(const QString &name)
{
    return m_catalog.removeDataset(name);
}

Status DatasetStore::beginImport(qint64 datasetId, const PendingImport &import)
{
    return m_catalog.beginImport(datasetId, import);
}

Status DatasetStore::finishImport(qint64 datasetId)
{
    return m_catalog.finishImport(datasetId);
}

Status DatasetStore::restoreItemKeys(qint64 datasetId)
{
    return m_catalog.restoreItemKeys(datasetId);
}

Result<QList<DatasetLabel>> DatasetStore::labels(qint64 datasetId)
{
    return m_catalog.labels(datasetId);
}

Result<DatasetLabel> DatasetStore::addLabel(qint64 datasetId, const QString &name,
                                            const QString &color, const QString &hotkey)
{
    return m_catalog.addLabel(datasetId, name, color, hotkey);
}

Result<DatasetLabel> DatasetStore::ensureLabel(qint64 datasetId, const QString &name)
{
    return m_catalog.ensureLabel(datasetId, name);
}

Status DatasetStore::renameLabel(qint64 datasetId, const QString &from, const QString &to)
{
    return m_catalog.renameLabel(datasetId, from, to);
}

Status DatasetStore::setLabelColor(qint64 datasetId, const QString &name, const QString &color)
{
    return m_catalog.setLabelColor(datasetId, name, color);
}

Status DatasetStore::setLabelAttributes(qint64 datasetId, const QString &name,
                                        const QJsonObject &attributes)
{
    return m_catalog.setLabelAttributes(datasetId, name, attributes);
}

Status DatasetStore::setLabelHotkey(qint64 datasetId, const QString &name, const QString &hotkey)
{
    return m_catalog.setLabelHotkey(datasetId, name, hotkey);
}

Status DatasetStore::moveLabel(qint64 datasetId, const QString &name, int position)
{
    return m_catalog.moveLabel(datasetId, name, position);
}

Status DatasetStore::removeLabel(qint64 datasetId, const QString &name, bool removeAnnotations)
{
    return m_catalog.removeLabel(datasetId, name, removeAnnotations);
}

Result<QList<DatasetItem>> DatasetStore::items(qint64 datasetId, const ItemQuery &query)
{
    return m_items.items(datasetId, query);
}

Result<qint64> DatasetStore::countItems(qint64 datasetId, const ItemQuery &query)
{
    return m_items.countItems(datasetId, query);
}

Result<QMap<ItemStatus, qint64>> DatasetStore::statusCounts(qint64 datasetId)
{
    return m_items.statusCounts(datasetId);
}

Result<DatasetItem> DatasetStore::item(qint64 itemId)
{
    return m_items.item(itemId);
}

Result<qint64> DatasetStore::rowOf(qint64 datasetId, qint64 itemId, const ItemQuery &query)
{
    return m_items.rowOf(datasetId, itemId, query);
}

Result<ImageProbe> DatasetStore::probeImage(const QString &file)
{
    return ImageProbe::read(file);
}

Result<AddedItem> DatasetStore::addImage(qint64 datasetId, const QString &file,
                                         const QString &sourceName)
{
    return m_items.addImage(datasetId, file, sourceName);
}

Result<AddedItem> DatasetStore::addText(qint64 datasetId, const QString &text, const QString &textB,
                                        const QString &sourceName)
{
    return m_items.addText(datasetId, text, textB, sourceName);
}

QString DatasetStore::normalizeText(const QString &text)
{
    return atelier::normalizeText(text);
}

QString DatasetStore::textDedupKey(const QString &text, const QString &textB)
{
    return atelier::textDedupKey(text, textB);
}

QByteArray DatasetStore::textDedupHash(const QString &text, const QString &textB)
{
    return atelier::textDedupHash(text, textB);
}

Result<std::optional<DatasetItem>> DatasetStore::findItem(qint64 datasetId, const QString &dedupKey)
{
    return m_items.findItem(datasetId, dedupKey);
}

Status DatasetStore::removeItem(qint64 itemId)
{
    return m_items.removeItem(itemId);
}

Status DatasetStore::setItemStatus(qint64 itemId, ItemStatus status)
{
    return m_items.setItemStatus(itemId, status);
}

Status DatasetStore::setItemSplit(qint64 itemId, const QString &split)
{
    return m_items.setItemSplit(itemId, split);
}

Status DatasetStore::mergeItemAttributes(qint64 itemId, const QJsonObject &attributes)
{
    return m_items.mergeItemAttributes(itemId, attributes);
}

Status DatasetStore::review(qint64 itemId, ItemStatus verdict, const QString &comment,
                            const QString &reviewer)
{
    return m_items.review(itemId, verdict, comment, reviewer);
}

Result<QList<Annotation>> DatasetStore::annotations(qint64 itemId, const AnnotationFilter &filter)
{
    return m_annotations.annotations(itemId, filter);
}

Result<QHash<qint64, QList<Annotation>>> DatasetStore::annotations(const QList<qint64> &itemIds,
                                                                   const AnnotationFilter &filter)
{
    return m_annotations.annotations(itemIds, filter);
}

Result<Annotation> DatasetStore::annotation(qint64 annotationId)
{
    return m_annotations.annotation(annotationId);
}

Result<Annotation> DatasetStore::addAnnotation(qint64 itemId, Annotation annotation)
{
    return m_annotations.addAnnotation(itemId, annotation);
}

Result<QList<Annotation>> DatasetStore::addAnnotations(qint64 itemId,
                                                       const QList<Annotation> &annotations)
{
    return m_annotations.addAnnotations(itemId, annotations);
}

Result<QList<Result<Annotation>>>
DatasetStore::addAnnotationsLenient(qint64 itemId, const QList<Annotation> &annotations)
{
    return m_annotations.addAnnotationsLenient(itemId, annotations);
}

Result<Annotation> DatasetStore::updateAnnotation(const Annotation &annotation)
{
    return m_annotations.updateAnnotation(annotation);
}

Status DatasetStore::removeAnnotation(qint64 annotationId)
{
    return m_annotations.removeAnnotation(annotationId);
}

Result<QList<Annotation>> DatasetStore::setTags(qint64 itemId, const QStringList &labels,
                                                const QString &author)
{
    return m_annotations.setTags(itemId, labels, author);
}

Result<Annotation> DatasetStore::acceptSuggestion(qint64 annotationId, const QString &author)
{
    return m_annotations.acceptSuggestion(annotationId, author);
}

Status DatasetStore::rejectSuggestion(qint64 annotationId, const QString &author)
{
    return m_annotations.rejectSuggestion(annotationId, author);
}

Result<QList<Annotation>> DatasetStore::replaceSuggestions(qint64 itemId, const QString &source,
                                                           const QList<Annotation> &suggestions)
{
    return m_annotations.replaceSuggestions(itemId, source, suggestions);
}

Result<QStringList> DatasetStore::authors(qint64 datasetId)
{
    return m_annotations.authors(datasetId);
}

Result<QList<LabelCount>> DatasetStore::labelDistribution(qint64 datasetId)
{
    return m_annotations.labelDistribution(datasetId);
}

Status DatasetStore::forEachItem(
    qint64 datasetId,
    const std::function<bool(const DatasetItem &, const QList<Annotation> &)> &visit,
    const AnnotationFilter &filter)
{
    return m_versions.forEachItem(datasetId, visit, filter);
}

Result<DatasetSnapshot> DatasetStore::snapshot(const QString &name, int version)
{
    return m_versions.snapshot(name, version);
}

Result<DatasetVersion> DatasetStore::createVersion(const QString &name, const QString &message,
                                                   const QString &author)
{
    return m_versions.createVersion(name, message, author);
}

Result<QList<DatasetVersion>> DatasetStore::versions(const QString &name)
{
    return m_versions.versions(name);
}

Result<DatasetVersion> DatasetStore::version(const QString &name, int number)
{
    return m_versions.version(name, number);
}

} // namespace atelier
