#pragma once

#include "runs/rundetail.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace atelier {

/// The bottom of the pipeline editor: the run shown on the canvas (the latest, a live one or
/// one opened from the history) and, for the selected node, its task's state, logs, the
/// run's metrics and the task's outputs. Reads on worker threads.
class RunOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunOverlay)

public:
    explicit RunOverlay(QWidget *parent = nullptr);
    ~RunOverlay() override;

    /// Shows run \a runId of the workspace (empty: none); reads its detail.
    void setRun(const QString &workspaceRoot, const QString &runId);
    /// Reads the shown run again (its tasks moved on).
    void refresh();
    /// The node whose task is shown (empty: the run as a whole).
    void setNode(const QString &nodeId);

    QString runId() const { return m_runId; }
    QString nodeId() const { return m_node; }
    const RunDetail &detail() const { return m_detail; }
    QString logText() const;
    bool isBusy() const { return m_loadingDetail || m_loadingLog; }

Q_SIGNALS:
    void detailLoaded(const QString &runId);
    void logLoaded();

private:
    void loadDetail();
    void showDetail();
    void loadLog();

    QString m_root;
    QString m_runId;
    QString m_node;
    RunDetail m_detail;
    bool m_loadingDetail = false;
    bool m_reloadDetail = false;
    bool m_loadingLog = false;
    bool m_reloadLog = false;

    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_stream = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTableWidget *m_metrics = nullptr;
    QTreeWidget *m_outputs = nullptr;
};

} // namespace atelier
