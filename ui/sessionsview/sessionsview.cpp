#include "sessionsview/sessionsview.h"

#include "common/background.h"
#include "core/workspace.h"
#include "jupyter/sessions.h"
#include "monitor/metricchart.h"
#include "pools/poolstore.h"
#include "runs/chartseries.h"
#include "sessionsview/sessionstartdialog.h"

#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kRefreshMs = 2000;

/// The charts under the list: one per resource, with the sys/… keys each shows.
struct ChartSpec
{
    QString title;
    QStringList keys; ///< prefixes: "sys/gpu" takes every GPU's utilisation
};

QList<ChartSpec> chartSpecs()
{
    return {{SessionsView::tr("CPU %"), {u"sys/cpu_percent"_s}},
            {SessionsView::tr("Memory MB"), {u"sys/memory_mb"_s}},
            {SessionsView::tr("GPU %"), {u"sys/gpu"_s}}};
}

bool chartTakes(const ChartSpec &spec, const QString &key)
{
    for (const QString &wanted : spec.keys) {
        if (wanted == u"sys/gpu"_s ? key.startsWith(wanted) && key.endsWith(u"util_percent"_s)
                                   : key == wanted)
            return true;
    }
    return false;
}

QString stateText(const SessionRecord &session)
{
    const QString &state = session.state;
    if (state == u"pending"_s)
        return SessionsView::tr("pending");
    if (state == u"starting"_s)
        return SessionsView::tr("starting");
    if (state == u"running"_s)
        return SessionsView::tr("running");
    if (state == u"stopping"_s)
        return SessionsView::tr("stopping");
    if (state == u"stopped"_s)
        return SessionsView::tr("stopped");
    if (state == u"failed"_s)
        return SessionsView::tr("failed");
    if (state == u"lost"_s)
        return SessionsView::tr("lost");
    return state;
}

QString durationText(qint64 seconds)
{
    if (seconds < 0)
        return u"–"_s;
    if (seconds < 60)
        return SessionsView::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return SessionsView::tr("%1 min").arg(seconds / 60);
    return SessionsView::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

} // namespace

SessionsView::SessionsView(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"sessions"_s);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Sessions"), this);
    title->setObjectName(u"pageTitle"_s);
    auto *subtitle = new QLabel(tr("Jupyter for one person on a pool, with datasets, models and "
                                   "run outputs bound read-only as input0…input4 beside the "
                                   "working folder home."),
                                this);
    subtitle->setObjectName(u"pageSubtitle"_s);
    subtitle->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(subtitle);

    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start…"), this);
    m_open = new QPushButton(tr("Open in Browser"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_restart = new QPushButton(tr("Restart"), this);
    m_start->setObjectName(u"sessionStart"_s);
    m_open->setObjectName(u"sessionOpen"_s);
    m_stop->setObjectName(u"sessionStop"_s);
    m_restart->setObjectName(u"sessionRestart"_s);
    for (QPushButton *button : {m_start, m_open, m_stop, m_restart})
        buttons->addWidget(button);
    buttons->addStretch(1);
    m_status = new QLabel(this);
    buttons->addWidget(m_status);
    layout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeWidget(splitter);
    m_list->setObjectName(u"sessionList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Pool"), tr("State"), tr("Resources"), tr("Uptime"),
                             tr("Idle"), tr("Message")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    auto *charts = new QWidget(splitter);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    for (const ChartSpec &spec : chartSpecs()) {
        auto *series = new ChartSeries(this);
        series->setXMode(ChartSeries::XMode::RelativeSeconds);
        auto *chart = new MetricChart(series, charts);
        chart->chart()->setTitle(spec.title);
        chart->setMinimumHeight(160);
        chart->setToolTip(spec.title);
        m_series.append(series);
        m_charts.append(chart);
        chartRow->addWidget(chart);
    }
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_start, &QPushButton::clicked, this, &SessionsView::startDialog);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const SessionRecord *session = selected();
        if (!session)
            return;
        // The page forwards to the URL with its token: the token is on no command line.
        const auto page = Sessions::openPage(*session);
        if (!page)
            Q_EMIT statusMessage(page.error().message);
        else
            QDesktopServices::openUrl(QUrl::fromLocalFile(page.value()));
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        act(tr("Stopping %1…").arg(id), [id](const QString &root, const QString &binary) {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return Result<SessionRecord>(workspace.error());
            return Sessions(workspace.value(), binary).stop(id);
        });
    });
    connect(m_restart, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        act(tr("Starting %1…").arg(id), [id](const QString &root, const QString &binary) {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return Result<SessionRecord>(workspace.error());
            return Sessions(workspace.value(), binary).restart(id);
        });
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        updateButtons();
        refresh();
    });
    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    updateButtons();
}

SessionsView::~SessionsView() = default;

void SessionsView::setWorkspace(const QString &root)
{
    m_root = root;
    refresh();
    m_timer->start();
}

int SessionsView::sessionCount() const
{
    return m_list->topLevelItemCount();
}

Result<SessionsView::Snapshot> SessionsView::load(const QString &root, const QString &selectedId)
{
    auto workspace = Workspace::open(root);
    if (!workspace)
        return workspace.error();
    const auto sessions = SessionStore(workspace->catalog()).list();
    if (!sessions)
        return sessions.error();
    Snapshot snapshot;
    snapshot.selected = selectedId;
    snapshot.sessions = sessions.value();
    for (const SessionRecord &session : snapshot.sessions) {
        snapshot.idleSeconds.append(Sessions::idleSeconds(session));
        if (session.id == selectedId)
            snapshot.resources = Sessions::resources(session);
    }
    return snapshot;
}

void SessionsView::refresh()
{
    if (m_root.isEmpty() || m_loads > 0)
        return;
    ++m_loads;
    runInBackground(
        this, [root = m_root, id = selectedId()] { return load(root, id); },
        [this](const Result<Snapshot> &result) {
            --m_loads;
            if (!result) {
                m_status->setText(result.error().message);
                return;
            }
            apply(result.value());
        });
}

void SessionsView::apply(const Snapshot &snapshot)
{
    const QString keep = selectedId();
    m_sessions = snapshot.sessions;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Rebuilding the list is no choice of the user's: it must not start another load.
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (qsizetype i = 0; i < m_sessions.size(); ++i) {
        const SessionRecord &s = m_sessions[i];
        const QDateTime started = QDateTime::fromString(s.startedAt, Qt::ISODate);
        const QDateTime ended = QDateTime::fromString(s.stoppedAt, Qt::ISODate);
        const qint64 uptime = !started.isValid() ? -1
                              : s.isLive()       ? started.secsTo(now)
                              : ended.isValid()  ? started.secsTo(ended)
                                                 : -1;
        const double idle = snapshot.idleSeconds.value(i, -1);
        auto *item = new QTreeWidgetItem(
            m_list, {s.id, s.pool(), stateText(s),
                     tr("%1 CPU · %2 MB · %3 GPU")
                         .arg(s.options.cpus)
                         .arg(s.options.memoryMb)
                         .arg(s.options.gpus),
                     durationText(uptime), durationText(idle < 0 ? -1 : qint64(idle)), s.message});
        item->setData(0, Qt::UserRole, s.id);
        item->setToolTip(6, s.message);
        if (s.id == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));

    // The charts: the selected session's resources since its last start; redrawn only when
    // they changed (a refresh every two seconds must not lay out every chart again).
    const QString id = selectedId();
    const QList<ChartSpec> specs = chartSpecs();
    const QString chartsKey =
        snapshot.selected + u'|' + QString::number(snapshot.resources.size()) + u'|' +
        (snapshot.resources.isEmpty() ? QString()
                                      : QString::number(snapshot.resources.last().ts, 'f', 3));
    const bool chartsChanged = chartsKey != m_chartsKey;
    m_chartsKey = chartsKey;
    for (int c = 0; chartsChanged && c < specs.size(); ++c) {
        ChartSeries *series = m_series[c];
        series->clear();
        QMap<QString, QList<MetricPoint>> byKey;
        for (const MetricPoint &point : snapshot.resources)
            if (chartTakes(specs[c], point.key))
                byKey[point.key].append(point);
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
            series->addSeries(specs[c].title, it.key(), it.value());
        m_charts[c]->setVisible(c < 2 || !byKey.isEmpty());
    }
    updateButtons();
    Q_EMIT loaded();
    // The selection changed while this was read: read the charts of the one selected now.
    if (id != snapshot.selected)
        QTimer::singleShot(0, this, &SessionsView::refresh);
}

QString SessionsView::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

const SessionRecord *SessionsView::selected() const
{
    const QString id = selectedId();
    for (const SessionRecord &session : m_sessions)
        if (session.id == id)
            return &session;
    return nullptr;
}

void SessionsView::updateButtons()
{
    const SessionRecord *session = selected();
    m_start->setEnabled(!m_acting && !m_root.isEmpty());
    m_open->setEnabled(session && session->state == u"running"_s);
    m_stop->setEnabled(!m_acting && session && session->isLive());
    m_restart->setEnabled(!m_acting && session && !session->isLive());
}

void SessionsView::startDialog()
{
    if (m_root.isEmpty())
        return;
    struct Choices
    {
        QStringList pools;
        SessionSources::Available sources;
    };
    // The pools and what can be bound come from the catalog: read on a worker first.
    const auto read = [root = m_root]() -> Result<Choices> {
        auto workspace = Workspace::open(root);
        if (!workspace)
            return workspace.error();
        Choices choices;
        const auto pools = PoolStore(workspace->catalog()).list();
        if (!pools)
            return pools.error();
        for (const PoolRecord &pool : pools.value())
            choices.pools << pool.name;
        const auto sources = SessionSources::available(workspace.value());
        if (!sources)
            return sources.error();
        choices.sources = sources.value();
        return choices;
    };
    runInBackground(this, read, [this](const Result<Choices> &choices) {
        if (!choices) {
            Q_EMIT statusMessage(choices.error().message);
            return;
        }
        SessionStartDialog dialog(choices->pools, choices->sources, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const QString name = dialog.name();
        const SessionOptions options = dialog.options();
        act(tr("Starting %1…").arg(name.isEmpty() ? tr("a session") : name),
            [name, options](const QString &root, const QString &binary) {
                auto workspace = Workspace::open(root);
                if (!workspace)
                    return Result<SessionRecord>(workspace.error());
                return Sessions(workspace.value(), binary).start(name, options);
            });
    });
}

void SessionsView::act(
    const QString &busyText,
    std::function<Result<SessionRecord>(const QString &root, const QString &binary)> action)
{
    if (m_acting || m_root.isEmpty())
        return;
    m_acting = true;
    m_status->setText(busyText);
    updateButtons();
    // The atelier executable runs the supervisor (the window's own binary).
    const auto work = [action = std::move(action), root = m_root,
                       binary = QCoreApplication::applicationFilePath()] {
        return action(root, binary);
    };
    runInBackground(this, work, [this](const Result<SessionRecord> &result) {
        m_acting = false;
        const QString said =
            !result ? result.error().message
            : result->message.isEmpty()
                ? tr("%1 is %2").arg(result->id, stateText(result.value()))
                : tr("%1 is %2: %3").arg(result->id, stateText(result.value()), result->message);
        m_status->setText(said);
        Q_EMIT statusMessage(said);
        refresh();
    });
}

} // namespace atelier
