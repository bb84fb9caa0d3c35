#pragma once

#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"
#include "shell/workspacesnapshot.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace atelier {

class ImageAnnotator;
class ImageBrowser;
class ThumbnailCache;

/// One row of the datasets list.
struct DatasetRow
{
    DatasetInfo info;
    QMap<ItemStatus, qint64> statusCounts;
};

/// The Datasets view: every dataset with its media, task, size, status counts and versions,
/// with New, Import…, Version… and Export…; opening one shows its image grid and annotator
/// (image datasets) or the text annotator (text datasets).
class DatasetsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetsPage)

public:
    explicit DatasetsPage(QWidget *parent = nullptr);
    ~DatasetsPage() override;

    /// Shows the datasets of the workspace in \a root (read on a worker).
    void setWorkspace(const QString &root);
    QString workspaceRoot() const { return m_root; }
    /// Reads the list again.
    void reload();
    int datasetCount() const { return int(m_rows.size()); }
    QList<DatasetRow> rows() const { return m_rows; }
    /// Opens dataset \a name; false when there is no such dataset in the list.
    bool openDataset(const QString &name);
    /// Back to the list.
    void showList();
    /// The name of the dataset open, empty on the list.
    QString openDatasetName() const;
    /// True while anything shown is still being read.
    bool isBusy() const;

    ImageBrowser *browser() const { return m_browser; }
    ImageAnnotator *annotator() const { return m_annotator; }
    DatasetStoreWorker *worker() const { return m_worker; }

    /// The workspace's sample data (the demo's), offered for import under the list.
    void setSampleData(const QList<ListedEntry> &samples);
    int sampleCount() const;
    /// Opens the import dialog filled in for \a path (a sample).
    void importSample(const QString &path);

    void newDataset();
    void importDataset();
    void versionSelected();
    void exportSelected();

Q_SIGNALS:
    void loaded();
    void datasetOpened(const QString &name);
    void message(const QString &text);

private:
    /// Retires this page's receivers and deletes the worker (its queued writes still run).
    void retireWorker();
    QWidget *buildList();
    void fillList();
    QString selectedName() const;
    const DatasetRow *row(const QString &name) const;

    QString m_root;
    QString m_author;
    DatasetStoreWorker *m_worker = nullptr;
    /// This page's receivers on m_worker (reads, writes); retired with the worker, so that
    /// nothing from an old workspace reaches the page.
    DatasetStoreWorker::ReceiverPtr m_reads;
    DatasetStoreWorker::ReceiverPtr m_writes;
    ThumbnailCache *m_cache = nullptr;
    QStackedWidget *m_stack = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_samplesBox = nullptr;
    QTreeWidget *m_samples = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_versionButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QStackedWidget *m_imageStack = nullptr;
    ImageBrowser *m_browser = nullptr;
    ImageAnnotator *m_annotator = nullptr;
    QWidget *m_textView = nullptr;
    QList<DatasetRow> m_rows;
    QString m_open;
    int m_pending = 0;
};

} // namespace atelier
