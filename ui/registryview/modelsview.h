#pragma once

#include "registry/modelregistry.h"
#include "serving/modelservices.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QComboBox;

namespace atelier {

class ChartSeries;
class MetricChart;

/// What the Models view shows, read on a worker thread.
struct ModelsSnapshot
{
    QList<ModelSummary> models;
    QList<ModelVersionRecord> versions; ///< every version, by model, newest first
    QList<ServiceInfo> services;
    /// Version id → "NAME@ID" of the image its training task ran in (none: on the host).
    QHash<qint64, QString> images;

    static Result<ModelsSnapshot> load(const QString &workspaceRoot);
};

/// The Models view: registered models and their versions (framework, aliases, validation,
/// lineage to the run and pipeline commit, metrics and params), comparison of two versions,
/// services with start and stop, their request count and latency, and a "try it" panel that
/// sends rows to a running service. Every action runs on a worker thread.
class ModelsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsView)

public:
    explicit ModelsView(QWidget *parent = nullptr);
    ~ModelsView() override;

    void setWorkspace(const QString &workspaceRoot);
    void reload();
    /// Selects "NAME:VERSION" in the tree.
    bool selectVersion(const QString &model, int version);

    bool isBusy() const { return m_busy > 0; }
    int modelCount() const;
    const ModelsSnapshot &snapshot() const { return m_snapshot; }
    QString tryItAnswer() const;

    /// Actions, on workers; each ends with actionFinished(ok, message).
    void deploySelected();
    void stopService(const QString &serviceId);
    void sendTryIt(const QString &rowsJson);
    void compareSelected(int otherVersion);

Q_SIGNALS:
    void loaded();
    void actionFinished(bool ok, const QString &message);
    void compared();

private:
    QWidget *buildVersionTab();
    QWidget *buildServicesTab();
    QWidget *buildTryItTab();
    void showSnapshot();
    void showVersion(const ModelVersionRecord &version);
    const ModelVersionRecord *selected() const;
    void run(const std::function<Result<QString>(const QString &)> &work);
    void loadServiceMetrics(const ServiceInfo &service);
    /// Stop acts on the selected service only while it is live.
    void updateStopButton();

    QString m_root;
    ModelsSnapshot m_snapshot;
    int m_busy = 0;
    QString m_selectedModel;
    int m_selectedVersion = 0;

    QTreeWidget *m_tree = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_lineage = nullptr;
    QTableWidget *m_metrics = nullptr;
    QTableWidget *m_params = nullptr;
    QComboBox *m_compareWith = nullptr;
    QTableWidget *m_comparison = nullptr;
    QTreeWidget *m_services = nullptr;
    QPushButton *m_stopService = nullptr;
    QLabel *m_status = nullptr;
    ChartSeries *m_serviceSeries = nullptr;
    MetricChart *m_serviceChart = nullptr;
    QPlainTextEdit *m_serviceLog = nullptr;
    QPlainTextEdit *m_tryRows = nullptr;
    QPlainTextEdit *m_tryAnswer = nullptr;
};

} // namespace atelier
