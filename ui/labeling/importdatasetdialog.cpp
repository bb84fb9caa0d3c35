#include "labeling/importdatasetdialog.h"

#include "common/background.h"
#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString taskName(DatasetTask task)
{
    switch (task) {
    case DatasetTask::Classification:
        return ImportDatasetDialog::tr("Image classification");
    case DatasetTask::Detection:
        return ImportDatasetDialog::tr("Object detection (boxes)");
    case DatasetTask::Segmentation:
        return ImportDatasetDialog::tr("Instance segmentation (polygons)");
    case DatasetTask::TextClassification:
        return ImportDatasetDialog::tr("Text classification");
    case DatasetTask::Entities:
        return ImportDatasetDialog::tr("Entities (text spans)");
    case DatasetTask::Pairs:
        return ImportDatasetDialog::tr("Text pairs");
    }
    return {};
}

} // namespace

ImportDatasetDialog::ImportDatasetDialog(const QString &workspaceRoot, const QString &author,
                                         QWidget *parent)
    : QDialog(parent), m_root(workspaceRoot), m_author(author)
{
    setObjectName(u"importDatasetDialog"_s);
    setWindowTitle(tr("Import a dataset"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(u"importPath"_s);
    m_path->setPlaceholderText(tr("A folder, a .zip or .tar archive, or an annotation file"));
    auto *folder = new QToolButton(this);
    folder->setText(tr("Folder…"));
    auto *file = new QToolButton(this);
    file->setText(tr("File…"));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(folder);
    pathRow->addWidget(file);
    form->addRow(tr("Import from"), pathRow);

    m_format = new QComboBox(this);
    m_format->setObjectName(u"importFormat"_s);
    m_format->addItem(tr("From the content"), QString());
    for (const DatasetFormat *format : FormatRegistry::instance().all()) {
        if (!format->importer || m_format->findData(format->name) >= 0)
            continue;
        m_format->addItem(u"%1 — %2"_s.arg(format->name, format->description), format->name);
    }
    form->addRow(tr("Format"), m_format);
    m_formatHint = new QLabel(this);
    m_formatHint->setObjectName(u"importFormatHint"_s);
    m_formatHint->setWordWrap(true);
    m_formatHint->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_formatHint->setMinimumHeight(2 * fontMetrics().lineSpacing());
    form->addRow(QString(), m_formatHint);
    m_task = new QComboBox(this);
    m_task->setObjectName(u"importTask"_s);
    m_task->addItem(tr("From the content"), QString());
    for (DatasetTask task :
         {DatasetTask::Classification, DatasetTask::Detection, DatasetTask::Segmentation,
          DatasetTask::TextClassification, DatasetTask::Entities, DatasetTask::Pairs})
        m_task->addItem(taskName(task), toString(task));
    form->addRow(tr("Task"), m_task);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"importName"_s);
    m_name->setPlaceholderText(tr("New or existing dataset (letters, digits, . _ -)"));
    form->addRow(tr("Dataset"), m_name);
    layout->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(u"importMessage"_s);
    m_progressText->setWordWrap(true);
    m_progressText->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for a few lines from the start: a message appearing does not move the buttons.
    m_progressText->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    m_reportView = new QPlainTextEdit(this);
    m_reportView->setObjectName(u"importReport"_s);
    m_reportView->setReadOnly(true);
    m_reportView->setVisible(false);
    m_reportView->setMinimumHeight(180);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressText);
    layout->addWidget(m_reportView, 1);
    layout->addStretch(0);

    auto *buttons = new QDialogButtonBox(this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(u"importButton"_s);
    m_cancel = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    connect(folder, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder"));
        if (!dir.isEmpty())
            setPath(dir);
    });
    connect(file, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import a file"), {},
            tr("Datasets (*.zip *.tar *.tar.gz *.tgz *.json *.jsonl *.csv *.txt *.conll *.yaml);;"
               "All files (*)"));
        if (!path.isEmpty())
            setPath(path);
    });
    connect(m_path, &QLineEdit::textChanged, this, &ImportDatasetDialog::guessName);
    m_detectTimer = new QTimer(this);
    m_detectTimer->setSingleShot(true);
    m_detectTimer->setInterval(250); // typing a path: look once it stops changing
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_guess.reset();
        m_guessTask.reset();
        m_detectedPath.clear();
        showFormatHint();
        m_detectTimer->start();
    });
    connect(m_detectTimer, &QTimer::timeout, this, &ImportDatasetDialog::detectFormat);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDatasetDialog::showFormatHint);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_import, &QPushButton::clicked, this, &ImportDatasetDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_running)
            cancel();
        else
            reject();
    });
    showFormatHint();
    // Room for the longer hints and messages from the start: one appearing takes it from the
    // stretch above the buttons instead of growing the dialog and moving the buttons.
    adjustSize();
    resize(width(), height() + 4 * fontMetrics().lineSpacing());
}

ImportDatasetDialog::~ImportDatasetDialog()
{
    if (m_stop)
        *m_stop = true; // the worker stops at the next file; its result goes nowhere
}

void ImportDatasetDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void ImportDatasetDialog::setFormat(const QString &format)
{
    const int index = m_format->findData(format);
    if (index >= 0)
        m_format->setCurrentIndex(index);
}

void ImportDatasetDialog::setDatasetName(const QString &name)
{
    m_name->setText(name);
    m_nameEdited = true;
}

QString ImportDatasetDialog::effectiveFormat() const
{
    const QString chosen = m_format->currentData().toString();
    return chosen.isEmpty() && m_guess ? m_guess->format : chosen;
}

void ImportDatasetDialog::detectFormat()
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return;
    struct Detected
    {
        std::optional<FormatGuess> guess;
        std::optional<TaskChoice> task;
    };
    runInBackground(
        this,
        [path] {
            Detected detected;
            detected.guess = FormatGuess::detect(path);
            if (!detected.guess)
                return detected;
            // The task the content calls for, as the import itself will infer it.
            auto format = FormatRegistry::instance().pickImporter(detected.guess->format, path, {});
            if (format && format.value()->inferTask)
                detected.task = format.value()->inferTask(path);
            if (format && !detected.task && !format.value()->tasks.isEmpty())
                detected.task = TaskChoice{format.value()->tasks.first(), QString()};
            return detected;
        },
        [this, path](const Detected &detected) {
            if (path != m_path->text().trimmed())
                return; // typed on meanwhile: a newer look is on its way
            m_guess = detected.guess;
            m_guessTask = detected.task;
            m_detectedPath = path;
            showFormatHint();
            Q_EMIT formatDetected();
        });
}

QString ImportDatasetDialog::formatHint() const
{
    return m_formatHint->text();
}

void ImportDatasetDialog::showFormatHint()
{
    const QString path = m_path->text().trimmed();
    const QString chosen = m_format->currentData().toString();
    QString hint;
    if (path.isEmpty()) {
        hint =
            chosen.isEmpty() ? tr("The format is detected from what the path holds.") : QString();
    } else if (m_detectedPath != path) {
        hint = tr("Looking at the content…");
    } else if (!m_guess) {
        hint =
            chosen.isEmpty() ? tr("The content does not tell its format: choose one.") : QString();
    } else {
        const QString task = m_guessTask ? taskName(m_guessTask->task) : QString();
        if (chosen.isEmpty() || chosen == m_guess->format)
            hint =
                task.isEmpty()
                    ? tr("Detected %1: %2.").arg(m_guess->format, m_guess->reason)
                    : tr("Detected %1: %2. Task: %3.").arg(m_guess->format, m_guess->reason, task);
        else
            hint = tr("The content looks like %1 (%2), not %3: choose “%1” or “From the "
                      "content”.")
                       .arg(m_guess->format, m_guess->reason, chosen);
    }
    m_formatHint->setText(hint);
}

void ImportDatasetDialog::guessName()
{
    if (m_nameEdited)
        return;
    QString base = QFileInfo(m_path->text().trimmed()).completeBaseName();
    base.replace(QRegularExpression(u"[^A-Za-z0-9._-]+"_s), u"-"_s);
    while (!base.isEmpty() && !base.front().isLetterOrNumber())
        base.remove(0, 1);
    m_name->setText(base.left(64));
}

void ImportDatasetDialog::start()
{
    if (m_running)
        return;
    const QString path = m_path->text().trimmed();
    const QString name = m_name->text().trimmed();
    if (path.isEmpty() || !QFileInfo::exists(path)) {
        m_progressText->setText(tr("Choose a folder or file that exists to import from."));
        return;
    }
    if (const Status valid = DatasetCatalog::validateName(name); !valid) {
        m_progressText->setText(valid.error().message);
        return;
    }
    ImportOptions options;
    options.format = effectiveFormat();
    if (options.format.isEmpty()) {
        m_progressText->setText(m_detectedPath == path
                                    ? tr("The content does not tell its format: choose one "
                                         "under Format.")
                                    : tr("Still looking at the content: try again in a moment, "
                                         "or choose the format."));
        return;
    }
    if (const QString task = m_task->currentData().toString(); !task.isEmpty())
        options.task = datasetTaskFromString(task);
    options.author = m_author;
    m_stop = std::make_shared<std::atomic_bool>(false);
    options.cancel = m_stop.get();
    QPointer<ImportDatasetDialog> guard(this);
    options.progress = [guard](qint64 done, qint64 total, const QString &what) {
        QMetaObject::invokeMethod(
            guard,
            [guard, done, total, what] {
                if (!guard)
                    return;
                guard->m_progress->setMaximum(int(qMin<qint64>(total, INT_MAX)));
                guard->m_progress->setValue(int(qMin<qint64>(done, INT_MAX)));
                guard->m_progressText->setText(what);
            },
            Qt::QueuedConnection);
    };
    m_running = true;
    m_report.reset();
    m_import->setEnabled(false);
    m_cancel->setText(tr("Cancel"));
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    m_reportView->setVisible(false);
    m_progressText->setText(tr("Importing…"));

    // The import's own catalog connection: one connection per thread.
    const QString root = m_root;
    std::shared_ptr<std::atomic_bool> keep = m_stop; // outlives the dialog while it runs
    const QString format = options.format;
    runInBackground(
        this,
        [root, name, path, options, keep]() -> Result<ImportReport> {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            DatasetContext context(workspace->catalog(), workspace->root());
            if (!options.author.isEmpty())
                context.setAuthor(options.author);
            return importDataset(context, name, path, options);
        },
        [=, this](const Result<ImportReport> &result) {
            m_running = false;
            m_import->setEnabled(true);
            m_cancel->setText(tr("Close"));
            m_progress->setVisible(false);
            const auto closeIfAsked = qScopeGuard([this] {
                if (m_closeWhenDone) {
                    m_closeWhenDone = false;
                    QDialog::reject();
                }
            });
            if (!result) {
                const QString text = result.error().code == ErrorCode::Cancelled
                                         ? tr("Import cancelled.")
                                         : result.error().message;
                QString shown = result.error().code == ErrorCode::Cancelled
                                    ? text
                                    : tr("Import failed: %1").arg(text);
                // The usual cause: the wrong format for what the folder holds. Say which is right.
                if (result.error().code != ErrorCode::Cancelled && m_guess &&
                    m_guess->format != format)
                    shown += u' ' + tr("The content looks like %1 (%2): choose that format and "
                                       "import again.")
                                        .arg(m_guess->format, m_guess->reason);
                m_progressText->setText(shown);
                Q_EMIT finished(false, text);
                return;
            }
            m_report = result.value();
            m_importedName = name;
            showReport(result.value());
            Q_EMIT finished(true, m_progressText->text());
        });
}

void ImportDatasetDialog::reject()
{
    if (m_running) {
        cancel();
        m_closeWhenDone = true; // closed when the worker has stopped and finished() is sent
        return;
    }
    QDialog::reject();
}

void ImportDatasetDialog::cancel()
{
    if (m_stop)
        *m_stop = true;
    m_progressText->setText(tr("Stopping after the current file…"));
}

void ImportDatasetDialog::showReport(const ImportReport &report)
{
    const QLocale locale;
    m_progressText->setText(
        (report.cancelled ? tr("Import cancelled. ") : QString()) +
        tr("Imported %1 items and %2 annotations into %3; %4 duplicates, %5 unreadable.")
            .arg(locale.toString(report.imported), locale.toString(report.annotations),
                 report.dataset, locale.toString(report.duplicates),
                 locale.toString(qint64(report.unreadable.size()))) +
        (report.taskReason.isEmpty() || !report.task
             ? QString()
             : u' ' + tr("Task %1, chosen from the content: %2.")
                          .arg(taskName(*report.task), report.taskReason)));
    m_reportView->setPlainText(reportText());
    m_reportView->setVisible(!report.unreadable.isEmpty() || !report.duplicateFiles.isEmpty() ||
                             !report.warnings.isEmpty());
}

QString ImportDatasetDialog::reportText() const
{
    if (!m_report)
        return {};
    QStringList lines;
    auto section = [&lines](const QString &title, const QList<ImportProblem> &problems) {
        if (problems.isEmpty())
            return;
        lines.append(title);
        for (const ImportProblem &problem : problems)
            lines.append(u"  %1 — %2"_s.arg(problem.file, problem.reason));
        lines.append(QString());
    };
    section(tr("Unreadable (skipped):"), m_report->unreadable);
    section(tr("Duplicates (already in the dataset):"), m_report->duplicateFiles);
    section(tr("Warnings:"), m_report->warnings);
    return lines.join(u'\n');
}

} // namespace atelier
