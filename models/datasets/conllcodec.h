#pragma once

#include "core/result.h"
#include "datasets/textcodec.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace atelier {

/// CoNLL named-entity files (the CoNLL-2003 layout): one token per line, the token first and
/// the tag last, other columns (CoNLL-2003: POS and chunk) between; a blank line between
/// sentences; "-DOCSTART- …" lines between documents. Read into TextRecords and written back
/// without losing what the catalog can keep (docs/datasets-text.md, "CoNLL").
///
/// What a record keeps of the file, in TextRecord::attributes under "conll":
/// - "document": the 1-based number of the document in the file (after its n-th -DOCSTART-;
///   absent in a file without -DOCSTART-), and "docstart": the -DOCSTART- line as written, on
///   the document's first sentence;
/// - "columns": the columns between token and tag, one list per column, one value per token;
/// - "tokens": the tokens as [start, end) code points of the text, only when splitting the
///   text at blanks does not give them back (Chinese joined without blanks, an exact text).
///
/// '#' at the start of a line is a token (CoNLL-2003 has "#" tokens). Comment lines
/// "# key = value" (CoNLL-U; "# text = …" gives the exact sentence, "# id = …" its id) are
/// read as comments only in a file where every sentence starts with one.
///
/// Tags: IOB2 (B- starts an entity), IOB1 (I- may start one; B- only separates two adjacent
/// entities of one type: read as IOB2, with a note on the record) and BIOES (S-, E-; also
/// U-, L-). A tag that is none of these, or an E-/L- that ends no entity, makes the sentence a
/// problem.
class ConllCodec final
{
    Q_DECLARE_TR_FUNCTIONS(ConllCodec)

public:
    /// Reads a whole CoNLL file (see TextCodec::read).
    static Status read(const QByteArray &data, const TextReadOptions &options,
                       const TextCodec::Sink &sink, QList<TextProblem> &problems);

    /// The tokens of \a text: its runs of non-blank characters, cut at \a cuts (span
    /// boundaries) where one falls inside a run; [start, end) in code points.
    static QList<std::pair<qint64, qint64>> tokenize(const QString &text,
                                                     const QList<qint64> &cuts = {});
    /// The text a reader makes of \a tokens: joined by one blank, none between two CJK
    /// characters; \a positions gets each token's [start, end) in code points.
    static QString joinTokens(const QStringList &tokens,
                              QList<std::pair<qint64, qint64>> *positions = nullptr);

    /// Writes records as plain CoNLL ("TOKEN [COLUMNS…] TAG" separated by one blank, IOB2 tags,
    /// a blank line after each sentence), the records' -DOCSTART- lines, tokens and columns
    /// back where they have them. Keeps what it had to change or leave out for warnings().
    class Writer final
    {
    public:
        /// \a extraColumns: the columns between token and tag of the file, the most any record
        /// has (extraColumns()); a record with fewer gets "_" for the missing ones.
        explicit Writer(int extraColumns) : m_extraColumns(extraColumns) {}
        QByteArray write(const TextRecord &record);
        /// One translated line per thing changed or left out, with how many and an example.
        QStringList warnings() const;

    private:
        struct Count
        {
            qint64 count = 0;
            QString example; ///< the id of the first record it happened to
        };
        static void note(Count &count, const QString &id);

        int m_extraColumns = 0;
        qint64 m_document = 0; ///< the "document" of the last record written (0: none)
        QStringList m_overlaps;
        Count m_inexactText;
        Count m_cutTokens;
    };

    /// How many columns between token and tag the item attributes \a attributes keep.
    static int extraColumns(const QJsonObject &attributes);
};

} // namespace atelier
