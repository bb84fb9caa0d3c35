#pragma once

#include "catalog/database.h"
#include "core/result.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasettypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>

namespace atelier {

/// The fast path of a text import: adds items with their annotations through prepared
/// statements, one insert per row, with the rules of DatasetItemStore::addText and
/// AnnotationStore::addAnnotation (the same de-duplication key, positions after the last, labels
/// added to the label set, the item labeled when it gets an accepted annotation, spans inside the
/// text and not overlapping unless the dataset allows it). Use it inside DatasetContext::slices()
/// or batch(); the stores' per-item calls re-read the dataset on every call, which a million-line
/// file cannot afford.
///
/// Work that needs no catalog is split off into prepare(), a pure function that a parsing
/// thread can run ahead of the writer: the checks, the de-duplication hash, the UTF-8 of every
/// value to bind. add() then only looks the key up and inserts.
class TextBulkWriter final
{
    Q_DECLARE_TR_FUNCTIONS(TextBulkWriter)

public:
    /// A de-duplication key in memory: the SHA-256 as four words (uniformly random bits, so
    /// the first word is its hash). A million keys take ~50 MB, not the ~170 MB of hex strings.
    struct Key
    {
        std::array<quint64, 4> words{};
        static Key fromHash(QByteArrayView sha256);
        QByteArray hex() const;
        friend bool operator==(const Key &a, const Key &b) { return a.words == b.words; }
        friend size_t qHash(const Key &k, size_t seed = 0) noexcept { return k.words[0] ^ seed; }
    };

    /// One text made ready for add(): checked annotations and the values to bind.
    struct Prepared
    {
        QString text;
        QString textB;
        QString sourceName;
        QJsonObject attributes; ///< what the file said of the item beyond text and annotations
        QString error;          ///< set when the text cannot be added (then nothing else is)
        QStringList warnings;   ///< annotations left out, and why
        QList<Annotation> kept; ///< the annotations that pass the dataset's rules
        bool labeled = false;   ///< an accepted annotation among them
        Key key;
        /// The UTF-8 of text, text B, source name, key, attributes (JSON), then per kept
        /// annotation its author, label, geometry and source, one after the other; field i is
        /// utf8[cuts[i], cuts[i + 1]).
        QByteArray utf8;
        QList<qsizetype> cuts;
        QByteArrayView field(qsizetype i) const;
    };

    TextBulkWriter(DatasetContext &context, DatasetInfo dataset);

    /// Checks \a annotations against the rules of \a dataset (author \a defaultAuthor where
    /// none is given) and computes what add() binds; \a attributes become the new item's
    /// (a duplicate keeps its own). Reads nothing: any thread may call it.
    static Prepared prepare(const DatasetInfo &dataset, const QString &defaultAuthor,
                            const QString &text, const QString &textB, const QString &sourceName,
                            QList<Annotation> annotations, const QJsonObject &attributes = {});

    /// Adds the prepared text. A text already in the dataset is not added again (duplicate is
    /// set); its annotations join the existing item when their author has none on it yet (a
    /// second annotator's import), else they are dropped. \a annotationsAdded receives how
    /// many annotations were written.
    Result<AddedItem> add(const Prepared &line, qint64 *annotationsAdded = nullptr);
    /// Expects about \a lines more texts: room for their keys is made once, not by growing.
    void reserve(qsizetype lines);
    /// Call at the start of every transaction after the first: re-reads where item ids and
    /// positions end (another process may have added items between two transactions).
    Status resume();
    /// Writes the de-duplication keys of the items added, in key order (a B-tree fills
    /// fastest that way; the table refuses a key twice), in short transactions of its own
    /// (DatasetContext::slices). Call it once, after the last add(): without it the new items
    /// are not found as duplicates later (DatasetCatalog::restoreItemKeys() puts back the keys
    /// of an import killed before it).
    Status finish();

    /// Reads what add() needs of the dataset (its keys, where ids and positions end); add()
    /// calls it on first use. Call it before the first write transaction: a big dataset's keys
    /// take a while to read, and the write lock need not be held meanwhile.
    Status start();

private:
    Status ensureLabel(const QString &label);
    Status insertAnnotations(qint64 itemId, const Prepared &line);
    void refreshNow();

    DatasetContext &m_ctx;
    DatasetCatalog m_catalog;
    DatasetItemStore m_items;
    DatasetInfo m_dataset;
    bool m_started = false;
    qint64 m_position = 0;
    qint64 m_lastId = 0;                     // the writer numbers its rows inside the transaction
    QHash<Key, qint64> m_keys;               // dedup key → item id, of the dataset
    QList<std::pair<Key, qint64>> m_newKeys; // the keys of the items added, for finish()
    // The two inserts of every line, held for the writer's life: no statement-cache lookup per
    // row. Their statements stay reset between rows (exec() runs them to completion).
    std::optional<Query> m_insertItem;
    std::optional<Query> m_insertAnnotation;

    QSet<QString> m_labels;
    QByteArray m_now;
    int m_sinceNow = 0;
};

} // namespace atelier
