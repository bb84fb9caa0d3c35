#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/conllcodec.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"
#include "datasets/textcodec.h"
#include "datasets/textformats.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(ATELIER_SOURCE_DIR) + u"/tests/data/datasets/text/"_s + name;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

struct Read
{
    QList<TextRecord> records;
    QList<TextProblem> problems;
    Status status;
};

Read readFile(const QString &format, const QString &name, const TextReadOptions &options = {})
{
    Read r;
    r.status = TextCodec::read(
        format, readAll(dataFile(name)), options,
        [&](TextRecord &&record) {
            r.records.append(std::move(record));
            return true;
        },
        r.problems);
    return r;
}

QList<qint64> problemLines(const QList<TextProblem> &problems)
{
    QList<qint64> lines;
    for (const TextProblem &p : problems)
        lines.append(p.line);
    return lines;
}

/// (text of span, label) pairs, to compare spans by what they cover.
QStringList covered(const TextRecord &r)
{
    QStringList list;
    for (const TextSpan &s : r.spans)
        list.append(TextCodec::spanText(r.text, s.start, s.end) + u'/' + s.label);
    return list;
}

} // namespace

class TestTextFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offsets()
    {
        // "Ana 🍕 loves Roma": 🍕 (U+1F355) is one code point, two UTF-16 units.
        const QString text = u"Ana 🍕 loves Roma"_s;
        QCOMPARE(text.size(), 17);
        QCOMPARE(TextCodec::codePointCount(text), 16);
        QCOMPARE(TextCodec::codePointToUtf16(text, 4), 4);   // the emoji's high surrogate
        QCOMPARE(TextCodec::codePointToUtf16(text, 5), 6);   // the space after it
        QCOMPARE(TextCodec::codePointToUtf16(text, 12), 13); // 'R'
        QCOMPARE(TextCodec::codePointToUtf16(text, 16), 17); // the end
        QCOMPARE(TextCodec::codePointToUtf16(text, 17), -1);
        QCOMPARE(TextCodec::utf16ToCodePoint(text, 13), 12);
        QCOMPARE(TextCodec::utf16ToCodePoint(text, 5), -1); // inside the surrogate pair
        QCOMPARE(TextCodec::spanText(text, 12, 16), u"Roma"_s);
        QCOMPARE(TextCodec::spanText(text, 4, 5), u"🍕"_s);
        QCOMPARE(TextCodec::spanText(u"李雷在北京"_s, 3, 5), u"北京"_s);
    }

    void jsonlEntities()
    {
        const Read r = readFile(u"jsonl"_s, u"entities.jsonl"_s);
        QVERIFY(r.status.ok());
        QVERIFY(r.problems.isEmpty());
        QCOMPARE(r.records.size(), 4);
        QCOMPARE(covered(r.records.at(0)), (QStringList{u"Ana/PER"_s, u"Roma/LOC"_s}));
        QCOMPARE(r.records.at(0).spans.at(1).start, 12); // code points, not UTF-16 (13)
        QCOMPARE(covered(r.records.at(1)), (QStringList{u"李雷/PER"_s, u"北京/LOC"_s}));
        QCOMPARE(covered(r.records.at(2)),
                 (QStringList{u"Zoë/PER"_s, u"Bob/PER"_s, u"São Paulo/LOC"_s}));
        QCOMPARE(r.records.at(0).line, 1);
        QCOMPARE(r.records.at(3).line, 4);
    }

    void jsonlBadLines()
    {
        // Line 2: span beyond the text; 3: not UTF-8; 4: not JSON; 5: no text. 1 and 6 read.
        const Read r = readFile(u"jsonl"_s, u"entities_bad.jsonl"_s);
        QVERIFY(r.status.ok());
        QCOMPARE(problemLines(r.problems), (QList<qint64>{2, 3, 4, 5}));
        QVERIFY2(r.problems.at(0).reason.contains(u"not inside the text"_s),
                 qPrintable(r.problems.at(0).reason));
        QVERIFY2(r.problems.at(1).reason.contains(u"UTF-8"_s), qPrintable(r.problems.at(1).reason));
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.records.at(0).line, 1);
        QCOMPARE(r.records.at(1).line, 6);
    }

    void conllGolden()
    {
        const Read r = readFile(u"conll"_s, u"entities.conll"_s);
        QVERIFY(r.status.ok());
        QVERIFY(r.problems.isEmpty());
        QCOMPARE(r.records.size(), 2);
        // No "# text": tokens joined by one space.
        QCOMPARE(r.records.at(0).text, u"EU rejects German call ."_s);
        QCOMPARE(covered(r.records.at(0)), (QStringList{u"EU/ORG"_s, u"German/MISC"_s}));
        QCOMPARE(r.records.at(0).spans.at(1).start, 11);
        QCOMPARE(r.records.at(1).text, u"Peter Blackburn"_s);
        QCOMPARE(r.records.at(1).spans, (QList<TextSpan>{{0, 15, u"PER"_s, std::nullopt}}));
        QCOMPARE(r.records.at(1).line, 9);
    }

    void conllBadTags()
    {
        // Sentence 2 (line 5) has the tag "LOC", not BIO: skipped; the rest imports.
        const Read r = readFile(u"conll"_s, u"entities_bad.conll"_s);
        QVERIFY(r.status.ok());
        QCOMPARE(problemLines(r.problems), QList<qint64>{5});
        QVERIFY2(r.problems.first().reason.contains(u"\"LOC\" is not a BIO tag"_s),
                 qPrintable(r.problems.first().reason));
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(covered(r.records.at(1)), QStringList{u"Bob Smith/PER"_s});
    }

    void conllRoundTrip()
    {
        // Every span of the golden file survives JSONL → CoNLL → read, covering the same text.
        const Read original = readFile(u"jsonl"_s, u"entities.jsonl"_s);
        ConllCodec::Writer writer(0);
        QByteArray conll;
        for (const TextRecord &r : original.records)
            conll += writer.write(r);
        QList<TextRecord> back;
        QList<TextProblem> problems;
        QVERIFY(TextCodec::read(
                    u"conll"_s, conll, {},
                    [&](TextRecord &&r) {
                        back.append(std::move(r));
                        return true;
                    },
                    problems)
                    .ok());
        QVERIFY(problems.isEmpty());
        QCOMPARE(back.size(), original.records.size());
        for (qsizetype i = 0; i < back.size(); ++i)
            QCOMPARE(covered(back.at(i)), covered(original.records.at(i)));
        QCOMPARE(back.at(1).text, original.records.at(1).text); // Chinese: no blanks added
        QVERIFY(conll.contains("李雷 B-PER\n在 O\n北京 B-LOC\n工作😀 O\n"));
        QVERIFY(conll.contains("🍕 O\n"));
        // "Paulo." was cut at the span's end, so that text is not given back exactly: said.
        QCOMPARE(back.at(2).text,
                 QString(original.records.at(2).text).replace(u"Paulo."_s, u"Paulo ."_s));
        QCOMPARE(writer.warnings().size(), 2);
    }

    void csvColumns()
    {
        // Header "id,review,sentiment": review and sentiment found by name. Record 1 spans lines
        // 2–3 (a quoted line break); line 5 has no text; line 6 has too few fields.
        const Read r = readFile(u"csv"_s, u"classify.csv"_s);
        QVERIFY(r.status.ok());
        QCOMPARE(problemLines(r.problems), (QList<qint64>{5, 6}));
        QCOMPARE(r.records.size(), 3);
        QCOMPARE(r.records.at(0).text, u"Great, really \"great\"\nfood"_s);
        QCOMPARE(r.records.at(0).labels, (QStringList{u"positive"_s, u"fresh"_s}));
        QCOMPARE(r.records.at(1).line, 4);
        QCOMPARE(r.records.at(2).text, u"好吃"_s);
        QCOMPARE(r.records.at(2).line, 7);
    }

    void csvMissingColumn()
    {
        const Read none = readFile(u"csv"_s, u"missing_column.csv"_s);
        QVERIFY(!none.status.ok());
        QVERIFY2(none.status.error().message.contains(u"line 1"_s),
                 qPrintable(none.status.error().message));
        QVERIFY(none.status.error().message.contains(u"--text-column"_s));
        TextReadOptions options;
        options.textColumn = u"body"_s;
        options.labelColumn = u"tag"_s;
        const Read named = readFile(u"csv"_s, u"missing_column.csv"_s, options);
        QVERIFY(named.status.ok());
        QCOMPARE(named.records.size(), 1);
        QCOMPARE(named.records.first().labels, QStringList{u"x"_s});
        options.labelColumn = u"nope"_s;
        const Read wrong = readFile(u"csv"_s, u"missing_column.csv"_s, options);
        QVERIFY(!wrong.status.ok());
        QVERIFY(wrong.status.error().message.contains(u"\"nope\""_s));
    }

    void tsvPairs()
    {
        const Read r = readFile(u"tsv"_s, u"pairs.tsv"_s);
        QVERIFY(r.status.ok());
        QCOMPARE(r.records.size(), 3);
        QCOMPARE(r.records.at(0).textB, u"What is your age?"_s);
        QCOMPARE(r.records.at(0).labels, QStringList{u"1"_s});
        QCOMPARE(r.records.at(1).score, 0.1);
        QVERIFY(!r.records.at(2).score);
    }

    void labelStudio()
    {
        // Label Studio counts UTF-16 units: "Roma" at [13, 17) is [12, 16) in code points. Task
        // 12's span covers half an emoji and does not match its text: skipped.
        const Read r = readFile(u"labelstudio"_s, u"labelstudio.json"_s);
        QVERIFY(r.status.ok());
        QCOMPARE(problemLines(r.problems), QList<qint64>{2});
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.records.at(0).id, u"11"_s);
        QCOMPARE(r.records.at(0).spans, (QList<TextSpan>{{0, 3, u"PER"_s, std::nullopt},
                                                         {12, 16, u"LOC"_s, std::nullopt}}));
        QCOMPARE(covered(r.records.at(1)), QStringList{u"北京/LOC"_s});
        // And back: the exporter writes UTF-16 offsets again.
        const QJsonObject task = TextFormats::labelStudioTask(r.records.at(0), TextShape::Entities);
        const QJsonObject value = task.value(u"annotations"_s)
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(u"result"_s)
                                      .toArray()
                                      .at(1)
                                      .toObject()
                                      .value(u"value"_s)
                                      .toObject();
        QCOMPARE(value.value(u"start"_s).toInt(), 13);
        QCOMPARE(value.value(u"text"_s).toString(), u"Roma"_s);
    }

    void doccano()
    {
        const Read r = readFile(u"doccano"_s, u"doccano.jsonl"_s);
        QVERIFY(r.status.ok());
        QVERIFY(r.problems.isEmpty());
        QCOMPARE(covered(r.records.at(0)), (QStringList{u"Ana/PER"_s, u"Roma/LOC"_s}));
        QCOMPARE(covered(r.records.at(1)), QStringList{u"北京/LOC"_s});
    }

    void txtLines()
    {
        const Read r = readFile(u"txt"_s, u"lines.txt"_s);
        QCOMPARE(r.records.size(), 4);
        QCOMPARE(r.records.at(1).text, u"second line"_s); // "\r\n" ends a line
        QCOMPARE(r.records.at(2).line, 4);
    }

    void importDedupReport()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        context.setAuthor(u"alice"_s);
        ImportOptions options;
        options.format = u"jsonl"_s;
        options.task = DatasetTask::TextClassification;
        auto report = importDataset(context, u"reviews"_s, dataFile(u"classify.jsonl"_s), options);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        // Line 4 is line 1 with doubled blanks, a decomposed é and a trailing blank.
        QCOMPARE(report->imported, 5);
        QCOMPARE(report->duplicates, 1);
        QCOMPARE(report->duplicateFiles.first().file, u"classify.jsonl:4"_s);
        QVERIFY(report->duplicateFiles.first().reason.contains(u"classify.jsonl:1"_s));
        QCOMPARE(report->annotations, 5);
        // Importing the same file again adds nothing.
        auto again = importDataset(context, u"reviews"_s, dataFile(u"classify.jsonl"_s), options);
        QVERIFY(again.ok());
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->duplicates, 6);
        auto info = DatasetCatalog(context).dataset(u"reviews"_s);
        QCOMPARE(info->itemCount, 5);
        QCOMPARE(info->labeledCount, 5);
        // A second annotator's file of the same texts: no new item, their labels join them
        // (line 4 repeats line 1, so Bob's label is added once); a second time, nothing.
        options.author = u"bob"_s;
        auto bob = importDataset(context, u"reviews"_s, dataFile(u"classify.jsonl"_s), options);
        QVERIFY(bob.ok());
        QCOMPARE(bob->imported, 0);
        QCOMPARE(bob->duplicates, 6);
        QCOMPARE(bob->annotations, 5);
        QVERIFY(bob->duplicateFiles.first().reason.contains(u"bob"_s));
        auto bobAgain =
            importDataset(context, u"reviews"_s, dataFile(u"classify.jsonl"_s), options);
        QCOMPARE(bobAgain->annotations, 0);
        QCOMPARE(AnnotationStore(context).authors(info->id).value(),
                 (QStringList{u"alice"_s, u"bob"_s}));
    }

    void importCancelledKeepsWhatWasWritten()
    {
        // More lines than the parser may read ahead, so it is waiting on a full queue when
        // the import is cancelled: the import must still end, keep the lines written, and
        // record their keys (a second import finds them as duplicates).
        QTemporaryDir dir;
        const QString file = dir.filePath(u"many.jsonl"_s);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            for (int i = 1; i <= 30000; ++i) {
                if (i % 1000 == 0) // a bad line every thousand: lines 1000, 2000, …
                    out.write("{not json\n");
                else
                    out.write(u"{\"text\": \"line %1 of many\", \"label\": \"l%2\"}\n"_s.arg(i)
                                  .arg(i % 4)
                                  .toUtf8());
            }
        }
        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        std::atomic_bool cancel = false;
        ImportOptions options;
        options.format = u"jsonl"_s;
        options.task = DatasetTask::TextClassification;
        options.cancel = &cancel;
        options.progress = [&](qint64 done, qint64, const QString &) {
            if (done >= 4000)
                cancel = true;
        };
        auto first = importDataset(context, u"many"_s, file, options);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QVERIFY(first->cancelled);
        QVERIFY2(first->imported >= 4000 && first->imported < 29970,
                 qPrintable(QString::number(first->imported)));
        QCOMPARE(DatasetCatalog(context).dataset(u"many"_s)->itemCount, first->imported);
        QCOMPARE(first->annotations, first->imported);
        // Bad lines are reported up to where the import stopped, none the parser read ahead.
        const qint64 reached = first->imported + first->unreadable.size();
        QCOMPARE(first->unreadable.size(), reached / 1000);
        for (qsizetype i = 0; i < first->unreadable.size(); ++i)
            QCOMPARE(first->unreadable.at(i).file, u"many.jsonl:%1"_s.arg((i + 1) * 1000));

        cancel = false;
        options.progress = {};
        auto rest = importDataset(context, u"many"_s, file, options);
        QVERIFY(rest.ok());
        QVERIFY(!rest->cancelled);
        QCOMPARE(rest->duplicates, first->imported);
        QCOMPARE(rest->imported, 29970 - first->imported);
        QCOMPARE(rest->unreadable.size(), 30);
        QCOMPARE(DatasetCatalog(context).dataset(u"many"_s)->itemCount, 29970);
        // Positions continue after the first import's last: 1…29970, each once.
        ItemQuery lastFirst;
        lastFirst.descending = true;
        lastFirst.limit = 1;
        auto last = DatasetItemStore(context).items(DatasetCatalog(context).dataset(u"many"_s)->id,
                                                    lastFirst);
        QVERIFY(last.ok());
        QCOMPARE(last->first().position, 29970);
        QCOMPARE(ws->catalog().rowCount(u"dataset_item_keys"_s).value(), 29970);
    }

    void importBadRestImports()
    {
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        ImportOptions options;
        options.format = u"jsonl"_s;
        options.task = DatasetTask::Entities;
        auto report =
            importDataset(context, u"people"_s, dataFile(u"entities_bad.jsonl"_s), options);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 2);
        QCOMPARE(report->unreadable.size(), 4);
        QCOMPARE(report->unreadable.first().file, u"entities_bad.jsonl:2"_s);
        // A CSV without its text column imports nothing and leaves no dataset behind.
        options.format = u"csv"_s;
        options.task = DatasetTask::TextClassification;
        auto refused =
            importDataset(context, u"nothing"_s, dataFile(u"missing_column.csv"_s), options);
        QVERIFY(!refused.ok());
        QCOMPARE(DatasetCatalog(context).dataset(u"nothing"_s).error().code, ErrorCode::NotFound);
    }

    void roundTripEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *f : {"jsonl", "conll", "csv", "tsv", "labelstudio", "doccano"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void roundTripEveryFormat()
    {
        // Import → export → import keeps every span exactly (emoji, CJK, combining marks).
        QFETCH(QString, format);
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        DatasetVersionStore versionStore(context);
        ImportOptions options;
        options.format = u"jsonl"_s;
        options.task = DatasetTask::Entities;
        QVERIFY(importDataset(context, u"src"_s, dataFile(u"entities.jsonl"_s), options).ok());
        ExportOptions out;
        out.format = format;
        auto exported = exportDataset(context, u"src"_s, dir.filePath(u"out"_s), out);
        QVERIFY2(exported.ok(), exported.ok() ? "" : qPrintable(exported.error().message));
        QCOMPARE(exported->items, 4);
        options.format = format;
        auto back = importDataset(context, u"back"_s,
                                  dir.filePath(u"out/"_s + exported->files.first()), options);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QCOMPARE(back->imported, 4);
        QVERIFY(back->unreadable.isEmpty());
        auto a = versionStore.snapshot(u"src"_s);
        auto b = versionStore.snapshot(u"back"_s);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(b->items.size(), a->items.size());
        for (qsizetype i = 0; i < a->items.size(); ++i) {
            const TextRecord ra = TextFormats::recordOf(a->items.at(i));
            const TextRecord rb = TextFormats::recordOf(b->items.at(i));
            if (format == u"conll"_s) { // tokens, not the exact text: "Paulo." is cut
                QCOMPARE(covered(rb), covered(ra));
                continue;
            }
            QCOMPARE(rb.text, ra.text);
            QCOMPARE(rb.spans, ra.spans);
        }
    }
};

QTEST_GUILESS_MAIN(TestTextFormats)
#include "tst_textformats.moc"
