#include "labeling/exportdatasetdialog.h"

#include "common/background.h"
#include "core/workspace.h"
#include "datasets/datasetcontext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

ExportDatasetDialog::ExportDatasetDialog(const QString &workspaceRoot, const DatasetInfo &dataset,
                                         QWidget *parent)
    : QDialog(parent), m_root(workspaceRoot), m_dataset(dataset)
{
    setObjectName(u"exportDatasetDialog"_s);
    setWindowTitle(tr("Export %1").arg(dataset.name));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(u"exportFormat"_s);
    for (const DatasetFormat *format : FormatRegistry::instance().all()) {
        if (format->exporter && format->media == dataset.media &&
            (format->tasks.isEmpty() || format->tasks.contains(dataset.task)))
            m_format->addItem(u"%1 — %2"_s.arg(format->name, format->description), format->name);
    }
    form->addRow(tr("Format"), m_format);
    m_version = new QComboBox(this);
    m_version->addItem(tr("Current state"), 0);
    for (int v = dataset.latestVersion; v >= 1; --v)
        m_version->addItem(tr("Version %1").arg(v), v);
    form->addRow(tr("What"), m_version);
    auto *folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(u"exportFolder"_s);
    auto *browse = new QToolButton(this);
    browse->setText(tr("Choose…"));
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Into folder"), folderRow);
    layout->addLayout(form);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export into"));
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(m_export, &QPushButton::clicked, this, &ExportDatasetDialog::start);
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (m_running && m_stop) {
            *m_stop = true;
            m_message->setText(tr("Stopping…"));
        } else {
            reject();
        }
    });
}

ExportDatasetDialog::~ExportDatasetDialog()
{
    if (m_stop)
        *m_stop = true;
}

void ExportDatasetDialog::reject()
{
    if (m_running && m_stop) {
        *m_stop = true;
        m_message->setText(tr("Stopping…"));
        m_closeWhenDone = true; // closed when the worker has stopped and finished() is sent
        return;
    }
    QDialog::reject();
}

void ExportDatasetDialog::setFormat(const QString &format)
{
    const int index = m_format->findData(format);
    if (index >= 0)
        m_format->setCurrentIndex(index);
}

void ExportDatasetDialog::setFolder(const QString &folder)
{
    m_folder->setText(folder);
}

void ExportDatasetDialog::start()
{
    if (m_running)
        return;
    const QString folder = m_folder->text().trimmed();
    if (folder.isEmpty()) {
        m_message->setText(tr("Choose the folder to export into."));
        return;
    }
    if (m_format->count() == 0) {
        m_message->setText(tr("No export format is available for this dataset."));
        return;
    }
    ExportOptions options;
    options.format = m_format->currentData().toString();
    m_stop = std::make_shared<std::atomic_bool>(false);
    options.cancel = m_stop.get();
    QPointer<ExportDatasetDialog> guard(this);
    options.progress = [guard](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            guard,
            [guard, done, total] {
                if (!guard)
                    return;
                guard->m_progress->setMaximum(int(qMin<qint64>(total, INT_MAX)));
                guard->m_progress->setValue(int(qMin<qint64>(done, INT_MAX)));
            },
            Qt::QueuedConnection);
    };
    const int version = m_version->currentData().toInt();
    const QString reference =
        version > 0 ? u"%1@%2"_s.arg(m_dataset.name).arg(version) : m_dataset.name;
    m_running = true;
    m_export->setEnabled(false);
    m_close->setText(tr("Cancel"));
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_message->setText(tr("Exporting…"));
    const QString root = m_root;
    std::shared_ptr<std::atomic_bool> keep = m_stop;
    runInBackground(
        this,
        [root, reference, folder, options, keep]() -> Result<ExportReport> {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            DatasetContext context(workspace->catalog(), workspace->root());
            return exportDataset(context, reference, folder, options);
        },
        [this, folder](const Result<ExportReport> &result) {
            m_running = false;
            m_export->setEnabled(true);
            m_close->setText(tr("Close"));
            m_progress->setVisible(false);
            const auto closeIfAsked = qScopeGuard([this] {
                if (m_closeWhenDone) {
                    m_closeWhenDone = false;
                    QDialog::reject();
                }
            });
            if (!result) {
                if (result.error().code == ErrorCode::Cancelled) {
                    m_message->setText(
                        tr("Export cancelled; the folder may hold part of the export."));
                    Q_EMIT finished(false, m_message->text());
                    return;
                }
                m_message->setText(tr("Export failed: %1").arg(result.error().message));
                Q_EMIT finished(false, result.error().message);
                return;
            }
            m_report = result.value();
            const QLocale locale;
            m_message->setText(tr("Wrote %1 items and %2 annotations into %3.")
                                   .arg(locale.toString(result->items),
                                        locale.toString(result->annotations),
                                        QDir::toNativeSeparators(folder)));
            Q_EMIT finished(true, m_message->text());
        });
}

} // namespace atelier
