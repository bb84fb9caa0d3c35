#pragma once

#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSlider;
class QTimer;

namespace atelier {

class DatasetItemsModel;
class LabelDistributionChart;
class ThumbnailCache;
class ThumbnailDelegate;

/// The images of a dataset as a virtualised grid of thumbnails (a page of items read when it
/// comes into view, thumbnails decoded off the GUI thread at the size shown), filtered by
/// status, label, annotator and name, in the order chosen; beside it the status counts and
/// the label distribution. Double-click or Enter opens an image in the annotator.
class ImageBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageBrowser)

public:
    ImageBrowser(DatasetStoreWorker *worker, ThumbnailCache *cache, QWidget *parent = nullptr);
    ~ImageBrowser() override;

    void setDataset(const DatasetInfo &dataset, const QString &objectsDir);
    const DatasetInfo &dataset() const { return m_dataset; }
    DatasetItemsModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    ThumbnailCache *cache() const { return m_cache; }

    void setStatusFilter(std::optional<ItemStatus> status);
    void setLabelFilter(const QString &label);
    void setAnnotatorFilter(const QString &author);
    void setSearch(const QString &text);
    void setSort(ItemQuery::Sort sort, bool descending = false);
    void setThumbnailSize(int size);
    /// Reads the counts, labels, authors and distribution again (after edits).
    void refreshStats();
    /// True while rows, thumbnails or figures are being read.
    bool isBusy() const;
    QMap<ItemStatus, qint64> statusCounts() const { return m_statusCounts; }

Q_SIGNALS:
    void openRequested(int row);
    void reviewRequested(int row);
    void backRequested();
    void statsLoaded();

private:
    void applyQuery();
    void buildFilters(QWidget *bar);
    void updateCountLabel();

    DatasetStoreWorker *m_worker;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    ThumbnailCache *m_cache;
    DatasetInfo m_dataset;
    DatasetItemsModel *m_model = nullptr;
    ThumbnailDelegate *m_delegate = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_count = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_annotator = nullptr;
    QComboBox *m_sort = nullptr;
    QSlider *m_size = nullptr;
    QTimer *m_searchDelay = nullptr;
    QTimer *m_repaint = nullptr;
    QList<QLabel *> m_statusLabels;
    LabelDistributionChart *m_chart = nullptr;
    QMap<ItemStatus, qint64> m_statusCounts;
    int m_statsPending = 0;
    bool m_updatingFilters = false;
};

} // namespace atelier
