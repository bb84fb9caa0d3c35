#include "labeling/imagebrowser.h"

#include "common/background.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetitemstore.h"
#include "labeling/labeldistributionchart.h"
#include "labeling/labelpicker.h"
#include "labeling/thumbnailcache.h"
#include "labeling/thumbnaildelegate.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString statusTitle(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Unlabeled:
        return ImageBrowser::tr("Unlabeled");
    case ItemStatus::Labeled:
        return ImageBrowser::tr("Labeled");
    case ItemStatus::Reviewed:
        return ImageBrowser::tr("Reviewed");
    case ItemStatus::Rejected:
        return ImageBrowser::tr("Rejected");
    }
    return {};
}

QString taskTitle(DatasetTask task)
{
    switch (task) {
    case DatasetTask::Classification:
        return ImageBrowser::tr("Image classification");
    case DatasetTask::Detection:
        return ImageBrowser::tr("Object detection");
    case DatasetTask::Segmentation:
        return ImageBrowser::tr("Instance segmentation");
    default:
        return ImageBrowser::tr("Text");
    }
}

const QList<ItemStatus> kStatuses = {ItemStatus::Unlabeled, ItemStatus::Labeled,
                                     ItemStatus::Reviewed, ItemStatus::Rejected};
const QList<QColor> kStatusColors = {QColor(0x9a, 0xa3, 0xb5), QColor(0x4f, 0x8c, 0xff),
                                     QColor(0x2f, 0xb3, 0x6a), QColor(0xe5, 0x48, 0x4d)};

} // namespace

ImageBrowser::ImageBrowser(DatasetStoreWorker *worker, ThumbnailCache *cache, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_receiver(worker->receiver(this)), m_cache(cache)
{
    setObjectName(u"imageBrowser"_s);
    m_model = new DatasetItemsModel(worker, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 12);
    layout->setSpacing(10);

    auto *header = new QHBoxLayout;
    auto *back = new QToolButton(this);
    back->setObjectName(u"datasetsBackButton"_s);
    back->setText(tr("‹ Datasets"));
    back->setAutoRaise(true);
    back->setToolTip(tr("Back to the list of datasets (Alt+Left)"));
    connect(back, &QToolButton::clicked, this, &ImageBrowser::backRequested);
    auto *backShortcut = new QShortcut(QKeySequence::Back, this);
    backShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backShortcut, &QShortcut::activated, this, &ImageBrowser::backRequested);
    auto *titles = new QVBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(u"pageTitle"_s);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(u"pageSubtitle"_s);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto *annotate = new QPushButton(tr("Annotate"), this);
    annotate->setObjectName(u"annotateButton"_s);
    annotate->setToolTip(tr("Open the selected image (or the first) in the annotator"));
    auto *review = new QPushButton(tr("Review"), this);
    review->setObjectName(u"reviewButton"_s);
    review->setToolTip(tr("Accept or reject the images one after the other"));
    header->addWidget(back, 0, Qt::AlignTop);
    header->addLayout(titles, 1);
    header->addWidget(review, 0, Qt::AlignVCenter);
    header->addWidget(annotate, 0, Qt::AlignVCenter);
    layout->addLayout(header);

    auto *bar = new QWidget(this);
    bar->setObjectName(u"browserFilters"_s);
    buildFilters(bar);
    layout->addWidget(bar);

    auto *body = new QHBoxLayout;
    body->setSpacing(14);
    m_view = new QListView(this);
    m_view->setObjectName(u"imageGrid"_s);
    m_view->setViewMode(QListView::IconMode);
    m_view->setMovement(QListView::Static);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::SinglePass);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalScrollBar()->setSingleStep(24);
    m_view->setSpacing(2);
    m_view->setMouseTracking(true);
    m_view->setModel(m_model);
    m_delegate = new ThumbnailDelegate(cache, this);
    m_view->setItemDelegate(m_delegate);
    body->addWidget(m_view, 1);

    auto *side = new QWidget(this);
    side->setObjectName(u"browserSide"_s);
    side->setFixedWidth(260);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *statusTitleLabel = new QLabel(tr("Status"), side);
    statusTitleLabel->setObjectName(u"sectionTitle"_s);
    sideLayout->addWidget(statusTitleLabel);
    auto *statusGrid = new QGridLayout;
    for (int i = 0; i < kStatuses.size(); ++i) {
        auto *dot = new QLabel(side);
        dot->setFixedSize(10, 10);
        dot->setStyleSheet(u"background: %1; border-radius: 5px;"_s.arg(kStatusColors[i].name()));
        auto *name = new QLabel(statusTitle(kStatuses[i]), side);
        auto *value = new QLabel(u"0"_s, side);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_statusLabels.append(value);
        statusGrid->addWidget(dot, i, 0);
        statusGrid->addWidget(name, i, 1);
        statusGrid->addWidget(value, i, 2);
    }
    statusGrid->setColumnStretch(1, 1);
    sideLayout->addLayout(statusGrid);
    sideLayout->addSpacing(14);
    auto *labelsTitle = new QLabel(tr("Labels"), side);
    labelsTitle->setObjectName(u"sectionTitle"_s);
    sideLayout->addWidget(labelsTitle);
    m_chart = new LabelDistributionChart(side);
    auto *scroll = new QScrollArea(side);
    scroll->setWidget(m_chart);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    sideLayout->addWidget(scroll, 1);
    body->addWidget(side);
    layout->addLayout(body, 1);

    m_count = new QLabel(this);
    m_count->setObjectName(u"browserCount"_s);
    layout->addWidget(m_count);

    // Thumbnails arrive in bursts: one repaint per burst.
    m_repaint = new QTimer(this);
    m_repaint->setSingleShot(true);
    m_repaint->setInterval(15);
    connect(m_repaint, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    connect(cache, &ThumbnailCache::thumbnailReady, this, [this] {
        if (!m_repaint->isActive())
            m_repaint->start();
    });
    connect(m_model, &DatasetItemsModel::countChanged, this, &ImageBrowser::updateCountLabel);
    connect(m_view, &QListView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT openRequested(index.row()); });
    connect(annotate, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        Q_EMIT openRequested(current.isValid() ? current.row() : 0);
    });
    connect(review, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        Q_EMIT reviewRequested(current.isValid() ? current.row() : 0);
    });
    connect(m_chart, &LabelDistributionChart::labelClicked, this, [this](const QString &label) {
        const int index = m_label->findData(label);
        if (index >= 0)
            m_label->setCurrentIndex(index);
    });
}

ImageBrowser::~ImageBrowser()
{
    m_worker->retire(m_receiver);
}

void ImageBrowser::buildFilters(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(u"browserSearch"_s);
    m_search->setPlaceholderText(tr("Search file names"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_status = new QComboBox(bar);
    m_status->setObjectName(u"statusFilter"_s);
    m_status->addItem(tr("Any status"), -1);
    for (ItemStatus status : kStatuses)
        m_status->addItem(statusTitle(status), int(status));
    m_label = new QComboBox(bar);
    m_label->setObjectName(u"labelFilter"_s);
    m_label->addItem(tr("Any label"), QString());
    m_label->setMinimumContentsLength(10);
    m_annotator = new QComboBox(bar);
    m_annotator->setObjectName(u"annotatorFilter"_s);
    m_annotator->addItem(tr("Anyone"), QString());
    m_annotator->setMinimumContentsLength(10);
    m_sort = new QComboBox(bar);
    m_sort->setObjectName(u"sortOrder"_s);
    m_sort->addItem(tr("Import order"), int(ItemQuery::Sort::Position));
    m_sort->addItem(tr("File name"), int(ItemQuery::Sort::SourceName));
    m_sort->addItem(tr("Recently changed"), int(ItemQuery::Sort::UpdatedAt));
    m_sort->addItem(tr("Status"), int(ItemQuery::Sort::Status));
    m_size = new QSlider(Qt::Horizontal, bar);
    m_size->setObjectName(u"thumbnailSize"_s);
    m_size->setRange(80, 320);
    m_size->setValue(m_delegate ? m_delegate->thumbnailSize() : 144);
    m_size->setFixedWidth(110);
    m_size->setToolTip(tr("Thumbnail size"));
    row->addWidget(m_search, 1);
    row->addWidget(m_status);
    row->addWidget(m_label);
    row->addWidget(m_annotator);
    row->addWidget(m_sort);
    row->addSpacing(8);
    row->addWidget(m_size);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &ImageBrowser::applyQuery);
    for (QComboBox *combo : {m_status, m_label, m_annotator, m_sort}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updatingFilters)
                applyQuery();
        });
    }
    connect(m_size, &QSlider::valueChanged, this, &ImageBrowser::setThumbnailSize);
}

void ImageBrowser::setDataset(const DatasetInfo &dataset, const QString &objectsDir)
{
    m_dataset = dataset;
    m_title->setText(dataset.name);
    m_subtitle->setText(dataset.description.isEmpty()
                            ? taskTitle(dataset.task)
                            : tr("%1 · %2").arg(taskTitle(dataset.task), dataset.description));
    m_updatingFilters = true;
    m_search->clear();
    m_status->setCurrentIndex(0);
    m_label->setCurrentIndex(0);
    m_annotator->setCurrentIndex(0);
    m_sort->setCurrentIndex(0);
    m_updatingFilters = false;
    m_cache->clearPending();
    m_model->setDataset(dataset.id, objectsDir);
    m_view->scrollToTop();
    refreshStats();
}

void ImageBrowser::applyQuery()
{
    ItemQuery query;
    const int status = m_status->currentData().toInt();
    if (status >= 0)
        query.status = ItemStatus(status);
    query.label = m_label->currentData().toString();
    query.annotator = m_annotator->currentData().toString();
    query.search = m_search->text().trimmed();
    query.sort = ItemQuery::Sort(m_sort->currentData().toInt());
    query.descending = query.sort == ItemQuery::Sort::UpdatedAt;
    m_cache->clearPending();
    m_model->setQuery(query);
    m_view->scrollToTop();
}

void ImageBrowser::setStatusFilter(std::optional<ItemStatus> status)
{
    m_status->setCurrentIndex(status ? m_status->findData(int(*status)) : 0);
}

void ImageBrowser::setLabelFilter(const QString &label)
{
    int index = m_label->findData(label);
    if (index < 0 && !label.isEmpty()) {
        m_label->addItem(label, label);
        index = m_label->count() - 1;
    }
    m_label->setCurrentIndex(qMax(0, index));
}

void ImageBrowser::setAnnotatorFilter(const QString &author)
{
    int index = m_annotator->findData(author);
    if (index < 0 && !author.isEmpty()) {
        m_annotator->addItem(author, author);
        index = m_annotator->count() - 1;
    }
    m_annotator->setCurrentIndex(qMax(0, index));
}

void ImageBrowser::setSearch(const QString &text)
{
    m_search->setText(text);
    m_searchDelay->stop();
    applyQuery();
}

void ImageBrowser::setSort(ItemQuery::Sort sort, bool)
{
    m_sort->setCurrentIndex(qMax(0, m_sort->findData(int(sort))));
}

void ImageBrowser::setThumbnailSize(int size)
{
    m_delegate->setThumbnailSize(size);
    if (m_size->value() != size)
        m_size->setValue(size);
    m_cache->clearPending();
    // Uniform sizes: the view asks again for the size hint on a layout change.
    Q_EMIT m_model->layoutChanged();
}

void ImageBrowser::updateCountLabel()
{
    const QLocale locale;
    const qint64 shown = m_model->rowCount();
    qint64 total = 0;
    for (qint64 n : std::as_const(m_statusCounts))
        total += n;
    m_count->setText(
        shown == total || total == 0
            ? tr("%n image(s)", nullptr, int(shown))
            : tr("%1 of %2 images").arg(locale.toString(shown), locale.toString(total)));
}

void ImageBrowser::refreshStats()
{
    const qint64 datasetId = m_dataset.id;
    ++m_statsPending;
    // What the statistics panel shows, read on the worker.
    struct Stats
    {
        QMap<ItemStatus, qint64> countMap;
        QList<LabelCount> distributionList;
        QList<DatasetLabel> labelList;
        QStringList authorList;
    };
    readInBackground(
        m_worker, m_receiver,
        [datasetId](DatasetContext &context) {
            AnnotationStore annotations(context);
            auto counts = DatasetItemStore(context).statusCounts(datasetId);
            auto distribution = annotations.labelDistribution(datasetId);
            auto labels = DatasetCatalog(context).labels(datasetId);
            auto authors = annotations.authors(datasetId);
            Stats stats;
            if (counts)
                stats.countMap = counts.value();
            if (distribution)
                stats.distributionList = distribution.value();
            if (labels)
                stats.labelList = labels.value();
            if (authors)
                stats.authorList = authors.value();
            return stats;
        },
        [this, datasetId](const Stats &stats) {
            const auto &[countMap, distributionList, labelList, authorList] = stats;
            --m_statsPending;
            if (datasetId != m_dataset.id)
                return;
            m_statusCounts = countMap;
            const QLocale locale;
            for (int i = 0; i < kStatuses.size(); ++i)
                m_statusLabels[i]->setText(locale.toString(countMap.value(kStatuses[i])));
            QHash<QString, QColor> colors;
            for (const DatasetLabel &label : labelList) {
                const QColor color(label.color);
                colors.insert(label.name,
                              color.isValid() ? color : LabelPicker::defaultColor(label.name));
            }
            m_chart->setDistribution(distributionList, colors);
            // Keep the chosen filters while the lists are filled again.
            m_updatingFilters = true;
            const QString label = m_label->currentData().toString();
            m_label->clear();
            m_label->addItem(tr("Any label"), QString());
            for (const DatasetLabel &l : labelList)
                m_label->addItem(l.name, l.name);
            m_label->setCurrentIndex(qMax(0, m_label->findData(label)));
            const QString author = m_annotator->currentData().toString();
            m_annotator->clear();
            m_annotator->addItem(tr("Anyone"), QString());
            for (const QString &a : authorList)
                m_annotator->addItem(a, a);
            m_annotator->setCurrentIndex(qMax(0, m_annotator->findData(author)));
            m_updatingFilters = false;
            updateCountLabel();
            Q_EMIT statsLoaded();
        });
}

bool ImageBrowser::isBusy() const
{
    return m_model->isLoading() || m_statsPending > 0 || m_cache->isBusy();
}

} // namespace atelier
