#include "datasets/textcodec.h"

#include "datasets/conllcodec.h"
#include "datasets/textlines.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

using textlines::forEachLine;
using textlines::validUtf8;

bool cancelled(const TextReadOptions &options)
{
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

QString badUtf8(qint64 line)
{
    Q_UNUSED(line);
    return TextCodec::tr("the line is not valid UTF-8; save the file as UTF-8");
}

QString jsonString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return {};
}

enum class Offsets { CodePoints, Utf16 };

/// A span from {start, end, label} / {start_offset, end_offset, label} / {start, end,
/// labels: [..]} / [start, end, label]; nullopt when the value is none of those.
std::optional<TextSpan> spanFrom(const QJsonValue &value, QString *spanText)
{
    TextSpan span;
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        if (a.size() < 3 || !a.at(0).isDouble() || !a.at(1).isDouble())
            return std::nullopt;
        span.start = qint64(a.at(0).toDouble());
        span.end = qint64(a.at(1).toDouble());
        span.label = jsonString(a.at(2));
        return span;
    }
    if (!value.isObject())
        return std::nullopt;
    QJsonObject o = value.toObject();
    if (o.value(u"value"_s).isObject()) // a Label Studio result
        o = o.value(u"value"_s).toObject();
    const QJsonValue start =
        o.contains(u"start_offset"_s) ? o.value(u"start_offset"_s) : o.value(u"start"_s);
    const QJsonValue end =
        o.contains(u"end_offset"_s) ? o.value(u"end_offset"_s) : o.value(u"end"_s);
    if (!start.isDouble() || !end.isDouble())
        return std::nullopt;
    span.start = qint64(start.toDouble());
    span.end = qint64(end.toDouble());
    if (o.value(u"labels"_s).isArray())
        span.label = jsonString(o.value(u"labels"_s).toArray().at(0));
    else if (o.contains(u"label"_s))
        span.label = jsonString(o.value(u"label"_s));
    else
        span.label = jsonString(o.value(u"type"_s));
    if (o.value(u"score"_s).isDouble())
        span.score = o.value(u"score"_s).toDouble();
    if (spanText && o.value(u"text"_s).isString())
        *spanText = o.value(u"text"_s).toString();
    return span;
}

/// Converts a UTF-16 span to code points, checked against the span's own text when known.
std::optional<QString> fixUtf16Span(const QString &text, TextSpan &span, const QString &shown)
{
    if (span.start < 0 || span.end > text.size() || span.start >= span.end)
        return TextCodec::tr("the span [%1, %2) \"%3\" is not inside the text (%4 UTF-16 units)")
            .arg(span.start)
            .arg(span.end)
            .arg(span.label)
            .arg(text.size());
    const QString covered = text.mid(span.start, span.end - span.start);
    if (!shown.isEmpty() && covered != shown) {
        // Some tools count code points: accept when that reading matches the shown text.
        if (TextCodec::spanText(text, span.start, span.end) == shown)
            return std::nullopt;
        return TextCodec::tr("the span [%1, %2) covers \"%3\", not \"%4\" as the file says")
            .arg(span.start)
            .arg(span.end)
            .arg(covered, shown);
    }
    const qint64 s = TextCodec::utf16ToCodePoint(text, span.start);
    const qint64 e = TextCodec::utf16ToCodePoint(text, span.end);
    if (s < 0 || e < 0)
        return TextCodec::tr("the span [%1, %2) cuts an emoji or other character in two")
            .arg(span.start)
            .arg(span.end);
    span.start = s;
    span.end = e;
    return std::nullopt;
}

/// Reads the fields of one JSON object into \a record; returns a problem, if any.
std::optional<QString> recordFromObject(const QJsonObject &o, TextRecord &record, Offsets offsets)
{
    auto first = [&](std::initializer_list<QString> keys) -> QJsonValue {
        for (const QString &k : keys) {
            if (o.contains(k))
                return o.value(k);
        }
        return QJsonValue(QJsonValue::Undefined);
    };
    record.id = jsonString(o.value(u"id"_s));
    record.attributes = o.value(u"attributes"_s).toObject(); // as writeJsonl writes them
    QJsonValue text = first({u"text"_s, u"sentence"_s, u"content"_s, u"text_a"_s});
    if (text.isUndefined() && o.value(u"data"_s).isObject())
        text = o.value(u"data"_s).toObject().value(u"text"_s);
    if (!text.isString() && !text.isUndefined())
        return TextCodec::tr("\"text\" is not a string");
    record.text = text.toString();
    for (const QString &key : {u"text_b"_s, u"text2"_s, u"sentence2"_s, u"text_pair"_s}) {
        if (o.value(key).isString()) {
            record.textB = o.value(key).toString();
            if (!record.textB.isEmpty())
                record.shapeField = key;
            break;
        }
    }
    const QJsonValue score = o.value(u"score"_s);
    if (score.isDouble())
        record.score = score.toDouble();
    else if (!score.isUndefined() && !score.isNull())
        return TextCodec::tr("\"score\" is not a number");
    const QJsonValue probs = first({u"probabilities"_s, u"probs"_s});
    if (probs.isObject()) {
        const QJsonObject p = probs.toObject();
        for (auto it = p.begin(); it != p.end(); ++it)
            record.probabilities.append({it.key(), it.value().toDouble()});
        std::sort(record.probabilities.begin(), record.probabilities.end(),
                  [](const auto &a, const auto &b) { return a.second > b.second; });
    }

    QList<std::pair<TextSpan, QString>> spans; // span, text shown beside it
    QString spansField;
    auto takeLabels = [&](const QString &key) -> std::optional<QString> {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (v.isString() || v.isDouble() || v.isBool()) {
            record.labels.append(jsonString(v));
            return std::nullopt;
        }
        if (!v.isArray())
            return TextCodec::tr("\"label\" is neither a label, a list of labels nor spans");
        for (const QJsonValue &e : v.toArray()) {
            if (e.isString() || e.isDouble() || e.isBool()) {
                record.labels.append(jsonString(e));
                continue;
            }
            QString shown;
            auto span = spanFrom(e, &shown);
            if (!span)
                return TextCodec::tr("a label entry is neither a label nor a span");
            spans.append({*span, shown});
            spansField = key;
        }
        return std::nullopt;
    };
    if (auto problem = takeLabels(u"label"_s))
        return problem;
    if (auto problem = takeLabels(u"labels"_s))
        return problem;
    const QString spanKey = o.contains(u"spans"_s) ? u"spans"_s : u"entities"_s;
    const QJsonValue spanList = o.value(spanKey);
    if (!spanList.isUndefined() && !spanList.isNull()) {
        if (!spanList.isArray())
            return TextCodec::tr("\"spans\" is not a list");
        for (const QJsonValue &e : spanList.toArray()) {
            QString shown;
            auto span = spanFrom(e, &shown);
            if (!span)
                return TextCodec::tr("a span needs a start, an end and a label");
            spans.append({*span, shown});
            spansField = spanKey;
        }
    }
    for (auto &[span, shown] : spans) {
        if (offsets == Offsets::Utf16) {
            if (auto problem = fixUtf16Span(record.text, span, shown))
                return problem;
        } else if (!shown.isEmpty() &&
                   TextCodec::spanText(record.text, span.start, span.end) != shown) {
            return TextCodec::tr("the span [%1, %2) covers \"%3\", not \"%4\" as the file says")
                .arg(span.start)
                .arg(span.end)
                .arg(TextCodec::spanText(record.text, span.start, span.end), shown);
        }
        record.spans.append(span);
    }
    if (!record.spans.isEmpty())
        record.shapeField = spansField;
    return std::nullopt;
}

std::optional<QString> missingText(const TextRecord &record)
{
    if (record.text.trimmed().isEmpty())
        return TextCodec::tr("the record has no text");
    return std::nullopt;
}

Status readJsonLines(const QByteArray &data, const TextReadOptions &options,
                     const TextCodec::Sink &sink, QList<TextProblem> &problems, Offsets offsets)
{
    bool stopped = false;
    forEachLine(data, [&](QByteArrayView line, qint64 number) {
        if (cancelled(options)) {
            stopped = true;
            return false;
        }
        if (line.trimmed().isEmpty())
            return true;
        if (!validUtf8(line.data(), line.size())) {
            problems.append({number, badUtf8(number)});
            return true;
        }
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            problems.append({number, error.error != QJsonParseError::NoError
                                         ? TextCodec::tr("not JSON (%1 at column %2)")
                                               .arg(error.errorString())
                                               .arg(error.offset + 1)
                                         : TextCodec::tr("the line is not a JSON object")});
            return true;
        }
        TextRecord record;
        record.line = number;
        std::optional<QString> problem = recordFromObject(doc.object(), record, offsets);
        if (!problem && (options.requireText || !record.text.isEmpty()))
            problem = missingText(record);
        if (!problem && !record.text.isEmpty())
            problem = TextCodec::checkSpans(record);
        if (problem) {
            problems.append({number, *problem});
            return true;
        }
        return sink(std::move(record));
    });
    if (stopped)
        return makeError(ErrorCode::Cancelled, TextCodec::tr("The import was cancelled."));
    return {};
}

Status readTxt(const QByteArray &data, const TextReadOptions &options, const TextCodec::Sink &sink,
               QList<TextProblem> &problems)
{
    bool stopped = false;
    forEachLine(data, [&](QByteArrayView line, qint64 number) {
        if (cancelled(options)) {
            stopped = true;
            return false;
        }
        if (line.trimmed().isEmpty())
            return true;
        if (!validUtf8(line.data(), line.size())) {
            problems.append({number, badUtf8(number)});
            return true;
        }
        TextRecord record;
        record.line = number;
        record.text = QString::fromUtf8(line);
        return sink(std::move(record));
    });
    if (stopped)
        return makeError(ErrorCode::Cancelled, TextCodec::tr("The import was cancelled."));
    return {};
}

/// Label Studio: a JSON array of tasks (or one task per line), each {"id", "data": {"text"},
/// "annotations": [{"result": [...]}], "predictions": [...]} or the JSON-MIN shape {"text",
/// "label": [{start, end, text, labels}]}. Offsets are UTF-16 units.
Status readLabelStudio(const QByteArray &data, const TextReadOptions &options,
                       const TextCodec::Sink &sink, QList<TextProblem> &problems)
{
    const QByteArray trimmed = data.trimmed();
    if (!trimmed.startsWith('['))
        return readJsonLines(data, options, sink, problems, Offsets::Utf16);
    if (!validUtf8(data.constData(), data.size()))
        return makeError(ErrorCode::Invalid,
                         TextCodec::tr("The Label Studio file is not valid UTF-8; export it again "
                                       "as JSON."));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(ErrorCode::Invalid,
                         TextCodec::tr("The Label Studio file is not JSON (%1 at byte %2); export "
                                       "it again as JSON.")
                             .arg(error.errorString())
                             .arg(error.offset + 1));
    const QJsonArray tasks = doc.array();
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (cancelled(options))
            return makeError(ErrorCode::Cancelled, TextCodec::tr("The import was cancelled."));
        const qint64 number = i + 1;
        const QJsonObject task = tasks.at(i).toObject();
        TextRecord record;
        record.line = number;
        std::optional<QString> problem;
        if (task.contains(u"annotations"_s) || task.contains(u"predictions"_s) ||
            task.value(u"data"_s).isObject()) {
            record.id = jsonString(task.value(u"id"_s));
            const QJsonObject taskData = task.value(u"data"_s).toObject();
            record.text = taskData.value(u"text"_s).toString();
            if (record.text.isEmpty()) { // the first string of data when it is not "text"
                for (auto it = taskData.begin(); it != taskData.end(); ++it) {
                    if (it.value().isString()) {
                        record.text = it.value().toString();
                        break;
                    }
                }
            }
            QJsonArray results;
            for (const QJsonValue &a : task.value(u"annotations"_s).toArray()) {
                const QJsonObject annotation = a.toObject();
                if (annotation.value(u"was_cancelled"_s).toBool())
                    continue;
                results = annotation.value(u"result"_s).toArray();
                break;
            }
            if (results.isEmpty() && !task.value(u"predictions"_s).toArray().isEmpty())
                results = task.value(u"predictions"_s)
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(u"result"_s)
                              .toArray();
            for (const QJsonValue &r : results) {
                const QJsonObject value = r.toObject().value(u"value"_s).toObject();
                if (value.value(u"choices"_s).isArray()) {
                    for (const QJsonValue &c : value.value(u"choices"_s).toArray())
                        record.labels.append(jsonString(c));
                    continue;
                }
                QString shown;
                auto span = spanFrom(value, &shown);
                if (!span)
                    continue; // other result types (ratings, text areas) carry no label here
                if ((problem = fixUtf16Span(record.text, *span, shown)))
                    break;
                record.spans.append(*span);
                record.shapeField = u"result"_s;
            }
        } else {
            problem = recordFromObject(task, record, Offsets::Utf16);
        }
        if (!problem)
            problem = missingText(record);
        if (!problem)
            problem = TextCodec::checkSpans(record);
        if (problem) {
            problems.append({number, TextCodec::tr("task %1: %2").arg(number).arg(*problem)});
            continue;
        }
        if (!sink(std::move(record)))
            break;
    }
    return {};
}

// --- CSV ------------------------------------------------------------------------------------

/// Splits CSV/TSV records (RFC 4180 quotes; a quoted field may hold separators and line ends).
class CsvReader
{
public:
    CsvReader(const QByteArray &data, char separator) : m_data(data), m_separator(separator)
    {
        if (m_data.startsWith("\xef\xbb\xbf"))
            m_pos = 3;
    }
    bool atEnd() const { return m_pos >= m_data.size(); }
    qint64 line() const { return m_line; }
    /// The next record's raw fields; \a startLine gets its first line.
    QList<QByteArray> next(qint64 &startLine, bool &badQuote)
    {
        QList<QByteArray> fields;
        QByteArray field;
        startLine = m_line;
        badQuote = false;
        bool quoted = false;
        bool wasQuoted = false;
        while (m_pos < m_data.size()) {
            const char c = m_data.at(m_pos++);
            if (quoted) {
                if (c == '"') {
                    if (m_pos < m_data.size() && m_data.at(m_pos) == '"') {
                        field += '"';
                        ++m_pos;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n')
                        ++m_line;
                    field += c;
                }
                continue;
            }
            if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = wasQuoted = true;
            } else if (c == m_separator) {
                fields.append(field);
                field.clear();
                wasQuoted = false;
            } else if (c == '\n') {
                ++m_line;
                break;
            } else if (c == '\r' && m_pos < m_data.size() && m_data.at(m_pos) == '\n') {
                continue;
            } else {
                field += c;
            }
        }
        if (quoted)
            badQuote = true;
        fields.append(field);
        return fields;
    }

private:
    const QByteArray &m_data;
    char m_separator;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
};

int findColumn(const QStringList &header, const QString &wanted,
               std::initializer_list<const char *> defaults)
{
    if (!wanted.isEmpty()) {
        for (int i = 0; i < header.size(); ++i) {
            if (header.at(i).compare(wanted, Qt::CaseInsensitive) == 0)
                return i;
        }
        return -2; // asked for and missing
    }
    for (const char *name : defaults) {
        for (int i = 0; i < header.size(); ++i) {
            if (header.at(i).compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                return i;
        }
    }
    return -1;
}

Status readCsv(const QByteArray &data, char separator, const TextReadOptions &options,
               const TextCodec::Sink &sink, QList<TextProblem> &problems)
{
    CsvReader reader(data, separator);
    if (reader.atEnd())
        return makeError(ErrorCode::Invalid,
                         TextCodec::tr("The file is empty; a CSV needs a header line and rows."));
    qint64 headerLine = 0;
    bool badQuote = false;
    const QList<QByteArray> rawHeader = reader.next(headerLine, badQuote);
    QStringList header;
    for (const QByteArray &h : rawHeader) {
        if (!validUtf8(h.constData(), h.size()))
            return makeError(ErrorCode::Invalid,
                             TextCodec::tr("line 1: the header is not valid UTF-8; save the file "
                                           "as UTF-8."));
        header.append(QString::fromUtf8(h).trimmed());
    }
    const int text = findColumn(header, options.textColumn,
                                {"text", "sentence", "sentence1", "text_a", "content", "review",
                                 "document", "query", "question1", "utterance", "comment"});
    const int label = findColumn(header, options.labelColumn,
                                 {"label", "labels", "category", "class", "intent", "sentiment",
                                  "tag", "tags", "target", "is_duplicate"});
    const int textB = findColumn(header, options.textBColumn,
                                 {"text_b", "sentence2", "question2", "text2", "text_pair"});
    const int score = findColumn(header, options.scoreColumn, {"score", "similarity"});
    const int spans = findColumn(header, options.spansColumn, {"spans", "entities"});
    const int id = findColumn(header, {}, {"id"});
    const QString columns = header.join(u", "_s);
    auto missing = [&](const QString &name, const char *option) {
        return makeError(ErrorCode::Invalid,
                         TextCodec::tr("line 1: there is no column \"%1\"; the header has: %2. "
                                       "Nothing was imported; name the column with %3.")
                             .arg(name, columns, QLatin1String(option)));
    };
    if (text == -1)
        return makeError(ErrorCode::Invalid,
                         TextCodec::tr("line 1: no text column found (looked for \"text\", "
                                       "\"sentence\", \"content\", …); the header has: %1. "
                                       "Nothing was imported; name it with --text-column.")
                             .arg(columns));
    if (text == -2)
        return missing(options.textColumn, "--text-column");
    if (label == -2)
        return missing(options.labelColumn, "--label-column");
    if (textB == -2)
        return missing(options.textBColumn, "--text-b-column");
    if (score == -2)
        return missing(options.scoreColumn, "--score-column");
    if (spans == -2)
        return missing(options.spansColumn, "--spans-column");
    const int needed = std::max({text, label, textB, score, spans, id}) + 1;
    while (!reader.atEnd()) {
        if (cancelled(options))
            return makeError(ErrorCode::Cancelled, TextCodec::tr("The import was cancelled."));
        qint64 number = 0;
        const QList<QByteArray> fields = reader.next(number, badQuote);
        if (fields.size() == 1 && fields.first().trimmed().isEmpty())
            continue; // a blank line
        if (badQuote) {
            problems.append({number, TextCodec::tr("a quoted field is not closed; the rest of "
                                                   "the file was read as part of it")});
            break;
        }
        bool utf8 = true;
        for (const QByteArray &f : fields)
            utf8 = utf8 && validUtf8(f.constData(), f.size());
        if (!utf8) {
            problems.append({number, badUtf8(number)});
            continue;
        }
        if (fields.size() < needed) {
            problems.append({number, TextCodec::tr("the row has %1 fields, the header %2")
                                         .arg(fields.size())
                                         .arg(header.size())});
            continue;
        }
        auto cell = [&](int column) {
            return column < 0 ? QString() : QString::fromUtf8(fields.at(column));
        };
        TextRecord record;
        record.line = number;
        record.id = cell(id);
        record.text = cell(text);
        record.textB = cell(textB);
        const QString labels = cell(label).trimmed();
        if (!labels.isEmpty()) {
            for (const QString &l : labels.split(u'|', Qt::SkipEmptyParts))
                record.labels.append(l.trimmed());
        }
        const QString scoreText = cell(score).trimmed();
        if (!scoreText.isEmpty()) {
            bool ok = false;
            record.score = scoreText.toDouble(&ok);
            if (!ok) {
                problems.append(
                    {number, TextCodec::tr("the score \"%1\" is not a number").arg(scoreText)});
                continue;
            }
        }
        std::optional<QString> problem;
        const QString spansText = cell(spans).trimmed();
        if (!spansText.isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(spansText.toUtf8());
            if (!doc.isArray()) {
                problem = TextCodec::tr("the spans cell is not a JSON list");
            } else {
                for (const QJsonValue &v : doc.array()) {
                    auto span = spanFrom(v, nullptr);
                    if (!span) {
                        problem = TextCodec::tr("a span needs a start, an end and a label");
                        break;
                    }
                    record.spans.append(*span);
                }
            }
        }
        if (!problem)
            problem = missingText(record);
        if (!problem)
            problem = TextCodec::checkSpans(record);
        if (problem) {
            problems.append({number, *problem});
            continue;
        }
        if (!record.spans.isEmpty())
            record.shapeField = header.at(spans);
        else if (!record.textB.isEmpty())
            record.shapeField = header.at(textB);
        if (!sink(std::move(record)))
            break;
    }
    return {};
}

QByteArray csvField(const QString &value, QChar separator)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(char(separator.unicode())) || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r') || (!bytes.isEmpty() && bytes.at(0) == ' ')) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

QJsonArray spansJson(const QList<TextSpan> &spans)
{
    QJsonArray list;
    for (const TextSpan &s : spans)
        list.append(QJsonObject{{u"start"_s, s.start}, {u"end"_s, s.end}, {u"label"_s, s.label}});
    return list;
}

QJsonValue idJson(const QString &id)
{
    bool numeric = false;
    const qint64 n = id.toLongLong(&numeric);
    if (numeric)
        return n;
    return id.isEmpty() ? QJsonValue() : QJsonValue(id);
}

} // namespace

QStringList TextCodec::formats()
{
    return {u"txt"_s, u"csv"_s, u"tsv"_s, u"jsonl"_s, u"conll"_s, u"labelstudio"_s, u"doccano"_s};
}

Status TextCodec::read(const QString &format, const QByteArray &data,
                       const TextReadOptions &options, const Sink &sink,
                       QList<TextProblem> &problems)
{
    if (format == u"txt"_s)
        return readTxt(data, options, sink, problems);
    if (format == u"csv"_s)
        return readCsv(data, ',', options, sink, problems);
    if (format == u"tsv"_s)
        return readCsv(data, '\t', options, sink, problems);
    if (format == u"jsonl"_s || format == u"doccano"_s)
        return readJsonLines(data, options, sink, problems, Offsets::CodePoints);
    if (format == u"conll"_s)
        return ConllCodec::read(data, options, sink, problems);
    if (format == u"labelstudio"_s)
        return readLabelStudio(data, options, sink, problems);
    return makeError(
        ErrorCode::Invalid,
        tr("Unknown text format \"%1\"; use one of: %2.").arg(format, formats().join(u", "_s)));
}

QByteArray TextCodec::writeJsonl(const TextRecord &record, TextShape shape)
{
    QJsonObject o;
    if (!record.id.isEmpty())
        o.insert(u"id"_s, idJson(record.id));
    o.insert(u"text"_s, record.text);
    switch (shape) {
    case TextShape::Classification:
        if (record.labels.size() == 1)
            o.insert(u"label"_s, record.labels.first());
        else
            o.insert(u"labels"_s, QJsonArray::fromStringList(record.labels));
        break;
    case TextShape::Entities:
        o.insert(u"spans"_s, spansJson(record.spans));
        break;
    case TextShape::Pairs:
        o.insert(u"text_b"_s, record.textB);
        if (!record.labels.isEmpty())
            o.insert(u"label"_s, record.labels.first());
        if (record.score)
            o.insert(u"score"_s, *record.score);
        break;
    }
    if (!record.attributes.isEmpty())
        o.insert(u"attributes"_s, record.attributes);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray TextCodec::writeDoccano(const TextRecord &record, TextShape shape)
{
    QJsonObject o;
    if (!record.id.isEmpty())
        o.insert(u"id"_s, idJson(record.id));
    o.insert(u"text"_s, record.text);
    if (shape == TextShape::Entities) {
        QJsonArray list;
        for (const TextSpan &s : record.spans)
            list.append(QJsonArray{s.start, s.end, s.label});
        o.insert(u"label"_s, list);
    } else {
        if (shape == TextShape::Pairs)
            o.insert(u"text_b"_s, record.textB);
        o.insert(u"label"_s, QJsonArray::fromStringList(record.labels));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray TextCodec::csvHeader(TextShape shape, QChar separator)
{
    const char sep = char(separator.unicode());
    QByteArray h = "id" + QByteArray(1, sep) + "text" + QByteArray(1, sep);
    switch (shape) {
    case TextShape::Classification:
        return h + "label\n";
    case TextShape::Entities:
        return h + "spans\n";
    case TextShape::Pairs:
        return h + "text_b" + QByteArray(1, sep) + "label" + QByteArray(1, sep) + "score\n";
    }
    return h;
}

QByteArray TextCodec::writeCsv(const TextRecord &record, TextShape shape, QChar separator)
{
    const char sep = char(separator.unicode());
    QByteArray row = csvField(record.id, separator) + sep + csvField(record.text, separator) + sep;
    switch (shape) {
    case TextShape::Classification:
        row += csvField(record.labels.join(u'|'), separator);
        break;
    case TextShape::Entities:
        row += csvField(QString::fromUtf8(
                            QJsonDocument(spansJson(record.spans)).toJson(QJsonDocument::Compact)),
                        separator);
        break;
    case TextShape::Pairs:
        row += csvField(record.textB, separator) + sep +
               csvField(record.labels.value(0), separator) + sep +
               (record.score ? QByteArray::number(*record.score, 'g', 17) : QByteArray());
        break;
    }
    return row + '\n';
}

qsizetype TextCodec::codePointToUtf16(const QString &text, qint64 codePoint)
{
    if (codePoint < 0)
        return -1;
    qsizetype i = 0;
    qint64 cp = 0;
    const qsizetype n = text.size();
    while (cp < codePoint) {
        if (i >= n)
            return -1;
        i += (text.at(i).isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
        ++cp;
    }
    return i;
}

qint64 TextCodec::utf16ToCodePoint(const QString &text, qsizetype index)
{
    if (index < 0 || index > text.size())
        return -1;
    if (index > 0 && index < text.size() && text.at(index).isLowSurrogate() &&
        text.at(index - 1).isHighSurrogate())
        return -1;
    qint64 cp = 0;
    for (qsizetype i = 0; i < index; ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++cp;
    }
    return cp;
}

qint64 TextCodec::codePointCount(const QString &text)
{
    return utf16ToCodePoint(text, text.size());
}

QString TextCodec::spanText(const QString &text, qint64 start, qint64 end)
{
    const qsizetype s = codePointToUtf16(text, start);
    const qsizetype e = codePointToUtf16(text, end);
    if (s < 0 || e < 0 || e < s)
        return {};
    return text.mid(s, e - s);
}

std::optional<QString> TextCodec::checkSpans(const TextRecord &record)
{
    if (record.spans.isEmpty())
        return std::nullopt;
    const qint64 length = codePointCount(record.text);
    for (const TextSpan &s : record.spans) {
        if (s.label.trimmed().isEmpty())
            return tr("the span [%1, %2) has no label").arg(s.start).arg(s.end);
        if (s.start < 0 || s.end <= s.start || s.end > length)
            return tr("the span [%1, %2) \"%3\" is not inside the text (%4 characters; offsets "
                      "count Unicode code points)")
                .arg(s.start)
                .arg(s.end)
                .arg(s.label)
                .arg(length);
    }
    return std::nullopt;
}

} // namespace atelier
