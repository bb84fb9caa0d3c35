#include "pipeline/pipelinedocument.h"

#include "environments/environmentspec.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// Reads fields out of one JSON object, remembering the first problem with its path.
class Reader
{
public:
    Reader(const QString &source, QString path, QJsonObject object)
        : m_source(source), m_path(std::move(path)), m_object(std::move(object))
    {
    }

    QString string(const QString &key, bool required = false)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(key, PipelineDocument::tr("is required"));
            return {};
        }
        if (!value.isString())
            fail(key, PipelineDocument::tr("must be a string"));
        return value.toString();
    }

    int integer(const QString &key, int fallback, int min)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        const double number = value.toDouble(-1e300);
        if (!value.isDouble() || number != double(qint64(number)) || number < min || number > 1e9) {
            fail(key, PipelineDocument::tr("must be a whole number of at least %1").arg(min));
            return fallback;
        }
        return int(number);
    }

    bool boolean(const QString &key, bool fallback)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isBool())
            fail(key, PipelineDocument::tr("must be true or false"));
        return value.toBool(fallback);
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isObject())
            fail(key, PipelineDocument::tr("must be an object"));
        return value.toObject();
    }

    QJsonArray array(const QString &key)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray())
            fail(key, PipelineDocument::tr("must be an array"));
        return value.toArray();
    }

    void onlyKeys(const QStringList &known)
    {
        for (const QString &key : m_object.keys()) {
            if (!known.contains(key))
                fail(key, PipelineDocument::tr("is not a known field (known: %1)")
                              .arg(known.join(u", "_s)));
        }
    }

    void fail(const QString &key, const QString &what)
    {
        if (m_error)
            return;
        const QString where = m_path.isEmpty() ? key : m_path + u'.' + key;
        m_error = makeError(ErrorCode::Invalid,
                            PipelineDocument::tr("%1: %2 %3").arg(m_source, where, what));
    }

    QString path() const { return m_path; }
    const std::optional<Error> &error() const { return m_error; }
    void take(const Reader &child)
    {
        if (!m_error && child.error())
            m_error = child.error();
    }

private:
    QString m_source;
    QString m_path;
    QJsonObject m_object;
    std::optional<Error> m_error;
};

/// An "environment" object, checked by EnvironmentSpec so its rules live in one place.
QJsonObject readEnvironment(Reader &r)
{
    const QJsonObject object = r.object(u"environment"_s);
    if (auto checked = EnvironmentSpec::fromJson(object); !checked)
        r.fail(u"environment"_s, checked.error().message);
    return object;
}

QPair<QString, QString> splitEndpoint(const QString &text)
{
    const qsizetype dot = text.indexOf(u'.');
    if (dot <= 0 || dot == text.size() - 1)
        return {};
    return {text.left(dot), text.mid(dot + 1)};
}

} // namespace

QJsonObject SweepSection::toJson() const
{
    QJsonObject object;
    for (auto it = params.begin(); it != params.end(); ++it)
        object.insert(it.key(), it.value());
    QJsonObject section{{u"params"_s, object}};
    if (!objective.isEmpty())
        section.insert(u"objective"_s, objective);
    if (!direction.isEmpty())
        section.insert(u"direction"_s, direction);
    if (trials > 0)
        section.insert(u"trials"_s, trials);
    if (!sampler.isEmpty())
        section.insert(u"sampler"_s, sampler);
    if (!pruner.isEmpty())
        section.insert(u"pruner"_s, pruner);
    return section;
}

const NodeSpec *PipelineDocument::node(const QString &id) const
{
    for (const NodeSpec &node : nodes) {
        if (node.id == id)
            return &node;
    }
    return nullptr;
}

QString PipelineDocument::slugFor(const QString &name)
{
    QString slug;
    // Decomposed, "Über" is "U" plus a mark: the letter stays, the mark goes.
    for (const QChar c : name.normalized(QString::NormalizationForm_KD).toLower()) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    slug.truncate(64);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    if (!slug.isEmpty())
        return slug;
    // A name with no Latin letters or digits (在线推理): a stable slug made from it.
    const QByteArray digest = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256);
    return u"pipeline-"_s + QString::fromLatin1(digest.toHex().left(8));
}

Result<PipelineDocument> PipelineDocument::fromJson(const QByteArray &json, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt's offset is just past the character at fault; columns count characters from 1.
        const qsizetype at = std::max<qsizetype>(0, parseError.offset - 1);
        const QByteArray before = json.left(at);
        const int line = int(before.count('\n')) + 1;
        const int column =
            int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
        return makeError(ErrorCode::Invalid, tr("%1:%2:%3: malformed JSON: %4")
                                                 .arg(source)
                                                 .arg(line)
                                                 .arg(column)
                                                 .arg(parseError.errorString()));
    }
    if (!parsed.isObject())
        return makeError(
            ErrorCode::Invalid,
            tr("%1: a pipeline is a JSON object, not an array or a value").arg(source));

    PipelineDocument doc;
    Reader top(source, {}, parsed.object());
    top.onlyKeys({u"format"_s, u"name"_s, u"description"_s, u"variables"_s, u"nodes"_s, u"edges"_s,
                  u"schedule"_s, u"layout"_s, u"notes"_s, u"sweep"_s, u"environment"_s});
    const int format = top.integer(u"format"_s, kFormat, 1);
    if (format > kFormat)
        top.fail(
            u"format"_s,
            tr("is %1; this Atelier reads format %2 (update Atelier)").arg(format).arg(kFormat));
    doc.name = top.string(u"name"_s, true);
    doc.description = top.string(u"description"_s);
    doc.environment = readEnvironment(top);

    const QJsonObject variables = top.object(u"variables"_s);
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        if (!it.value().isString())
            top.fail(u"variables."_s + it.key(), tr("must be a string"));
        doc.variables.insert(it.key(), it.value().toString());
    }

    const QJsonArray nodes = top.array(u"nodes"_s);
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QString path = u"nodes[%1]"_s.arg(i);
        if (!nodes[i].isObject()) {
            top.fail(path, tr("must be an object"));
            continue;
        }
        Reader r(source, path, nodes[i].toObject());
        r.onlyKeys({u"id"_s, u"name"_s, u"template"_s, u"params"_s, u"resources"_s, u"retries"_s,
                    u"timeout_s"_s, u"skip"_s, u"pool"_s, u"environment"_s, u"distributed"_s});
        NodeSpec node;
        node.id = r.string(u"id"_s, true);
        node.name = r.string(u"name"_s);
        node.templateRef = r.string(u"template"_s, true);
        node.params = r.object(u"params"_s);
        node.resources = r.object(u"resources"_s);
        node.retries = r.integer(u"retries"_s, 0, 0);
        node.timeoutS = r.integer(u"timeout_s"_s, 0, 0);
        node.skip = r.boolean(u"skip"_s, false);
        node.pool = r.string(u"pool"_s);
        node.environment = readEnvironment(r);
        node.distributed = r.string(u"distributed"_s);
        top.take(r);
        doc.nodes.append(node);
    }

    const QJsonArray edges = top.array(u"edges"_s);
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QString path = u"edges[%1]"_s.arg(i);
        if (!edges[i].isObject()) {
            top.fail(path, tr("must be an object"));
            continue;
        }
        Reader r(source, path, edges[i].toObject());
        r.onlyKeys({u"from"_s, u"to"_s});
        const auto from = splitEndpoint(r.string(u"from"_s, true));
        const auto to = splitEndpoint(r.string(u"to"_s, true));
        if (from.first.isEmpty())
            r.fail(u"from"_s, tr("must look like \"node.port\""));
        if (to.first.isEmpty())
            r.fail(u"to"_s, tr("must look like \"node.port\""));
        top.take(r);
        doc.edges.append({from.first, from.second, to.first, to.second});
    }

    if (parsed.object().contains(u"schedule"_s) && !parsed.object().value(u"schedule"_s).isNull()) {
        Reader r(source, u"schedule"_s, top.object(u"schedule"_s));
        r.onlyKeys({u"cron"_s, u"start"_s, u"catchup"_s, u"max_active_runs"_s, u"depends_on_past"_s,
                    u"keep_last"_s});
        ScheduleSpec schedule;
        schedule.cron = r.string(u"cron"_s, true);
        const QString start = r.string(u"start"_s);
        if (!start.isEmpty()) {
            schedule.start = QDateTime::fromString(start, Qt::ISODate);
            if (!schedule.start.isValid())
                r.fail(u"start"_s, tr("must be an ISO 8601 time such as 2026-11-01T00:00:00Z"));
            schedule.start = schedule.start.toUTC();
        }
        schedule.catchup = r.boolean(u"catchup"_s, false);
        schedule.maxActiveRuns = r.integer(u"max_active_runs"_s, 1, 1);
        schedule.dependsOnPast = r.boolean(u"depends_on_past"_s, false);
        schedule.keepLast = r.integer(u"keep_last"_s, 0, 0);
        top.take(r);
        doc.schedule = schedule;
    }

    if (parsed.object().contains(u"sweep"_s) && !parsed.object().value(u"sweep"_s).isNull()) {
        Reader r(source, u"sweep"_s, top.object(u"sweep"_s));
        r.onlyKeys(
            {u"params"_s, u"objective"_s, u"direction"_s, u"trials"_s, u"sampler"_s, u"pruner"_s});
        SweepSection sweep;
        const QJsonObject params = r.object(u"params"_s);
        for (auto it = params.begin(); it != params.end(); ++it) {
            const qsizetype dot = it.key().indexOf(u'.');
            if (dot <= 0 || dot == it.key().size() - 1)
                r.fail(u"params."_s + it.key(), tr("must be named \"node.param\""));
            else if (!it.value().isString())
                r.fail(u"params."_s + it.key(),
                       tr("must be a SPEC text such as \"float(0.1,1)\" or \"choice(a,b)\""));
            sweep.params.insert(it.key(), it.value().toString());
        }
        sweep.objective = r.string(u"objective"_s);
        if (!sweep.objective.isEmpty() && splitEndpoint(sweep.objective).first.isEmpty())
            r.fail(u"objective"_s, tr("must look like \"node.metric\""));
        sweep.direction = r.string(u"direction"_s);
        if (!sweep.direction.isEmpty() && sweep.direction != u"maximize"_s &&
            sweep.direction != u"minimize"_s)
            r.fail(u"direction"_s, tr("must be maximize or minimize"));
        sweep.trials = r.integer(u"trials"_s, 0, 1);
        sweep.sampler = r.string(u"sampler"_s);
        if (!sweep.sampler.isEmpty() &&
            !QStringList{u"tpe"_s, u"random"_s, u"grid"_s, u"cmaes"_s}.contains(sweep.sampler))
            r.fail(u"sampler"_s, tr("must be tpe, random, grid or cmaes"));
        sweep.pruner = r.string(u"pruner"_s);
        if (!sweep.pruner.isEmpty() &&
            !QStringList{u"none"_s, u"median"_s, u"hyperband"_s}.contains(sweep.pruner))
            r.fail(u"pruner"_s, tr("must be none, median or hyperband"));
        top.take(r);
        doc.sweep = sweep;
    }

    const QJsonObject layout = top.object(u"layout"_s);
    for (auto it = layout.begin(); it != layout.end(); ++it) {
        const QJsonArray point = it.value().toArray();
        if (point.size() != 2 || !point[0].isDouble() || !point[1].isDouble()) {
            top.fail(u"layout."_s + it.key(), tr("must be [x, y]"));
            continue;
        }
        doc.layout.insert(it.key(), QPointF(point[0].toDouble(), point[1].toDouble()));
    }

    const QJsonArray notes = top.array(u"notes"_s);
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const QString path = u"notes[%1]"_s.arg(i);
        if (!notes[i].isObject()) {
            top.fail(path, tr("must be an object"));
            continue;
        }
        const QJsonObject object = notes[i].toObject();
        Reader r(source, path, object);
        r.onlyKeys({u"id"_s, u"text"_s, u"pos"_s, u"size"_s});
        NoteSpec note;
        note.id = r.string(u"id"_s, true);
        note.text = r.string(u"text"_s);
        const QJsonArray pos = r.array(u"pos"_s);
        if (pos.size() != 2 || !pos[0].isDouble() || !pos[1].isDouble())
            r.fail(u"pos"_s, tr("must be [x, y]"));
        else
            note.pos = QPointF(pos[0].toDouble(), pos[1].toDouble());
        if (object.contains(u"size"_s)) {
            const QJsonArray size = r.array(u"size"_s);
            if (size.size() != 2 || !size[0].isDouble() || !size[1].isDouble() ||
                size[0].toDouble() <= 0 || size[1].toDouble() <= 0)
                r.fail(u"size"_s, tr("must be [width, height], both above 0"));
            else
                note.size = QSizeF(size[0].toDouble(), size[1].toDouble());
        }
        top.take(r);
        doc.notes.append(note);
    }

    if (top.error())
        return *top.error();
    return doc;
}

Result<PipelineDocument> PipelineDocument::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         tr("Cannot read %1: %2").arg(path, file.errorString()));
    return fromJson(file.readAll(), path);
}

QByteArray PipelineDocument::toJson() const
{
    QJsonObject root;
    root.insert(u"format"_s, kFormat);
    root.insert(u"name"_s, name);
    if (!description.isEmpty())
        root.insert(u"description"_s, description);
    if (!variables.isEmpty()) {
        QJsonObject vars;
        for (auto it = variables.begin(); it != variables.end(); ++it)
            vars.insert(it.key(), it.value());
        root.insert(u"variables"_s, vars);
    }
    if (!environment.isEmpty())
        root.insert(u"environment"_s, environment);
    QJsonArray nodeArray;
    for (const NodeSpec &node : nodes) {
        QJsonObject n{{u"id"_s, node.id}, {u"template"_s, node.templateRef}};
        if (!node.name.isEmpty())
            n.insert(u"name"_s, node.name);
        if (!node.params.isEmpty())
            n.insert(u"params"_s, node.params);
        if (!node.resources.isEmpty())
            n.insert(u"resources"_s, node.resources);
        if (node.retries)
            n.insert(u"retries"_s, node.retries);
        if (node.timeoutS)
            n.insert(u"timeout_s"_s, node.timeoutS);
        if (node.skip)
            n.insert(u"skip"_s, true);
        if (!node.pool.isEmpty())
            n.insert(u"pool"_s, node.pool);
        if (!node.environment.isEmpty())
            n.insert(u"environment"_s, node.environment);
        if (!node.distributed.isEmpty())
            n.insert(u"distributed"_s, node.distributed);
        nodeArray.append(n);
    }
    root.insert(u"nodes"_s, nodeArray);
    QJsonArray edgeArray;
    for (const EdgeSpec &edge : edges)
        edgeArray.append(QJsonObject{{u"from"_s, edge.fromText()}, {u"to"_s, edge.toText()}});
    root.insert(u"edges"_s, edgeArray);
    if (schedule) {
        QJsonObject s{{u"cron"_s, schedule->cron},
                      {u"catchup"_s, schedule->catchup},
                      {u"max_active_runs"_s, schedule->maxActiveRuns},
                      {u"depends_on_past"_s, schedule->dependsOnPast},
                      {u"keep_last"_s, schedule->keepLast}};
        if (schedule->start.isValid())
            s.insert(u"start"_s, schedule->start.toUTC().toString(Qt::ISODate));
        root.insert(u"schedule"_s, s);
    }
    if (sweep)
        root.insert(u"sweep"_s, sweep->toJson());
    if (!layout.isEmpty()) {
        QJsonObject l;
        for (auto it = layout.begin(); it != layout.end(); ++it)
            l.insert(it.key(), QJsonArray{it.value().x(), it.value().y()});
        root.insert(u"layout"_s, l);
    }
    if (!notes.isEmpty()) {
        QJsonArray noteArray;
        for (const NoteSpec &note : notes)
            noteArray.append(
                QJsonObject{{u"id"_s, note.id},
                            {u"text"_s, note.text},
                            {u"pos"_s, QJsonArray{note.pos.x(), note.pos.y()}},
                            {u"size"_s, QJsonArray{note.size.width(), note.size.height()}}});
        root.insert(u"notes"_s, noteArray);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace atelier
