#include "registryview/modelsview.h"

#include "common/background.h"
#include "core/workspace.h"
#include "monitor/metricchart.h"
#include "registry/modelvalidator.h"
#include "runs/chartseries.h"
#include "runs/metricsparser.h"
#include "runs/rundetail.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QTableWidget *keyValueTable(QWidget *parent, const QStringList &headers)
{
    auto *table = new QTableWidget(parent);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    // Keys (split.test_fraction) and the header itself are read whole; values take the rest.
    for (int column = 0; column + 1 < headers.size(); ++column)
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table->setSortingEnabled(true);
    return table;
}

QTableWidgetItem *textItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

// Params are recorded as the pipeline wrote them; {{workspace}} and {{variables.NAME}} are
// shown as what they stood for (\a params: the version's params, as text).
QString resolved(const QString &text, const QString &workspaceRoot,
                 const QMap<QString, QString> &params)
{
    return expandRecordedParam(text, workspaceRoot, params);
}

QMap<QString, QString> textParams(const QJsonObject &params)
{
    QMap<QString, QString> text;
    for (auto it = params.begin(); it != params.end(); ++it)
        text.insert(it.key(), jsonText(it.value()));
    return text;
}

void fill(QTableWidget *table, const QJsonObject &object, const QString &workspaceRoot,
          const QMap<QString, QString> &params = {})
{
    table->setSortingEnabled(false);
    table->setRowCount(int(object.size()));
    int row = 0;
    for (auto it = object.begin(); it != object.end(); ++it, ++row) {
        table->setItem(row, 0, textItem(it.key()));
        QTableWidgetItem *value = nullptr;
        if (it.value().isDouble()) {
            value = new QTableWidgetItem;
            value->setData(Qt::DisplayRole, it.value().toDouble());
        } else {
            value = textItem(resolved(jsonText(it.value()), workspaceRoot, params));
        }
        table->setItem(row, 1, value);
    }
    table->setSortingEnabled(true);
}

QString serviceStateText(const QString &state)
{
    if (state == u"starting"_s)
        return ModelsView::tr("starting");
    if (state == u"running"_s)
        return ModelsView::tr("running");
    if (state == u"stopped"_s)
        return ModelsView::tr("stopped");
    if (state == u"failed"_s)
        return ModelsView::tr("failed");
    return state;
}

} // namespace

Result<ModelsSnapshot> ModelsSnapshot::load(const QString &workspaceRoot)
{
    auto workspace = Workspace::open(workspaceRoot);
    if (!workspace)
        return workspace.error();
    ModelRegistry registry(workspace->catalog(), workspace->root());
    ModelsSnapshot snapshot;
    auto models = registry.models();
    if (!models)
        return models.error();
    snapshot.models = models.value();
    auto versions = registry.versions();
    if (!versions)
        return versions.error();
    snapshot.versions = versions.value();
    for (const ModelVersionRecord &version : std::as_const(snapshot.versions)) {
        if (const QString image = registry.trainingImage(version); !image.isEmpty())
            snapshot.images.insert(version.id, image);
    }
    auto services = ModelServices(workspace.value()).list();
    if (!services)
        return services.error();
    snapshot.services = services.value();
    return snapshot;
}

ModelsView::ModelsView(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"models"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 22);
    auto *title = new QLabel(tr("Models"), this);
    title->setObjectName(u"pageTitle"_s);
    auto *subtitle =
        new QLabel(tr("Registered models with versions, lineage and deployments."), this);
    subtitle->setObjectName(u"pageSubtitle"_s);
    layout->addWidget(title);
    layout->addWidget(subtitle);

    auto *splitter = new QSplitter(this);
    m_tree = new QTreeWidget(splitter);
    m_tree->setObjectName(u"modelTree"_s);
    m_tree->setHeaderLabels({tr("Model / version"), tr("Framework"), tr("Aliases")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tabs = new QTabWidget(splitter);
    m_tabs->addTab(buildVersionTab(), tr("Version"));
    m_tabs->addTab(buildServicesTab(), tr("Services"));
    m_tabs->addTab(buildTryItTab(), tr("Try it"));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({380, 900});
    // At 1024 pixels the tabs must give way, not the list: names and versions stay readable.
    m_tree->setMinimumWidth(300);
    splitter->setChildrenCollapsible(false);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    layout->addWidget(splitter, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(u"modelStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        m_selectedModel = item->data(0, Qt::UserRole).toString();
        m_selectedVersion = item->data(0, Qt::UserRole + 1).toInt();
        if (const ModelVersionRecord *version = selected())
            showVersion(*version);
    });
    connect(this, &ModelsView::actionFinished, this, [this](bool ok, const QString &message) {
        m_status->setText(ok ? message : tr("Failed: %1").arg(message));
        reload();
    });
}

ModelsView::~ModelsView() = default;

QWidget *ModelsView::buildVersionTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_header = new QLabel(page);
    m_header->setObjectName(u"versionHeader"_s);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lineage = new QLabel(page);
    m_lineage->setObjectName(u"versionLineage"_s);
    m_lineage->setWordWrap(true);
    m_lineage->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *actions = new QHBoxLayout;
    auto *validate = new QPushButton(tr("Validate"), page);
    validate->setToolTip(tr("Load the model with its framework in a separate, clean process."));
    auto *alias = new QPushButton(tr("Set alias…"), page);
    auto *deploy = new QPushButton(tr("Deploy"), page);
    deploy->setObjectName(u"deployButton"_s);
    m_compareWith = new QComboBox(page);
    m_compareWith->setObjectName(u"compareWith"_s);
    actions->addWidget(validate);
    actions->addWidget(alias);
    actions->addWidget(deploy);
    actions->addStretch(1);
    // Beside the table it fills, on its own row: never squeezed by the buttons.
    auto *compareBar = new QHBoxLayout;
    compareBar->addWidget(new QLabel(tr("Compare with:"), page));
    compareBar->addWidget(m_compareWith);
    compareBar->addStretch(1);
    m_compareWith->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *tables = new QHBoxLayout;
    m_metrics = keyValueTable(page, {tr("Metric"), tr("Value")});
    m_params = keyValueTable(page, {tr("Parameter"), tr("Value")});
    m_metrics->setObjectName(u"versionMetrics"_s);
    m_params->setObjectName(u"versionParams"_s);
    tables->addWidget(m_metrics);
    tables->addWidget(m_params);
    m_comparison =
        keyValueTable(page, {tr("Metric or parameter"), tr("This version"), tr("Other")});
    m_comparison->setObjectName(u"versionComparison"_s);

    layout->addWidget(m_header);
    layout->addWidget(m_lineage);
    layout->addLayout(actions);
    layout->addLayout(tables, 3);
    layout->addLayout(compareBar);
    layout->addWidget(m_comparison, 2);

    connect(validate, &QPushButton::clicked, this, [this] {
        const QString model = m_selectedModel;
        const int version = m_selectedVersion;
        run([model, version](const QString &root) -> Result<QString> {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            ModelRegistry registry(workspace->catalog(), workspace->root());
            auto record = registry.version(model, version);
            if (!record)
                return record.error();
            auto result =
                ModelValidator(workspace->catalog(), workspace->root()).validate(record.value());
            if (!result)
                return result.error();
            return result->passed
                       ? tr("%1:%2 loads with %3.").arg(model).arg(version).arg(record->framework)
                       : tr("%1:%2 failed validation: %3")
                             .arg(model)
                             .arg(version)
                             .arg(result->message);
        });
    });
    connect(alias, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Set alias"), tr("Alias (e.g. production, staging):"),
                                  QLineEdit::Normal, u"staging"_s, &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        const QString model = m_selectedModel;
        const int version = m_selectedVersion;
        run([model, version, name](const QString &root) -> Result<QString> {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            auto moved = ModelRegistry(workspace->catalog(), workspace->root())
                             .setAlias(model, version, name.trimmed());
            if (!moved)
                return moved.error();
            return tr("%1 now points at %2:%3.").arg(name.trimmed(), model).arg(version);
        });
    });
    connect(deploy, &QPushButton::clicked, this, &ModelsView::deploySelected);
    connect(m_compareWith, &QComboBox::activated, this,
            [this](int index) { compareSelected(m_compareWith->itemData(index).toInt()); });
    return page;
}

QWidget *ModelsView::buildServicesTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_services = new QTreeWidget(page);
    m_services->setObjectName(u"serviceList"_s);
    m_services->setHeaderLabels({tr("Service"), tr("Model"), tr("State"), tr("Address")});
    m_services->setRootIsDecorated(false);
    for (int column = 0; column < 3; ++column)
        m_services->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    auto *stop = m_stopService = new QPushButton(tr("Stop"), page);
    stop->setObjectName(u"stopService"_s);
    stop->setEnabled(false);
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(stop);
    m_serviceSeries = new ChartSeries(this);
    m_serviceChart = new MetricChart(m_serviceSeries, page);
    layout->addWidget(m_services, 1);
    layout->addLayout(bar);
    layout->addWidget(new QLabel(tr("Requests and latency of the selected service:"), page));
    layout->addWidget(m_serviceChart, 2);
    m_serviceLog = new QPlainTextEdit(page);
    m_serviceLog->setObjectName(u"serviceLog"_s);
    m_serviceLog->setReadOnly(true);
    m_serviceLog->setMaximumBlockCount(5000);
    layout->addWidget(new QLabel(tr("Its log (errors and messages):"), page));
    layout->addWidget(m_serviceLog, 1);
    connect(stop, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_services->currentItem()) {
            m_stopService->setEnabled(false); // until the reload says what the service is
            stopService(item->text(0));
        }
    });
    connect(m_services, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        updateStopButton();
        if (!item)
            return;
        for (const ServiceInfo &service : std::as_const(m_snapshot.services)) {
            if (service.id == item->text(0))
                loadServiceMetrics(service);
        }
    });
    return page;
}

QWidget *ModelsView::buildTryItTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(tr("Rows to send to the selected version's running service, as "
                                    "a JSON list of objects (feature → value):"),
                                 page));
    m_tryRows = new QPlainTextEdit(page);
    m_tryRows->setObjectName(u"tryRows"_s);
    auto *send = new QPushButton(tr("Send"), page);
    m_tryAnswer = new QPlainTextEdit(page);
    m_tryAnswer->setObjectName(u"tryAnswer"_s);
    m_tryAnswer->setReadOnly(true);
    layout->addWidget(m_tryRows, 1);
    layout->addWidget(send, 0, Qt::AlignRight);
    layout->addWidget(m_tryAnswer, 1);
    connect(send, &QPushButton::clicked, this, [this] { sendTryIt(m_tryRows->toPlainText()); });
    return page;
}

void ModelsView::setWorkspace(const QString &workspaceRoot)
{
    m_root = workspaceRoot;
    reload();
}

void ModelsView::reload()
{
    if (m_root.isEmpty())
        return;
    ++m_busy;
    runInBackground(this, std::bind_front(&ModelsSnapshot::load, m_root),
                    [this](const Result<ModelsSnapshot> &read) {
                        --m_busy;
                        if (!read) {
                            m_status->setText(read.error().message);
                            return;
                        }
                        m_snapshot = read.value();
                        showSnapshot();
                        Q_EMIT loaded();
                    });
}

int ModelsView::modelCount() const
{
    return int(m_snapshot.models.size());
}

QString ModelsView::tryItAnswer() const
{
    return m_tryAnswer->toPlainText();
}

void ModelsView::showSnapshot()
{
    const QString model = m_selectedModel;
    const int version = m_selectedVersion;
    m_tree->blockSignals(true);
    m_tree->clear();
    for (const ModelSummary &summary : std::as_const(m_snapshot.models)) {
        QStringList aliases;
        for (auto it = summary.aliases.begin(); it != summary.aliases.end(); ++it)
            aliases.append(u"%1→%2"_s.arg(it.key()).arg(it.value()));
        auto *top = new QTreeWidgetItem(
            m_tree, {summary.name, summary.latestFramework, aliases.join(u", "_s)});
        top->setData(0, Qt::UserRole, summary.name);
        top->setData(0, Qt::UserRole + 1, summary.latestVersion);
        for (const ModelVersionRecord &record : std::as_const(m_snapshot.versions)) {
            if (record.model != summary.name)
                continue;
            auto *child =
                new QTreeWidgetItem(top, {tr("version %1").arg(record.version), record.framework,
                                          record.aliases.join(u", "_s)});
            child->setData(0, Qt::UserRole, record.model);
            child->setData(0, Qt::UserRole + 1, record.version);
        }
        top->setExpanded(true);
    }
    m_tree->blockSignals(false);

    const QString serviceId =
        m_services->currentItem() ? m_services->currentItem()->text(0) : QString();
    m_services->blockSignals(true);
    m_services->clear();
    for (const ServiceInfo &service : std::as_const(m_snapshot.services)) {
        auto *item = new QTreeWidgetItem(
            m_services,
            {service.id, u"%1:%2"_s.arg(service.model).arg(service.version),
             serviceStateText(service.state), service.isLive() ? service.url() : QString()});
        if (service.id == serviceId)
            m_services->setCurrentItem(item);
    }
    m_services->blockSignals(false);
    updateStopButton();
    if (m_snapshot.models.isEmpty()) {
        m_header->setText(tr("No models yet. Register one with: atelier model register PATH "
                             "--name NAME, or run the demo pipeline, which registers its model."));
        return;
    }
    if (!selectVersion(model, version) && m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

bool ModelsView::selectVersion(const QString &model, int version)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_tree->topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j) {
            QTreeWidgetItem *child = top->child(j);
            if (child->data(0, Qt::UserRole).toString() == model &&
                child->data(0, Qt::UserRole + 1).toInt() == version) {
                m_tree->setCurrentItem(child);
                return true;
            }
        }
    }
    return false;
}

const ModelVersionRecord *ModelsView::selected() const
{
    for (const ModelVersionRecord &record : m_snapshot.versions) {
        if (record.model == m_selectedModel && record.version == m_selectedVersion)
            return &record;
    }
    return nullptr;
}

void ModelsView::showVersion(const ModelVersionRecord &version)
{
    const QLocale locale;
    QString validation = tr("not validated yet");
    if (version.validation == u"passed"_s)
        validation = tr("validation passed");
    else if (version.validation == u"failed"_s)
        validation = tr("validation failed: %1").arg(version.validationMessage);
    m_header->setText(u"<b>%1</b> — %2 · %3<br>%4"_s.arg(
        tr("%1 · version %2").arg(version.model).arg(version.version).toHtmlEscaped(),
        version.framework, validation.toHtmlEscaped(),
        version.description.isEmpty() ? tr("(no description)")
                                      : version.description.toHtmlEscaped()));
    QStringList lineage;
    lineage.append(version.runId.isEmpty()
                       ? tr("Registered from %1").arg(version.sourcePath)
                       : tr("From run %1, task %2").arg(version.runId, version.taskId));
    if (const QString image = m_snapshot.images.value(version.id); !image.isEmpty()) {
        const qsizetype at = image.lastIndexOf(u'@'); // NAME@ID: the id shortened, as in Runs
        lineage.append(tr("in image %1 (%2)").arg(image.left(at), image.mid(at + 1).left(12)));
    }
    if (!version.pipelineCommit.isEmpty())
        lineage.append(tr("pipeline commit %1").arg(version.pipelineCommit.left(8)));
    for (const ModelDatasetRef &dataset : version.datasets)
        lineage.append(tr("dataset %1 %2")
                           .arg(expandRecordedParam(dataset.dataset, m_root, {}), dataset.version));
    for (const ServiceInfo &service : std::as_const(m_snapshot.services)) {
        if (service.model == version.model && service.version == version.version)
            lineage.append(tr("service %1 (%2)").arg(service.id, serviceStateText(service.state)));
    }
    lineage.append(tr("%n files", nullptr, int(version.files.size())));
    m_lineage->setText(lineage.join(u" · "_s));
    const QMap<QString, QString> params = textParams(version.params);
    fill(m_metrics, version.metrics, m_root);
    fill(m_params, version.params, m_root, params);

    m_compareWith->clear();
    m_compareWith->addItem(tr("(choose a version)"), 0);
    for (const ModelVersionRecord &other : std::as_const(m_snapshot.versions)) {
        if (other.model == version.model && other.version != version.version)
            m_compareWith->addItem(tr("version %1").arg(other.version), other.version);
    }
    // Room for the widest entry with the arrow and frame: AdjustToContents alone measured
    // CJK text a character short ("（选择版本" without its closing bracket).
    int widest = 0;
    for (int i = 0; i < m_compareWith->count(); ++i)
        widest = std::max(
            widest, m_compareWith->fontMetrics().horizontalAdvance(m_compareWith->itemText(i)));
    m_compareWith->setMinimumWidth(widest + 3 * m_compareWith->fontMetrics().height());
    m_comparison->setRowCount(0);
    if (version.signature.contains(u"inputs"_s) && m_tryRows->toPlainText().isEmpty()) {
        QJsonObject row;
        for (const QJsonValue &input : version.signature.value(u"inputs"_s).toArray())
            row.insert(input.toObject().value(u"name"_s).toString(), 0);
        m_tryRows->setPlainText(
            QString::fromUtf8(QJsonDocument(QJsonArray{row}).toJson(QJsonDocument::Indented)));
    }
}

void ModelsView::compareSelected(int otherVersion)
{
    if (otherVersion <= 0)
        return;
    const QString model = m_selectedModel;
    const int version = m_selectedVersion;
    ++m_busy;
    runInBackground(
        this,
        [root = m_root, model, version, otherVersion]() -> Result<ModelComparison> {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            return ModelRegistry(workspace->catalog(), workspace->root())
                .compare(model, version, otherVersion);
        },
        [this](const Result<ModelComparison> &comparison) {
            --m_busy;
            if (!comparison) {
                m_status->setText(comparison.error().message);
                return;
            }
            m_comparison->setSortingEnabled(false);
            m_comparison->setRowCount(int(comparison->metrics.size() + comparison->params.size()));
            int row = 0;
            auto number = [](const std::optional<double> &value) {
                auto *item = new QTableWidgetItem;
                if (value)
                    item->setData(Qt::DisplayRole, *value);
                else
                    item->setText(u"—"_s);
                return item;
            };
            for (const auto &metric : comparison->metrics) {
                m_comparison->setItem(row, 0, textItem(metric.key));
                m_comparison->setItem(row, 1, number(metric.a));
                m_comparison->setItem(row, 2, number(metric.b));
                ++row;
            }
            const QMap<QString, QString> paramsA = textParams(comparison->a.params);
            const QMap<QString, QString> paramsB = textParams(comparison->b.params);
            for (const auto &param : comparison->params) {
                auto *key = textItem(param.key);
                if (param.changed)
                    key->setBackground(QColor(0xff, 0xf1, 0xc9));
                m_comparison->setItem(row, 0, key);
                m_comparison->setItem(
                    row, 1, textItem(resolved(param.a.value_or(u"—"_s), m_root, paramsA)));
                m_comparison->setItem(
                    row, 2, textItem(resolved(param.b.value_or(u"—"_s), m_root, paramsB)));
                ++row;
            }
            m_status->setText(tr("Compared."));
            Q_EMIT compared();
        });
}

void ModelsView::run(const std::function<Result<QString>(const QString &)> &work)
{
    if (m_root.isEmpty())
        return;
    ++m_busy;
    m_status->setText(tr("Working…"));
    runInBackground(
        this, [work, root = m_root] { return work(root); },
        [this](const Result<QString> &done) {
            --m_busy;
            Q_EMIT actionFinished(done.ok(), done ? done.value() : done.error().message);
        });
}

void ModelsView::deploySelected()
{
    const QString model = m_selectedModel;
    const int version = m_selectedVersion;
    run([model, version](const QString &root) -> Result<QString> {
        auto workspace = Workspace::open(root);
        if (!workspace)
            return workspace.error();
        ModelServices services(workspace.value());
        auto id = services.resolveVersion(u"%1:%2"_s.arg(model).arg(version));
        if (!id)
            return id.error();
        auto service = services.deploy(id.value());
        if (!service)
            return service.error();
        return tr("%1:%2 is served at %3").arg(model).arg(version).arg(service->url());
    });
}

void ModelsView::stopService(const QString &serviceId)
{
    run([serviceId](const QString &root) -> Result<QString> {
        auto workspace = Workspace::open(root);
        if (!workspace)
            return workspace.error();
        auto stopped = ModelServices(workspace.value()).undeploy(serviceId);
        if (!stopped)
            return stopped.error();
        return tr("Stopped %1.").arg(serviceId);
    });
}

void ModelsView::updateStopButton()
{
    const QTreeWidgetItem *item = m_services->currentItem();
    bool live = false;
    for (const ServiceInfo &service : std::as_const(m_snapshot.services)) {
        if (item && service.id == item->text(0))
            live = service.isLive();
    }
    m_stopService->setEnabled(live);
}

void ModelsView::sendTryIt(const QString &rowsJson)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(rowsJson.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray()) {
        m_tryAnswer->setPlainText(tr("Write the rows as a JSON list of objects, e.g. "
                                     "[{\"f1\": 0.5}]."));
        Q_EMIT actionFinished(false, m_tryAnswer->toPlainText());
        return;
    }
    const QString model = m_selectedModel;
    const int version = m_selectedVersion;
    const QJsonArray rows = doc.array();
    ++m_busy;
    runInBackground(
        this,
        [root = m_root, model, version, rows]() -> Result<QJsonObject> {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            ModelServices services(workspace.value());
            auto id = services.resolveVersion(u"%1:%2"_s.arg(model).arg(version));
            if (!id)
                return id.error();
            auto running = services.runningFor(id.value());
            if (!running)
                return running.error();
            if (!running.value())
                return makeError(
                    ErrorCode::NotFound,
                    tr("%1:%2 has no running service; deploy it first.").arg(model).arg(version));
            return services.predict(*running.value(), rows);
        },
        [this](const Result<QJsonObject> &answer) {
            --m_busy;
            m_tryAnswer->setPlainText(
                answer ? QString::fromUtf8(
                             QJsonDocument(answer.value()).toJson(QJsonDocument::Indented))
                       : answer.error().message);
            Q_EMIT actionFinished(answer.ok(), answer ? tr("Answered.") : answer.error().message);
        });
}

void ModelsView::loadServiceMetrics(const ServiceInfo &service)
{
    const QString path = service.folder + u"/metrics.jsonl"_s;
    runInBackground(this,
                    std::bind_front(&LogPage::read, service.folder + u"/stderr.log"_s, qint64(-1),
                                    qint64(64 * 1024)),
                    [this](const Result<LogPage> &page) {
                        m_serviceLog->setPlainText(page ? page->text : page.error().message);
                    });
    runInBackground(
        this,
        [path] {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return QList<MetricPoint>();
            MetricsParser parser;
            QList<MetricPoint> points = parser.feed(file.read(32 << 20), 0);
            points += parser.finish(0);
            return points;
        },
        [this](const QList<MetricPoint> &points) {
            QList<MetricPoint> requests;
            QList<MetricPoint> latency;
            for (const MetricPoint &point : points)
                (point.key == u"latency_ms"_s ? latency : requests).append(point);
            m_serviceSeries->clear();
            m_serviceSeries->addSeries(tr("requests"), u"requests"_s, requests, 0);
            m_serviceSeries->addSeries(tr("latency (ms)"), u"latency_ms"_s, latency, 1);
        });
}

} // namespace atelier
