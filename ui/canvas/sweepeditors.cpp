#include "canvas/sweepeditors.h"

#include "sweeps/sweepspec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

SweepMarker::SweepMarker(const ParamSpec &schema, const QString &key, QWidget *parent)
    : QWidget(parent), m_schema(schema), m_key(key)
{
    setObjectName(u"sweep_"_s + schema.name);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *row = new QHBoxLayout;
    m_toggle = new QCheckBox(tr("Sweep"), this);
    m_toggle->setObjectName(u"sweepToggle"_s);
    m_toggle->setToolTip(tr("Try several values of this parameter in a sweep ('atelier sweep "
                            "run'); a plain run keeps the value above."));
    m_text = new QLineEdit(this);
    m_text->setObjectName(u"sweepSpec"_s);
    m_text->setPlaceholderText(tr("float(LO,HI), int(LO,HI), choice(A,B)"));
    m_text->setVisible(false);
    row->addWidget(m_toggle);
    row->addWidget(m_text, 1);
    layout->addLayout(row);
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"paramProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    layout->addWidget(m_problem);

    connect(m_toggle, &QCheckBox::clicked, this, [this](bool on) {
        m_text->setVisible(on);
        if (!on) {
            m_problem->setVisible(false);
            m_spec.clear();
            Q_EMIT specChanged(QString());
            return;
        }
        if (m_text->text().trimmed().isEmpty())
            m_text->setText(suggestedSpec(m_schema, m_current));
        commit();
    });
    connect(m_text, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString why = problemOf(m_schema, m_key, text);
        m_problem->setText(why);
        m_problem->setVisible(!why.isEmpty());
    });
    connect(m_text, &QLineEdit::editingFinished, this, &SweepMarker::commit);
}

bool SweepMarker::canSweep(ParamType type)
{
    return type == ParamType::Int || type == ParamType::Float || type == ParamType::Bool ||
           type == ParamType::Enum || type == ParamType::String;
}

QString SweepMarker::suggestedSpec(const ParamSpec &schema, const QJsonValue &current)
{
    switch (schema.type) {
    case ParamType::Float: {
        if (schema.min && schema.max)
            return u"float(%1,%2)"_s.arg(number(*schema.min), number(*schema.max));
        const double value =
            current.isDouble() ? current.toDouble() : schema.defaultValue.toDouble(0);
        if (value > 0)
            return u"logfloat(%1,%2)"_s.arg(number(value / 10), number(value * 10));
        return u"float(%1,%2)"_s.arg(number(schema.min.value_or(0)),
                                     number(schema.max.value_or(schema.min.value_or(0) + 1)));
    }
    case ParamType::Int: {
        const qint64 low = qint64(schema.min.value_or(1));
        return u"int(%1,%2)"_s.arg(low).arg(schema.max ? qint64(*schema.max) : low + 9);
    }
    case ParamType::Bool:
        return u"choice(true,false)"_s;
    case ParamType::Enum:
        return u"choice(%1)"_s.arg(schema.choices.join(u','));
    default: {
        const QJsonValue value = current.isString() ? current : schema.defaultValue;
        return u"choice(%1)"_s.arg(value.toString());
    }
    }
}

QString SweepMarker::problemOf(const ParamSpec &schema, const QString &key, const QString &spec)
{
    auto parsed = SweepConfig::parseParam(key + u'=' + spec.trimmed(), spec.trimmed());
    if (!parsed)
        return parsed.error().message;
    const QString why = parsed->misfit(schema);
    return why.isEmpty() ? QString() : tr("%1: %2.").arg(spec.trimmed(), why);
}

void SweepMarker::setSpec(const QString &spec, const QJsonValue &current)
{
    m_current = current;
    if (m_text->hasFocus() && spec == m_spec)
        return; // the user is typing
    m_spec = spec;
    m_toggle->setChecked(!spec.isEmpty());
    m_text->setVisible(!spec.isEmpty());
    m_text->setText(spec);
    const QString why = spec.isEmpty() ? QString() : problemOf(m_schema, m_key, spec);
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
}

bool SweepMarker::isSwept() const
{
    return m_toggle->isChecked();
}

QString SweepMarker::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void SweepMarker::commit()
{
    if (!m_toggle->isChecked())
        return;
    const QString text = m_text->text().trimmed();
    const QString why = problemOf(m_schema, m_key, text);
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    // A SPEC that does not fit stays in the field with its reason and is not saved.
    if (!why.isEmpty() || text == m_spec)
        return;
    m_spec = text;
    Q_EMIT specChanged(text);
}

SweepSectionBox::SweepSectionBox(QWidget *parent) : QGroupBox(tr("Sweep"), parent)
{
    setObjectName(u"sweepSection"_s);
    auto *layout = new QVBoxLayout(this);
    m_params = new QLabel(this);
    m_params->setObjectName(u"sweepParams"_s);
    m_params->setWordWrap(true);
    m_params->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_params);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_objective = new QLineEdit(this);
    m_objective->setObjectName(u"sweepObjective"_s);
    m_objective->setPlaceholderText(tr("NODE.METRIC"));
    m_direction = new QComboBox(this);
    m_direction->setObjectName(u"sweepDirection"_s);
    m_direction->addItem(tr("maximize"), u"maximize"_s);
    m_direction->addItem(tr("minimize"), u"minimize"_s);
    m_trials = new QSpinBox(this);
    m_trials->setObjectName(u"sweepTrials"_s);
    m_trials->setRange(0, 100000);
    m_trials->setSpecialValueText(tr("default (20)"));
    form->addRow(tr("Objective"), m_objective);
    form->addRow(tr("Direction"), m_direction);
    form->addRow(tr("Trials"), m_trials);
    layout->addLayout(form);
    m_command = new QLabel(this);
    m_command->setObjectName(u"paramHelp"_s);
    m_command->setWordWrap(true);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_command);
    m_clear = new QLabel(u"<a href=\"clear\">%1</a>"_s.arg(tr("Remove the sweep")), this);
    m_clear->setObjectName(u"sweepClear"_s);
    layout->addWidget(m_clear);

    connect(m_objective, &QLineEdit::editingFinished, this, [this] {
        SweepSection section = m_section.value_or(SweepSection());
        const QString text = m_objective->text().trimmed();
        if (text == section.objective)
            return;
        const qsizetype dot = text.indexOf(u'.');
        if (!text.isEmpty() && (dot <= 0 || dot == text.size() - 1)) {
            m_objective->setToolTip(tr("Write NODE.METRIC, e.g. train.accuracy."));
            return;
        }
        section.objective = text;
        emitEdited(section);
    });
    connect(m_direction, &QComboBox::activated, this, [this](int index) {
        SweepSection section = m_section.value_or(SweepSection());
        section.direction = m_direction->itemData(index).toString();
        emitEdited(section);
    });
    connect(m_trials, &QSpinBox::editingFinished, this, [this] {
        SweepSection section = m_section.value_or(SweepSection());
        if (section.trials == m_trials->value())
            return;
        section.trials = m_trials->value();
        emitEdited(section);
    });
    connect(m_clear, &QLabel::linkActivated, this, [this] {
        m_section.reset();
        Q_EMIT edited(QJsonValue(QJsonValue::Null));
    });
}

void SweepSectionBox::setSection(const std::optional<SweepSection> &section,
                                 const QString &pipelineName)
{
    m_section = section;
    const SweepSection shown = section.value_or(SweepSection());
    QStringList lines;
    for (auto it = shown.params.begin(); it != shown.params.end(); ++it)
        lines.append(tr("%1 = %2").arg(it.key(), it.value()));
    m_params->setText(lines.isEmpty() ? tr("No parameter is swept. Select a node and tick "
                                           "Sweep under a parameter.")
                                      : lines.join(u'\n'));
    if (!m_objective->hasFocus())
        m_objective->setText(shown.objective);
    m_direction->setCurrentIndex(shown.direction == u"minimize"_s ? 1 : 0);
    if (!m_trials->hasFocus())
        m_trials->setValue(shown.trials);
    m_command->setText(
        shown.params.isEmpty()
            ? QString()
            : tr("Run it with: atelier sweep run %1").arg(PipelineDocument::slugFor(pipelineName)));
    m_clear->setVisible(section.has_value());
}

void SweepSectionBox::emitEdited(const SweepSection &section)
{
    // A direction is always written once the section is edited here: the box shows one.
    SweepSection out = section;
    if (out.direction.isEmpty())
        out.direction = m_direction->currentData().toString();
    // Keep what is shown in step with what was asked, before the model answers (the panel
    // is refreshed a little later): the next edit builds on this one.
    m_section = out;
    Q_EMIT edited(QJsonValue(out.toJson()));
}

} // namespace atelier
