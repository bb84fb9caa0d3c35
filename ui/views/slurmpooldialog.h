#pragma once

#include "pools/poolstore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace atelier {

/// "Add Slurm pool…": slurmrestd address, authentication, partition, account and staging
/// folder. Only collects; adding and checking happen off the GUI thread (PoolTasks).
class SlurmPoolDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlurmPoolDialog)

public:
    explicit SlurmPoolDialog(QWidget *parent = nullptr);

    QString poolName() const;
    SlurmSettings settings() const;

private:
    void updateState();

    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_tokenFile = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_partition = nullptr;
    QLineEdit *m_account = nullptr;
    QLineEdit *m_staging = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_ok = nullptr;
};

/// Pool work for the GUI, run on worker threads: each returns a one-line outcome.
class PoolTasks final
{
    Q_DECLARE_TR_FUNCTIONS(PoolTasks)

public:
    /// Checks every pool of the workspace and records the outcome; blocking (worker thread).
    static QString checkAll(const QString &workspace);
    /// Adds the Slurm pool and checks it; blocking (worker thread).
    static QString addSlurm(const QString &workspace, const QString &name,
                            const SlurmSettings &settings);
};

} // namespace atelier
