#include "datasets/datasettypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

template <typename E, std::size_t N>
QString spell(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[e, text] : table) {
        if (e == value)
            return QString::fromLatin1(text);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<std::pair<E, const char *>, N> &table, const QString &text)
{
    for (const auto &[e, name] : table) {
        if (text == QLatin1String(name))
            return e;
    }
    return std::nullopt;
}

constexpr std::array kMedia = {std::pair{DatasetMedia::Image, "image"},
                               std::pair{DatasetMedia::Text, "text"}};
constexpr std::array kTasks = {
    std::pair{DatasetTask::Classification, "classification"},
    std::pair{DatasetTask::Detection, "detection"},
    std::pair{DatasetTask::Segmentation, "segmentation"},
    std::pair{DatasetTask::TextClassification, "text_classification"},
    std::pair{DatasetTask::Entities, "entities"},
    std::pair{DatasetTask::Pairs, "pairs"},
};
constexpr std::array kStatus = {
    std::pair{ItemStatus::Unlabeled, "unlabeled"},
    std::pair{ItemStatus::Labeled, "labeled"},
    std::pair{ItemStatus::Reviewed, "reviewed"},
    std::pair{ItemStatus::Rejected, "rejected"},
};
constexpr std::array kKinds = {
    std::pair{AnnotationKind::Tag, "tag"},         std::pair{AnnotationKind::Box, "box"},
    std::pair{AnnotationKind::Polygon, "polygon"}, std::pair{AnnotationKind::Span, "span"},
    std::pair{AnnotationKind::Pair, "pair"},       std::pair{AnnotationKind::Mask, "mask"},
};
constexpr std::array kStates = {
    std::pair{AnnotationState::Accepted, "accepted"},
    std::pair{AnnotationState::Suggested, "suggested"},
    std::pair{AnnotationState::Rejected, "rejected"},
};

} // namespace

QString toString(DatasetMedia media)
{
    return spell(kMedia, media);
}
QString toString(DatasetTask task)
{
    return spell(kTasks, task);
}
QString toString(ItemStatus status)
{
    return spell(kStatus, status);
}
QString toString(AnnotationKind kind)
{
    return spell(kKinds, kind);
}
QString toString(AnnotationState state)
{
    return spell(kStates, state);
}
std::optional<DatasetMedia> datasetMediaFromString(const QString &text)
{
    return parse(kMedia, text);
}
std::optional<DatasetTask> datasetTaskFromString(const QString &text)
{
    return parse(kTasks, text);
}
std::optional<ItemStatus> itemStatusFromString(const QString &text)
{
    return parse(kStatus, text);
}
std::optional<AnnotationKind> annotationKindFromString(const QString &text)
{
    return parse(kKinds, text);
}
std::optional<AnnotationState> annotationStateFromString(const QString &text)
{
    return parse(kStates, text);
}

DatasetMedia mediaOf(DatasetTask task)
{
    switch (task) {
    case DatasetTask::Classification:
    case DatasetTask::Detection:
    case DatasetTask::Segmentation:
        return DatasetMedia::Image;
    case DatasetTask::TextClassification:
    case DatasetTask::Entities:
    case DatasetTask::Pairs:
        break;
    }
    return DatasetMedia::Text;
}

AnnotationKind annotationKindOf(DatasetTask task)
{
    switch (task) {
    case DatasetTask::Classification:
    case DatasetTask::TextClassification:
        return AnnotationKind::Tag;
    case DatasetTask::Detection:
        return AnnotationKind::Box;
    case DatasetTask::Segmentation:
        return AnnotationKind::Polygon;
    case DatasetTask::Entities:
        return AnnotationKind::Span;
    case DatasetTask::Pairs:
        break;
    }
    return AnnotationKind::Pair;
}

namespace {

/// The start time of process \a pid in clock ticks since boot (field 22 of /proc/PID/stat),
/// 0 where unknown: with the pid it names one process, not a later one given the same pid.
qint64 processStartTicks(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0; // field 22 is the 20th after ')'
}

bool processAlive(qint64 pid, qint64 startTicks)
{
#ifdef Q_OS_UNIX
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return false;
    return startTicks == 0 || processStartTicks(pid) == startTicks;
#else
    Q_UNUSED(pid);
    Q_UNUSED(startTicks);
    return true; // cannot tell: shown as importing rather than declared dead
#endif
}

} // namespace

QJsonObject PendingImport::toJson() const
{
    return QJsonObject{{u"source"_s, source},
                       {u"format"_s, format},
                       {u"host"_s, host},
                       {u"pid"_s, pid},
                       {u"process_start"_s, processStart},
                       {u"started_at"_s, startedAt.toUTC().toString(Qt::ISODate)}};
}

PendingImport PendingImport::fromJson(const QJsonObject &json)
{
    PendingImport p;
    p.source = json.value(u"source"_s).toString();
    p.format = json.value(u"format"_s).toString();
    p.host = json.value(u"host"_s).toString();
    p.pid = json.value(u"pid"_s).toInteger();
    p.processStart = json.value(u"process_start"_s).toInteger();
    p.startedAt = QDateTime::fromString(json.value(u"started_at"_s).toString(), Qt::ISODate);
    // Another machine's process (a shared workspace folder) cannot be seen: taken as running.
    p.running = p.host != QSysInfo::machineHostName() || processAlive(p.pid, p.processStart);
    return p;
}

PendingImport PendingImport::ofThisProcess(const QString &source, const QString &format)
{
    PendingImport p;
    p.source = source;
    p.format = format;
    p.host = QSysInfo::machineHostName();
    p.pid = QCoreApplication::applicationPid();
    p.processStart = processStartTicks(p.pid);
    p.startedAt = QDateTime::currentDateTimeUtc();
    p.running = true;
    return p;
}

QJsonObject DatasetOptions::toJson() const
{
    QJsonObject json = extra;
    json.insert(u"multi_label"_s, multiLabel);
    json.insert(u"overlapping_spans"_s, overlappingSpans);
    json.insert(u"pair_score"_s, pairScore);
    return json;
}

DatasetOptions DatasetOptions::fromJson(const QJsonObject &json)
{
    DatasetOptions options;
    options.multiLabel = json.value(u"multi_label"_s).toBool();
    options.overlappingSpans = json.value(u"overlapping_spans"_s).toBool();
    options.pairScore = json.value(u"pair_score"_s).toBool();
    options.extra = json;
    options.extra.remove(u"multi_label"_s);
    options.extra.remove(u"overlapping_spans"_s);
    options.extra.remove(u"pair_score"_s);
    return options;
}

Annotation Annotation::tag(const QString &label)
{
    Annotation a;
    a.kind = AnnotationKind::Tag;
    a.label = label;
    return a;
}

Annotation Annotation::box(const QString &label, const QRectF &rect)
{
    Annotation a;
    a.kind = AnnotationKind::Box;
    a.label = label;
    a.geometry = QJsonArray{rect.x(), rect.y(), rect.width(), rect.height()};
    return a;
}

Annotation Annotation::polygon(const QString &label, const QPolygonF &points)
{
    Annotation a;
    a.kind = AnnotationKind::Polygon;
    a.label = label;
    QJsonArray array;
    for (const QPointF &p : points)
        array.append(QJsonArray{p.x(), p.y()});
    a.geometry = array;
    return a;
}

Annotation Annotation::polygon(const QString &label, const QList<QPolygonF> &parts)
{
    if (parts.size() == 1)
        return polygon(label, parts.first());
    Annotation a;
    a.kind = AnnotationKind::Polygon;
    a.label = label;
    QJsonArray rings;
    for (const QPolygonF &part : parts) {
        QJsonArray ring;
        for (const QPointF &p : part)
            ring.append(QJsonArray{p.x(), p.y()});
        rings.append(ring);
    }
    a.geometry = rings;
    return a;
}

Annotation Annotation::mask(const QString &label, const MaskRle &rle)
{
    Annotation a;
    a.kind = AnnotationKind::Mask;
    a.label = label;
    a.geometry = rle.toJson();
    return a;
}

Annotation Annotation::span(const QString &label, qint64 start, qint64 end)
{
    Annotation a;
    a.kind = AnnotationKind::Span;
    a.label = label;
    a.geometry = QJsonObject{{u"start"_s, start}, {u"end"_s, end}};
    return a;
}

Annotation Annotation::pair(const QString &label, std::optional<double> score)
{
    Annotation a;
    a.kind = AnnotationKind::Pair;
    a.label = label;
    a.geometry = score ? QJsonValue(*score) : QJsonValue(QJsonValue::Null);
    return a;
}

QRectF Annotation::rect() const
{
    const QJsonArray a = geometry.toArray();
    if (kind != AnnotationKind::Box || a.size() != 4)
        return {};
    return {a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble()};
}

namespace {

QPolygonF ringFrom(const QJsonArray &ring)
{
    QPolygonF polygon;
    for (const QJsonValue &p : ring) {
        const QJsonArray xy = p.toArray();
        if (xy.size() == 2 && xy[0].isDouble() && xy[1].isDouble())
            polygon.append(QPointF(xy[0].toDouble(), xy[1].toDouble()));
    }
    return polygon;
}

} // namespace

QList<QPolygonF> Annotation::parts() const
{
    QList<QPolygonF> parts;
    if (kind != AnnotationKind::Polygon)
        return parts;
    const QJsonArray array = geometry.toArray();
    // One part: [[x, y], …]; several: [[[x, y], …], …] (the first element's first is an array).
    const bool multi = !array.isEmpty() && array.first().toArray().first().isArray();
    if (!multi) {
        if (!array.isEmpty())
            parts.append(ringFrom(array));
        return parts;
    }
    for (const QJsonValue &ring : array)
        parts.append(ringFrom(ring.toArray()));
    return parts;
}

QPolygonF Annotation::points() const
{
    return parts().value(0);
}

std::optional<MaskRle> Annotation::maskRle() const
{
    if (kind != AnnotationKind::Mask || !geometry.isObject())
        return std::nullopt;
    return MaskRle::fromJson(geometry.toObject());
}

qint64 Annotation::spanStart() const
{
    if (kind != AnnotationKind::Span || !geometry.isObject())
        return -1;
    return geometry.toObject().value(u"start"_s).toInteger(-1);
}

qint64 Annotation::spanEnd() const
{
    if (kind != AnnotationKind::Span || !geometry.isObject())
        return -1;
    return geometry.toObject().value(u"end"_s).toInteger(-1);
}

std::optional<double> Annotation::score() const
{
    if (kind != AnnotationKind::Pair || !geometry.isDouble())
        return std::nullopt;
    return geometry.toDouble();
}

QString DatasetSnapshot::imagePath(const DatasetItem &item) const
{
    if (item.objectHash.size() < 3)
        return {};
    return QDir(objectsDir).filePath(item.objectHash.left(2) + u'/' + item.objectHash.mid(2));
}

} // namespace atelier
