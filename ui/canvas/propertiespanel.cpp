#include "canvas/propertiespanel.h"

#include "canvas/sweepeditors.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

PropertiesPanel::PropertiesPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"propertiesPanel"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_hint = new QLabel(m_stack);
    m_hint->setObjectName(u"propertiesHint"_s);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setMargin(16);
    m_stack->addWidget(m_hint);

    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the panel wraps instead
    auto *content = new QWidget(scroll);
    content->setObjectName(u"propertiesContent"_s);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);

    m_title = new QLabel(content);
    m_title->setObjectName(u"propertiesTitle"_s);
    m_title->setWordWrap(true);
    m_subtitle = new QLabel(content);
    m_subtitle->setObjectName(u"propertiesSubtitle"_s);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description = new QLabel(content);
    m_description->setObjectName(u"propertiesDescription"_s);
    m_description->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_description);

    auto *nameRow = new QFormLayout;
    m_name = new QLineEdit(content);
    m_name->setObjectName(u"nodeName"_s);
    nameRow->addRow(tr("Name"), m_name);
    layout->addLayout(nameRow);
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_name->text().trimmed();
        if (text == m_node.name)
            return;
        emitSetting(u"name"_s, text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : text);
    });

    auto *params = new QGroupBox(tr("Parameters"), content);
    params->setObjectName(u"paramsGroup"_s);
    auto *paramsLayout = new QVBoxLayout(params);
    m_noParams = new QLabel(tr("This template has no parameters."), params);
    m_noParams->setObjectName(u"noParams"_s);
    m_noParams->setWordWrap(true); // the panel is as narrow as 250 pixels
    m_paramsBox = new QWidget(params);
    m_paramsForm = new QFormLayout(m_paramsBox);
    m_paramsForm->setContentsMargins(0, 0, 0, 0);
    m_paramsForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_paramsForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    paramsLayout->addWidget(m_noParams);
    paramsLayout->addWidget(m_paramsBox);
    layout->addWidget(params);
    layout->addWidget(buildExecution());
    layout->addStretch(1);

    scroll->setWidget(content);
    m_stack->addWidget(scroll);
    // Scrolls: with its schedule, sweep and checks it is taller than a 700-pixel window.
    auto *pipelineScroll = new QScrollArea(m_stack);
    pipelineScroll->setWidgetResizable(true);
    pipelineScroll->setFrameShape(QFrame::NoFrame);
    pipelineScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pipelineScroll->setWidget(buildPipelinePage());
    m_stack->addWidget(pipelineScroll);
    showHint(0);
}

PropertiesPanel::~PropertiesPanel() = default;

QWidget *PropertiesPanel::buildPipelinePage()
{
    auto *page = new QWidget(m_stack);
    page->setObjectName(u"pipelineProperties"_s);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    auto *title = new QLabel(tr("Pipeline"), page);
    title->setObjectName(u"propertiesTitle"_s);
    layout->addWidget(title);
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_pipelineName = new QLineEdit(page);
    m_pipelineName->setObjectName(u"pipelineName"_s);
    m_pipelineDescription = new QLineEdit(page);
    m_pipelineDescription->setObjectName(u"pipelineDescription"_s);
    form->addRow(tr("Name"), m_pipelineName);
    form->addRow(tr("Description"), m_pipelineDescription);
    layout->addLayout(form);
    connect(m_pipelineName, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_pipelineName->text().trimmed();
        if (!m_readOnly && !text.isEmpty() && text != m_pipeline.name)
            Q_EMIT pipelineEdited(u"name"_s, text);
    });
    connect(m_pipelineDescription, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_pipelineDescription->text().trimmed();
        if (!m_readOnly && text != m_pipeline.description)
            Q_EMIT pipelineEdited(u"description"_s, text);
    });
    m_pipelineFacts = new QLabel(page);
    m_pipelineFacts->setObjectName(u"pipelineFacts"_s);
    m_pipelineFacts->setWordWrap(true);
    layout->addWidget(m_pipelineFacts);

    auto *scheduleBox = new QGroupBox(tr("Schedule"), page);
    auto *scheduleLayout = new QVBoxLayout(scheduleBox);
    m_schedule = new QLabel(scheduleBox);
    m_schedule->setWordWrap(true);
    m_schedule->setTextFormat(Qt::RichText);
    connect(m_schedule, &QLabel::linkActivated, this, [this] { Q_EMIT scheduleRequested(); });
    scheduleLayout->addWidget(m_schedule);
    layout->addWidget(scheduleBox);

    m_sweepBox = new SweepSectionBox(page);
    connect(m_sweepBox, &SweepSectionBox::edited, this, [this](const QJsonValue &section) {
        if (!m_readOnly)
            Q_EMIT pipelineEdited(u"sweep"_s, section);
    });
    layout->addWidget(m_sweepBox);

    auto *checks = new QGroupBox(tr("Checks"), page);
    auto *checksLayout = new QVBoxLayout(checks);
    m_problems = new QLabel(checks);
    m_problems->setObjectName(u"pipelineProblems"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    checksLayout->addWidget(m_problems);
    layout->addWidget(checks);

    m_pipelineHint = new QLabel(page); // its text: showPipeline()
    m_pipelineHint->setObjectName(u"paramHelp"_s);
    m_pipelineHint->setWordWrap(true);
    layout->addWidget(m_pipelineHint);
    layout->addStretch(1);
    return page;
}

void PropertiesPanel::showPipeline(const PipelineDocument &doc, const QStringList &problems)
{
    if (m_stack->currentIndex() != 2)
        commitFocusedEditor();
    m_node = NodeSpec();
    m_spec.reset();
    m_rows.clear();
    m_pipeline = doc;
    if (!m_pipelineName->hasFocus())
        m_pipelineName->setText(doc.name);
    if (!m_pipelineDescription->hasFocus()) {
        m_pipelineDescription->setText(doc.description);
        m_pipelineDescription->setCursorPosition(0); // show its start, not its end
        m_pipelineDescription->setToolTip(doc.description);
    }
    m_pipelineName->setReadOnly(m_readOnly);
    m_pipelineDescription->setReadOnly(m_readOnly);
    // A read-only canvas (a past run, a comparison) cannot be edited: say what a click shows.
    m_pipelineHint->setText(
        m_readOnly ? tr("Select a node to see its parameters as they were (read-only).")
                   : tr("Select a node to edit its parameters. Drag a template from the "
                        "palette onto the canvas, double-click the canvas or press Ctrl+. "
                        "to add one."));
    QStringList variables;
    for (auto it = doc.variables.cbegin(); it != doc.variables.cend(); ++it)
        variables.append(tr("%1 = %2").arg(it.key(), it.value()));
    m_pipelineFacts->setText(
        tr("%n nodes", nullptr, int(doc.nodes.size())) + tr(" · ") +
        tr("%n links", nullptr, int(doc.edges.size())) +
        (variables.isEmpty() ? QString() : tr("\nVariables: %1").arg(variables.join(tr(", ")))));
    const QString edit = m_readOnly ? QString() : tr(" <a href=\"schedule\">Change…</a>");
    if (doc.schedule) {
        const ScheduleSpec &schedule = *doc.schedule;
        m_schedule->setText(
            tr("<b>%1</b> (UTC)%2<br>%3 · at most %4 at once%5")
                .arg(schedule.cron.toHtmlEscaped(), edit,
                     schedule.catchup ? tr("catches up missed slots") : tr("newest slot only"))
                .arg(schedule.maxActiveRuns)
                .arg(schedule.dependsOnPast ? tr(" · waits for the previous slot") : QString()));
    } else {
        m_schedule->setText(tr("Runs only when started.%1").arg(edit));
    }
    m_sweepBox->setSection(doc.sweep, doc.name);
    m_sweepBox->setVisible(doc.sweep.has_value() || !m_readOnly);
    m_sweepBox->setEnabled(!m_readOnly);
    if (problems.isEmpty()) {
        m_problems->setText(tr("✓ Ready to run: no problem found."));
        m_problems->setProperty("error", false);
    } else {
        QStringList shown = problems.mid(0, 8);
        if (problems.size() > shown.size())
            shown.append(tr("… and %n more", nullptr, int(problems.size() - shown.size())));
        m_problems->setText(
            tr("A run would refuse this pipeline:\n• %1").arg(shown.join(u"\n• "_s)));
        m_problems->setProperty("error", true);
    }
    m_problems->style()->unpolish(m_problems);
    m_problems->style()->polish(m_problems);
    m_stack->setCurrentIndex(2);
}

QWidget *PropertiesPanel::buildExecution()
{
    auto *box = new QGroupBox(tr("Execution"), this);
    box->setObjectName(u"executionGroup"_s);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto spin = [this, box](const QString &name, int min, int max, int step) {
        auto *s = new QSpinBox(box);
        s->setObjectName(name);
        s->setRange(min, max);
        s->setSingleStep(step);
        s->setMinimumWidth(60);
        s->installEventFilter(this);
        return s;
    };
    m_cpus = spin(u"cpus"_s, 0, 1024, 1);
    m_memory = spin(u"memoryMb"_s, 0, 4 * 1024 * 1024, 256);
    m_memory->setSuffix(tr(" MB"));
    m_gpus = spin(u"gpus"_s, -1, 64, 1);
    m_retries = spin(u"retries"_s, 0, 100, 1);
    m_timeout = spin(u"timeout"_s, 0, 7 * 24 * 3600, 60);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("none"));
    m_pool = new QComboBox(box);
    m_pool->setObjectName(u"pool"_s);
    m_pool->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pool->setMinimumContentsLength(8);
    m_environment = new QComboBox(box);
    m_environment->setObjectName(u"environment"_s);
    m_environment->setEditable(true);
    m_environment->setInsertPolicy(QComboBox::NoInsert);
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_environment->setMinimumContentsLength(8);
    m_environment->setToolTip(tr("Where the task runs: on this machine's own Python and tools "
                                 "(host), or in a container image (NAME:TAG, through podman)."));
    setImages({});
    // Shown for templates that can run as several processes (their "distributed" list).
    m_distributed = new QComboBox(box);
    m_distributed->setObjectName(u"distributed"_s);
    m_distributed->setToolTip(tr("Run the task as several processes that train together "
                                 "(PyTorch DDP: RANK, WORLD_SIZE, MASTER_ADDR are set for each)."));
    m_processes = spin(u"processesPerNode"_s, 1, 256, 1);
    m_processes->setToolTip(tr("Processes on each node; CPUs are per process."));
    m_skip = new QCheckBox(tr("Skip this node"), box);
    m_skip->setToolTip(tr("A skipped node does not run; the nodes after it use its outputs from "
                          "an earlier run."));
    m_skip->setObjectName(u"skip"_s);

    form->addRow(tr("CPUs"), m_cpus);
    form->addRow(tr("Memory"), m_memory);
    form->addRow(tr("GPUs"), m_gpus);
    form->addRow(tr("Retries"), m_retries);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Pool"), m_pool);
    form->addRow(tr("Environment"), m_environment);
    form->addRow(tr("Distributed"), m_distributed);
    form->addRow(tr("Processes per node"), m_processes);
    form->addRow(m_skip);

    // The lowest value of each resource box means "as the template asks".
    auto resource = [this](QSpinBox *box, const QString &key, int templateMin) {
        connect(box, &QSpinBox::valueChanged, this, [this, key, templateMin](int value) {
            emitSetting(u"resources."_s + key,
                        value <= templateMin ? QJsonValue(QJsonValue::Undefined) : value);
        });
    };
    resource(m_cpus, u"cpus"_s, 0);
    resource(m_memory, u"memory_mb"_s, 0);
    resource(m_gpus, u"gpus"_s, -1);
    connect(m_retries, &QSpinBox::valueChanged, this,
            [this](int value) { emitSetting(u"retries"_s, value); });
    connect(m_timeout, &QSpinBox::valueChanged, this,
            [this](int value) { emitSetting(u"timeout_s"_s, value); });
    connect(m_pool, &QComboBox::activated, this, [this](int index) {
        nextGesture();
        const QString pool = m_pool->itemData(index).toString();
        emitSetting(u"pool"_s, pool.isEmpty() ? QJsonValue(QJsonValue::Undefined) : pool);
    });
    // Chosen from the list or typed and confirmed: "host" (or nothing) removes the node's own.
    auto environmentChosen = [this] {
        nextGesture();
        const QString image = m_environment->currentText().trimmed();
        const bool host = image.isEmpty() || image == m_environment->itemText(0);
        emitSetting(u"environment"_s, host ? QJsonValue(QJsonValue::Undefined)
                                           : QJsonValue(QJsonObject{{u"image"_s, image}}));
    };
    connect(m_environment, &QComboBox::activated, this, environmentChosen);
    connect(m_environment->lineEdit(), &QLineEdit::editingFinished, this, environmentChosen);
    connect(m_distributed, &QComboBox::activated, this, [this](int index) {
        nextGesture();
        const QString strategy = m_distributed->itemData(index).toString();
        emitSetting(u"distributed"_s,
                    strategy.isEmpty() ? QJsonValue(QJsonValue::Undefined) : strategy);
    });
    connect(m_processes, &QSpinBox::valueChanged, this, [this](int value) {
        const int base = m_spec ? m_spec->resources.processesPerNode : 1;
        emitSetting(u"resources.processes_per_node"_s,
                    value == base ? QJsonValue(QJsonValue::Undefined) : value);
    });
    connect(m_skip, &QCheckBox::clicked, this, [this](bool checked) {
        nextGesture();
        emitSetting(u"skip"_s, checked);
    });
    return box;
}

void PropertiesPanel::showHint(int selectedCount)
{
    commitFocusedEditor();
    m_node = NodeSpec();
    m_spec.reset();
    m_rows.clear();
    if (m_readOnly)
        m_hint->setText(selectedCount == 0
                            ? tr("Select a node to see its parameters as they were (read-only).")
                            : tr("%n nodes selected.\nSelect one node to see its parameters.",
                                 nullptr, selectedCount));
    else
        m_hint->setText(
            selectedCount == 0
                ? tr("Select a node to edit its parameters.\n\nDrag a template from the "
                     "palette onto the canvas, or press Ctrl+. to add one.")
                : tr("%n nodes selected.\nSelect one node to edit it.", nullptr, selectedCount));
    m_stack->setCurrentIndex(0);
}

void PropertiesPanel::showMessage(const QString &text)
{
    showHint(0);
    m_hint->setText(text);
}

void PropertiesPanel::setImages(const QStringList &images)
{
    const QSignalBlocker blocker(m_environment);
    const QString current = m_environment->currentText();
    m_environment->clear();
    m_environment->addItem(tr("host"));
    m_environment->addItems(images);
    if (!current.isEmpty())
        m_environment->setCurrentText(current);
}

void PropertiesPanel::setPools(const QStringList &pools)
{
    m_pools = pools;
    const QSignalBlocker blocker(m_pool);
    m_pool->clear();
    m_pool->addItem(tr("The run's pool"), QString());
    for (const QString &pool : pools)
        m_pool->addItem(pool, pool);
    if (!m_node.id.isEmpty())
        refreshValues();
}

void PropertiesPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (QWidget *content = m_stack->widget(1))
        content->setEnabled(!readOnly);
}

void PropertiesPanel::setNode(const NodeSpec &node, const std::optional<TemplateSpec> &spec,
                              const QString &templateError)
{
    const bool sameShape = !m_node.id.isEmpty() && node.id == m_node.id &&
                           node.templateRef == m_node.templateRef &&
                           spec.has_value() == m_spec.has_value() && m_stack->currentIndex() == 1;
    if (!sameShape)
        commitFocusedEditor(); // its value belongs to the node shown until now
    m_node = node;
    m_spec = spec;
    m_templateError = templateError;
    if (!sameShape)
        rebuild();
    refreshValues();
    m_stack->setCurrentIndex(1);
}

void PropertiesPanel::commitFocusedEditor()
{
    // Taking the focus away finishes the edit (editingFinished, the text's focus-out) while
    // m_node is still the node it was made for.
    QWidget *focused = QApplication::focusWidget();
    if (focused && isAncestorOf(focused))
        focused->clearFocus();
}

int PropertiesPanel::nextGesture()
{
    return ++m_gesture;
}

void PropertiesPanel::emitParam(const QString &name, const QJsonValue &value)
{
    if (m_readOnly || m_node.id.isEmpty())
        return;
    // Keep what is shown in step with what was asked, before the model answers.
    if (value.isUndefined())
        m_node.params.remove(name);
    else
        m_node.params.insert(name, value);
    if (m_rows.contains(name))
        validate(m_rows[name], value);
    Q_EMIT paramEdited(m_node.id, name, value, m_gesture);
}

void PropertiesPanel::emitSetting(const QString &field, const QJsonValue &value)
{
    if (m_readOnly || m_node.id.isEmpty())
        return;
    Q_EMIT settingEdited(m_node.id, field, value, m_gesture);
}

void PropertiesPanel::emitSweep(const QString &param, const QString &spec)
{
    if (m_readOnly || m_node.id.isEmpty() || !m_sweepSource)
        return;
    SweepSection section = m_sweepSource().value_or(SweepSection());
    const QString key = m_node.id + u'.' + param;
    if (spec.isEmpty())
        section.params.remove(key);
    else
        section.params.insert(key, spec);
    // Unmarking the last swept param of a section that holds nothing else removes it.
    Q_EMIT pipelineEdited(u"sweep"_s, section == SweepSection() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(section.toJson()));
}

SweepMarker *PropertiesPanel::sweepMarker(const QString &name) const
{
    const auto it = m_rows.constFind(name);
    return it == m_rows.constEnd() ? nullptr : it->sweep;
}

} // namespace atelier
