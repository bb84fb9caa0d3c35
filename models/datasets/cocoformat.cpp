// COCO object detection / instance segmentation import: one JSON with images, annotations
// (bbox, polygon or RLE segmentation) and categories. Nothing the catalog can hold is lost
// (issue #14): category ids, their order and supercategory become label attributes, image ids
// and the other image fields item attributes, file_name (with its sub-folders) the source
// name, annotation ids, iscrowd, area and other fields annotation attributes; a multi-part
// polygon stays one instance; RLE masks (both forms) become mask annotations. What cannot be
// kept is counted and named in the report's warnings. The exporter is cocoexport.cpp.
#include "core/compactjson.h"
#include "core/prefetch.h"
#include "datasets/annotationgeometry.h"
#include "datasets/cocoscan.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class CocoFormat
{
    Q_DECLARE_TR_FUNCTIONS(CocoFormat)
};

/// True when the scanned file has "images" and "annotations" arrays.
bool isCoco(const CocoScan &scan, QByteArrayView text)
{
    auto isArray = [&](const char *key) {
        const auto it = scan.values.constFind(QByteArray(key));
        return it != scan.values.cend() && it->size > 0 && text[it->begin] == '[';
    };
    return isArray("images") && isArray("annotations");
}

/// One JSON value from its text (any value: QJsonDocument takes only objects and arrays).
QJsonValue parseValue(QByteArrayView text)
{
    return QJsonDocument::fromJson('[' + text.toByteArray() + ']').array().at(0);
}

/// An object from its text (read in place, not copied); nullopt when it is not one.
std::optional<QJsonObject> parseObject(QByteArrayView text)
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()));
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

/// A polygon segmentation's parts, each its flat list of coordinates as written.
using FlatParts = QList<QList<double>>;

/// Flat parts (each an even number of coordinates) as polygons.
QList<QPolygonF> polygonsOf(const FlatParts &flats)
{
    QList<QPolygonF> parts;
    parts.reserve(flats.size());
    for (const QList<double> &flat : flats) {
        QPolygonF points;
        points.reserve(flat.size() / 2);
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
            points.append(QPointF(flat[i], flat[i + 1]));
        parts.append(points);
    }
    return parts;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// The JSON number at \a at in \a s, read as QJsonDocument reads it (by JSON's grammar,
/// correctly rounded; an integer "-0" is the integer 0); \a at moves past it. nullopt for
/// anything else, a number out of a double's range included: the caller then lets
/// QJsonDocument read the whole annotation.
std::optional<double> jsonNumber(QByteArrayView s, qsizetype &at)
{
    const qsizetype begin = at;
    auto digit = [&](qsizetype i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    if (at < s.size() && s[at] == '-')
        ++at;
    if (!digit(at))
        return std::nullopt;
    if (s[at] == '0')
        ++at;
    else
        while (digit(at))
            ++at;
    bool integer = true;
    if (at < s.size() && s[at] == '.') {
        ++at;
        if (!digit(at))
            return std::nullopt;
        while (digit(at))
            ++at;
        integer = false;
    }
    if (at < s.size() && (s[at] == 'e' || s[at] == 'E')) {
        ++at;
        if (at < s.size() && (s[at] == '+' || s[at] == '-'))
            ++at;
        if (!digit(at))
            return std::nullopt;
        while (digit(at))
            ++at;
        integer = false;
    }
    double v = 0;
    const auto r = std::from_chars(s.data() + begin, s.data() + at, v);
    if (r.ec != std::errc() || r.ptr != s.data() + at)
        return std::nullopt;
    if (integer && v == 0)
        v = 0.0; // QJsonDocument reads "-0" as the integer 0, not as -0.0
    return v;
}

/// A segmentation written as a non-empty array of arrays of numbers (COCO's polygons), read
/// without building QJsonValues (the polygons are most of a COCO file's bytes); nullopt for
/// any other value, which the general path then reads.
std::optional<FlatParts> numberArrays(QByteArrayView s)
{
    qsizetype at = 0;
    auto take = [&](char c) {
        while (at < s.size() && isJsonSpace(s[at]))
            ++at;
        if (at < s.size() && s[at] == c) {
            ++at;
            return true;
        }
        return false;
    };
    if (!take('[') || take(']'))
        return std::nullopt; // not an array, or an empty one
    FlatParts parts;
    do {
        if (!take('['))
            return std::nullopt;
        QList<double> flat;
        if (!take(']')) {
            flat.reserve(32);
            do {
                while (at < s.size() && isJsonSpace(s[at]))
                    ++at;
                const auto v = jsonNumber(s, at);
                if (!v)
                    return std::nullopt;
                flat.append(*v);
            } while (take(','));
            if (!take(']'))
                return std::nullopt;
        }
        parts.append(std::move(flat));
    } while (take(','));
    if (!take(']'))
        return std::nullopt;
    while (at < s.size() && isJsonSpace(s[at]))
        ++at;
    if (at != s.size())
        return std::nullopt;
    return parts;
}

/// An integer id written as a JSON number ("101", "101.0").
std::optional<qint64> integerId(QByteArrayView raw)
{
    bool ok = false;
    const qint64 id = raw.toLongLong(&ok);
    if (ok)
        return id;
    const double d = raw.toDouble(&ok);
    if (!ok || d != std::floor(d))
        return std::nullopt;
    return qint64(d);
}

/// A raw JSON value for a message: strings without their quotes.
QString shown(QByteArrayView raw)
{
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"')
        raw = raw.sliced(1, raw.size() - 2);
    return QString::fromUtf8(raw);
}

std::optional<qint64> integerId(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != std::floor(d))
        return std::nullopt;
    return qint64(d);
}

QString findImage(const QString &jsonDir, const QString &root, const QString &name)
{
    const QStringList candidates{
        QDir(jsonDir).filePath(name),
        QDir(jsonDir).filePath(u"images/"_s + name),
        QDir(jsonDir).filePath(u"../images/"_s + name),
        QDir(jsonDir).filePath(u"../"_s + name),
        QDir(root).filePath(name),
        QDir(root).filePath(u"images/"_s + name),
        QDir(jsonDir).filePath(u"images/"_s + QFileInfo(name).fileName()),
    };
    for (const QString &c : candidates) {
        if (QFileInfo(c).isFile())
            return QDir::cleanPath(c);
    }
    return QDir::cleanPath(candidates.first());
}

/// The split a COCO file's name gives ("instances_train2017.json" → "train"), or empty.
QString splitOf(const QString &jsonFile)
{
    static const QRegularExpression word(u"(?:^|[^a-z])(train|val|valid|validation|test)"_s);
    const auto m = word.match(QFileInfo(jsonFile).completeBaseName().toLower());
    if (!m.hasMatch())
        return {};
    const QString s = m.captured(1);
    return s.startsWith(u"val"_s) ? u"val"_s : s;
}

/// The whole file without a copy into the heap where it can be mapped (a 200 MB COCO file
/// would otherwise be held twice while it is parsed).
class MappedFile
{
public:
    explicit MappedFile(const QString &path) : m_file(path) {}
    ~MappedFile()
    {
        if (m_map)
            m_file.unmap(m_map);
    }
    Q_DISABLE_COPY_MOVE(MappedFile)

    bool open() { return m_file.open(QIODevice::ReadOnly); }
    QString errorString() const { return m_file.errorString(); }
    /// The contents (mapped, or read when the file cannot be mapped); valid while this lives.
    QByteArrayView bytes()
    {
        if (m_map || !m_read.isNull())
            return m_map ? QByteArrayView(m_map, m_file.size()) : QByteArrayView(m_read);
        const qint64 size = m_file.size();
        if (size > 0)
            m_map = m_file.map(0, size);
        if (m_map)
            return QByteArrayView(m_map, size);
        m_read = m_file.readAll();
        return m_read;
    }

private:
    QFile m_file;
    uchar *m_map = nullptr;
    QByteArray m_read;
};

/// What one COCO annotation file gave, counted for the warnings at the end.
struct Dropped
{
    qint64 polygons = 0; ///< detection: polygons kept only as their box
    qint64 masks = 0;    ///< detection: masks kept only as their box
};

/// One image of a COCO file and where its annotations lie in the file's text: they are
/// parsed and become Annotations only when the session reaches the image (a whole COCO
/// document takes about 8× the file's size, an Annotation's geometry 10× its JSON text;
/// holding them all at once was 2.35 GB for 200 MB).
struct PendingImage
{
    ImageImportEntry entry; ///< without annotations
    struct Raw
    {
        JsonSlice slice; ///< in the file's text (m_texts[text])
        int text = 0;
        int ordinal = 0; ///< 1-based place in "annotations", for messages without an id
        QString label;
    };
    QList<Raw> annotations;
};

/// Reads COCO files into pending images; the labels are made in the order of the categories.
class CocoReader
{
public:
    CocoReader(DatasetCatalog &store, const DatasetInfo &dataset, ImageImportSession &session)
        : m_catalog(store), m_dataset(dataset), m_session(session)
    {
    }

    /// Reads the scanned COCO file \a file; its text must stay valid until the last take().
    void read(const QString &jsonFile, std::unique_ptr<MappedFile> file, const CocoScan &scan)
    {
        m_file = jsonFile;
        const QByteArrayView text = file->bytes();
        m_texts.append(text);
        m_files.push_back(std::move(file));
        readTopLevel(scan, text);
        readCategories(scan.categories, text);
        readImages(scan.images, text);
        readAnnotations(scan.annotations, text);
    }

    qint64 count() const { return m_pending.size(); }
    /// The image file of each pending image, in their order (read before take() moves them).
    QStringList imageFiles() const
    {
        QStringList files;
        files.reserve(m_pending.size());
        for (const PendingImage &p : m_pending)
            files.append(p.entry.file);
        return files;
    }

    /// An image's entry and what reading its annotations had to say (file, reason).
    struct Taken
    {
        ImageImportEntry entry;
        QList<ImportProblem> warnings;
    };

    /// The entry of image \a index with its annotations made (once per index: the pending
    /// JSON is released) and prepared (ImageImportSession::prepare: keys and stored texts).
    /// It touches only this reader's pending images and counts, and reads only the session's
    /// options (no store), so it runs ahead on a thread of its own while the session stores
    /// the images before it; its warnings come back with the entry.
    Taken take(qint64 index)
    {
        m_taken.clear();
        m_collect = true;
        const auto collected = qScopeGuard([this] { m_collect = false; });
        PendingImage &p = m_pending[index];
        m_file = p.entry.origin;
        const bool shapes = m_dataset.task == DatasetTask::Segmentation;
        ImageImportEntry entry = std::move(p.entry);
        entry.annotations.reserve(p.annotations.size());
        entry.forms.reserve(p.annotations.size());
        for (const PendingImage::Raw &raw : std::as_const(p.annotations)) {
            const QByteArrayView text = raw.slice.in(m_texts[raw.text]);
            geometrytext::ShapeForm form;
            std::optional<Annotation> made;
            if (auto plain = shapes ? plainShape(text, raw.label, form) : std::nullopt) {
                made = std::move(plain);
            } else if (auto quick = polygonAnnotation(text)) {
                made =
                    annotation(quick->rest, raw.ordinal, raw.label, shapes, &quick->parts, &form);
            } else if (const auto json = parseObject(text)) {
                made = annotation(*json, raw.ordinal, raw.label, shapes, nullptr, &form);
            } else {
                warn(CocoFormat::tr("annotation %1 is not a valid JSON object; skipped")
                         .arg(raw.ordinal));
            }
            if (made) {
                entry.annotations.append(std::move(*made));
                entry.forms.append(std::move(form)); // one per annotation, made or not
            }
        }
        p.annotations = {};
        m_session.prepare(entry); // here, not on the thread that stores
        return Taken{std::move(entry), std::exchange(m_taken, {})};
    }

    /// What was counted over the whole import, per COCO file, for the report.
    QList<ImportProblem> counted() const
    {
        QList<ImportProblem> problems;
        for (auto it = m_dropped.cbegin(); it != m_dropped.cend(); ++it) {
            const QString where = m_session.display(it.key());
            if (it->polygons > 0)
                problems.append({where, CocoFormat::tr("%n polygon(s) not kept as shapes, only "
                                                       "their boxes: use --task segmentation",
                                                       nullptr, int(it->polygons))});
            if (it->masks > 0)
                problems.append({where, CocoFormat::tr("%n RLE mask(s) not kept as shapes, only "
                                                       "their boxes: use --task segmentation",
                                                       nullptr, int(it->masks))});
        }
        return problems;
    }

private:
    void warn(const QString &reason)
    {
        if (m_collect)
            m_taken.append({m_file, reason});
        else
            m_session.warn(m_file, reason);
    }

    // "info" and "licenses" have no home in the catalog: named and counted. Atelier's own
    // "info" (written by the exporter from the dataset) is not lost: the export makes it again.
    void readTopLevel(const CocoScan &scan, QByteArrayView text)
    {
        QList<QByteArray> keys = scan.values.keys();
        std::sort(keys.begin(), keys.end()); // messages in a stable order
        for (const QByteArray &key : std::as_const(keys)) {
            if (key == "images" || key == "annotations" || key == "categories")
                continue;
            const QJsonValue v = parseValue(scan.values.value(key).in(text));
            const QString name = QString::fromUtf8(key);
            if (key == "info" && (v.toObject().isEmpty() ||
                                  v.toObject().value(u"contributor"_s).toString() == u"Atelier"_s))
                continue;
            if ((v.isArray() && v.toArray().isEmpty()) ||
                (v.isObject() && v.toObject().isEmpty()) || v.isNull())
                continue;
            if (v.isArray()) {
                warn(CocoFormat::tr("the top-level \"%1\" block is not kept (%n item(s))", nullptr,
                                    int(v.toArray().size()))
                         .arg(name));
            } else {
                warn(CocoFormat::tr("the top-level \"%1\" block is not kept").arg(name));
            }
        }
    }

    void readCategories(const QList<JsonSlice> &categories, QByteArrayView text)
    {
        m_categories.clear();
        QHash<QString, qint64> idOfName;
        for (const JsonSlice &slice : categories) {
            const QJsonObject o = parseObject(slice.in(text)).value_or(QJsonObject());
            const auto id = integerId(o.value(u"id"_s));
            const QString name = o.value(u"name"_s).toString().trimmed();
            if (!id || name.isEmpty()) {
                warn(CocoFormat::tr("a category without an integer id or a name was skipped"));
                continue;
            }
            if (m_categories.contains(*id)) {
                warn(CocoFormat::tr("category id %1 is listed twice; the second (\"%2\") was "
                                    "skipped")
                         .arg(*id)
                         .arg(name));
                continue;
            }
            m_categories.insert(*id, name);
            if (idOfName.contains(name)) {
                // One label per name: the second id's annotations join the first's label.
                warn(CocoFormat::tr("categories %1 and %2 are both named \"%3\"; they share one "
                                    "label, which keeps id %1")
                         .arg(idOfName.value(name))
                         .arg(*id)
                         .arg(name));
                continue;
            }
            idOfName.insert(name, *id);
            // Labels in the categories' order, unused ones too, with the id and the other
            // fields (supercategory, keypoints, …) as attributes.
            auto label = m_catalog.ensureLabel(m_dataset.id, name);
            if (!label) {
                warn(label.error().message);
                continue;
            }
            QJsonObject attributes = label->attributes;
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() != u"name"_s)
                    attributes.insert(it.key(), it.value());
            }
            if (attributes != label->attributes) {
                if (auto ok = m_catalog.setLabelAttributes(m_dataset.id, name, attributes); !ok)
                    warn(ok.error().message);
            }
        }
    }

    void readImages(const QList<JsonSlice> &images, QByteArrayView text)
    {
        m_imageIndex.clear();
        const QString split = splitOf(m_file);
        const QString jsonDir = QFileInfo(m_file).absolutePath();
        int n = 0;
        for (const JsonSlice &slice : images) {
            ++n;
            const QJsonObject image = parseObject(slice.in(text)).value_or(QJsonObject());
            const auto id = integerId(image.value(u"id"_s));
            const QString name = image.value(u"file_name"_s).toString();
            if (!id || name.isEmpty()) {
                warn(CocoFormat::tr("image entry %1 has no integer \"id\" or no \"file_name\"; "
                                    "skipped")
                         .arg(n));
                continue;
            }
            if (m_imageIndex.contains(*id)) {
                warn(CocoFormat::tr("image id %1 is listed twice; the second (%2) was skipped")
                         .arg(*id)
                         .arg(name));
                continue;
            }
            ImageImportEntry entry;
            entry.file = findImage(jsonDir, m_session.root(), name);
            entry.sourceName = QDir::cleanPath(name);
            entry.origin = m_file;
            entry.split = split;
            // The image's own size is probed; id, license, coco_url, date_captured, … are kept.
            for (auto it = image.begin(); it != image.end(); ++it) {
                if (it.key() != u"file_name"_s && it.key() != u"width"_s && it.key() != u"height"_s)
                    entry.attributes.insert(it.key(), it.value());
            }
            m_imageIndex.insert(*id, m_pending.size());
            m_pending.append(PendingImage{std::move(entry), {}});
        }
    }

    // Only the references are read here; the rest when the session reaches the image.
    void readAnnotations(const QList<JsonSlice> &annotations, QByteArrayView text)
    {
        static const QList<QByteArrayView> keys{"id", "image_id", "category_id"};
        int n = 0;
        for (const JsonSlice &slice : annotations) {
            ++n;
            const auto f = CocoScan::fields(slice.in(text), keys);
            const QByteArrayView id = f[0], image = f[1], category = f[2];
            auto ref = [&] { // for a message only: most annotations need none
                return id.isNull() ? CocoFormat::tr("annotation %1").arg(n)
                                   : CocoFormat::tr("annotation id %1").arg(shown(id));
            };
            const auto imageId = integerId(image);
            const auto pending = imageId ? m_imageIndex.constFind(*imageId) : m_imageIndex.cend();
            if (pending == m_imageIndex.cend()) {
                warn(CocoFormat::tr("%1: image id %2 is not in \"images\"; skipped")
                         .arg(ref(), shown(image)));
                continue;
            }
            const auto categoryId = integerId(category);
            const auto label =
                categoryId ? m_categories.constFind(*categoryId) : m_categories.cend();
            if (label == m_categories.cend()) {
                warn(CocoFormat::tr("%1: category id %2 is not in \"categories\"; skipped")
                         .arg(ref(), shown(category)));
                continue;
            }
            m_pending[*pending].annotations.append({slice, int(m_texts.size() - 1), n, *label});
        }
    }

    /// An annotation with a polygon segmentation, read in two parts: its polygons by
    /// numberArrays, the other members (a few small values) by QJsonDocument. nullopt when
    /// it is anything else (a mask, no segmentation, a key written with escapes, a repeated
    /// "segmentation", invalid JSON): the whole object is then read as one document, which
    /// gives the same annotation or says why it is not one.
    struct PolygonAnnotation
    {
        QJsonObject rest; ///< every member but "segmentation"
        FlatParts parts;
    };
    static std::optional<PolygonAnnotation> polygonAnnotation(QByteArrayView text)
    {
        const auto members = CocoScan::members(text);
        if (!members)
            return std::nullopt;
        QByteArray rest;
        rest.reserve(256);
        rest += '{';
        std::optional<FlatParts> parts;
        for (const CocoScan::Member &m : *members) {
            if (m.key.contains('\\'))
                return std::nullopt; // QJsonDocument would decode the key
            if (m.key == "segmentation") {
                if (parts)
                    return std::nullopt; // which one wins is QJsonDocument's to say
                parts = numberArrays(m.value.in(text));
                if (!parts)
                    return std::nullopt;
                continue;
            }
            if (rest.size() > 1)
                rest += ',';
            rest += m.member.in(text);
        }
        if (!parts)
            return std::nullopt;
        rest += '}';
        auto object = parseObject(rest);
        if (!object)
            return std::nullopt;
        return PolygonAnnotation{std::move(*object), std::move(*parts)};
    }

    /// True for printable ASCII without quotes or escapes: a key or string that compactJson
    /// writes as it is read.
    static bool plainChars(QByteArrayView chars)
    {
        for (const char c : chars) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
                return false;
        }
        return true;
    }

    static bool plainString(QByteArrayView raw)
    {
        return raw.size() >= 2 && raw.front() == '"' && raw.back() == '"' &&
               plainChars(raw.sliced(1, raw.size() - 2));
    }

    /// Appends the scalar \a raw (a number, a plain string, true, false or null) as
    /// compactJson writes the value QJsonDocument reads of it; false for anything else.
    static bool appendPlainScalar(QByteArray &out, QByteArrayView raw)
    {
        if (raw == "true" || raw == "false" || raw == "null" || plainString(raw)) {
            out += raw;
            return true;
        }
        qsizetype at = 0;
        const auto v = jsonNumber(raw, at);
        return v && at == raw.size() && appendJsonNumber(out, *v);
    }

    /// A mask's RLE object {"size": [h, w], "counts": …} read from its text, and whether its
    /// counts came compressed (a string) rather than as a list; nullopt for anything that is
    /// not plainly that and valid (other members, escapes other than a backslash's, numbers
    /// MaskRle::fromJson would refuse), which the general path then reads and warns of.
    static std::optional<std::pair<MaskRle, bool>> plainRle(QByteArrayView shape)
    {
        const auto members = CocoScan::members(shape);
        if (!members || members->size() != 2)
            return std::nullopt;
        QByteArrayView size, counts;
        for (const CocoScan::Member &m : *members) {
            QByteArrayView &value = m.key == "size" ? size : counts;
            if ((m.key != "size" && m.key != "counts") || !value.isNull())
                return std::nullopt;
            value = m.value.in(shape);
        }
        if (size.isNull() || counts.isNull())
            return std::nullopt;
        qsizetype at = 0;
        auto space = [](QByteArrayView raw, qsizetype &i) {
            while (i < raw.size() && isJsonSpace(raw[i]))
                ++i;
        };
        auto take = [&space](QByteArrayView raw, qsizetype &i, char c) {
            space(raw, i);
            if (i < raw.size() && raw[i] == c) {
                ++i;
                return true;
            }
            return false;
        };
        // size: two positive integers that fit an int, as QJsonValue::toInt takes them.
        auto dimension = [&](qsizetype &i) -> int {
            space(size, i);
            const auto v = jsonNumber(size, i);
            return v && *v >= 1 && *v <= double(std::numeric_limits<int>::max()) &&
                           *v == std::trunc(*v)
                       ? int(*v)
                       : 0;
        };
        if (!take(size, at, '['))
            return std::nullopt;
        const int height = dimension(at);
        if (height == 0 || !take(size, at, ','))
            return std::nullopt;
        const int width = dimension(at);
        if (width == 0 || !take(size, at, ']') || (space(size, at), at != size.size()))
            return std::nullopt;
        std::optional<MaskRle> rle;
        const bool compressed = counts.startsWith('"');
        if (compressed) {
            if (counts.size() < 2 || !counts.endsWith('"'))
                return std::nullopt;
            QByteArray text;
            text.reserve(counts.size());
            for (qsizetype i = 1; i + 1 < counts.size(); ++i) {
                const char c = counts[i];
                if (c == '\\' && i + 2 < counts.size() && counts[i + 1] == '\\') {
                    text += '\\';
                    ++i;
                } else if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    return std::nullopt;
                } else {
                    text += c;
                }
            }
            rle = MaskRle::fromCompressedString(text, height, width);
        } else {
            MaskRle list;
            list.height = height;
            list.width = width;
            qsizetype i = 0;
            if (!take(counts, i, '['))
                return std::nullopt;
            if (!take(counts, i, ']')) {
                list.counts.reserve(counts.size() / 4);
                do {
                    space(counts, i);
                    const auto d = jsonNumber(counts, i);
                    if (!d || *d < 0 || *d > 4294967295.0 || *d != double(qint64(*d)))
                        return std::nullopt;
                    list.counts.append(quint32(*d));
                } while (take(counts, i, ','));
                if (!take(counts, i, ']'))
                    return std::nullopt;
            }
            space(counts, i);
            if (i != counts.size())
                return std::nullopt;
            rle = std::move(list);
        }
        if (!rle || !rle->isValid())
            return std::nullopt;
        return std::pair{std::move(*rle), compressed};
    }

    /// True for an array of numbers ("bbox"), which QJsonDocument reads without complaint.
    static bool numberArray(QByteArrayView raw)
    {
        if (raw.size() < 2 || raw.front() != '[' || raw.back() != ']')
            return false;
        qsizetype at = 1;
        auto space = [&] {
            while (at < raw.size() && isJsonSpace(raw[at]))
                ++at;
        };
        space();
        if (at == raw.size() - 1)
            return true; // []
        for (;;) {
            space();
            if (!jsonNumber(raw, at))
                return false;
            space();
            if (raw[at] == ']')
                return at == raw.size() - 1;
            if (raw[at] != ',')
                return false;
            ++at;
        }
    }

    /// The common COCO polygon or mask annotation, made straight from its text: its members
    /// other than "segmentation" are plain (keys of printable ASCII without escapes, each
    /// once; scalar values; "bbox" an array of numbers), with no "attributes" of Atelier's own
    /// (nor, for a mask, an "rle" of its own), and its shape is valid: every part of a
    /// polygon, a mask's RLE. Its attributes text is written from the raw members (with a
    /// mask's "rle" form), as compactJson writes the object QJsonDocument reads of them, in
    /// QJsonObject's key order; the annotation's attributes, and a polygon's geometry, are
    /// left for restoreGeometry() to read from \a form. nullopt for anything else:
    /// annotation() reads it, and says what is wrong.
    static std::optional<Annotation> plainShape(QByteArrayView text, const QString &label,
                                                geometrytext::ShapeForm &form)
    {
        const auto members = CocoScan::members(text);
        if (!members)
            return std::nullopt;
        // The attributes: each key and its value's text (image_id and category_id are checked
        // as scalars, not kept).
        QVarLengthArray<std::pair<QByteArrayView, QByteArrayView>, 16> kept;
        const CocoScan::Member *segmentation = nullptr;
        for (const CocoScan::Member &m : *members) {
            if (!plainChars(m.key) || m.key == "attributes")
                return std::nullopt;
            const QByteArrayView value = m.value.in(text);
            if (m.key == "segmentation") {
                if (segmentation)
                    return std::nullopt; // which one wins is QJsonDocument's to say
                segmentation = &m;
            } else if (m.key == "bbox") {
                if (!numberArray(value))
                    return std::nullopt;
            } else {
                kept.append({m.key, value});
            }
        }
        if (!segmentation)
            return std::nullopt;
        const QByteArrayView shape = segmentation->value.in(text);
        std::optional<FlatParts> parts;
        std::optional<MaskRle> rle;
        if (shape.startsWith('[')) {
            parts = numberArrays(shape);
            if (!parts)
                return std::nullopt;
            for (const QList<double> &flat : std::as_const(*parts)) {
                if (flat.size() < 6 || flat.size() % 2 != 0)
                    return std::nullopt; // a part to warn of
            }
        } else if (auto plain = plainRle(shape)) {
            rle = std::move(plain->first);
            // The form it came in, so that the export writes it back the same way.
            kept.append({"rle", plain->second ? "\"compressed\"" : "\"uncompressed\""});
        } else {
            const auto object = parseObject(shape);
            if (!object)
                return std::nullopt;
            rle = MaskRle::fromJson(*object);
            if (!rle)
                return std::nullopt; // malformed: to warn of
            kept.append({"rle", object->value(u"counts"_s).isString() ? "\"compressed\""
                                                                      : "\"uncompressed\""});
        }
        // QJsonObject orders its keys as QString compares them: for ASCII, bytewise.
        std::sort(kept.begin(), kept.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        QByteArray attributes;
        attributes.reserve(128);
        attributes += '{';
        for (qsizetype i = 0; i < kept.size(); ++i) {
            const auto &[key, value] = kept[i];
            if (i > 0 && kept[i - 1].first == key)
                return std::nullopt; // a key twice (or a mask's own "rle")
            const bool reference = key == "image_id" || key == "category_id";
            const qsizetype mark = attributes.size();
            if (!reference) {
                if (attributes.size() > 1)
                    attributes += ',';
                attributes += '"';
                attributes += key;
                attributes += "\":";
            }
            if (!appendPlainScalar(attributes, value))
                return std::nullopt;
            if (reference)
                attributes.truncate(mark);
        }
        attributes += '}';
        if (rle) {
            // Its geometry is the form's text, without a QJsonObject (as a polygon's).
            form = geometrytext::maskForm(*rle, attributes);
            Annotation a;
            a.kind = AnnotationKind::Mask;
            a.label = label;
            a.geometry = QJsonValue(QJsonValue::Undefined);
            return a;
        }
        auto made = geometrytext::polygonForm(*parts, attributes);
        if (!made)
            return std::nullopt;
        form = std::move(*made);
        Annotation a;
        a.kind = AnnotationKind::Polygon;
        a.label = label;
        a.geometry = QJsonValue(QJsonValue::Undefined);
        return a;
    }

    static QString reference(const QJsonObject &a, int ordinal)
    {
        return a.contains(u"id"_s)
                   ? CocoFormat::tr("annotation id %1").arg(a.value(u"id"_s).toVariant().toString())
                   : CocoFormat::tr("annotation %1").arg(ordinal);
    }

    /// The bbox when it is [x, y, w, h] of numbers.
    static std::optional<QRectF> bbox(const QJsonValue &value)
    {
        const QJsonArray b = value.toArray();
        bool numbers = b.size() == 4;
        for (const QJsonValue &x : b)
            numbers = numbers && x.isDouble();
        if (!numbers)
            return std::nullopt;
        return QRectF(b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble());
    }

    /// \a polygons: the polygon segmentation when already read (then \a a has none).
    /// \a form: where a polygon's form goes when made here (its geometry then left undefined).
    std::optional<Annotation> annotation(const QJsonObject &a, int ordinal, const QString &label,
                                         bool shapes, const FlatParts *polygons = nullptr,
                                         geometrytext::ShapeForm *form = nullptr)
    {
        auto ref = [&] { return reference(a, ordinal); }; // for messages only
        // Everything but what the shape and the references say is kept under COCO's names;
        // Atelier's own "attributes": {author, source} gives the annotation's author back.
        QJsonObject attributes;
        QJsonObject extra = a.value(u"attributes"_s).toObject();
        const QString author = extra.take(u"author"_s).toString();
        const QString source = extra.take(u"source"_s).toString();
        for (auto it = a.begin(); it != a.end(); ++it) {
            static const QStringList structural{u"image_id"_s, u"category_id"_s, u"bbox"_s,
                                                u"segmentation"_s, u"attributes"_s};
            if (!structural.contains(it.key()))
                attributes.insert(it.key(), it.value());
        }
        if (!extra.isEmpty())
            attributes.insert(u"attributes"_s, extra);

        const QJsonValue segmentation = a.value(u"segmentation"_s);
        std::optional<Annotation> made;
        std::optional<QRectF> shapeBounds;
        FlatParts read; // the polygons of a segmentation read as a QJsonValue
        if (!polygons && segmentation.isArray() && !segmentation.toArray().isEmpty()) {
            for (const QJsonValue &part : segmentation.toArray()) {
                QList<double> flat; // not an array: none; not a number: 0, as toDouble() says
                for (const QJsonValue &x : part.toArray())
                    flat.append(x.toDouble());
                read.append(std::move(flat));
            }
            polygons = &read;
        }
        FlatParts kept;              // the polygon's parts that are one
        std::optional<MaskRle> mask; // the mask made
        if (polygons) {
            for (const QList<double> &flat : *polygons) {
                if (flat.size() < 6 || flat.size() % 2 != 0) {
                    warn(CocoFormat::tr("%1: a polygon needs an even number (≥ 6) of "
                                        "coordinates; that part was skipped")
                             .arg(ref()));
                    continue;
                }
                kept.append(flat);
            }
            if (!kept.isEmpty() && shapes) {
                // Its geometry is made by the form below, as text, without a QJsonValue.
                made = Annotation();
                made->kind = AnnotationKind::Polygon;
                made->label = label;
                made->geometry = QJsonValue(QJsonValue::Undefined);
            } else if (!kept.isEmpty()) {
                QRectF r;
                for (const QPolygonF &p : polygonsOf(kept))
                    r = r.united(p.boundingRect());
                shapeBounds = r;
                ++m_dropped[m_file].polygons;
            }
        } else if (segmentation.isObject()) {
            const auto rle = MaskRle::fromJson(segmentation.toObject());
            if (!rle) {
                warn(CocoFormat::tr("%1: the RLE segmentation is malformed (\"size\": [h, w] and "
                                    "\"counts\" summing to h × w); %2")
                         .arg(ref(), shapes ? CocoFormat::tr("skipped")
                                            : CocoFormat::tr("its bbox was kept")));
                if (shapes)
                    return std::nullopt;
            } else if (shapes) {
                // The form it came in, so that the export writes it back the same way.
                attributes.insert(u"rle"_s, segmentation.toObject().value(u"counts"_s).isString()
                                                ? u"compressed"_s
                                                : u"uncompressed"_s);
                made = Annotation::mask(label, *rle);
                mask = rle;
            } else {
                shapeBounds = rle->bounds(); // only when the box is made of it
                ++m_dropped[m_file].masks;
            }
        }
        if (!made) {
            std::optional<QRectF> r = bbox(a.value(u"bbox"_s));
            if (!r && !a.contains(u"bbox"_s))
                r = shapeBounds; // a box from the dropped shape
            if (!r) {
                warn(CocoFormat::tr("%1: \"bbox\" must be [x, y, width, height]; skipped")
                         .arg(ref()));
                return std::nullopt;
            }
            made = shapes ? Annotation::polygon(label, QPolygonF{r->topLeft(), r->topRight(),
                                                                 r->bottomRight(), r->bottomLeft()})
                          : Annotation::box(label, *r);
        }
        made->author = author;
        made->source = source;
        made->attributes = attributes;
        if (mask && form)
            *form = geometrytext::maskForm(*made, *mask);
        if (made->geometry.isUndefined()) {
            if (auto f = geometrytext::polygonForm(kept, compactJson(attributes)); f && form)
                *form = std::move(*f);
            else // a number only QJsonDocument writes, or no form wanted: the plain geometry
                made->geometry = Annotation::polygon(label, polygonsOf(kept)).geometry;
        }
        return made;
    }

    DatasetCatalog &m_catalog;
    const DatasetInfo &m_dataset;
    ImageImportSession &m_session;
    QList<PendingImage> m_pending;
    std::vector<std::unique_ptr<MappedFile>> m_files; ///< kept open: the pending slices point in
    QList<QByteArrayView> m_texts;                    ///< each file's text
    QString m_file;
    QHash<qint64, QString> m_categories;
    QHash<qint64, qsizetype> m_imageIndex;
    QMap<QString, Dropped> m_dropped; ///< by COCO file
    bool m_collect = false;           ///< inside take(): warnings go to m_taken
    QList<ImportProblem> m_taken;
};

/// How often \a key (with its quotes) occurs in \a data, and what follows the first ':'
/// after each: used to infer the task without parsing the whole file.
struct SegmentationCounts
{
    qint64 annotations = 0;
    qint64 polygons = 0;
    qint64 masks = 0;
};

SegmentationCounts countSegmentations(QByteArrayView data)
{
    SegmentationCounts counts;
    const QByteArrayView category("\"category_id\"");
    for (qsizetype at = data.indexOf(category); at >= 0; at = data.indexOf(category, at + 1))
        ++counts.annotations;
    const QByteArrayView key("\"segmentation\"");
    auto next = [&](qsizetype &i) {
        while (i < data.size() && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' ||
                                   data[i] == '\t' || data[i] == ':'))
            ++i;
        return i < data.size() ? data[i] : '\0';
    };
    for (qsizetype at = data.indexOf(key); at >= 0; at = data.indexOf(key, at + 1)) {
        qsizetype i = at + key.size();
        const char c = next(i);
        if (c == '{') {
            ++counts.masks;
        } else if (c == '[') {
            ++i;
            if (next(i) == '[')
                ++counts.polygons;
        }
    }
    return counts;
}

} // namespace

std::optional<TaskChoice> inferCocoTask(const QString &path)
{
    const QFileInfo info(path);
    QStringList files;
    if (info.isDir()) {
        QDirIterator it(path, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
    } else if (info.suffix().compare(u"json"_s, Qt::CaseInsensitive) == 0) {
        files.append(path);
    } else {
        return TaskChoice{DatasetTask::Detection,
                          CocoFormat::tr("the COCO file inside the archive was not looked in; "
                                         "detection by default (pass --task segmentation to "
                                         "keep polygons and masks)")};
    }
    SegmentationCounts total;
    for (const QString &file : files) {
        MappedFile f(file);
        if (!f.open())
            continue;
        const SegmentationCounts c = countSegmentations(f.bytes());
        total.annotations += c.annotations;
        total.polygons += c.polygons;
        total.masks += c.masks;
    }
    if (total.polygons + total.masks == 0) {
        return TaskChoice{DatasetTask::Detection, CocoFormat::tr("boxes only in %n annotation(s)",
                                                                 nullptr, int(total.annotations))};
    }
    return TaskChoice{DatasetTask::Segmentation,
                      CocoFormat::tr("polygons in %1 and masks in %2 of %3 annotations")
                          .arg(total.polygons)
                          .arg(total.masks)
                          .arg(total.annotations)};
}

Result<ImportReport> importCoco(DatasetContext &context, const DatasetInfo &dataset,
                                const QString &path, const ImportOptions &options)
{
    ImageImportSession session(context, dataset, options, u"coco"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    QStringList jsonFiles;
    if (QFileInfo(local.value()).isDir()) {
        QDirIterator it(local.value(), {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            jsonFiles.append(it.next());
        jsonFiles.sort();
    } else {
        jsonFiles.append(local.value());
    }
    DatasetCatalog catalog(context);
    CocoReader reader(catalog, dataset, session);
    int cocoFiles = 0;
    for (const QString &jsonFile : jsonFiles) {
        auto file = std::make_unique<MappedFile>(jsonFile);
        if (!file->open()) {
            session.unreadable(jsonFile, file->errorString());
            continue;
        }
        const QByteArrayView text = file->bytes();
        const auto scan = CocoScan::scan(text);
        QString why;
        if (!scan) {
            // Not one JSON object: the parser says where and why.
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &error);
            why = doc.isNull() ? CocoFormat::tr("not valid JSON: %1 at byte %2")
                                     .arg(error.errorString())
                                     .arg(error.offset)
                               : CocoFormat::tr("no \"images\" and \"annotations\" arrays: "
                                                "not a COCO file");
        } else if (!isCoco(*scan, text)) {
            why = CocoFormat::tr("no \"images\" and \"annotations\" arrays: not a COCO file");
        }
        if (!why.isEmpty()) {
            if (jsonFiles.size() == 1) {
                return makeError(ErrorCode::Invalid,
                                 CocoFormat::tr("%1: %2").arg(session.display(jsonFile), why));
            }
            session.unreadable(jsonFile, why);
            continue;
        }
        ++cocoFiles;
        reader.read(jsonFile, std::move(file), *scan);
    }
    if (cocoFiles == 0) {
        return makeError(ErrorCode::Invalid,
                         CocoFormat::tr("No COCO annotation file (JSON with \"images\" and "
                                        "\"annotations\") in %1.")
                             .arg(QDir::toNativeSeparators(path)));
    }
    // Reading the annotations (a quarter of the import's time) overlaps storing the images
    // before them; their warnings are said in the image's turn, as read one after the other.
    // A third thread stores the image files ahead (copy, hash, probe), so that the thread
    // that stores only adds their rows.
    auto report = [&] {
        const QStringList files = reader.imageFiles();
        Prefetch<Result<StoredImage>> images(files.size(), [&session, &files](qint64 index) {
            return session.storeImage(files[index]);
        });
        Prefetch<CocoReader::Taken> ahead(reader.count(),
                                          [&reader](qint64 index) { return reader.take(index); });
        return session.run(
            reader.count(),
            [&](qint64 index) {
                CocoReader::Taken taken = ahead.take(index);
                for (const ImportProblem &w : std::as_const(taken.warnings))
                    session.warn(w.file, w.reason);
                taken.entry.image = images.take(index);
                return std::move(taken.entry);
            },
            // Freed by the reader's thread, which allocated it: freeing it here would wait on
            // that thread's allocator, time and again.
            [&ahead](ImageImportEntry &&entry) {
                ahead.giveBack({std::move(entry), {}});
            });
    }(); // the reading threads have stopped here: the reader's counts are complete
    if (report)
        report->warnings.append(reader.counted());
    return report;
}

} // namespace atelier
