#include "datasets/conllcodec.h"

#include "datasets/textlines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

using Range = std::pair<qint64, qint64>;

const QString kConll = u"conll"_s;

/// One token line of a sentence.
struct Row
{
    QString token;
    QString tag;
    QStringList extra; ///< the columns between token and tag
    qint64 line = 0;
};

/// A CoNLL-U style comment "# key = value" (key one word); captures key and value.
const QRegularExpression &commentPattern()
{
    static const QRegularExpression re(u"^#\\s*([A-Za-z_][\\w.-]*)\\s*=\\s?(.*)$"_s);
    return re;
}

bool isDocstart(QStringView trimmed)
{
    return trimmed.startsWith(u"-DOCSTART-"_s);
}

/// Comments are read only in a file where every sentence starts with one: elsewhere a line
/// "# …" is the token "#" (CoNLL-2003 has them, and "# id = 3" there is not a comment).
bool everySentenceStartsWithComment(const QByteArray &data)
{
    bool atStart = true;
    bool any = false;
    bool all = true;
    textlines::forEachLine(data, [&](QByteArrayView raw, qint64) {
        const QByteArrayView trimmed = raw.trimmed();
        if (trimmed.isEmpty()) {
            atStart = true;
            return true;
        }
        if (!atStart || trimmed.startsWith("-DOCSTART-"))
            return true;
        atStart = false;
        if (!trimmed.startsWith('#') ||
            !commentPattern().match(QString::fromUtf8(trimmed)).hasMatch()) {
            all = false;
            return false;
        }
        any = true;
        return true;
    });
    return any && all;
}

/// The tags of one sentence as spans; nullopt and \a problem set when a tag is not BIO.
/// \a iob1 is set when an I- tag starts an entity (IOB1, the original CoNLL-2003 tagging).
bool decodeTags(const QList<Row> &rows, const QList<Range> &positions, QList<TextSpan> &spans,
                bool &iob1, TextProblem &problem)
{
    std::optional<TextSpan> open;
    auto close = [&] {
        if (open)
            spans.append(*open);
        open.reset();
    };
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString &tag = rows.at(i).tag;
        const auto [start, end] = positions.at(i);
        if (tag == u"O"_s) {
            close();
            continue;
        }
        const qsizetype dash = tag.indexOf(u'-');
        const QString prefix = dash == 1 ? tag.left(1).toUpper() : QString();
        const QString label = tag.mid(2);
        if (prefix.isEmpty() || label.isEmpty() ||
            !(prefix == u"B"_s || prefix == u"I"_s || prefix == u"S"_s || prefix == u"E"_s ||
              prefix == u"L"_s || prefix == u"U"_s)) {
            // Strings kept from TextCodec keep their context, so their translations stay.
            QString reason = TextCodec::tr("\"%1\" is not a BIO tag (write O, B-LABEL or "
                                           "I-LABEL); the sentence was skipped")
                                 .arg(tag);
            if (rows.at(i).token.startsWith(u'#'))
                reason += u' ' + ConllCodec::tr("(a line starting with '#' is a token; comment "
                                                "lines \"# key = value\" are read only in a file "
                                                "where every sentence starts with one)");
            problem = {rows.at(i).line, reason};
            return false;
        }
        if (prefix == u"B"_s || prefix == u"S"_s || prefix == u"U"_s) {
            close();
            open = TextSpan{start, end, label, std::nullopt};
            if (prefix != u"B"_s)
                close();
            continue;
        }
        if (open && open->label == label) {
            open->end = end;
            if (prefix != u"I"_s)
                close();
            continue;
        }
        if (prefix == u"I"_s) { // IOB1: an I- after O or another type starts the entity
            close();
            open = TextSpan{start, end, label, std::nullopt};
            iob1 = true;
            continue;
        }
        problem = {rows.at(i).line,
                   ConllCodec::tr("%1 ends no %2 entity (no B-%2 or I-%2 before it); the "
                                  "sentence was skipped")
                       .arg(tag, label)};
        return false;
    }
    close();
    return true;
}

/// One record from a sentence: its text, spans and what else the file says of it.
std::optional<TextProblem> sentenceRecord(const QList<Row> &rows, const QString &exactText,
                                          const QJsonObject &conllAttributes, TextRecord &record)
{
    QStringList tokens;
    for (const Row &row : rows)
        tokens.append(row.token);
    // Token positions: inside the exact text when given and consistent, else in the text a
    // reader makes of the tokens.
    QList<Range> positions;
    if (!exactText.isEmpty()) {
        qsizetype cursor = 0;
        for (const QString &token : std::as_const(tokens)) {
            while (cursor < exactText.size() && exactText.at(cursor).isSpace())
                ++cursor;
            if (!QStringView(exactText).mid(cursor).startsWith(token)) {
                positions.clear();
                break;
            }
            positions.append({TextCodec::utf16ToCodePoint(exactText, cursor),
                              TextCodec::utf16ToCodePoint(exactText, cursor + token.size())});
            cursor += token.size();
        }
        // The tokens must cover the text: a word the tokens lack would be lost on export.
        if (!QStringView(exactText).mid(cursor).trimmed().isEmpty())
            positions.clear();
        if (!positions.isEmpty())
            record.text = exactText;
    }
    if (positions.isEmpty())
        record.text = ConllCodec::joinTokens(tokens, &positions);
    record.line = rows.first().line;

    bool iob1 = false;
    TextProblem problem;
    if (!decodeTags(rows, positions, record.spans, iob1, problem))
        return problem;
    if (iob1)
        record.notes.append(ConllCodec::tr("IOB1 tags (an I- tag starts an entity) were read "
                                           "as IOB2"));

    QJsonObject conll = conllAttributes;
    const qsizetype extra = rows.first().extra.size();
    const bool sameColumns = std::all_of(rows.cbegin(), rows.cend(),
                                         [&](const Row &row) { return row.extra.size() == extra; });
    if (!sameColumns) {
        record.notes.append(ConllCodec::tr("its lines have different numbers of columns; the "
                                           "columns between token and tag were not kept"));
    } else if (extra > 0) {
        QJsonArray columns;
        for (qsizetype c = 0; c < extra; ++c) {
            QStringList values;
            for (const Row &row : rows)
                values.append(row.extra.at(c));
            columns.append(QJsonArray::fromStringList(values));
        }
        conll.insert(u"columns"_s, columns);
    }
    // The tokens are kept only where the blanks of the text do not give them back.
    if (ConllCodec::tokenize(record.text) != positions) {
        QJsonArray list;
        for (const auto &[start, end] : std::as_const(positions))
            list.append(QJsonArray{start, end});
        conll.insert(u"tokens"_s, list);
    }
    if (!conll.isEmpty())
        record.attributes.insert(kConll, conll);
    return std::nullopt;
}

/// The stored tokens of a record, when they fit its text: increasing, inside, non-blank.
QList<Range> storedTokens(const QJsonObject &conll, const QString &text)
{
    const QJsonArray list = conll.value(u"tokens"_s).toArray();
    if (list.isEmpty())
        return {};
    const qint64 length = TextCodec::codePointCount(text);
    QList<Range> tokens;
    qint64 last = 0;
    for (const QJsonValue &v : list) {
        const QJsonArray pair = v.toArray();
        const qint64 start = pair.at(0).toInteger(-1);
        const qint64 end = pair.at(1).toInteger(-1);
        if (pair.size() != 2 || start < last || end <= start || end > length)
            return {};
        const QString token = TextCodec::spanText(text, start, end);
        if (std::any_of(token.cbegin(), token.cend(), [](QChar c) { return c.isSpace(); }))
            return {};
        tokens.append({start, end});
        last = end;
    }
    return tokens;
}

/// The stored columns between token and tag, when there is one value per token.
QList<QStringList> storedColumns(const QJsonObject &conll, qsizetype tokens)
{
    QList<QStringList> columns;
    for (const QJsonValue &v : conll.value(u"columns"_s).toArray()) {
        QStringList values;
        for (const QJsonValue &value : v.toArray()) {
            const QString s = value.toString();
            if (s.isEmpty() ||
                std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.isSpace(); }))
                return {};
            values.append(s);
        }
        if (values.size() != tokens)
            return {};
        columns.append(values);
    }
    return columns;
}

} // namespace

Status ConllCodec::read(const QByteArray &data, const TextReadOptions &options,
                        const TextCodec::Sink &sink, QList<TextProblem> &problems)
{
    const bool comments = everySentenceStartsWithComment(data);
    QList<Row> rows;
    QString exactText;
    QString id;
    qint64 document = 0; // the -DOCSTART- lines so far
    QString docstart;    // the -DOCSTART- line, until the document's first sentence takes it
    qint64 badLine = 0;  // a line of the current sentence that was not UTF-8 or had no tag
    QString badReason;
    bool stopped = false;
    bool more = true;
    auto flush = [&]() {
        const QString firstOfDocument = docstart;
        if (badLine > 0 || !rows.isEmpty())
            docstart.clear(); // taken by this sentence, even when it is skipped
        if (badLine > 0) {
            problems.append({badLine, badReason});
        } else if (!rows.isEmpty()) {
            TextRecord record;
            record.id = id;
            QJsonObject conll;
            if (document > 0)
                conll.insert(u"document"_s, document);
            if (!firstOfDocument.isEmpty())
                conll.insert(u"docstart"_s, firstOfDocument);
            if (auto problem = sentenceRecord(rows, exactText, conll, record)) {
                problems.append(*problem);
            } else {
                more = sink(std::move(record));
            }
        }
        rows.clear();
        exactText.clear();
        id.clear();
        badLine = 0;
    };
    static const QRegularExpression blanks(u"\\s+"_s);
    textlines::forEachLine(data, [&](QByteArrayView raw, qint64 number) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
            stopped = true;
            return false;
        }
        if (!textlines::validUtf8(raw.data(), raw.size())) {
            if (badLine == 0) {
                badLine = number;
                badReason = TextCodec::tr("the line is not valid UTF-8; save the file as UTF-8");
            }
            return true;
        }
        const QString trimmed = QString::fromUtf8(raw).trimmed();
        if (trimmed.isEmpty()) {
            flush();
            return more;
        }
        if (isDocstart(trimmed)) {
            flush();
            ++document;
            docstart = trimmed.split(blanks).join(u' ');
            return more;
        }
        if (comments && rows.isEmpty() && trimmed.startsWith(u'#')) {
            const QRegularExpressionMatch m = commentPattern().match(trimmed);
            if (m.hasMatch()) {
                const QString key = m.captured(1);
                if (key == u"text"_s) {
                    exactText = m.captured(2);
                } else if (key == u"text_json"_s) {
                    exactText = QJsonDocument::fromJson("[" + m.captured(2).toUtf8() + "]")
                                    .array()
                                    .at(0)
                                    .toString();
                } else if (key == u"id"_s || key == u"sent_id"_s) {
                    id = m.captured(2);
                }
                return true;
            }
        }
        const QStringList columns = trimmed.split(blanks);
        if (columns.size() < 2) {
            if (badLine == 0) {
                badLine = number;
                badReason = TextCodec::tr("\"%1\" has no tag column (write TOKEN<tab>TAG); the "
                                          "sentence was skipped")
                                .arg(trimmed);
            }
            return true;
        }
        rows.append({columns.first(), columns.last(), columns.mid(1, columns.size() - 2), number});
        return true;
    });
    if (stopped)
        return makeError(ErrorCode::Cancelled, TextCodec::tr("The import was cancelled."));
    if (more)
        flush();
    return {};
}

QList<std::pair<qint64, qint64>> ConllCodec::tokenize(const QString &text,
                                                      const QList<qint64> &cuts)
{
    QList<qint64> sortedCuts = cuts;
    std::sort(sortedCuts.begin(), sortedCuts.end());
    QList<Range> tokens;
    const QList<uint> ucs4 = text.toUcs4();
    const qint64 n = ucs4.size();
    qsizetype c = 0;
    qint64 i = 0;
    while (i < n) {
        if (QChar::isSpace(char32_t(ucs4.at(i)))) {
            ++i;
            continue;
        }
        qint64 j = i + 1;
        while (j < n && !QChar::isSpace(char32_t(ucs4.at(j))))
            ++j;
        while (c < sortedCuts.size() && sortedCuts.at(c) <= i)
            ++c;
        qint64 start = i;
        for (qsizetype k = c; k < sortedCuts.size() && sortedCuts.at(k) < j; ++k) {
            if (sortedCuts.at(k) > start) {
                tokens.append({start, sortedCuts.at(k)});
                start = sortedCuts.at(k);
            }
        }
        tokens.append({start, j});
        i = j;
    }
    return tokens;
}

QString ConllCodec::joinTokens(const QStringList &tokens,
                               QList<std::pair<qint64, qint64>> *positions)
{
    QString text;
    qint64 cp = 0;
    for (const QString &token : tokens) {
        if (token.isEmpty())
            continue;
        if (!text.isEmpty()) {
            const bool cjkJoin = textlines::isCjk(text.back().unicode()) &&
                                 textlines::isCjk(token.front().unicode());
            if (!cjkJoin) {
                text += u' ';
                ++cp;
            }
        }
        const qint64 n = TextCodec::codePointCount(token);
        if (positions)
            positions->append({cp, cp + n});
        text += token;
        cp += n;
    }
    return text;
}

int ConllCodec::extraColumns(const QJsonObject &attributes)
{
    return int(attributes.value(kConll).toObject().value(u"columns"_s).toArray().size());
}

void ConllCodec::Writer::note(Count &count, const QString &id)
{
    if (count.count++ == 0)
        count.example = id;
}

QByteArray ConllCodec::Writer::write(const TextRecord &record)
{
    QList<TextSpan> spans = record.spans;
    std::sort(spans.begin(), spans.end(), [](const TextSpan &a, const TextSpan &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    QList<TextSpan> kept;
    QList<qint64> cuts;
    for (const TextSpan &s : std::as_const(spans)) {
        if (!kept.isEmpty() && s.start < kept.last().end) {
            m_overlaps.append(
                TextCodec::tr("item %1: the span [%2, %3) \"%4\" overlaps [%5, %6) \"%7\"; "
                              "BIO cannot hold both, it was left out")
                    .arg(record.id)
                    .arg(s.start)
                    .arg(s.end)
                    .arg(s.label)
                    .arg(kept.last().start)
                    .arg(kept.last().end)
                    .arg(kept.last().label));
            continue;
        }
        kept.append(s);
        cuts << s.start << s.end;
    }

    const QJsonObject conll = record.attributes.value(kConll).toObject();
    QList<Range> base = storedTokens(conll, record.text);
    if (base.isEmpty())
        base = tokenize(record.text);
    const QList<QStringList> columns = storedColumns(conll, base.size());
    // The stored tokens, cut only where a span boundary falls inside one (BIO tags whole
    // tokens); each piece keeps its token's column values.
    QList<Range> tokens;
    QList<qsizetype> origin; // the index in base of each token
    std::sort(cuts.begin(), cuts.end());
    for (qsizetype b = 0; b < base.size(); ++b) {
        qint64 start = base.at(b).first;
        for (const qint64 cut : std::as_const(cuts)) {
            if (cut > start && cut < base.at(b).second) {
                tokens.append({start, cut});
                origin.append(b);
                start = cut;
                note(m_cutTokens, record.id);
            }
        }
        tokens.append({start, base.at(b).second});
        origin.append(b);
    }

    QByteArray out;
    const qint64 document = conll.value(u"document"_s).toInteger(0);
    const QString docstart = conll.value(u"docstart"_s).toString();
    if (document > 0 && (!docstart.isEmpty() || document != m_document)) {
        QByteArray line = docstart.toUtf8();
        if (docstart.split(u' ', Qt::SkipEmptyParts).size() != m_extraColumns + 2) {
            line = "-DOCSTART-";
            for (int c = 0; c < m_extraColumns; ++c)
                line += " -X-";
            line += " O";
        }
        out += line + "\n\n";
    }
    if (document > 0)
        m_document = document;

    QStringList texts;
    qsizetype k = 0;
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        const auto [start, end] = tokens.at(t);
        while (k < kept.size() && kept.at(k).end <= start)
            ++k;
        QByteArray tag = "O";
        if (k < kept.size() && kept.at(k).start <= start && end <= kept.at(k).end)
            tag = (kept.at(k).start == start ? "B-" : "I-") + kept.at(k).label.toUtf8();
        const QString token = TextCodec::spanText(record.text, start, end);
        texts.append(token);
        out += token.toUtf8();
        for (int c = 0; c < m_extraColumns; ++c)
            out += ' ' +
                   (c < columns.size() ? columns.at(c).at(origin.at(t)).toUtf8() : QByteArray("_"));
        out += ' ' + tag + '\n';
    }
    if (joinTokens(texts) != record.text)
        note(m_inexactText, record.id);
    return out + '\n';
}

QStringList ConllCodec::Writer::warnings() const
{
    QStringList list = m_overlaps;
    if (m_inexactText.count > 0)
        list.append(tr("%n texts are not their tokens joined by one blank (several blanks, line "
                       "breaks, a token cut at a span; the first: item %1): CoNLL keeps the "
                       "tokens, not the exact text; export jsonl to keep it",
                       nullptr, int(m_inexactText.count))
                        .arg(m_inexactText.example));
    if (m_cutTokens.count > 0)
        list.append(tr("%n tokens were cut in two where a span starts or ends inside them, as "
                       "BIO tags whole tokens (the first: item %1)",
                       nullptr, int(m_cutTokens.count))
                        .arg(m_cutTokens.example));
    return list;
}

} // namespace atelier
