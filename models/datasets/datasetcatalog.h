#pragma once

#include "core/result.h"
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

/// A dataset reference "NAME" or "NAME@VERSION" ("shapes@2", "shapes@v2"); version 0 means
/// the current state.
struct DatasetRef
{
    QString name;
    int version = 0;
};

/// The datasets of a workspace's catalog and their label sets: create, list, describe and
/// remove datasets, mark imports in progress, and edit labels (a rename reaches every
/// annotation). Edits run through DatasetContext::write(). Blocking; made on a DatasetContext.
class DatasetCatalog
{
    // Its messages were DatasetStore's before the split: the same translation context.
    Q_DECLARE_TR_FUNCTIONS(DatasetStore)

public:
    /// Over \a context, which must outlive it (as for every section store).
    explicit DatasetCatalog(DatasetContext &context);
    Q_DISABLE_COPY_MOVE(DatasetCatalog)

    /// Dataset names: 1–64 characters, a letter or digit first, then letters, digits, '.',
    /// '_' or '-' (they name folders under repo/labels/).
    static Status validateName(const QString &name);
    /// Parses "NAME" or "NAME@VERSION" (VERSION a number, optionally prefixed by 'v').
    static Result<DatasetRef> parseRef(const QString &reference);
    Result<DatasetInfo> createDataset(const QString &name, DatasetTask task,
                                      const DatasetOptions &options = {},
                                      const QString &description = {});
    /// Every dataset by name, with item counts.
    Result<QList<DatasetInfo>> datasets();
    Result<DatasetInfo> dataset(const QString &name);
    Result<DatasetInfo> dataset(qint64 id);
    Status setOptions(qint64 datasetId, const DatasetOptions &options);
    Status setDescription(qint64 datasetId, const QString &description);
    /// Removes the dataset from the catalog (items, annotations, version records). Its
    /// versions stay in repo/ history; its images stay in objects/.
    Status removeDataset(const QString &name);

    // --- imports in short transactions ---------------------------------------------------
    /// Marks the dataset as being imported into by \a import (committed at once, or with the
    /// caller's batch): until finishImport() it reads as importing, and as incomplete once
    /// that process is gone. Refuses (Conflict) while another live import holds the dataset.
    /// Continuing an incomplete dataset first gives the killed import's items their
    /// de-duplication keys back, so that the lines it wrote are found as duplicates.
    Status beginImport(qint64 datasetId, const PendingImport &import);
    /// Clears the mark: the import's last batch is committed.
    Status finishImport(qint64 datasetId);
    /// Writes the de-duplication keys that items of the dataset lack (a bulk text import
    /// killed before its keys were written), in short transactions.
    Status restoreItemKeys(qint64 datasetId);

    // --- labels -----------------------------------------------------------------------
    /// The label set in position order.
    Result<QList<DatasetLabel>> labels(qint64 datasetId);
    /// Adds \a name at the end; an empty colour gets one from a fixed palette. Refuses a
    /// name already in the set and a hotkey already used.
    Result<DatasetLabel> addLabel(qint64 datasetId, const QString &name, const QString &color = {},
                                  const QString &hotkey = {});
    /// The label \a name, added (as addLabel) when missing.
    Result<DatasetLabel> ensureLabel(qint64 datasetId, const QString &name);
    /// Renames a label and every annotation that uses it, in one transaction.
    Status renameLabel(qint64 datasetId, const QString &from, const QString &to);
    Status setLabelColor(qint64 datasetId, const QString &name, const QString &color);
    /// Replaces the label's attributes (the class id and supercategory a format gave it).
    Status setLabelAttributes(qint64 datasetId, const QString &name, const QJsonObject &attributes);
    /// An empty hotkey removes it; refuses one used by another label.
    Status setLabelHotkey(qint64 datasetId, const QString &name, const QString &hotkey);
    /// Moves the label to \a position (0-based), shifting the others.
    Status moveLabel(qint64 datasetId, const QString &name, int position);
    /// Removes the label; refuses while annotations use it unless \a removeAnnotations.
    Status removeLabel(qint64 datasetId, const QString &name, bool removeAnnotations = false);

    /// The dataset \a id; without \a counts (the edits' path) its items are not counted.
    Result<DatasetInfo> readDataset(qint64 id, bool counts = true);
    /// Adds \a name to the dataset's label set when missing (ensureLabel), remembering for
    /// the rest of the transaction that it is there.
    Status requireLabel(qint64 datasetId, const QString &name);

private:
    static std::optional<PendingImport> pendingImportFrom(const Query &q, int column);

    DatasetContext &m_ctx;
    Database &m_db;
};

} // namespace atelier
