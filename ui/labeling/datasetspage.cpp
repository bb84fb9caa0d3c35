#include "labeling/datasetspage.h"

#include "common/background.h"
#include "core/appsettings.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetstoreworker.h"
#include "datasets/datasetversionstore.h"
#include "labeling/exportdatasetdialog.h"
#include "labeling/imageannotator.h"
#include "labeling/imagebrowser.h"
#include "labeling/importdatasetdialog.h"
#include "labeling/textannotator.h"
#include "labeling/thumbnailcache.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString taskTitle(DatasetTask task)
{
    switch (task) {
    case DatasetTask::Classification:
        return DatasetsPage::tr("Classification");
    case DatasetTask::Detection:
        return DatasetsPage::tr("Detection");
    case DatasetTask::Segmentation:
        return DatasetsPage::tr("Segmentation");
    case DatasetTask::TextClassification:
        return DatasetsPage::tr("Text classification");
    case DatasetTask::Entities:
        return DatasetsPage::tr("Entities");
    case DatasetTask::Pairs:
        return DatasetsPage::tr("Text pairs");
    }
    return {};
}

enum Column { Name, Media, Task, Items, Unlabeled, Labeled, Reviewed, Rejected, Versions };

class NumberItem final : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (column >= Items)
            return data(column, Qt::UserRole).toLongLong() <
                   other.data(column, Qt::UserRole).toLongLong();
        return QTreeWidgetItem::operator<(other);
    }
};

} // namespace

DatasetsPage::DatasetsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"datasets"_s);
    m_author = AppSettings().annotatorName();
    m_cache = new ThumbnailCache(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildList());
    m_imageStack = new QStackedWidget(m_stack);
    m_stack->addWidget(m_imageStack);
    m_textView = new QWidget(m_stack);
    new QVBoxLayout(m_textView);
    m_textView->layout()->setContentsMargins(0, 0, 0, 0);
    m_stack->addWidget(m_textView);
    layout->addWidget(m_stack);
}

DatasetsPage::~DatasetsPage()
{
    // Views first: they hand their receivers back to the worker before it stops.
    delete m_imageStack;
    delete m_textView;
    m_imageStack = nullptr;
    m_textView = nullptr;
    retireWorker();
}

void DatasetsPage::retireWorker()
{
    if (m_worker) {
        m_worker->retire(m_reads);
        m_worker->retire(m_writes);
    }
    m_reads.reset();
    m_writes.reset();
    m_pending = 0; // the old worker's reads are dropped: none will answer
    delete m_worker;
    m_worker = nullptr;
}

QWidget *DatasetsPage::buildList()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(28, 22, 28, 22);
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    auto *title = new QLabel(tr("Datasets"), page);
    title->setObjectName(u"pageTitle"_s);
    auto *subtitle = new QLabel(tr("Images and text with their labels, versioned; import from "
                                   "COCO, VOC, YOLO, labelme, CSV, JSONL and CoNLL."),
                                page);
    subtitle->setObjectName(u"pageSubtitle"_s);
    subtitle->setWordWrap(true);
    titles->addWidget(title);
    titles->addWidget(subtitle);
    header->addLayout(titles, 1);
    auto *newButton = new QPushButton(tr("New…"), page);
    newButton->setObjectName(u"newDatasetButton"_s);
    auto *importButton = new QPushButton(tr("Import…"), page);
    importButton->setObjectName(u"importDatasetButton"_s);
    m_versionButton = new QPushButton(tr("Version…"), page);
    m_versionButton->setObjectName(u"versionDatasetButton"_s);
    m_versionButton->setToolTip(tr("Freeze the selected dataset's labels as a new version"));
    m_exportButton = new QPushButton(tr("Export…"), page);
    m_exportButton->setObjectName(u"exportDatasetButton"_s);
    for (QPushButton *button : {newButton, importButton, m_versionButton, m_exportButton})
        header->addWidget(button, 0, Qt::AlignVCenter);
    importButton->setDefault(true);
    layout->addLayout(header);
    layout->addSpacing(10);

    m_listStack = new QStackedWidget(page);
    m_list = new QTreeWidget(m_listStack);
    m_list->setObjectName(u"datasetList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->setHeaderLabels({tr("Name"), tr("Media"), tr("Task"), tr("Items"), tr("Unlabeled"),
                             tr("Labeled"), tr("Reviewed"), tr("Rejected"), tr("Versions")});
    // Every column as wide as its contents (a stretched name column was squeezed to
    // "shapes-bo…" at 1024 px); a wide window leaves room on the right.
    for (int c = Name; c <= Versions; ++c)
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    m_list->sortByColumn(Name, Qt::AscendingOrder);
    m_empty = new QLabel(tr("No datasets yet.\nImport images or texts with Import…, or make an "
                            "empty dataset with New…"),
                         m_listStack);
    m_empty->setObjectName(u"emptyHint"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_empty);
    layout->addWidget(m_listStack, 1);

    m_samplesBox = new QWidget(page);
    auto *samplesLayout = new QVBoxLayout(m_samplesBox);
    samplesLayout->setContentsMargins(0, 12, 0, 0);
    auto *samplesTitle = new QLabel(tr("Sample data ready to import"), m_samplesBox);
    samplesTitle->setObjectName(u"sectionTitle"_s);
    m_samples = new QTreeWidget(m_samplesBox);
    m_samples->setObjectName(u"sampleList"_s);
    m_samples->setRootIsDecorated(false);
    m_samples->setHeaderLabels({tr("Sample"), tr("Content"), tr("Path")});
    m_samples->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_samples->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_samples->setMaximumHeight(120);
    m_samples->setToolTip(tr("Double-click to import"));
    samplesLayout->addWidget(samplesTitle);
    samplesLayout->addWidget(m_samples);
    m_samplesBox->setVisible(false);
    layout->addWidget(m_samplesBox);
    connect(m_samples, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        importSample(item->data(0, Qt::UserRole).toString());
    });
    m_status = new QLabel(page);
    m_status->setObjectName(u"datasetsStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(newButton, &QPushButton::clicked, this, &DatasetsPage::newDataset);
    connect(importButton, &QPushButton::clicked, this, &DatasetsPage::importDataset);
    connect(m_versionButton, &QPushButton::clicked, this, &DatasetsPage::versionSelected);
    connect(m_exportButton, &QPushButton::clicked, this, &DatasetsPage::exportSelected);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        openDataset(item->data(Name, Qt::UserRole).toString());
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        const bool any = !selectedName().isEmpty();
        m_versionButton->setEnabled(any);
        m_exportButton->setEnabled(any);
    });
    m_versionButton->setEnabled(false);
    m_exportButton->setEnabled(false);
    connect(this, &DatasetsPage::message, m_status, &QLabel::setText);
    return page;
}

void DatasetsPage::setWorkspace(const QString &root)
{
    if (root == m_root && m_worker) {
        reload();
        return;
    }
    showList();
    // The views hold the old workspace's worker: they go with it.
    if (m_browser) {
        delete m_browser;
        m_browser = nullptr;
        delete m_annotator;
        m_annotator = nullptr;
    }
    if (QLayoutItem *old = m_textView->layout()->takeAt(0)) {
        delete old->widget();
        delete old;
    }
    retireWorker();
    m_root = root;
    m_rows.clear();
    if (root.isEmpty()) {
        fillList();
        return;
    }
    m_worker = new DatasetStoreWorker(root, m_author, this);
    m_reads = m_worker->receiver(this);
    m_reads->failed = [this](const QString &error) {
        m_pending = qMax(0, m_pending - 1);
        fillList();
        Q_EMIT message(error);
        Q_EMIT loaded();
    };
    m_writes = m_worker->receiver(this);
    m_writes->failed = [this](const QString &error) { Q_EMIT message(error); };
    m_browser = new ImageBrowser(m_worker, m_cache, m_imageStack);
    m_annotator = new ImageAnnotator(m_worker, m_imageStack);
    m_imageStack->addWidget(m_browser);
    m_imageStack->addWidget(m_annotator);
    connect(m_browser, &ImageBrowser::backRequested, this, &DatasetsPage::showList);
    connect(m_browser, &ImageBrowser::openRequested, this, [this](int row) {
        m_annotator->setReviewMode(false);
        m_imageStack->setCurrentWidget(m_annotator);
        m_annotator->openRow(row);
    });
    connect(m_browser, &ImageBrowser::reviewRequested, this, [this](int row) {
        m_annotator->setReviewMode(true);
        m_imageStack->setCurrentWidget(m_annotator);
        m_annotator->openRow(row);
    });
    connect(m_annotator, &ImageAnnotator::backRequested, this, [this] {
        m_imageStack->setCurrentWidget(m_browser);
        if (m_annotator->currentRow() >= 0)
            m_browser->view()->setCurrentIndex(
                m_browser->model()->index(m_annotator->currentRow()));
        m_browser->view()->setFocus(); // keys (Alt+Left, Enter) go on from the grid
        m_browser->refreshStats();
    });
    reload();
}

void DatasetsPage::reload()
{
    if (!m_worker)
        return;
    ++m_pending;
    DatasetStoreWorker *worker = m_worker;
    readInBackground(
        worker, m_reads,
        [worker](DatasetContext &context) {
            QList<DatasetRow> rows;
            QString error = worker->openError();
            auto datasets = DatasetCatalog(context).datasets();
            if (datasets) {
                DatasetItemStore items(context);
                for (const DatasetInfo &info : datasets.value()) {
                    DatasetRow row;
                    row.info = info;
                    if (auto counts = items.statusCounts(info.id))
                        row.statusCounts = counts.value();
                    rows.append(row);
                }
            } else {
                error = datasets.error().message;
            }
            return std::pair{rows, error};
        },
        [this](const std::pair<QList<DatasetRow>, QString> &answer) {
            const auto &[rows, error] = answer;
            --m_pending;
            m_rows = rows;
            fillList();
            if (!error.isEmpty())
                Q_EMIT message(error);
            Q_EMIT loaded();
        });
    if (!m_worker->openError().isEmpty())
        Q_EMIT message(m_worker->openError());
}

void DatasetsPage::fillList()
{
    const QString selected = selectedName();
    m_list->setSortingEnabled(false);
    m_list->clear();
    const QLocale locale;
    for (const DatasetRow &row : std::as_const(m_rows)) {
        auto *item = new NumberItem(m_list);
        item->setText(Name, row.info.name);
        item->setData(Name, Qt::UserRole, row.info.name);
        item->setToolTip(Name, row.info.description);
        // An import that has not committed its last batch: the items are not all there.
        if (const auto &pending = row.info.pendingImport) {
            item->setText(Name, row.info.importing() ? tr("%1 (importing…)").arg(row.info.name)
                                                     : tr("%1 (incomplete)").arg(row.info.name));
            item->setIcon(Name, style()->standardIcon(row.info.importing()
                                                          ? QStyle::SP_BrowserReload
                                                          : QStyle::SP_MessageBoxWarning));
            item->setToolTip(
                Name, row.info.importing()
                          ? tr("Being imported from %1 (process %2); the list grows until "
                               "the import ends.")
                                .arg(pending->source)
                                .arg(pending->pid)
                          : tr("The import of %1 stopped before its end: this dataset lacks part "
                               "of it. Import it again to finish it, or remove the dataset.")
                                .arg(pending->source));
        }
        item->setText(Media, row.info.media == DatasetMedia::Image ? tr("Images") : tr("Text"));
        item->setText(Task, taskTitle(row.info.task));
        auto number = [&](int column, qint64 value) {
            item->setText(column, locale.toString(value));
            item->setData(column, Qt::UserRole, value);
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        };
        number(Items, row.info.itemCount);
        number(Unlabeled, row.statusCounts.value(ItemStatus::Unlabeled));
        number(Labeled, row.statusCounts.value(ItemStatus::Labeled));
        number(Reviewed, row.statusCounts.value(ItemStatus::Reviewed));
        number(Rejected, row.statusCounts.value(ItemStatus::Rejected));
        number(Versions, row.info.latestVersion);
        if (row.info.name == selected)
            item->setSelected(true);
    }
    m_list->setSortingEnabled(true);
    m_listStack->setCurrentWidget(m_rows.isEmpty() ? static_cast<QWidget *>(m_empty) : m_list);
    // Samples are offered while there is nothing to label yet.
    m_samplesBox->setVisible(m_rows.isEmpty() && m_samples->topLevelItemCount() > 0);
}

QString DatasetsPage::selectedName() const
{
    if (!m_open.isEmpty())
        return m_open;
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Name, Qt::UserRole).toString();
}

const DatasetRow *DatasetsPage::row(const QString &name) const
{
    for (const DatasetRow &r : m_rows) {
        if (r.info.name == name)
            return &r;
    }
    return nullptr;
}

bool DatasetsPage::openDataset(const QString &name)
{
    const DatasetRow *found = row(name);
    if (!found || !m_worker)
        return false;
    m_open = name;
    const QString objectsDir = QDir(m_root).filePath(u"objects"_s);
    if (found->info.media == DatasetMedia::Image) {
        m_browser->setDataset(found->info, objectsDir);
        m_annotator->setDataset(found->info, objectsDir, m_browser->model());
        m_imageStack->setCurrentWidget(m_browser);
        m_stack->setCurrentWidget(m_imageStack);
    } else {
        if (QLayoutItem *old = m_textView->layout()->takeAt(0)) {
            delete old->widget();
            delete old;
        }
        auto *text = new TextAnnotator(m_textView);
        text->setAuthor(m_author);
        text->open(m_root, name, m_worker);
        connect(text, &TextAnnotator::backRequested, this, &DatasetsPage::showList);
        m_textView->layout()->addWidget(text);
        m_stack->setCurrentWidget(m_textView);
    }
    Q_EMIT datasetOpened(name);
    return true;
}

void DatasetsPage::showList()
{
    m_open.clear();
    m_stack->setCurrentIndex(0);
    if (m_worker)
        reload();
}

QString DatasetsPage::openDatasetName() const
{
    return m_open;
}

bool DatasetsPage::isBusy() const
{
    if (m_pending > 0)
        return true;
    if (m_stack->currentWidget() == m_imageStack && m_browser) {
        if (m_imageStack->currentWidget() == m_browser)
            return m_browser->isBusy();
        return m_annotator->isLoading();
    }
    return false;
}

void DatasetsPage::newDataset()
{
    if (!m_worker)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New dataset"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    name->setPlaceholderText(tr("letters, digits, . _ -"));
    auto *task = new QComboBox(&dialog);
    for (DatasetTask t :
         {DatasetTask::Detection, DatasetTask::Segmentation, DatasetTask::Classification,
          DatasetTask::TextClassification, DatasetTask::Entities, DatasetTask::Pairs})
        task->addItem(taskTitle(t), int(t));
    auto *multi = new QCheckBox(tr("An item may carry several labels"), &dialog);
    auto *labels = new QLineEdit(&dialog);
    labels->setPlaceholderText(tr("cat, dog, bird"));
    auto *description = new QLineEdit(&dialog);
    form->addRow(tr("Name"), name);
    form->addRow(tr("Task"), task);
    form->addRow(QString(), multi);
    form->addRow(tr("Labels"), labels);
    form->addRow(tr("Description"), description);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    auto *error = new QLabel(&dialog);
    error->setWordWrap(true);
    form->addRow(error);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (const Status valid = DatasetCatalog::validateName(name->text().trimmed()); !valid) {
            error->setText(valid.error().message);
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString datasetName = name->text().trimmed();
    const auto datasetTask = DatasetTask(task->currentData().toInt());
    DatasetOptions options;
    options.multiLabel = multi->isChecked();
    QStringList labelNames;
    for (const QString &label : labels->text().split(u','))
        if (!label.trimmed().isEmpty())
            labelNames.append(label.trimmed());
    const QString text = description->text().trimmed();
    writeInBackground(
        m_worker, m_writes,
        [=](DatasetContext &context) {
            DatasetCatalog catalog(context);
            auto created = catalog.createDataset(datasetName, datasetTask, options, text);
            QString message =
                created ? tr("Made dataset %1.").arg(datasetName) : created.error().message;
            if (created) {
                for (const QString &label : labelNames) {
                    if (auto added = catalog.addLabel(created->id, label); !added)
                        message = added.error().message;
                }
            }
            return message;
        },
        [this](const QString &result) {
            Q_EMIT message(result);
            reload();
        });
}

void DatasetsPage::importDataset()
{
    if (m_root.isEmpty())
        return;
    auto *dialog = new ImportDatasetDialog(m_root, m_author, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDatasetDialog::finished, this, [this](bool, const QString &text) {
        Q_EMIT message(text);
        reload();
    });
    dialog->show();
}

void DatasetsPage::setSampleData(const QList<ListedEntry> &samples)
{
    m_samples->clear();
    for (const ListedEntry &sample : samples) {
        auto *item = new QTreeWidgetItem(
            m_samples, {sample.name, sample.detail, QDir::toNativeSeparators(sample.path)});
        item->setData(0, Qt::UserRole, sample.path);
    }
    m_samplesBox->setVisible(m_rows.isEmpty() && !samples.isEmpty());
}

int DatasetsPage::sampleCount() const
{
    return m_samples->topLevelItemCount();
}

void DatasetsPage::importSample(const QString &path)
{
    if (m_root.isEmpty())
        return;
    auto *dialog = new ImportDatasetDialog(m_root, m_author, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPath(path);
    const QFileInfo info(path);
    if (info.suffix() == u"jsonl"_s)
        dialog->setFormat(u"jsonl"_s);
    else if (QFileInfo::exists(QDir(path).filePath(u"annotations.json"_s)) ||
             path.contains(u"detection"_s))
        dialog->setFormat(u"coco"_s);
    else
        dialog->setFormat(u"folder"_s);
    connect(dialog, &ImportDatasetDialog::finished, this, [this](bool, const QString &text) {
        Q_EMIT message(text);
        reload();
    });
    dialog->show();
}

void DatasetsPage::versionSelected()
{
    const QString name = selectedName();
    if (name.isEmpty() || !m_worker)
        return;
    bool ok = false;
    const QString text =
        QInputDialog::getText(this, tr("New version of %1").arg(name),
                              tr("What changed since the last version (the commit message):"),
                              QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    if (text.trimmed().isEmpty()) {
        Q_EMIT message(tr("A version needs a message saying what changed; nothing was made."));
        return;
    }
    Q_EMIT message(tr("Making a version of %1…").arg(name));
    const QString author = m_author;
    writeInBackground(
        m_worker, m_writes,
        [=](DatasetContext &context) {
            auto version = DatasetVersionStore(context).createVersion(name, text.trimmed(), author);
            return version ? tr("%1 version %2 saved (commit %3).")
                                 .arg(name)
                                 .arg(version->number)
                                 .arg(version->commitId.left(10))
                           : version.error().message;
        },
        [this](const QString &result) {
            Q_EMIT message(result);
            reload();
        });
}

void DatasetsPage::exportSelected()
{
    const DatasetRow *found = row(selectedName());
    if (!found)
        return;
    auto *dialog = new ExportDatasetDialog(m_root, found->info, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDatasetDialog::finished, this,
            [this](bool, const QString &text) { Q_EMIT message(text); });
    dialog->show();
}

} // namespace atelier
