#pragma once

#include "core/result.h"
#include "datasets/datasetstore.h"
#include "datasets/datasettypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace atelier {

/// The fast path of a text import: adds items with their annotations through prepared
/// statements, one insert per row, with the rules of DatasetStore::addText and addAnnotation
/// (the same de-duplication key, positions after the last, labels added to the label set, the
/// item labeled when it gets an accepted annotation, spans inside the text and not overlapping
/// unless the dataset allows it). Use it inside DatasetStore::batch(); DatasetStore's per-item
/// calls re-read the dataset on every call, which a million-line file cannot afford.
class TextBulkWriter final
{
    Q_DECLARE_TR_FUNCTIONS(TextBulkWriter)

public:
    TextBulkWriter(DatasetStore &store, DatasetInfo dataset);

    /// Adds the text (and for pairs the second text) with \a annotations (author and state
    /// as given; an empty author is the store's). A text already in the dataset is not added
    /// again (duplicate is set); its annotations join the existing item when their author has
    /// none on it yet (a second annotator's import), else they are dropped. Annotations that
    /// break a rule are left out and described in \a warnings; an empty text is an error.
    /// \a annotationsAdded receives how many annotations were written.
    Result<AddedItem> add(const QString &text, const QString &textB, const QString &sourceName,
                          QList<Annotation> annotations, QStringList *warnings,
                          qint64 *annotationsAdded = nullptr);

private:
    Status ensureLabel(const QString &label);
    Status loadKeys();
    Status insertAnnotations(qint64 itemId, const QList<Annotation> &kept);

    DatasetStore &m_store;
    DatasetInfo m_dataset;
    qint64 m_position = -1;
    qint64 m_lastId = -1;          // the writer numbers its rows inside the write transaction
    QHash<QString, qint64> m_keys; // dedup key → item id, of the dataset

    QSet<QString> m_labels;
    QString m_now;
    QByteArray m_nowUtf8;
    int m_sinceNow = 0;
};

} // namespace atelier
