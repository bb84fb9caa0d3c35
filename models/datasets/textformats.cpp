#include "datasets/textformats.h"
#include "catalog/database.h"
#include "core/batchqueue.h"
#include "datasets/annotationstore.h"
#include "datasets/conllcodec.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/formatregistry.h"
#include "datasets/textbulkwriter.h"
#include "datasets/textcodec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <utility>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

std::optional<QString> pairLabel(const QString &label)
{
    const QString l = label.trimmed().toLower();
    if (l == u"similar"_s || l == u"1"_s || l == u"true"_s || l == u"yes"_s || l == u"same"_s ||
        l == u"duplicate"_s)
        return u"similar"_s;
    if (l == u"not_similar"_s || l == u"0"_s || l == u"false"_s || l == u"no"_s ||
        l == u"dissimilar"_s || l == u"not similar"_s || l == u"different"_s)
        return u"not_similar"_s;
    return std::nullopt;
}

QList<Annotation> annotationsOf(const TextRecord &record, const DatasetInfo &dataset,
                                const QString &where, QList<ImportProblem> &warnings)
{
    QList<Annotation> annotations;
    switch (dataset.task) {
    case DatasetTask::TextClassification: {
        QStringList labels = record.labels;
        labels.removeDuplicates();
        if (labels.size() > 1 && !dataset.options.multiLabel) {
            warnings.append({where, TextFormats::tr("%1 labels for a single-label dataset; only "
                                                    "\"%2\" was kept")
                                        .arg(labels.size())
                                        .arg(labels.first())});
            labels = labels.mid(0, 1);
        }
        for (const QString &l : labels) {
            if (!l.trimmed().isEmpty())
                annotations.append(Annotation::tag(l));
        }
        break;
    }
    case DatasetTask::Entities:
        for (const TextSpan &s : record.spans)
            annotations.append(Annotation::span(s.label, s.start, s.end));
        break;
    case DatasetTask::Pairs: {
        std::optional<QString> label;
        if (!record.labels.isEmpty()) {
            label = pairLabel(record.labels.first());
            if (!label)
                warnings.append({where, TextFormats::tr("\"%1\" is not a pair label (similar / "
                                                        "not_similar, 1 / 0); left unlabeled")
                                            .arg(record.labels.first())});
        }
        std::optional<double> score = record.score;
        if (score && (*score < 0.0 || *score > 1.0)) {
            warnings.append(
                {where, TextFormats::tr("the score %1 is outside 0–1; left out").arg(*score)});
            score.reset();
        }
        if (label || score) {
            annotations.append(Annotation::pair(
                label.value_or(score && *score >= 0.5 ? u"similar"_s : u"not_similar"_s), score));
        }
        break;
    }
    default:
        break;
    }
    return annotations;
}

/// One line of the file made ready for the catalog on the parsing thread: the reader's
/// warnings about its annotations, and what the writer binds (or why it cannot be added).
struct PreparedLine
{
    qint64 line = 0;
    QString where; ///< "file:line"
    QList<ImportProblem> warnings;
    QStringList notes; ///< what the reader changed (TextRecord::notes)
    TextBulkWriter::Prepared text;
};

PreparedLine prepareLine(TextRecord &&record, const DatasetInfo &dataset, const QString &fileName,
                         const QString &author)
{
    PreparedLine line;
    line.line = record.line;
    line.where = u"%1:%2"_s.arg(fileName).arg(record.line);
    line.notes = std::move(record.notes);
    if (dataset.task != DatasetTask::Pairs)
        record.textB.clear();
    // The annotations carry no author yet: prepare() gives them the import's.
    line.text = TextBulkWriter::prepare(dataset, author, record.text, record.textB, line.where,
                                        annotationsOf(record, dataset, line.where, line.warnings),
                                        record.attributes);
    return line;
}

Result<ImportReport> importText(const QString &format, DatasetContext &context,
                                const DatasetInfo &dataset, const QString &path,
                                const ImportOptions &options)
{
    const QFileInfo info(path);
    if (info.isDir())
        return makeError(ErrorCode::Invalid,
                         TextFormats::tr("%1 is a folder; give the %2 file to import.")
                             .arg(QDir::toNativeSeparators(path), format));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         TextFormats::tr("Cannot read %1: %2.")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray data = file.readAll();
    file.close();

    TextReadOptions read;
    read.textColumn = options.formatOptions.value(u"text_column"_s);
    read.labelColumn = options.formatOptions.value(u"label_column"_s);
    read.textBColumn = options.formatOptions.value(u"text_b_column"_s);
    read.scoreColumn = options.formatOptions.value(u"score_column"_s);
    read.spansColumn = options.formatOptions.value(u"spans_column"_s);

    ImportReport report;
    report.dataset = dataset.name;
    const QString fileName = info.fileName();
    const QString author = options.author.isEmpty() ? context.author() : options.author;
    const qint64 totalLines = data.count('\n') + (data.endsWith('\n') ? 0 : 1);
    QList<TextProblem> problems;
    TextBulkWriter writer(context, dataset);
    writer.reserve(totalLines);
    // A large file's items and their unique-key index outgrow SQLite's default 2 MiB page
    // cache: pages would be written out and read back many times inside the one transaction.
    // Up to 256 MiB for the import, the default again afterwards.
    const bool bigFile = data.size() > (8 << 20);
    if (bigFile) {
        (void)context.db().execScript("PRAGMA cache_size = -262144;");
#ifdef __GLIBC__
        // A long-lived process's heap is full of small free chunks (a million-line import
        // allocates and frees several million more); glibc then searches long free lists on
        // every malloc, which made the same import up to 1.8x slower after earlier work in
        // the process. Coalescing them first also gives the free pages back to the system.
        malloc_trim(0);
#endif
    }
    // The schema's CHECK (status IN (…)) constraints build a temporary index per row inserted;
    // TextBulkWriter writes only the enums' own spellings, so they are off for the import.
    (void)context.db().execScript("PRAGMA ignore_check_constraints = ON;");
    // Likewise the foreign keys: the writer inserts items of this dataset and annotations of
    // the items it just inserted. Back on (they only switch outside a transaction) afterwards.
    const bool ownTransaction = !context.db().inTransaction();
    if (ownTransaction)
        (void)context.db().execScript("PRAGMA foreign_keys = OFF;");

    // Two threads: a parser reads the file ahead and prepares each line (JSON, annotations,
    // the NFC + SHA-256 de-duplication hash) while this thread writes to the catalog. At most
    // kQueued batches wait, so memory stays bounded whatever the file's size.
    constexpr qsizetype kBatch = 512;
    constexpr std::size_t kQueued = 16;
    BatchQueue<PreparedLine> queue(kQueued);
    QList<TextProblem> parseProblems;
    Status parsed;
    std::thread parser([&] {
        QList<PreparedLine> batch;
        batch.reserve(kBatch);
        parsed = TextCodec::read(
            format, data, read,
            [&](TextRecord &&record) -> bool {
                batch.append(prepareLine(std::move(record), dataset, fileName, author));
                if (batch.size() < kBatch)
                    return true;
                queue.freeRecycled();
                const bool more = queue.push(std::exchange(batch, {}));
                batch.reserve(kBatch);
                return more;
            },
            parseProblems);
        if (!batch.isEmpty())
            queue.push(std::move(batch));
        queue.finish();
    });
    // Each kind of note (TextRecord::notes) is one warning: how many records, the first one.
    QList<std::pair<QString, std::pair<qint64, QString>>> notes; // note → (count, first where)
    auto write = [&](const PreparedLine &line) {
        qint64 written = 0;
        auto added = writer.add(line.text, &written);
        if (!added) {
            problems.append({line.line, added.error().message});
            return;
        }
        for (const QString &note : line.notes) {
            auto it = std::find_if(notes.begin(), notes.end(),
                                   [&](const auto &n) { return n.first == note; });
            if (it == notes.end())
                notes.append({note, {1, line.where}});
            else
                ++it->second.first;
        }
        report.warnings.append(line.warnings);
        report.annotations += written;
        if (added->duplicate) {
            ++report.duplicates;
            report.duplicateFiles.append(
                {line.where, written > 0
                                 ? TextFormats::tr("same text (after normalisation) as %1; %2 "
                                                   "annotations by %3 added to it")
                                       .arg(added->item.sourceName)
                                       .arg(written)
                                       .arg(author)
                                 : TextFormats::tr("same text (after normalisation) as %1")
                                       .arg(added->item.sourceName)});
            return;
        }
        for (const QString &w : std::as_const(line.text.warnings))
            report.warnings.append({line.where, w});
        ++report.imported;
        if (options.progress && (report.imported + report.duplicates) % 2000 == 0)
            options.progress(line.line, totalLines, fileName);
    };
    qint64 reached = 0; // the last line handled
    // Short transactions (DatasetContext::slices), so that other processes can write to the
    // catalog during a long import; the dataset reads as importing until importDataset()
    // clears its mark after the last one. A step is one line: the clock is read per line.
    std::optional<QList<PreparedLine>> batch;
    qsizetype at = 0;
    Status done = writer.start();
    if (done)
        done = context.slices(
            [&]() -> Result<bool> {
                if (!batch || at == batch->size()) {
                    if (batch)
                        queue.recycle(std::move(*batch));
                    batch = queue.pop();
                    at = 0;
                    if (!batch) {
                        // A file that cannot be read at all fails before its first record.
                        if (!parsed && parsed.error().code != ErrorCode::Cancelled)
                            return parsed.error();
                        return false;
                    }
                    if (batch->isEmpty())
                        return true;
                }
                if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                    report.cancelled = true; // what was written so far is kept
                    queue.stop();
                    return false;
                }
                const PreparedLine &line = batch->at(at++);
                write(line);
                reached = line.line;
                return true;
            },
            [&]() -> Status { return writer.resume(); });
    if (done)
        done = writer.finish();
    queue.stop(); // a failed write leaves the parser waiting on a full queue
    parser.join();
    (void)context.db().execScript("PRAGMA ignore_check_constraints = OFF;");
    if (ownTransaction)
        (void)context.db().execScript("PRAGMA foreign_keys = ON;");
    if (bigFile)
        (void)context.db().execScript("PRAGMA cache_size = -2000;");
    if (!done)
        return done.error();
    // The parser's problems and the writer's, in line order as one pass would give them;
    // after a cancel, none from the lines the parser read ahead.
    if (report.cancelled)
        parseProblems.removeIf([&](const TextProblem &p) { return p.line > reached; });
    problems.append(parseProblems);
    std::stable_sort(problems.begin(), problems.end(),
                     [](const TextProblem &a, const TextProblem &b) { return a.line < b.line; });
    for (const TextProblem &p : problems)
        report.unreadable.append({u"%1:%2"_s.arg(fileName).arg(p.line), p.reason});
    for (const auto &[note, where] : std::as_const(notes))
        report.warnings.append(
            {where.second,
             TextFormats::tr("%1 (in %n records; the first is here)", nullptr, int(where.first))
                 .arg(note)});
    if (options.progress)
        options.progress(totalLines, totalLines, fileName);
    return report;
}

TextShape shapeOf(DatasetTask task)
{
    switch (task) {
    case DatasetTask::Entities:
        return TextShape::Entities;
    case DatasetTask::Pairs:
        return TextShape::Pairs;
    default:
        return TextShape::Classification;
    }
}

Result<ExportReport> exportText(const QString &format, const DatasetSnapshot &snapshot,
                                const QString &outDir, const ExportOptions &options)
{
    static const QHash<QString, QString> extensions = {
        {u"txt"_s, u"txt"_s},         {u"csv"_s, u"csv"_s},     {u"tsv"_s, u"tsv"_s},
        {u"jsonl"_s, u"jsonl"_s},     {u"conll"_s, u"conll"_s}, {u"doccano"_s, u"jsonl"_s},
        {u"labelstudio"_s, u"json"_s}};
    const QString name = format == u"doccano"_s
                             ? snapshot.dataset.name + u".doccano.jsonl"_s
                             : snapshot.dataset.name + u'.' + extensions.value(format);
    const QString target = QDir(outDir).filePath(name);
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         TextFormats::tr("Cannot write %1: %2.")
                             .arg(QDir::toNativeSeparators(target), file.errorString()));
    ExportReport report;
    const TextShape shape = shapeOf(snapshot.dataset.task);
    const QChar separator = format == u"tsv"_s ? u'\t' : u',';
    if (format == u"csv"_s || format == u"tsv"_s)
        file.write(TextCodec::csvHeader(shape, separator));
    QJsonArray studio;
    QStringList warnings;
    // Item attributes (CoNLL's columns and documents, …) that this format cannot hold.
    const bool keepsAttributes = format == u"jsonl"_s || format == u"conll"_s;
    qint64 attributesLeft = 0;
    QStringList attributeKeys;
    std::optional<ConllCodec::Writer> conll;
    if (format == u"conll"_s) {
        int columns = 0;
        for (const SnapshotItem &s : snapshot.items)
            columns = std::max(columns, ConllCodec::extraColumns(s.item.attributes));
        conll.emplace(columns);
    }
    qint64 done = 0;
    for (const SnapshotItem &s : snapshot.items) {
        if (options.cancel && options.cancel->load()) {
            file.cancelWriting();
            return makeError(ErrorCode::Cancelled, TextFormats::tr("The export was cancelled."));
        }
        const TextRecord record =
            TextFormats::recordOf(s, options.author, options.includeSuggested);
        if (!keepsAttributes && !record.attributes.isEmpty()) {
            ++attributesLeft;
            for (const QString &key : record.attributes.keys()) {
                if (!attributeKeys.contains(key))
                    attributeKeys.append(key);
            }
        }
        report.annotations +=
            record.labels.size() + record.spans.size() +
            (shape == TextShape::Pairs && record.score && record.labels.isEmpty() ? 1 : 0);
        if (format == u"jsonl"_s) {
            file.write(TextCodec::writeJsonl(record, shape));
        } else if (format == u"doccano"_s) {
            file.write(TextCodec::writeDoccano(record, shape));
        } else if (format == u"csv"_s || format == u"tsv"_s) {
            file.write(TextCodec::writeCsv(record, shape, separator));
        } else if (format == u"conll"_s) {
            file.write(conll->write(record));
        } else if (format == u"txt"_s) {
            QString line = record.text;
            line.replace(u'\n', u' ').replace(u'\r', u' ');
            file.write(line.toUtf8() + '\n');
        } else if (format == u"labelstudio"_s) {
            studio.append(TextFormats::labelStudioTask(record, shape));
        }
        ++report.items;
        if (options.progress && ++done % 1000 == 0)
            options.progress(done, snapshot.items.size());
    }
    if (format == u"labelstudio"_s)
        file.write(QJsonDocument(studio).toJson(QJsonDocument::Indented));
    if (conll)
        warnings.append(conll->warnings());
    if (attributesLeft > 0)
        warnings.append(TextFormats::tr("%n items keep more of their source file (\"%1\") than "
                                        "%2 can hold; it was left out: export jsonl (or conll) "
                                        "to keep it",
                                        nullptr, int(attributesLeft))
                            .arg(attributeKeys.join(u"\", \""_s), format));
    if (!file.commit())
        return makeError(ErrorCode::Io,
                         TextFormats::tr("Cannot write %1: %2.")
                             .arg(QDir::toNativeSeparators(target), file.errorString()));
    for (const QString &w : warnings)
        report.warnings.append({name, w});
    report.files.append(name);
    if (options.progress)
        options.progress(snapshot.items.size(), snapshot.items.size());
    return report;
}

bool sniffText(const QString &path, bool jsonl)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(64 * 1024);
    const qsizetype nl = head.indexOf('\n');
    const QByteArray first = (nl < 0 ? head : head.left(nl)).trimmed().toLower();
    if (jsonl)
        return first.contains("\"text\"") || first.contains("\"sentence\"") ||
               first.contains("\"content\"");
    for (const char *name : {"text", "sentence", "sentence1", "content", "review", "text_a"}) {
        for (const QByteArray &column : first.split(first.contains('\t') ? '\t' : ',')) {
            if (column.trimmed() == name || column.trimmed() == '"' + QByteArray(name) + '"')
                return true;
        }
    }
    return false;
}

/// The task of a new dataset imported from \a path without --task: the richest content of the
/// whole file wins (spans → entities, a second text → pairs, else text classification).
std::optional<TaskChoice> inferTextTask(const QString &format, const QString &path)
{
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
        return std::nullopt; // the importer says why
    qint64 records = 0;
    qint64 withSpans = 0;
    qint64 withTextB = 0;
    qint64 withLabels = 0;
    QString spansField;
    QString textBField;
    QList<TextProblem> problems;
    const Status read = TextCodec::read(
        format, file.readAll(), {},
        [&](TextRecord &&r) {
            ++records;
            if (!r.spans.isEmpty()) {
                ++withSpans;
                if (spansField.isEmpty())
                    spansField = r.shapeField;
            } else if (!r.textB.isEmpty()) {
                ++withTextB;
                if (textBField.isEmpty())
                    textBField = r.shapeField;
            }
            if (!r.labels.isEmpty())
                ++withLabels;
            return true;
        },
        problems);
    if (!read || records == 0)
        return std::nullopt;
    if (withSpans > 0)
        return TaskChoice{DatasetTask::Entities,
                          TextFormats::tr("spans in \"%1\" in %2 of %3 records")
                              .arg(spansField)
                              .arg(withSpans)
                              .arg(records)};
    if (withTextB > 0)
        return TaskChoice{DatasetTask::Pairs,
                          TextFormats::tr("a second text in \"%1\" in %2 of %3 records")
                              .arg(textBField)
                              .arg(withTextB)
                              .arg(records)};
    return TaskChoice{DatasetTask::TextClassification,
                      TextFormats::tr("no spans and no second text in %1 records (labels in %2)")
                          .arg(records)
                          .arg(withLabels)};
}

} // namespace

TextRecord TextFormats::recordOf(const SnapshotItem &item, const QString &author,
                                 bool includeSuggested)
{
    TextRecord record;
    record.id = QString::number(item.item.id);
    record.text = item.item.text;
    record.textB = item.item.textB;
    record.attributes = item.item.attributes;
    QSet<std::pair<qint64, qint64>> seenSpans;
    for (const Annotation &a : item.annotations) {
        if (a.state == AnnotationState::Rejected)
            continue;
        if (a.state == AnnotationState::Suggested && !includeSuggested)
            continue;
        if (!author.isEmpty() && a.author != author)
            continue;
        switch (a.kind) {
        case AnnotationKind::Tag:
            if (!record.labels.contains(a.label))
                record.labels.append(a.label);
            break;
        case AnnotationKind::Span: {
            const TextSpan span{a.spanStart(), a.spanEnd(), a.label, std::nullopt};
            if (!record.spans.contains(span))
                record.spans.append(span);
            Q_UNUSED(seenSpans);
            break;
        }
        case AnnotationKind::Pair:
            if (!a.label.isEmpty() && record.labels.isEmpty())
                record.labels.append(a.label);
            if (a.score() && !record.score)
                record.score = a.score();
            break;
        default:
            break;
        }
    }
    std::sort(record.spans.begin(), record.spans.end(), [](const TextSpan &a, const TextSpan &b) {
        return std::tie(a.start, a.end, a.label) < std::tie(b.start, b.end, b.label);
    });
    return record;
}

QJsonObject TextFormats::labelStudioTask(const TextRecord &record, TextShape shape)
{
    QJsonArray results;
    if (shape == TextShape::Entities) {
        for (const TextSpan &s : record.spans) {
            const qsizetype start = TextCodec::codePointToUtf16(record.text, s.start);
            const qsizetype end = TextCodec::codePointToUtf16(record.text, s.end);
            results.append(QJsonObject{
                {u"from_name"_s, u"label"_s},
                {u"to_name"_s, u"text"_s},
                {u"type"_s, u"labels"_s},
                {u"value"_s, QJsonObject{{u"start"_s, start},
                                         {u"end"_s, end},
                                         {u"text"_s, record.text.mid(start, end - start)},
                                         {u"labels"_s, QJsonArray{s.label}}}}});
        }
    } else if (!record.labels.isEmpty()) {
        results.append(QJsonObject{
            {u"from_name"_s, u"label"_s},
            {u"to_name"_s, u"text"_s},
            {u"type"_s, u"choices"_s},
            {u"value"_s, QJsonObject{{u"choices"_s, QJsonArray::fromStringList(record.labels)}}}});
    }
    QJsonObject data{{u"text"_s, record.text}};
    if (shape == TextShape::Pairs)
        data.insert(u"text_b"_s, record.textB);
    return QJsonObject{{u"id"_s, record.id.toLongLong()},
                       {u"data"_s, data},
                       {u"annotations"_s, QJsonArray{QJsonObject{{u"result"_s, results}}}}};
}

Status importDemoTextDatasets(Database &db, const QString &root, const QString &demoDir)
{
    DatasetContext context(db, root);
    context.setAuthor(u"demo"_s);
    const QString file = QDir(demoDir).filePath(u"text/sentences.jsonl"_s);
    for (const auto &[name, task] : {std::pair{u"sentences"_s, DatasetTask::Entities},
                                     std::pair{u"topics"_s, DatasetTask::TextClassification}}) {
        ImportOptions options;
        options.format = u"jsonl"_s;
        options.task = task;
        options.author = u"demo"_s;
        auto report = importDataset(context, name, file, options);
        if (!report)
            return report.error();
    }
    // The last quarter of "topics" is left unlabeled, so model suggestions and the
    // uncertainty order have something to work on in the demo.
    auto topics = DatasetCatalog(context).dataset(u"topics"_s);
    if (!topics)
        return topics.error();
    ItemQuery tail;
    tail.offset = 150;
    tail.limit = 0;
    DatasetItemStore itemStore(context);
    AnnotationStore annotationStore(context);
    auto items = itemStore.items(topics->id, tail);
    if (!items)
        return items.error();
    for (const DatasetItem &item : std::as_const(items.value())) {
        auto annotations = annotationStore.annotations(item.id);
        if (!annotations)
            return annotations.error();
        for (const Annotation &annotation : std::as_const(annotations.value())) {
            if (Status removed = annotationStore.removeAnnotation(annotation.id); !removed)
                return removed;
        }
    }
    return {};
}

void registerTextFormats(FormatRegistry &registry)
{
    using T = DatasetTask;
    struct Entry
    {
        const char *name;
        QList<DatasetTask> tasks;
        bool importer;
        bool exporter;
        const char *description;
    };
    const QList<Entry> entries = {
        {"txt",
         {T::TextClassification, T::Entities},
         true,
         true,
         QT_TRANSLATE_NOOP("TextFormats", "Plain text, one item per line")},
        {"csv",
         {T::TextClassification, T::Pairs, T::Entities},
         true,
         true,
         QT_TRANSLATE_NOOP("TextFormats",
                           "CSV with a header: text, label (several joined by '|'), text_b, "
                           "score, spans (JSON)")},
        {"tsv",
         {T::TextClassification, T::Pairs, T::Entities},
         true,
         true,
         QT_TRANSLATE_NOOP("TextFormats", "Tab-separated values with a header (as CSV)")},
        {"jsonl",
         {T::TextClassification, T::Entities, T::Pairs},
         true,
         true,
         QT_TRANSLATE_NOOP("TextFormats",
                           "JSON lines: text, label(s), text_b, score, spans [{start, end, "
                           "label}] in code points")},
        {"conll",
         {T::Entities},
         true,
         true,
         QT_TRANSLATE_NOOP("TextFormats",
                           "CoNLL-2003: token, other columns, NE tag (IOB1, IOB2 or BIOES) per "
                           "line, a blank line between sentences, -DOCSTART- between documents; "
                           "written back as plain CoNLL with IOB2 tags")},
        {"labelstudio",
         {T::Entities, T::TextClassification},
         true,
         true,
         QT_TRANSLATE_NOOP("TextFormats", "Label Studio JSON export (spans in UTF-16 units)")},
        {"doccano",
         {T::Entities, T::TextClassification},
         true,
         true,
         QT_TRANSLATE_NOOP("TextFormats", "doccano JSONL: text, label [[start, end, label]]")},
    };
    for (const Entry &e : entries) {
        DatasetFormat f;
        f.name = QString::fromLatin1(e.name);
        f.media = DatasetMedia::Text;
        f.tasks = e.tasks;
        f.description = TextFormats::tr(e.description);
        const QString name = f.name;
        if (e.importer) {
            f.importer = [name](DatasetContext &context, const DatasetInfo &dataset,
                                const QString &path, const ImportOptions &options) {
                return importText(name, context, dataset, path, options);
            };
        }
        if (e.exporter) {
            f.exporter = [name](const DatasetSnapshot &snapshot, const QString &outDir,
                                const ExportOptions &options) {
                return exportText(name, snapshot, outDir, options);
            };
        }
        if (name == u"jsonl"_s || name == u"csv"_s || name == u"tsv"_s) {
            const bool jsonl = name == u"jsonl"_s;
            f.sniff = [jsonl](const QString &path) { return sniffText(path, jsonl); };
        }
        if (f.tasks.size() > 1 && name != u"txt"_s) // txt has lines only: nothing to infer
            f.inferTask = [name](const QString &path) { return inferTextTask(name, path); };
        registry.add(std::move(f));
    }
}

} // namespace atelier
