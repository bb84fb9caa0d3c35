#include "canvas/propertiespanel.h"

#include "canvas/sweepeditors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

// The param editors of PropertiesPanel: one editor per param type, made from the template's
// schema, their values, the reason a value is refused, and committing a JSON editor on focus
// out. The panel's frame, execution settings and pipeline page are in propertiespanel.cpp.

namespace atelier {

namespace {

/// Shows a double the short way ("0.1", not "0.100000").
class CompactDoubleSpinBox final : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;

    QString textFromValue(double value) const override { return locale().toString(value, 'g', 12); }
};

QString jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    if (value.isUndefined())
        return {};
    // A scalar: wrap it so QJsonDocument can write it, then unwrap.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

/// Parses any JSON value, scalars included; sets \a error when it is not JSON.
QJsonValue parseJson(const QString &text, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc =
        QJsonDocument::fromJson((u"["_s + text + u"]"_s).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
        *error = PropertiesPanel::tr("Not valid JSON (%1); write an object, an array or a value.")
                     .arg(parseError.error != QJsonParseError::NoError
                              ? parseError.errorString()
                              : PropertiesPanel::tr("one value expected"));
        return QJsonValue::Undefined;
    }
    return doc.array().at(0);
}

QString displayDefault(const ParamSpec &spec)
{
    if (spec.defaultValue.isUndefined() || spec.defaultValue.isNull())
        return {};
    if (spec.defaultValue.isString())
        return spec.defaultValue.toString();
    if (spec.defaultValue.isBool())
        return spec.defaultValue.toBool() ? PropertiesPanel::tr("on") : PropertiesPanel::tr("off");
    return jsonText(spec.defaultValue);
}

} // namespace

void PropertiesPanel::rebuild()
{
    while (m_paramsForm->rowCount() > 0)
        m_paramsForm->removeRow(0);
    m_rows.clear();
    m_title->setText(m_spec ? m_spec->name : m_node.templateRef);
    m_subtitle->setText(
        tr("Node %1 · template %2").arg(m_node.id, m_spec ? m_spec->ref() : m_node.templateRef));
    m_description->setText(m_spec ? m_spec->description : m_templateError);
    m_description->setProperty("error", !m_spec.has_value());
    m_name->setPlaceholderText(m_node.id);

    if (m_spec) {
        for (const ParamSpec &param : m_spec->params) {
            ParamRow row;
            row.spec = param;
            row.editor = makeEditor(param);
            auto *cell = new QWidget(m_paramsBox);
            auto *cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 4);
            cellLayout->setSpacing(2);
            cellLayout->addWidget(row.editor);
            row.problem = new QLabel(cell);
            row.problem->setObjectName(u"paramProblem"_s);
            row.problem->setWordWrap(true);
            row.problem->setVisible(false);
            cellLayout->addWidget(row.problem);
            if (m_sweepSource && SweepMarker::canSweep(param.type)) {
                row.sweep = new SweepMarker(param, m_node.id + u'.' + param.name, cell);
                connect(row.sweep, &SweepMarker::specChanged, this,
                        [this, name = param.name](const QString &spec) { emitSweep(name, spec); });
                cellLayout->addWidget(row.sweep);
            }
            QString helpText = param.help;
            if (const QString def = displayDefault(param); !def.isEmpty())
                helpText = helpText.isEmpty() ? tr("Default: %1").arg(def)
                                              : tr("%1 Default: %2").arg(helpText, def);
            if (!helpText.isEmpty()) {
                auto *help = new QLabel(helpText, cell);
                help->setObjectName(u"paramHelp"_s);
                help->setWordWrap(true);
                cellLayout->addWidget(help);
            }
            QString label = param.label.isEmpty() ? param.name : param.label;
            if (param.required)
                label = tr("%1 *").arg(label);
            auto *labelWidget = new QLabel(label, m_paramsBox);
            labelWidget->setToolTip(
                tr("%1 (%2)").arg(param.name, TemplateSpec::typeName(param.type)));
            m_paramsForm->addRow(labelWidget, cell);
            m_rows.insert(param.name, row);
        }
    }
    m_noParams->setVisible(m_rows.isEmpty());
    m_noParams->setText(m_spec ? tr("This template has no parameters.")
                               : tr("The template cannot be read, so its parameters cannot be "
                                    "edited here."));
    m_paramsBox->setVisible(!m_rows.isEmpty());
    if (QWidget *content = m_stack->widget(1))
        content->setEnabled(!m_readOnly);
}

QWidget *PropertiesPanel::makeEditor(const ParamSpec &spec)
{
    const QString name = spec.name;
    QWidget *editor = nullptr;
    switch (spec.type) {
    case ParamType::String:
    case ParamType::Path: {
        auto *line = new QLineEdit(m_paramsBox);
        line->setPlaceholderText(displayDefault(spec));
        connect(line, &QLineEdit::textEdited, this, [this, name](const QString &text) {
            if (m_rows.contains(name))
                validate(m_rows[name], text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : text);
        });
        connect(line, &QLineEdit::editingFinished, this, [this, line, name] {
            const QJsonValue current = m_node.params.value(name);
            const QString text = line->text();
            const QJsonValue value = text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : text;
            if (value == current)
                return;
            nextGesture();
            emitParam(name, value);
        });
        if (spec.type == ParamType::Path) {
            auto *wrap = new QWidget(m_paramsBox);
            auto *row = new QHBoxLayout(wrap);
            row->setContentsMargins(0, 0, 0, 0);
            line->setParent(wrap);
            row->addWidget(line, 1);
            auto *browse = new QToolButton(wrap);
            browse->setText(tr("…"));
            browse->setToolTip(tr("Choose a file or folder"));
            row->addWidget(browse);
            connect(browse, &QToolButton::clicked, this, [this, line, name] {
                const QString chosen =
                    QFileDialog::getExistingDirectory(this, tr("Choose a folder"), line->text());
                if (chosen.isEmpty())
                    return;
                line->setText(chosen);
                nextGesture();
                emitParam(name, chosen);
            });
            wrap->setProperty("lineEdit", QVariant::fromValue<QObject *>(line));
            editor = wrap;
        } else {
            editor = line;
        }
        break;
    }
    case ParamType::Text:
    case ParamType::Json: {
        auto *text = new QPlainTextEdit(m_paramsBox);
        text->setTabChangesFocus(true);
        text->setFixedHeight(spec.type == ParamType::Json ? 90 : 110);
        text->setPlaceholderText(displayDefault(spec));
        if (spec.type == ParamType::Json)
            text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        text->installEventFilter(this); // commits when the focus leaves
        connect(text, &QPlainTextEdit::textChanged, this, [this, text, name] {
            if (!m_rows.contains(name) || text->signalsBlocked())
                return;
            ParamRow &row = m_rows[name];
            if (row.spec.type == ParamType::Json) {
                QString error;
                if (!text->toPlainText().trimmed().isEmpty())
                    parseJson(text->toPlainText(), &error);
                if (!error.isEmpty()) {
                    row.problem->setText(error);
                    row.problem->setVisible(true);
                    return;
                }
                validate(row, text->toPlainText().trimmed().isEmpty()
                                  ? QJsonValue(QJsonValue::Undefined)
                                  : parseJson(text->toPlainText(), &error));
            } else {
                validate(row, text->toPlainText().isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                            : text->toPlainText());
            }
        });
        editor = text;
        break;
    }
    case ParamType::Int:
    case ParamType::Float: {
        // A spin box for a number; a line edit for a substitution ("{{variables.seed}}"),
        // which a spin box cannot hold. The {} button switches between them.
        auto *wrap = new QWidget(m_paramsBox);
        auto *row = new QHBoxLayout(wrap);
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(4);
        QAbstractSpinBox *spin = nullptr;
        if (spec.type == ParamType::Int) {
            auto *box = new QSpinBox(wrap);
            box->setRange(spec.min ? int(qMax(*spec.min, double(std::numeric_limits<int>::min())))
                                   : std::numeric_limits<int>::min(),
                          spec.max ? int(qMin(*spec.max, double(std::numeric_limits<int>::max())))
                                   : std::numeric_limits<int>::max());
            connect(box, &QSpinBox::valueChanged, this, [this, name](int value) {
                if (m_node.params.value(name) != QJsonValue(value))
                    emitParam(name, value);
            });
            spin = box;
        } else {
            auto *box = new CompactDoubleSpinBox(wrap);
            box->setDecimals(10);
            box->setRange(spec.min.value_or(-1e15), spec.max.value_or(1e15));
            const double span = box->maximum() - box->minimum();
            box->setSingleStep(span <= 2 ? 0.01 : span <= 200 ? 0.1 : 1);
            connect(box, &QDoubleSpinBox::valueChanged, this, [this, name](double value) {
                if (m_node.params.value(name) != QJsonValue(value))
                    emitParam(name, value);
            });
            spin = box;
        }
        spin->setObjectName(u"spin"_s);
        spin->setMinimumWidth(60);
        spin->installEventFilter(this); // a focus session is one gesture
        auto *expr = new QLineEdit(wrap);
        expr->setObjectName(u"expression"_s);
        expr->setPlaceholderText(tr("{{variables.NAME}}"));
        expr->setVisible(false);
        auto *toggle = new QToolButton(wrap);
        toggle->setText(u"{}"_s);
        toggle->setCheckable(true);
        toggle->setToolTip(tr("Use a substitution such as {{variables.seed}} instead of a number"));
        row->addWidget(spin, 1);
        row->addWidget(expr, 1);
        row->addWidget(toggle);
        wrap->setProperty("spin", QVariant::fromValue<QObject *>(spin));
        wrap->setProperty("lineEdit", QVariant::fromValue<QObject *>(expr));
        wrap->setProperty("toggle", QVariant::fromValue<QObject *>(toggle));
        const bool isInt = spec.type == ParamType::Int;
        connect(expr, &QLineEdit::textEdited, this, [this, name](const QString &text) {
            if (m_rows.contains(name))
                validate(m_rows[name], text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : text);
        });
        connect(expr, &QLineEdit::editingFinished, this, [this, expr, name, isInt] {
            const QString text = expr->text().trimmed();
            QJsonValue value = QJsonValue::Undefined;
            if (!text.isEmpty()) {
                bool ok = false;
                const double number = locale().toDouble(text, &ok);
                const double plain = ok ? number : text.toDouble(&ok);
                if (ok && (!isInt || plain == double(qint64(plain))))
                    value = isInt ? QJsonValue(qint64(plain)) : QJsonValue(plain);
                else
                    value = text;
            }
            if (value == m_node.params.value(name))
                return;
            nextGesture();
            emitParam(name, value);
        });
        connect(toggle, &QToolButton::toggled, this, [this, spin, expr, name, isInt](bool on) {
            spin->setVisible(!on);
            expr->setVisible(on);
            if (on) {
                expr->setFocus();
                return;
            }
            // Back to a number: the spin box's value becomes the param's.
            nextGesture();
            if (isInt)
                emitParam(name, static_cast<QSpinBox *>(spin)->value());
            else
                emitParam(name, static_cast<QDoubleSpinBox *>(spin)->value());
        });
        editor = wrap;
        break;
    }
    case ParamType::Bool: {
        auto *check = new QCheckBox(m_paramsBox);
        connect(check, &QCheckBox::clicked, this, [this, name](bool checked) {
            nextGesture();
            emitParam(name, checked);
        });
        editor = check;
        break;
    }
    case ParamType::Enum: {
        auto *combo = new QComboBox(m_paramsBox);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        for (const QString &choice : spec.choices)
            combo->addItem(choice, choice);
        connect(combo, &QComboBox::activated, this, [this, combo, name](int index) {
            const QString choice = combo->itemData(index).toString();
            if (m_node.params.value(name) == QJsonValue(choice))
                return;
            nextGesture();
            emitParam(name, choice);
        });
        editor = combo;
        break;
    }
    }
    editor->setObjectName(u"param_"_s + name);
    editor->setProperty("paramName", name);
    return editor;
}

void PropertiesPanel::refreshValues()
{
    {
        const QSignalBlocker blocker(m_name);
        if (!m_name->hasFocus() || m_name->text() != m_node.name)
            m_name->setText(m_node.name);
    }
    const std::optional<SweepSection> sweep = m_sweepSource ? m_sweepSource() : std::nullopt;
    for (ParamRow &row : m_rows) {
        const QJsonValue value = m_node.params.value(row.spec.name);
        setEditorValue(row, value);
        validate(row, value);
        if (row.sweep)
            row.sweep->setSpec(
                sweep ? sweep->params.value(m_node.id + u'.' + row.spec.name) : QString(), value);
    }

    const ResourceSpec base = m_spec ? m_spec->resources : ResourceSpec();
    auto setSpin = [](QSpinBox *box, int value) {
        const QSignalBlocker blocker(box);
        box->setValue(value);
    };
    m_cpus->setSpecialValueText(tr("template: %1").arg(base.cpus));
    m_memory->setSpecialValueText(tr("template: %1 MB").arg(base.memoryMb));
    m_gpus->setSpecialValueText(tr("template: %1").arg(base.gpus));
    setSpin(m_cpus, m_node.resources.contains(u"cpus"_s) ? m_node.resources.value(u"cpus"_s).toInt()
                                                         : m_cpus->minimum());
    setSpin(m_memory, m_node.resources.contains(u"memory_mb"_s)
                          ? m_node.resources.value(u"memory_mb"_s).toInt()
                          : m_memory->minimum());
    setSpin(m_gpus, m_node.resources.contains(u"gpus"_s) ? m_node.resources.value(u"gpus"_s).toInt()
                                                         : m_gpus->minimum());
    setSpin(m_retries, m_node.retries);
    setSpin(m_timeout, m_node.timeoutS);
    {
        const QSignalBlocker blocker(m_pool);
        if (m_pool->count() == 0)
            m_pool->addItem(tr("The run's pool"), QString());
        int index = m_pool->findData(m_node.pool);
        if (index < 0) {
            m_pool->addItem(tr("%1 (unknown pool)").arg(m_node.pool), m_node.pool);
            index = m_pool->count() - 1;
        }
        m_pool->setCurrentIndex(index);
    }
    {
        const QSignalBlocker blocker(m_environment);
        const QString image = m_node.environment.value(u"image"_s).toString();
        m_environment->setCurrentText(
            image.isEmpty() || image == u"host"_s ? m_environment->itemText(0) : image);
    }
    {
        // Only a template that lists strategies offers them; a node asking for one its
        // template lacks (a hand-edited file) still shows it, as the validator refuses it.
        const QSignalBlocker blocker(m_distributed);
        m_distributed->clear();
        m_distributed->addItem(tr("none (one process)"), QString());
        QStringList strategies = m_spec ? m_spec->distributed : QStringList();
        if (!m_node.distributed.isEmpty() && !strategies.contains(m_node.distributed))
            strategies.append(m_node.distributed);
        for (const QString &strategy : std::as_const(strategies))
            m_distributed->addItem(strategy, strategy);
        m_distributed->setCurrentIndex(std::max(0, m_distributed->findData(m_node.distributed)));
        const bool offered = strategies.size() > 0;
        if (auto *form = qobject_cast<QFormLayout *>(m_distributed->parentWidget()->layout())) {
            form->setRowVisible(m_distributed, offered);
            form->setRowVisible(m_processes, offered);
        }
        setSpin(m_processes, m_node.resources.contains(u"processes_per_node"_s)
                                 ? m_node.resources.value(u"processes_per_node"_s).toInt()
                                 : base.processesPerNode);
        m_processes->setEnabled(!m_node.distributed.isEmpty() && !m_readOnly);
    }
    {
        const QSignalBlocker blocker(m_skip);
        m_skip->setChecked(m_node.skip);
    }
}

void PropertiesPanel::setEditorValue(ParamRow &row, const QJsonValue &value)
{
    const ParamSpec &spec = row.spec;
    const QJsonValue shown = value.isUndefined() ? spec.defaultValue : value;
    QWidget *editor = row.editor;
    const QSignalBlocker blocker(editor);
    switch (spec.type) {
    case ParamType::String:
    case ParamType::Path: {
        auto *line = qobject_cast<QLineEdit *>(editor);
        if (!line)
            line = qobject_cast<QLineEdit *>(editor->property("lineEdit").value<QObject *>());
        if (!line)
            return;
        const QString text = value.isUndefined() ? QString()
                             : value.isString()  ? value.toString()
                                                 : jsonText(value);
        if (line->text() != text)
            line->setText(text);
        break;
    }
    case ParamType::Text:
    case ParamType::Json: {
        auto *text = static_cast<QPlainTextEdit *>(editor);
        const QString wanted = value.isUndefined() ? QString()
                               : (spec.type == ParamType::Text && value.isString())
                                   ? value.toString()
                                   : jsonText(value);
        if (text->toPlainText() != wanted && !text->hasFocus())
            text->setPlainText(wanted);
        break;
    }
    case ParamType::Int:
    case ParamType::Float: {
        auto *spin = qobject_cast<QAbstractSpinBox *>(editor->property("spin").value<QObject *>());
        auto *expr = qobject_cast<QLineEdit *>(editor->property("lineEdit").value<QObject *>());
        auto *toggle = qobject_cast<QToolButton *>(editor->property("toggle").value<QObject *>());
        const bool expression = value.isString();
        {
            const QSignalBlocker blockToggle(toggle);
            toggle->setChecked(expression);
        }
        spin->setVisible(!expression);
        expr->setVisible(expression);
        const QSignalBlocker blockSpin(spin);
        const QSignalBlocker blockExpr(expr);
        if (expression) {
            if (expr->text() != value.toString())
                expr->setText(value.toString());
        } else if (auto *box = qobject_cast<QSpinBox *>(spin)) {
            box->setValue(shown.isDouble() ? shown.toInt()
                                           : qBound(box->minimum(), 0, box->maximum()));
        } else if (auto *box = qobject_cast<QDoubleSpinBox *>(spin)) {
            box->setValue(shown.isDouble() ? shown.toDouble()
                                           : qBound(box->minimum(), 0.0, box->maximum()));
        }
        break;
    }
    case ParamType::Bool:
        static_cast<QCheckBox *>(editor)->setChecked(shown.toBool());
        break;
    case ParamType::Enum: {
        auto *combo = static_cast<QComboBox *>(editor);
        int index = combo->findData(shown.toString());
        if (index < 0 && !shown.toString().isEmpty()) {
            combo->addItem(shown.toString(), shown.toString());
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
        break;
    }
    }
}

void PropertiesPanel::validate(ParamRow &row, const QJsonValue &value)
{
    QString reason;
    if (m_checker) {
        reason = m_checker(m_node.id, u"params."_s + row.spec.name, value);
    } else if (value.isUndefined()) {
        if (row.spec.required &&
            (row.spec.defaultValue.isUndefined() || row.spec.defaultValue.isNull()))
            reason = tr("Required: give a value.");
    } else {
        reason = TemplateSpec::checkValue(row.spec, value);
    }
    row.problem->setText(reason);
    row.problem->setVisible(!reason.isEmpty());
    QWidget *input = editor(row.spec.name);
    if (!input)
        input = row.editor;
    if (input->property("invalid").toBool() != !reason.isEmpty()) {
        input->setProperty("invalid", !reason.isEmpty());
        input->style()->unpolish(input);
        input->style()->polish(input);
    }
    input->setToolTip(reason);
}

QWidget *PropertiesPanel::editor(const QString &name) const
{
    const auto it = m_rows.constFind(name);
    if (it == m_rows.constEnd())
        return nullptr;
    if (auto *spin = qobject_cast<QWidget *>(it->editor->property("spin").value<QObject *>());
        spin && !spin->isHidden())
        return spin;
    if (QObject *line = it->editor->property("lineEdit").value<QObject *>())
        return qobject_cast<QWidget *>(line);
    return it->editor;
}

QString PropertiesPanel::problem(const QString &name) const
{
    const auto it = m_rows.constFind(name);
    return it == m_rows.constEnd() || it->problem->isHidden() ? QString() : it->problem->text();
}

bool PropertiesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn) {
        // A focus session is one gesture: spin box steps in it merge into one undo step.
        nextGesture();
    } else if (event->type() == QEvent::FocusOut) {
        if (auto *text = qobject_cast<QPlainTextEdit *>(watched)) {
            const QString name = text->property("paramName").toString();
            const auto it = m_rows.find(name);
            if (it != m_rows.end()) {
                const QString content = text->toPlainText();
                QJsonValue value = QJsonValue::Undefined;
                if (!content.trimmed().isEmpty()) {
                    if (it->spec.type == ParamType::Json) {
                        QString error;
                        value = parseJson(content, &error);
                        if (!error.isEmpty())
                            return QWidget::eventFilter(watched, event); // stays, with its reason
                    } else {
                        value = content;
                    }
                }
                if (value != m_node.params.value(name)) {
                    nextGesture();
                    emitParam(name, value);
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace atelier
