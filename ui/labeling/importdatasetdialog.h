#pragma once

#include "datasets/formatregistry.h"

#include <QDialog>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace atelier {

/// Imports a folder, an archive or an annotation file into a dataset: path, format, task and
/// name; the import runs on a worker thread with a progress bar and Cancel, then the report
/// says what was imported, what was a duplicate and what could not be read, and why.
class ImportDatasetDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDatasetDialog)

public:
    ImportDatasetDialog(const QString &workspaceRoot, const QString &author,
                        QWidget *parent = nullptr);
    ~ImportDatasetDialog() override;

    void setPath(const QString &path);
    void setFormat(const QString &format);
    void setDatasetName(const QString &name);
    /// Starts the import (as the Import button does); finished() follows.
    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    /// Closing (Esc, the window's close button) while importing cancels the import and closes
    /// once it has stopped, after finished() reported "Import cancelled".
    void reject() override;
    /// The report of the last import, when it ran.
    std::optional<ImportReport> report() const { return m_report; }
    QString reportText() const;
    QString importedDataset() const { return m_importedName; }

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void showReport(const ImportReport &report);
    void guessName();

    QString m_root;
    QString m_author;
    QLineEdit *m_path = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_task = nullptr;
    QLineEdit *m_name = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QPlainTextEdit *m_reportView = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_cancel = nullptr;
    std::shared_ptr<std::atomic_bool> m_stop;
    std::optional<ImportReport> m_report;
    QString m_importedName;
    bool m_running = false;
    bool m_closeWhenDone = false;
    bool m_nameEdited = false;
};

} // namespace atelier
