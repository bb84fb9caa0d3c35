#pragma once

#include "jupyter/sessionsources.h"
#include "sessions/sessionstore.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace atelier {

/// Start a session: its name, pool, resources, idle timeout, and a source for each of
/// input0…input4 picked from the workspace's datasets (with versions), models (with versions
/// and aliases) and run outputs, or typed (path:DIR).
class SessionStartDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStartDialog)

public:
    SessionStartDialog(const QStringList &pools, const SessionSources::Available &sources,
                       QWidget *parent = nullptr);

    /// Empty: a new name.
    QString name() const;
    SessionOptions options() const;
    /// Fills the form from a session's options (a restart with changes, or tests).
    void setOptions(const QString &name, const SessionOptions &options);

private:
    QLineEdit *m_name = nullptr;
    QComboBox *m_pool = nullptr;
    QSpinBox *m_cpus = nullptr;
    QSpinBox *m_memory = nullptr;
    QSpinBox *m_gpus = nullptr;
    QDoubleSpinBox *m_idle = nullptr;
    QList<QComboBox *> m_inputs;
};

} // namespace atelier
