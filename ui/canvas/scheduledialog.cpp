#include "canvas/scheduledialog.h"

#include "catalog/database.h"
#include "common/background.h"
#include "core/workspace.h"
#include "pipeline/cron.h"
#include "shell/workspacesnapshot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kUpcoming = 8;

} // namespace

ScheduleDialog::ScheduleDialog(const std::optional<ScheduleSpec> &schedule, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"scheduleDialog"_s);
    setWindowTitle(tr("Schedule"));
    resize(640, 560);
    auto *layout = new QVBoxLayout(this);

    m_enabled = new QCheckBox(tr("Run this pipeline on a schedule"), this);
    m_enabled->setObjectName(u"scheduleEnabled"_s);
    layout->addWidget(m_enabled);

    auto *settings = new QGroupBox(tr("When"), this);
    auto *form = new QFormLayout(settings);
    auto *cronRow = new QHBoxLayout;
    m_cron = new QLineEdit(settings);
    m_cron->setObjectName(u"cron"_s);
    m_cron->setPlaceholderText(tr("minute hour day month weekday, e.g. 0 2 * * *"));
    auto *presets = new QComboBox(settings);
    presets->addItem(tr("Presets…"), QString());
    presets->addItem(tr("Every hour"), u"@hourly"_s);
    presets->addItem(tr("Every day at 02:00"), u"0 2 * * *"_s);
    presets->addItem(tr("Weekdays at 06:30"), u"30 6 * * MON-FRI"_s);
    presets->addItem(tr("Every Sunday at midnight"), u"@weekly"_s);
    presets->addItem(tr("First of the month"), u"@monthly"_s);
    cronRow->addWidget(m_cron, 1);
    cronRow->addWidget(presets);
    form->addRow(tr("Cron (UTC)"), cronRow);
    m_cronProblem = new QLabel(settings);
    m_cronProblem->setObjectName(u"paramProblem"_s);
    m_cronProblem->setWordWrap(true);
    form->addRow(QString(), m_cronProblem);
    m_start = new QDateTimeEdit(settings);
    m_start->setObjectName(u"scheduleStart"_s);
    m_start->setTimeSpec(Qt::UTC);
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    form->addRow(tr("Not before"), m_start);
    layout->addWidget(settings);

    auto *policy = new QGroupBox(tr("How"), this);
    auto *policyForm = new QFormLayout(policy);
    m_catchup =
        new QCheckBox(tr("Catch up: run the slots missed while Atelier was closed"), policy);
    m_catchup->setObjectName(u"catchup"_s);
    m_maxActive = new QSpinBox(policy);
    m_maxActive->setObjectName(u"maxActiveRuns"_s);
    m_maxActive->setRange(1, 64);
    m_dependsOnPast =
        new QCheckBox(tr("Start a slot only after the previous one succeeded"), policy);
    m_dependsOnPast->setObjectName(u"dependsOnPast"_s);
    m_keepLast = new QSpinBox(policy);
    m_keepLast->setObjectName(u"keepLast"_s);
    m_keepLast->setRange(0, 100000);
    m_keepLast->setSpecialValueText(tr("all"));
    m_keepLast->setSuffix(tr(" run folders"));
    policyForm->addRow(m_catchup);
    policyForm->addRow(tr("At most active at once"), m_maxActive);
    policyForm->addRow(m_dependsOnPast);
    policyForm->addRow(tr("Keep the newest"), m_keepLast);
    layout->addWidget(policy);

    auto *lists = new QHBoxLayout;
    auto *upcomingBox = new QGroupBox(tr("Next slots"), this);
    auto *upcomingLayout = new QVBoxLayout(upcomingBox);
    m_upcoming = new QListWidget(upcomingBox);
    m_upcoming->setObjectName(u"upcomingSlots"_s);
    upcomingLayout->addWidget(m_upcoming);
    auto *pastBox = new QGroupBox(tr("Scheduled runs"), this);
    auto *pastLayout = new QVBoxLayout(pastBox);
    m_past = new QTreeWidget(pastBox);
    m_past->setObjectName(u"pastScheduledRuns"_s);
    m_past->setRootIsDecorated(false);
    m_past->setHeaderLabels({tr("Slot"), tr("Run"), tr("State")});
    m_past->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    pastLayout->addWidget(m_past);
    lists->addWidget(upcomingBox, 2);
    lists->addWidget(pastBox, 3);
    layout->addLayout(lists, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const ScheduleSpec initial = schedule.value_or(ScheduleSpec{});
    m_enabled->setChecked(schedule.has_value());
    m_cron->setText(schedule ? initial.cron : u"0 2 * * *"_s);
    m_start->setDateTime(initial.start.isValid()
                             ? initial.start.toUTC()
                             : QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC));
    m_catchup->setChecked(initial.catchup);
    m_maxActive->setValue(initial.maxActiveRuns);
    m_dependsOnPast->setChecked(initial.dependsOnPast);
    m_keepLast->setValue(initial.keepLast);

    connect(presets, &QComboBox::activated, this, [this, presets](int index) {
        const QString cron = presets->itemData(index).toString();
        if (!cron.isEmpty())
            m_cron->setText(cron);
        presets->setCurrentIndex(0);
    });
    connect(m_cron, &QLineEdit::textChanged, this, &ScheduleDialog::refresh);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &ScheduleDialog::refresh);
    connect(m_enabled, &QCheckBox::toggled, this, [this, settings, policy](bool on) {
        settings->setEnabled(on);
        policy->setEnabled(on);
        refresh();
    });
    settings->setEnabled(m_enabled->isChecked());
    policy->setEnabled(m_enabled->isChecked());
    refresh();
}

ScheduleDialog::~ScheduleDialog() = default;

void ScheduleDialog::refresh()
{
    m_upcoming->clear();
    const bool on = m_enabled->isChecked();
    const QString problem = on ? cronProblem() : QString();
    m_cronProblem->setText(problem);
    m_cronProblem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    if (!on || !problem.isEmpty())
        return;
    const auto cron = CronExpression::parse(m_cron->text().trimmed());
    const QLocale locale;
    QDateTime cursor = qMax(QDateTime::currentDateTimeUtc(), m_start->dateTime().toUTC());
    // nextAfter is strictly after: step back a minute so a slot at the start itself counts.
    cursor = cursor.addSecs(-60);
    for (int i = 0; i < kUpcoming; ++i) {
        cursor = cron->nextAfter(cursor);
        if (!cursor.isValid())
            break;
        m_upcoming->addItem(locale.toString(cursor, u"ddd yyyy-MM-dd HH:mm 'UTC'"_s));
    }
    if (m_upcoming->count() == 0)
        m_upcoming->addItem(tr("No slot in the next five years."));
}

QString ScheduleDialog::cronProblem() const
{
    const QString text = m_cron->text().trimmed();
    if (text.isEmpty())
        return tr("Give a cron expression, e.g. \"0 2 * * *\" for every day at 02:00 UTC.");
    const auto cron = CronExpression::parse(text);
    return cron ? QString() : cron.error().message;
}

std::optional<ScheduleSpec> ScheduleDialog::schedule() const
{
    if (!m_enabled->isChecked())
        return std::nullopt;
    ScheduleSpec spec;
    spec.cron = m_cron->text().trimmed();
    spec.start = m_start->dateTime().toUTC();
    spec.catchup = m_catchup->isChecked();
    spec.maxActiveRuns = m_maxActive->value();
    spec.dependsOnPast = m_dependsOnPast->isChecked();
    spec.keepLast = m_keepLast->value();
    return spec;
}

QStringList ScheduleDialog::upcoming() const
{
    QStringList slots;
    for (int i = 0; i < m_upcoming->count(); ++i)
        slots.append(m_upcoming->item(i)->text());
    return slots;
}

int ScheduleDialog::pastRunCount() const
{
    return m_past->topLevelItemCount();
}

void ScheduleDialog::loadHistory(const QString &workspaceRoot, const QString &pipeline)
{
    if (workspaceRoot.isEmpty() || pipeline.isEmpty())
        return;
    m_loading = true;
    using Runs = Result<QList<RunRecord>>;
    runInBackground(
        this,
        [workspaceRoot, pipeline]() -> Runs {
            auto workspace = Workspace::open(workspaceRoot);
            if (!workspace)
                return workspace.error();
            return RunStore(workspace->catalog()).runs(500, pipeline);
        },
        [this](const Runs &runs) {
            m_loading = false;
            m_past->clear();
            if (!runs) {
                auto *item = new QTreeWidgetItem(m_past, {runs.error().message});
                item->setFirstColumnSpanned(true);
            } else {
                for (const RunRecord &run : runs.value()) {
                    if (run.logicalDate.isEmpty())
                        continue;
                    new QTreeWidgetItem(m_past, {run.logicalDate, run.id,
                                                 WorkspaceSnapshot::runStateText(run.state)});
                }
                m_past->setDisabled(m_past->topLevelItemCount() == 0);
                m_past->setToolTip(m_past->topLevelItemCount() == 0
                                       ? tr("No scheduled run of this pipeline yet.")
                                       : QString());
            }
            Q_EMIT historyLoaded();
        });
}

} // namespace atelier
