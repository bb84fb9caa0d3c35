#include "canvas/runoverlay.h"

#include "common/background.h"
#include "monitor/outputopener.h"
#include "shell/workspacesnapshot.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr qint64 kLogPage = 256 * 1024;

QString elapsed(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid())
        return {};
    const qint64 secs = from.secsTo(to.isValid() ? to : QDateTime::currentDateTimeUtc());
    if (secs < 60)
        return RunOverlay::tr("%1 s").arg(secs);
    if (secs < 3600)
        return RunOverlay::tr("%1 min %2 s").arg(secs / 60).arg(secs % 60);
    return RunOverlay::tr("%1 h %2 min").arg(secs / 3600).arg((secs % 3600) / 60);
}

} // namespace

RunOverlay::RunOverlay(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"runOverlay"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"runOverlaySummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    auto *logPage = new QWidget(m_tabs);
    auto *logLayout = new QVBoxLayout(logPage);
    logLayout->setContentsMargins(0, 4, 0, 0);
    auto *logBar = new QHBoxLayout;
    m_stream = new QComboBox(logPage);
    m_stream->addItem(tr("Output"), u"stdout.log"_s);
    m_stream->addItem(tr("Errors"), u"stderr.log"_s);
    logBar->addWidget(m_stream);
    logBar->addStretch(1);
    logLayout->addLayout(logBar);
    m_log = new QPlainTextEdit(logPage);
    m_log->setObjectName(u"nodeLog"_s);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    logLayout->addWidget(m_log, 1);
    m_tabs->addTab(logPage, tr("Logs"));

    m_metrics = new QTableWidget(0, 5, m_tabs);
    m_metrics->setObjectName(u"nodeMetrics"_s);
    m_metrics->setHorizontalHeaderLabels(
        {tr("Metric"), tr("Last"), tr("Min"), tr("Max"), tr("Points")});
    m_metrics->verticalHeader()->setVisible(false);
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tabs->addTab(m_metrics, tr("Metrics"));

    m_outputs = new QTreeWidget(m_tabs);
    m_outputs->setObjectName(u"nodeOutputs"_s);
    m_outputs->setRootIsDecorated(false);
    m_outputs->setHeaderLabels({tr("File"), tr("Size")});
    m_outputs->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_outputs->header()->setStretchLastSection(false);
    m_tabs->addTab(m_outputs, tr("Outputs"));
    layout->addWidget(m_tabs, 1);

    connect(m_stream, &QComboBox::currentIndexChanged, this, &RunOverlay::loadLog);
    connect(m_outputs, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        OutputOpener::open(this, item->data(0, Qt::UserRole).toString());
    });
    showDetail();
}

RunOverlay::~RunOverlay() = default;

void RunOverlay::setRun(const QString &workspaceRoot, const QString &runId)
{
    const bool changed = runId != m_runId || workspaceRoot != m_root;
    m_root = workspaceRoot;
    m_runId = runId;
    if (changed) {
        m_detail = RunDetail();
        m_log->clear();
        showDetail();
    }
    loadDetail();
}

void RunOverlay::refresh()
{
    loadDetail();
}

void RunOverlay::setNode(const QString &nodeId)
{
    if (nodeId == m_node)
        return;
    m_node = nodeId;
    showDetail();
    loadLog();
}

QString RunOverlay::logText() const
{
    return m_log->toPlainText();
}

void RunOverlay::loadDetail()
{
    if (m_root.isEmpty() || m_runId.isEmpty())
        return;
    if (m_loadingDetail) {
        m_reloadDetail = true;
        return;
    }
    m_loadingDetail = true;
    using Loaded = Result<RunDetail>;
    const QString runId = m_runId;
    runInBackground(this, std::bind_front(&RunDetail::load, m_root, m_runId),
                    [this, runId](const Loaded &loaded) {
                        m_loadingDetail = false;
                        if (runId == m_runId) {
                            if (loaded) {
                                m_detail = loaded.value();
                            } else {
                                m_detail = RunDetail();
                                m_summary->setText(loaded.error().message);
                            }
                            if (loaded)
                                showDetail();
                            loadLog();
                            Q_EMIT detailLoaded(runId);
                        }
                        if (m_reloadDetail) {
                            m_reloadDetail = false;
                            loadDetail();
                        }
                    });
}

void RunOverlay::showDetail()
{
    const QLocale locale;
    if (m_runId.isEmpty()) {
        m_summary->setText(tr("No run yet. Run the pipeline (Run all) and each node shows its "
                              "state; select a node to see its logs, metrics and outputs."));
    } else if (m_detail.run.id.isEmpty()) {
        m_summary->setText(tr("Run %1 — reading…").arg(m_runId));
    } else {
        const RunRecord &run = m_detail.run;
        QString text = tr("<b>Run %1</b> · %2 · started %3 · %4")
                           .arg(run.id, WorkspaceSnapshot::runStateText(run.state),
                                locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                                elapsed(run.startedAt, run.finishedAt));
        if (!run.commitId.isEmpty())
            text += tr(" · version %1").arg(run.commitId.left(8));
        if (!m_node.isEmpty()) {
            const TaskRecord *task = nullptr;
            for (const TaskRecord &candidate : m_detail.tasks) {
                if (candidate.nodeId == m_node)
                    task = &candidate;
            }
            if (task) {
                text += tr("<br>Node <b>%1</b>: %2").arg(m_node.toHtmlEscaped(), task->state);
                if (task->startedAt.isValid())
                    text += tr(" · %1").arg(elapsed(task->startedAt, task->finishedAt));
                if (task->exitCode)
                    text += tr(" · exit code %1").arg(*task->exitCode);
                if (task->attempts > 1)
                    text += tr(" · %1 attempts").arg(task->attempts);
                if (!task->message.isEmpty())
                    text += tr(" · %1").arg(task->message.toHtmlEscaped());
            } else {
                text +=
                    tr("<br>Node <b>%1</b> was not part of this run.").arg(m_node.toHtmlEscaped());
            }
        } else {
            text += tr("<br>Select a node to see its logs and outputs.");
        }
        m_summary->setText(text);
    }

    m_metrics->setRowCount(0);
    for (const MetricSummary &summary : m_detail.summaries) {
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        m_metrics->setItem(row, 0, new QTableWidgetItem(summary.key));
        m_metrics->setItem(row, 1, new QTableWidgetItem(locale.toString(summary.last, 'g', 6)));
        m_metrics->setItem(row, 2, new QTableWidgetItem(locale.toString(summary.min, 'g', 6)));
        m_metrics->setItem(row, 3, new QTableWidgetItem(locale.toString(summary.max, 'g', 6)));
        m_metrics->setItem(row, 4, new QTableWidgetItem(locale.toString(summary.count)));
    }

    m_outputs->clear();
    for (const Artifact &artifact : m_detail.artifacts) {
        if (!m_node.isEmpty() && artifact.task != m_node)
            continue;
        auto *item = new QTreeWidgetItem(
            m_outputs, {m_node.isEmpty() ? artifact.task + u'/' + artifact.relativePath
                                         : artifact.relativePath,
                        locale.formattedDataSize(artifact.size)});
        item->setData(0, Qt::UserRole, artifact.path);
        item->setToolTip(0, QDir::toNativeSeparators(artifact.path));
    }
}

void RunOverlay::loadLog()
{
    if (m_root.isEmpty() || m_runId.isEmpty() || m_node.isEmpty()) {
        m_log->setPlainText(m_runId.isEmpty() ? QString() : tr("Select a node to see its log."));
        return;
    }
    if (m_loadingLog) {
        m_reloadLog = true;
        return;
    }
    m_loadingLog = true;
    const QString path = taskLogPath(m_root, m_runId, m_node, m_stream->currentData().toString());
    using Page = Result<LogPage>;
    runInBackground(
        this, std::bind_front(&LogPage::read, path, qint64(-1), kLogPage),
        [this, path](const Page &page) {
            m_loadingLog = false;
            const QString wanted =
                taskLogPath(m_root, m_runId, m_node, m_stream->currentData().toString());
            if (path != wanted || m_reloadLog) {
                m_reloadLog = false;
                loadLog();
                return;
            }
            const bool atEnd =
                m_log->verticalScrollBar()->value() == m_log->verticalScrollBar()->maximum();
            if (!page)
                m_log->setPlainText(tr("No log: the task has not started, or it was cached."));
            else if (page->text != m_log->toPlainText())
                m_log->setPlainText(page->text.isEmpty() ? tr("(empty)") : page->text);
            if (atEnd)
                m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
            Q_EMIT logLoaded();
        });
}

} // namespace atelier
