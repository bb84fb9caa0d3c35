#pragma once

#include "core/result.h"
#include "datasets/datasettypes.h"
#include "datasets/formatregistry.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace atelier {

/// The common part of every image export: a unique file name per image, copying images out
/// of the object store, the annotations an export includes, writing files, progress, cancel.
class ImageExportWriter final
{
    Q_DECLARE_TR_FUNCTIONS(ImageExportWriter)

public:
    ImageExportWriter(const DatasetSnapshot &snapshot, QString outDir,
                      const ExportOptions &options);

    /// A file name for the item's image, unique in this export, keeping the source's suffix.
    QString fileName(const DatasetItem &item) const { return m_names.value(item.id); }
    /// Copies the item's image to \a relativePath under the output folder.
    Status copyImage(const DatasetItem &item, const QString &relativePath);
    /// The annotations to export: accepted ones (and suggestions when asked), of the chosen
    /// author when one is set.
    QList<Annotation> annotations(const SnapshotItem &item) const;
    /// Writes \a data to \a relativePath (folders made), listed in the report.
    Status writeFile(const QString &relativePath, const QByteArray &data);
    /// Counts one item done; false when the user cancelled.
    bool step();
    /// Label names in label-set order, then labels used but not in the set.
    QStringList labelNames() const;

    QString outDir() const { return m_out; }
    ExportReport &report() { return m_report; }

private:
    const DatasetSnapshot &m_snapshot;
    QString m_out;
    ExportOptions m_options;
    QHash<qint64, QString> m_names;
    ExportReport m_report;
    qint64 m_done = 0;
};

} // namespace atelier
