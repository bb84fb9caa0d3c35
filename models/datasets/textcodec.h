#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

class QIODevice;

namespace atelier {

/// One entity span of a text record: [start, end) in Unicode code points, end exclusive.
struct TextSpan
{
    qint64 start = 0;
    qint64 end = 0;
    QString label;
    std::optional<double> score; ///< predictions: the model's confidence in the span

    /// Same place and label (the score is not compared).
    bool operator==(const TextSpan &other) const
    {
        return start == other.start && end == other.end && label == other.label;
    }
};

/// One text item as a file holds it, before it reaches a dataset.
struct TextRecord
{
    qint64 line = 0; ///< 1-based line of the file where the record starts
    QString id;      ///< the record's "id" in the file, empty when none
    QString text;
    QString textB;               ///< pairs: the second text
    QStringList labels;          ///< classification labels; pairs: "similar" / "not_similar"
    std::optional<double> score; ///< pairs: a 0–1 score; predictions: the model's confidence
    QList<TextSpan> spans;       ///< entities, code points
    /// Predictions: probability per class ({"label": p}), used for active-learning order.
    QList<std::pair<QString, double>> probabilities;
    /// What the file says of the record beyond its text and annotations, kept as the item's
    /// attributes and written back on export (CoNLL: "conll", see ConllCodec).
    QJsonObject attributes;
    /// What the reader changed to read the record (one translated line each: "IOB1 tags were
    /// read as IOB2"); an import counts each kind of note as one warning.
    QStringList notes;
    /// The file's name for where the record's spans (else its second text) were found
    /// ("spans", "entities", "label", "result", "text_b", a CSV column): an inferred task's
    /// reason names it.
    QString shapeField;
};

/// A line a reader could not take, and why (one translated line).
struct TextProblem
{
    qint64 line = 0;
    QString reason;
};

/// How to read a text file.
struct TextReadOptions
{
    QString textColumn;  ///< CSV/TSV: the text column (a header name); empty: by header names
    QString labelColumn; ///< CSV/TSV: the label column; labels split on '|'
    QString textBColumn; ///< CSV/TSV: the second text of a pair
    QString scoreColumn; ///< CSV/TSV: a 0–1 pair score
    QString spansColumn; ///< CSV/TSV: a JSON array of spans
    const std::atomic_bool *cancel = nullptr;
    /// JSONL: a record without text is a problem (predictions name their item by id instead,
    /// and their spans are checked against the item's text).
    bool requireText = true;
};

/// Which annotations the writers put out.
enum class TextShape { Classification, Entities, Pairs };

/// Reading and writing the text formats (txt, csv, tsv, jsonl, conll, labelstudio, doccano) on
/// plain records; the store glue is in textformats.cpp.
///
/// Conventions (the public contract, also in docs/datasets-text.md):
/// - Files are UTF-8 (a BOM is skipped). A line that is not valid UTF-8 is a problem.
/// - Span offsets are Unicode code points, end exclusive. QString is UTF-16: codePointToUtf16()
///   and utf16ToCodePoint() convert (an emoji outside the BMP is one code point, two units).
///   Label Studio files count in UTF-16 units (JavaScript); its spans are converted, checked
///   against the span's "text" when the file gives it.
/// - Bad records are skipped and reported with their line; the rest is read ("the rest
///   imports"). A file that cannot be read at all (a CSV without the text column, a file
///   that is not JSON) is refused as a whole.
/// - CoNLL: see ConllCodec (conllcodec.h).
class TextCodec final
{
    Q_DECLARE_TR_FUNCTIONS(TextCodec)

public:
    /// Receives one record; returns false to stop reading.
    using Sink = std::function<bool(TextRecord &&record)>;

    /// The formats read(), in the spelling of --format.
    static QStringList formats();
    /// Reads \a data (a whole file) as \a format, calling \a sink per record and adding bad
    /// lines to \a problems. Returns an error only when nothing can be read (unknown format,
    /// a CSV with no text column, a Label Studio file that is not JSON, cancelled).
    static Status read(const QString &format, const QByteArray &data,
                       const TextReadOptions &options, const Sink &sink,
                       QList<TextProblem> &problems);

    /// JSONL: {"id", "text", "text_b", "label" | "labels", "score", "spans": [{start, end,
    /// label}], "attributes": {…}}, one object per line; keys that do not apply are left out.
    static QByteArray writeJsonl(const TextRecord &record, TextShape shape);
    /// doccano JSONL: {"id", "text", "label": [[start, end, label], …]} (entities) or
    /// {"id", "text", "label": [labels]}.
    static QByteArray writeDoccano(const TextRecord &record, TextShape shape);
    /// CSV or TSV header and rows (RFC 4180 quoting; labels joined with '|'; entities in a
    /// "spans" column as JSON).
    static QByteArray csvHeader(TextShape shape, QChar separator);
    static QByteArray writeCsv(const TextRecord &record, TextShape shape, QChar separator);
    /// The UTF-16 index of code point \a codePoint in \a text (text.size() past the end);
    /// -1 when \a codePoint is negative or beyond the end.
    static qsizetype codePointToUtf16(const QString &text, qint64 codePoint);
    /// The code point index of UTF-16 index \a index; -1 when it is negative, beyond the end
    /// or inside a surrogate pair.
    static qint64 utf16ToCodePoint(const QString &text, qsizetype index);
    /// Number of code points of \a text.
    static qint64 codePointCount(const QString &text);
    /// The text of span [start, end) in code points (empty when it is not inside).
    static QString spanText(const QString &text, qint64 start, qint64 end);
    /// Checks a record's spans against its text: inside, non-empty, with a label.
    static std::optional<QString> checkSpans(const TextRecord &record);
};

} // namespace atelier
