#pragma once

#include "pipeline/pipelinedocument.h"
#include "runs/runstore.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTreeWidget;

namespace atelier {

/// Edits a pipeline's schedule (cron checked as it is typed, start, catch-up, max active runs,
/// depends_on_past, keep_last), shows the next slots and the pipeline's past scheduled runs.
/// It only returns the new schedule: the caller applies it as one undoable change.
class ScheduleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleDialog)

public:
    ScheduleDialog(const std::optional<ScheduleSpec> &schedule, QWidget *parent = nullptr);
    ~ScheduleDialog() override;

    /// Reads the pipeline's past scheduled runs from the catalog, on a worker.
    void loadHistory(const QString &workspaceRoot, const QString &pipeline);
    /// The schedule as edited; nothing when scheduling is switched off.
    std::optional<ScheduleSpec> schedule() const;
    /// Why the cron expression is refused; empty when it parses.
    QString cronProblem() const;
    /// The next slots shown (for tests).
    QStringList upcoming() const;
    int pastRunCount() const;
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void historyLoaded();

private:
    void refresh();

    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_cron = nullptr;
    QLabel *m_cronProblem = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QCheckBox *m_catchup = nullptr;
    QSpinBox *m_maxActive = nullptr;
    QCheckBox *m_dependsOnPast = nullptr;
    QSpinBox *m_keepLast = nullptr;
    QListWidget *m_upcoming = nullptr;
    QTreeWidget *m_past = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_loading = false;
};

} // namespace atelier
