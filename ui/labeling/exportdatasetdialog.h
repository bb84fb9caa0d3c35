#pragma once

#include "datasets/formatregistry.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace atelier {

/// Exports a dataset (its current state or a version) in a format into a folder, on a worker
/// thread with a progress bar and Cancel.
class ExportDatasetDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDatasetDialog)

public:
    ExportDatasetDialog(const QString &workspaceRoot, const DatasetInfo &dataset,
                        QWidget *parent = nullptr);
    ~ExportDatasetDialog() override;

    void setFormat(const QString &format);
    void setFolder(const QString &folder);
    void start();
    /// Closing while exporting cancels the export and closes once it has stopped, after
    /// finished() reported "Export cancelled".
    void reject() override;
    bool isRunning() const { return m_running; }
    std::optional<ExportReport> report() const { return m_report; }

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    QString m_root;
    DatasetInfo m_dataset;
    QComboBox *m_format = nullptr;
    QComboBox *m_version = nullptr;
    QLineEdit *m_folder = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_close = nullptr;
    std::shared_ptr<std::atomic_bool> m_stop;
    std::optional<ExportReport> m_report;
    bool m_running = false;
    bool m_closeWhenDone = false;
};

} // namespace atelier
