#include "pipeline/pipelinediff.h"

#include "pipeline/pipelinedocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString shown(const QJsonValue &value)
{
    if (value.isUndefined())
        return PipelineDiff::tr("(unset)");
    if (value.isString())
        return u"\""_s + value.toString() + u"\""_s;
    QJsonArray wrapper{value};
    QString text = QString::fromUtf8(QJsonDocument(wrapper).toJson(QJsonDocument::Compact));
    return text.mid(1, text.size() - 2);
}

void compareObjects(const QString &prefix, const QJsonObject &before, const QJsonObject &after,
                    QStringList &details)
{
    QStringList keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue a = before.value(key);
        const QJsonValue b = after.value(key);
        if (a != b)
            details.append(u"%1.%2: %3 → %4"_s.arg(prefix, key, shown(a), shown(b)));
    }
}

template <typename T>
void compareField(const QString &name, const T &a, const T &b, QStringList &details)
{
    if (a != b)
        details.append(u"%1: %2 → %3"_s.arg(name, shown(QJsonValue(a)), shown(QJsonValue(b))));
}

} // namespace

QString PipelineChange::toString() const
{
    QString subjectText;
    switch (subject) {
    case Subject::Node:
        subjectText = PipelineDiff::tr("node %1").arg(id);
        break;
    case Subject::Edge:
        subjectText = PipelineDiff::tr("link %1").arg(id);
        break;
    case Subject::Pipeline:
        subjectText = PipelineDiff::tr("pipeline %1").arg(id);
        break;
    }
    switch (kind) {
    case Kind::Added:
        return u"+ "_s + subjectText;
    case Kind::Removed:
        return u"- "_s + subjectText;
    case Kind::Changed:
        break;
    }
    return u"~ "_s + subjectText + u": "_s + details.join(u"; "_s);
}

QList<PipelineChange> PipelineDiff::compare(const PipelineDocument &before,
                                            const PipelineDocument &after)
{
    using Kind = PipelineChange::Kind;
    using Subject = PipelineChange::Subject;
    QList<PipelineChange> changes;

    QStringList settings;
    compareField(u"name"_s, before.name, after.name, settings);
    compareField(u"description"_s, before.description, after.description, settings);
    QJsonObject varsBefore;
    QJsonObject varsAfter;
    for (auto it = before.variables.begin(); it != before.variables.end(); ++it)
        varsBefore.insert(it.key(), it.value());
    for (auto it = after.variables.begin(); it != after.variables.end(); ++it)
        varsAfter.insert(it.key(), it.value());
    compareObjects(u"variables"_s, varsBefore, varsAfter, settings);
    if (before.schedule != after.schedule)
        settings.append(tr("schedule: %1 → %2")
                            .arg(before.schedule ? before.schedule->cron : tr("none"),
                                 after.schedule ? after.schedule->cron : tr("none")));
    if (before.sweep != after.sweep)
        compareObjects(u"sweep"_s, before.sweep ? before.sweep->toJson() : QJsonObject(),
                       after.sweep ? after.sweep->toJson() : QJsonObject(), settings);
    if (!settings.isEmpty())
        changes.append({Kind::Changed, Subject::Pipeline, after.name, settings});

    for (const NodeSpec &node : before.nodes) {
        if (!after.node(node.id))
            changes.append({Kind::Removed, Subject::Node, node.id, {}});
    }
    for (const NodeSpec &node : after.nodes) {
        const NodeSpec *old = before.node(node.id);
        if (!old) {
            changes.append({Kind::Added, Subject::Node, node.id, {}});
            continue;
        }
        QStringList details;
        compareField(u"template"_s, old->templateRef, node.templateRef, details);
        compareField(u"name"_s, old->name, node.name, details);
        compareObjects(u"params"_s, old->params, node.params, details);
        compareObjects(u"resources"_s, old->resources, node.resources, details);
        compareField(u"retries"_s, old->retries, node.retries, details);
        compareField(u"timeout_s"_s, old->timeoutS, node.timeoutS, details);
        compareField(u"skip"_s, old->skip, node.skip, details);
        compareField(u"pool"_s, old->pool, node.pool, details);
        if (!details.isEmpty())
            changes.append({Kind::Changed, Subject::Node, node.id, details});
    }

    auto edgeKey = [](const EdgeSpec &edge) { return edge.fromText() + u" → "_s + edge.toText(); };
    QSet<QString> edgesBefore;
    QSet<QString> edgesAfter;
    for (const EdgeSpec &edge : before.edges)
        edgesBefore.insert(edgeKey(edge));
    for (const EdgeSpec &edge : after.edges)
        edgesAfter.insert(edgeKey(edge));
    for (const EdgeSpec &edge : before.edges) {
        if (!edgesAfter.contains(edgeKey(edge)))
            changes.append({Kind::Removed, Subject::Edge, edgeKey(edge), {}});
    }
    for (const EdgeSpec &edge : after.edges) {
        if (!edgesBefore.contains(edgeKey(edge)))
            changes.append({Kind::Added, Subject::Edge, edgeKey(edge), {}});
    }
    return changes;
}

} // namespace atelier
