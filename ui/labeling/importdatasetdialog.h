#pragma once

#include "datasets/formatdetect.h"
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
class QTimer;

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
    /// The format the content of the path looks like (empty while unknown or being looked at).
    QString detectedFormat() const { return m_guess ? m_guess->format : QString(); }
    /// The format the import uses: the one chosen, else the one detected.
    QString effectiveFormat() const;
    /// The line under the format: what was detected, or why nothing was.
    QString formatHint() const;

Q_SIGNALS:
    void finished(bool ok, const QString &message);
    /// The content of the path was looked at (detectedFormat() says what it looks like).
    void formatDetected();

private:
    void showReport(const ImportReport &report);
    void guessName();
    /// Looks at the path's content on a worker: its format and the task it calls for.
    void detectFormat();
    void showFormatHint();

    QString m_root;
    QString m_author;
    QLineEdit *m_path = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_formatHint = nullptr;
    QTimer *m_detectTimer = nullptr;
    std::optional<FormatGuess> m_guess;
    std::optional<TaskChoice> m_guessTask;
    QString m_detectedPath; ///< the path m_guess is of
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
