#include "datasets/vocxml.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class VocXml
{
    Q_DECLARE_TR_FUNCTIONS(VocXml)
};

/// The element the reader stands on (a start element) as JSON: its text when it has no child
/// element, else an object of its children (a repeated child becomes an array, in order).
QJsonValue readElement(QXmlStreamReader &xml)
{
    QStringList order;
    QHash<QString, QJsonArray> children;
    QString text;
    while (xml.readNext() != QXmlStreamReader::Invalid && !xml.isEndElement()) {
        if (xml.isCharacters()) {
            text += xml.text();
        } else if (xml.isStartElement()) {
            const QString tag = xml.name().toString();
            if (!children.contains(tag))
                order.append(tag);
            children[tag].append(readElement(xml));
        }
    }
    if (order.isEmpty())
        return text.trimmed();
    QJsonObject object;
    for (const QString &tag : order) {
        const QJsonArray &list = children[tag];
        object.insert(tag, list.size() == 1 ? list.first() : QJsonValue(list));
    }
    return object;
}

/// VOC's flags as numbers when they are whole ("0", "1"), else kept as written.
QJsonValue flagValue(const QJsonValue &value)
{
    bool ok = false;
    const int n = value.toString().toInt(&ok);
    return ok ? QJsonValue(n) : value;
}

std::optional<QRectF> boxOf(const QJsonValue &bndbox)
{
    const QJsonObject b = bndbox.toObject();
    bool ok[4] = {false, false, false, false};
    const double x1 = b.value(u"xmin"_s).toString().toDouble(&ok[0]);
    const double y1 = b.value(u"ymin"_s).toString().toDouble(&ok[1]);
    const double x2 = b.value(u"xmax"_s).toString().toDouble(&ok[2]);
    const double y2 = b.value(u"ymax"_s).toString().toDouble(&ok[3]);
    if (!ok[0] || !ok[1] || !ok[2] || !ok[3])
        return std::nullopt;
    return vocToRect(x1, y1, x2, y2);
}

VocObject objectOf(const QJsonObject &json)
{
    VocObject o;
    QJsonObject other;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString &key = it.key();
        if (key == u"name"_s)
            o.name = it.value().toString().trimmed();
        else if (key == u"author"_s)
            o.author = it.value().toString();
        else if (key == u"bndbox"_s)
            o.box = boxOf(it.value());
        else if (key == u"difficult"_s || key == u"truncated"_s || key == u"occluded"_s)
            o.attributes.insert(key, flagValue(it.value()));
        else if (key == u"pose"_s)
            o.attributes.insert(key, it.value());
        else
            other.insert(key, it.value());
    }
    // VOC's defaults say nothing (every export writes them back): kept only when they differ,
    // so that an object read from Atelier's own export is the one it wrote.
    if (o.attributes.value(u"difficult"_s) == QJsonValue(0))
        o.attributes.remove(u"difficult"_s);
    if (o.attributes.value(u"truncated"_s) == QJsonValue(0))
        o.attributes.remove(u"truncated"_s);
    if (o.attributes.value(u"pose"_s) == QJsonValue(u"Unspecified"_s))
        o.attributes.remove(u"pose"_s);
    if (!other.isEmpty())
        o.attributes.insert(u"voc"_s, other);
    return o;
}

} // namespace

Result<VocFile> parseVocXml(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, f.errorString());
    QXmlStreamReader xml(&f);
    while (!xml.atEnd() && !xml.isStartElement())
        xml.readNext();
    if (!xml.hasError() && !xml.isStartElement())
        return makeError(ErrorCode::Invalid, VocXml::tr("empty XML file"));
    if (!xml.hasError() && xml.name() != u"annotation"_s)
        return makeError(
            ErrorCode::Invalid,
            VocXml::tr("not a VOC file (root element <%1>)").arg(xml.name().toString()));
    VocFile voc;
    while (!xml.hasError() && xml.readNextStartElement()) {
        const QString tag = xml.name().toString();
        const QJsonValue value = readElement(xml);
        if (tag == u"filename"_s) {
            voc.filename = value.toString();
        } else if (tag == u"size"_s) {
            voc.width = value[u"width"_s].toString().toInt();
            voc.height = value[u"height"_s].toString().toInt();
        } else if (tag == u"object"_s) {
            voc.objects.append(objectOf(value.toObject()));
        } else {
            if (tag == u"path"_s)
                voc.path = value.toString();
            if (voc.other.contains(tag)) {
                QJsonArray list = voc.other.value(tag).isArray() ? voc.other.value(tag).toArray()
                                                                 : QJsonArray{voc.other.value(tag)};
                list.append(value);
                voc.other.insert(tag, list);
            } else {
                voc.other.insert(tag, value);
            }
        }
    }
    if (xml.hasError()) {
        return makeError(
            ErrorCode::Invalid,
            VocXml::tr("not valid XML: line %1: %2").arg(xml.lineNumber()).arg(xml.errorString()));
    }
    return voc;
}

QRectF vocToRect(double xmin, double ymin, double xmax, double ymax)
{
    return QRectF(QPointF(xmin - 1, ymin - 1), QPointF(xmax, ymax));
}

VocBox rectToVoc(const QRectF &rect, int width, int height)
{
    VocBox b;
    const double edges[4] = {rect.left(), rect.top(), rect.right(), rect.bottom()};
    for (double e : edges)
        b.rounded = b.rounded || std::abs(e - std::round(e)) > 1e-6;
    int x0 = int(std::lround(rect.left())), y0 = int(std::lround(rect.top()));
    int x1 = int(std::lround(rect.right())), y1 = int(std::lround(rect.bottom()));
    if (width > 0) {
        x0 = qBound(0, x0, width - 1);
        x1 = qBound(x0 + 1, x1, width);
    } else {
        x0 = std::max(0, x0);
        x1 = std::max(x0 + 1, x1);
    }
    if (height > 0) {
        y0 = qBound(0, y0, height - 1);
        y1 = qBound(y0 + 1, y1, height);
    } else {
        y0 = std::max(0, y0);
        y1 = std::max(y0 + 1, y1);
    }
    b.xmin = x0 + 1;
    b.ymin = y0 + 1;
    b.xmax = x1;
    b.ymax = y1;
    return b;
}

void writeVocElement(QXmlStreamWriter &xml, const QString &tag, const QJsonValue &value)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            writeVocElement(xml, tag, v);
        return;
    }
    if (value.isObject()) {
        xml.writeStartElement(tag);
        // JSON keeps no order: VOC's usual one first (<part>: name, then bndbox's corners).
        static const QStringList first{u"name"_s, u"xmin"_s, u"ymin"_s, u"xmax"_s, u"ymax"_s};
        const QJsonObject object = value.toObject();
        for (const QString &key : first) {
            if (object.contains(key))
                writeVocElement(xml, key, object.value(key));
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first.contains(it.key()))
                writeVocElement(xml, it.key(), it.value());
        }
        xml.writeEndElement();
        return;
    }
    QString text;
    if (value.isDouble())
        text = QString::number(value.toDouble(), 'g', 15);
    else if (value.isBool())
        text = value.toBool() ? u"1"_s : u"0"_s;
    else
        text = value.toString();
    xml.writeTextElement(tag, text);
}

} // namespace atelier
