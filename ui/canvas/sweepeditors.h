#pragma once

#include "pipeline/pipelinedocument.h"
#include "pipeline/templatespec.h"

#include <QGroupBox>
#include <QJsonValue>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace atelier {

/// Under a parameter in the properties panel: "Sweep" ticked marks the parameter as swept,
/// with its SPEC (float(LO,HI), int(LO,HI[,STEP]), choice(A,B,…)) checked against the
/// template's schema as it is typed. Emits the SPEC only when it fits.
class SweepMarker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepMarker)

public:
    SweepMarker(const ParamSpec &schema, const QString &key, QWidget *parent = nullptr);

    /// Whether a parameter of \a type can be swept (numbers, booleans, enums, strings).
    static bool canSweep(ParamType type);
    /// A first SPEC for \a schema: its range, its choices, or one around \a current.
    static QString suggestedSpec(const ParamSpec &schema, const QJsonValue &current);
    /// Why \a spec does not fit \a schema (its syntax, the type, range, choices), or empty.
    static QString problemOf(const ParamSpec &schema, const QString &key, const QString &spec);

    /// Shows \a spec (empty: not swept); \a current is the parameter's value, for suggestions.
    void setSpec(const QString &spec, const QJsonValue &current);
    bool isSwept() const;
    QString problem() const;

Q_SIGNALS:
    /// A fitting SPEC was entered, or an empty one when the parameter is no longer swept.
    void specChanged(const QString &spec);

private:
    void commit();

    ParamSpec m_schema;
    QString m_key;
    QString m_spec;
    QJsonValue m_current;
    QCheckBox *m_toggle = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_problem = nullptr;
};

/// The pipeline's saved sweep on the properties panel's pipeline page: the swept parameters,
/// the objective, the direction and the number of trials, as `atelier sweep run PIPELINE`
/// uses them. Emits the whole section (or null to remove it) for one undo step.
class SweepSectionBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepSectionBox)

public:
    explicit SweepSectionBox(QWidget *parent = nullptr);

    void setSection(const std::optional<SweepSection> &section, const QString &pipelineName);

Q_SIGNALS:
    void edited(const QJsonValue &section);

private:
    void emitEdited(const SweepSection &section);

    std::optional<SweepSection> m_section;
    QLabel *m_params = nullptr;
    QLineEdit *m_objective = nullptr;
    QComboBox *m_direction = nullptr;
    QSpinBox *m_trials = nullptr;
    QLabel *m_command = nullptr;
    QLabel *m_clear = nullptr;
};

} // namespace atelier
