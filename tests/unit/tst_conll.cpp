#include "core/workspace.h"
#include "datasets/conllcodec.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"
#include "datasets/textcodec.h"
#include "datasets/textformats.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

// CoNLL read and written without loss (issue #14): the CoNLL-2003 layout (4 columns, IOB1,
// -DOCSTART-, tokens "1996-08-22", "'s", "#MeToo", a line starting with '#'), checked by a
// real reader: nltk's ConllCorpusReader run by /usr/bin/python3 (Debian's python3-nltk).

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(ATELIER_SOURCE_DIR) + u"/tests/data/datasets/text/"_s + name;
}

struct Read
{
    QList<TextRecord> records;
    QList<TextProblem> problems;
    Status status;
};

Read readConll(const QByteArray &data)
{
    Read r;
    r.status = TextCodec::read(
        u"conll"_s, data, {},
        [&](TextRecord &&record) {
            r.records.append(std::move(record));
            return true;
        },
        r.problems);
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList covered(const TextRecord &r)
{
    QStringList list;
    for (const TextSpan &s : r.spans)
        list.append(TextCodec::spanText(r.text, s.start, s.end) + u'/' + s.label);
    return list;
}

/// Runs check_conll.py (nltk); returns its exit code, its output in \a output.
int checkWithNltk(const QStringList &arguments, QByteArray *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"/usr/bin/python3"_s, QStringList{dataFile(u"check_conll.py"_s)} + arguments);
    if (!p.waitForFinished(120000))
        return -1;
    *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestConll : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsConll2003()
    {
        const Read r = readConll(readAll(dataFile(u"conll2003.txt"_s)));
        QVERIFY(r.status.ok());
        QVERIFY2(r.problems.isEmpty(),
                 r.problems.isEmpty() ? "" : qPrintable(r.problems.first().reason));
        QCOMPARE(r.records.size(), 6);
        const TextRecord &first = r.records.at(0);
        QCOMPARE(first.text, u"EU rejects German call to boycott British lamb ."_s);
        // IOB1: I-ORG starts an entity.
        QCOMPARE(covered(first), (QStringList{u"EU/ORG"_s, u"German/MISC"_s, u"British/MISC"_s}));
        QCOMPARE(first.notes.size(), 1);
        QVERIFY2(first.notes.first().contains(u"IOB1"_s), qPrintable(first.notes.first()));
        const QJsonObject conll = first.attributes.value(u"conll"_s).toObject();
        QCOMPARE(conll.value(u"document"_s).toInt(), 1);
        QCOMPARE(conll.value(u"docstart"_s).toString(), u"-DOCSTART- -X- -X- O"_s);
        const QJsonArray columns = conll.value(u"columns"_s).toArray();
        QCOMPARE(columns.size(), 2);
        QCOMPARE(columns.at(0).toArray().at(0).toString(), u"NNP"_s);
        QCOMPARE(columns.at(1).toArray().at(1).toString(), u"I-VP"_s);
        QVERIFY(!conll.contains(u"tokens"_s)); // blanks give them back
        // The next sentences of document 1 carry its number, not its -DOCSTART- line.
        const QJsonObject second = r.records.at(1).attributes.value(u"conll"_s).toObject();
        QCOMPARE(second.value(u"document"_s).toInt(), 1);
        QVERIFY(!second.contains(u"docstart"_s));
        QCOMPARE(r.records.at(2).text, u"BRUSSELS 1996-08-22"_s);

        // A line starting with '#' is the token "#" (POS "#"), not a comment.
        const TextRecord &hash = r.records.at(3);
        QCOMPARE(hash.text, u"# 1 : Germany 's representative Phil Simmons Brian Lara said ."_s);
        QCOMPARE(hash.attributes.value(u"conll"_s).toObject().value(u"document"_s).toInt(), 2);
        // IOB1's B- separates two adjacent entities of one type.
        QCOMPARE(covered(hash),
                 (QStringList{u"Germany/LOC"_s, u"Phil Simmons/PER"_s, u"Brian Lara/PER"_s}));
        QCOMPARE(covered(r.records.at(4)), (QStringList{u"#MeToo/MISC"_s, u"New York/LOC"_s}));
        QCOMPARE(
            r.records.at(5).attributes.value(u"conll"_s).toObject().value(u"document"_s).toInt(),
            3);
    }

    void commentsOnlyWhenEverySentenceHasOne_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<QList<qint64>>("problemLines");
        QTest::newRow("every sentence: comments")
            << QByteArray("# id = 7\n# text = Ana  sings\nAna\tB-PER\nsings\tO\n\n"
                          "# id = 8\n# text = # tag\n#\tO\ntag\tO\n\n")
            << QStringList{u"Ana  sings"_s, u"# tag"_s} << QList<qint64>{};
        QTest::newRow("a text the tokens do not cover: the tokens win")
            << QByteArray("# text = Ana sings loudly\nAna B-PER\nsings O\n")
            << QStringList{u"Ana sings"_s} << QList<qint64>{};
        QTest::newRow("one sentence only: '#' is a token")
            << QByteArray("Ana B-PER\nsings O\n\n# text = Hello\nHello O\n")
            << QStringList{u"Ana sings"_s} << QList<qint64>{4};
        QTest::newRow("a '#' token line in a plain file")
            << QByteArray("# O\nhashtag O\n\nAna B-PER\n") << QStringList{u"# hashtag"_s, u"Ana"_s}
            << QList<qint64>{};
    }
    void commentsOnlyWhenEverySentenceHasOne()
    {
        QFETCH(QByteArray, file);
        QFETCH(QStringList, texts);
        QFETCH(QList<qint64>, problemLines);
        const Read r = readConll(file);
        QVERIFY(r.status.ok());
        QStringList got;
        for (const TextRecord &record : r.records)
            got.append(record.text);
        QCOMPARE(got, texts);
        QList<qint64> lines;
        for (const TextProblem &p : r.problems)
            lines.append(p.line);
        QCOMPARE(lines, problemLines);
        if (!r.problems.isEmpty())
            QVERIFY2(r.problems.first().reason.contains(u"'#'"_s),
                     qPrintable(r.problems.first().reason));
    }

    void badTagsStillRefused()
    {
        // IOB1 is read; a tag that is no BIO tag or an E- that ends nothing is not.
        const Read r = readConll("Ana B-PER\n\nin O\nRoma LOCATION\n\nRoma E-LOC\n\nBob I-PER\n");
        QCOMPARE(r.problems.size(), 2);
        QCOMPARE(r.problems.at(0).line, 4);
        QCOMPARE(r.problems.at(1).line, 6);
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(covered(r.records.at(1)), QStringList{u"Bob/PER"_s});
    }

    void tokenizeOnBlanksOnly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("cuts");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("tokens stay whole")
            << u"On 1996-08-22 Germany's #MeToo, said"_s << QList<qint64>{}
            << QStringList{u"On"_s, u"1996-08-22"_s, u"Germany's"_s, u"#MeToo,"_s, u"said"_s};
        QTest::newRow("cut only at span boundaries")
            << u"Germany's #MeToo,"_s << QList<qint64>{0, 7, 10, 16}
            << QStringList{u"Germany"_s, u"'s"_s, u"#MeToo"_s, u","_s};
        QTest::newRow("chinese is one run") << u"李雷在北京"_s << QList<qint64>{0, 2, 3, 5}
                                            << QStringList{u"李雷"_s, u"在"_s, u"北京"_s};
        QTest::newRow("emoji count as one code point")
            << u"🍕 Zoë  ok"_s << QList<qint64>{} << QStringList{u"🍕"_s, u"Zoë"_s, u"ok"_s};
    }
    void tokenizeOnBlanksOnly()
    {
        QFETCH(QString, text);
        QFETCH(QList<qint64>, cuts);
        QFETCH(QStringList, tokens);
        QStringList got;
        for (const auto &[s, e] : ConllCodec::tokenize(text, cuts))
            got.append(TextCodec::spanText(text, s, e));
        QCOMPARE(got, tokens);
    }

    void writerNamesWhatItChanges()
    {
        ConllCodec::Writer writer(0);
        TextRecord overlap;
        overlap.id = u"7"_s;
        overlap.text = u"New York City"_s;
        overlap.spans = {{0, 8, u"LOC"_s, std::nullopt}, {4, 13, u"LOC"_s, std::nullopt}};
        QCOMPARE(writer.write(overlap), QByteArray("New B-LOC\nYork I-LOC\nCity O\n\n"));
        TextRecord blanks;
        blanks.id = u"8"_s;
        blanks.text = u"Visit  Zoë's\nhome"_s;
        blanks.spans = {{7, 10, u"PER"_s, std::nullopt}};
        QCOMPARE(writer.write(blanks), QByteArray("Visit O\nZoë B-PER\n's O\nhome O\n\n"));
        const QStringList warnings = writer.warnings();
        QCOMPARE(warnings.size(), 3);
        QVERIFY2(warnings.at(0).contains(u"overlaps"_s), qPrintable(warnings.at(0)));
        QVERIFY2(warnings.at(1).contains(u"item 8"_s), qPrintable(warnings.at(1)));
        QVERIFY2(warnings.at(2).contains(u"1 tokens"_s) || warnings.at(2).contains(u"1 token"_s),
                 qPrintable(warnings.at(2)));
    }

    void conll2003RoundTripReadByNltk()
    {
        // Import the CoNLL-2003 file, export it: nltk reads the same sentences, tokens, POS,
        // chunk tags and documents, and the NE tags in IOB2.
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        DatasetVersionStore versionStore(context);
        ImportOptions options;
        options.format = u"conll"_s;
        auto report = importDataset(context, u"news"_s, dataFile(u"conll2003.txt"_s), options);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->imported, 6);
        QVERIFY(report->unreadable.isEmpty());
        // The IOB1 conversion is one counted warning.
        QCOMPARE(report->warnings.size(), 1);
        QVERIFY2(report->warnings.first().reason.contains(u"IOB1"_s) &&
                     report->warnings.first().reason.contains(u"6 records"_s),
                 qPrintable(report->warnings.first().reason));
        QCOMPARE(report->warnings.first().file, u"conll2003.txt:3"_s);

        ExportOptions out;
        out.format = u"conll"_s;
        auto exported = exportDataset(context, u"news"_s, dir.filePath(u"out"_s), out);
        QVERIFY2(exported.ok(), exported.ok() ? "" : qPrintable(exported.error().message));
        QVERIFY(exported->warnings.isEmpty());
        const QString file = dir.filePath(u"out/"_s + exported->files.first());
        const QByteArray text = readAll(file);
        QVERIFY2(text.startsWith("-DOCSTART- -X- -X- O\n\nEU NNP I-NP B-ORG\n"), text.constData());
        QVERIFY(text.contains("\n# # I-NP O\n"));
        QVERIFY(text.contains("\n1996-08-22 CD I-NP O\n"));
        QVERIFY(text.contains("\n's POS B-NP O\n"));
        QVERIFY(text.contains("\n#MeToo NN I-NP B-MISC\n"));
        QByteArray output;
        QCOMPARE(checkWithNltk({u"compare"_s, dataFile(u"conll2003.txt"_s), file}, &output), 0);
        QVERIFY2(output.contains("9 sentences, 3 documents"), output.constData());

        // The export imports back to the same items.
        auto back = importDataset(context, u"back"_s, file, options);
        QVERIFY(back.ok());
        QVERIFY(back->warnings.isEmpty()); // IOB2 now
        auto a = versionStore.snapshot(u"news"_s);
        auto b = versionStore.snapshot(u"back"_s);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(b->items.size(), a->items.size());
        for (qsizetype i = 0; i < a->items.size(); ++i) {
            QCOMPARE(b->items.at(i).item.text, a->items.at(i).item.text);
            QCOMPARE(b->items.at(i).item.attributes, a->items.at(i).item.attributes);
            QCOMPARE(TextFormats::recordOf(b->items.at(i)).spans,
                     TextFormats::recordOf(a->items.at(i)).spans);
        }
    }

    void otherFormatsKeepOrNameTheColumns()
    {
        // JSONL carries the CoNLL attributes (CoNLL → JSONL → CoNLL loses nothing); CSV
        // cannot and says so.
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        ImportOptions options;
        options.format = u"conll"_s;
        QVERIFY(importDataset(context, u"news"_s, dataFile(u"conll2003.txt"_s), options).ok());
        ExportOptions out;
        out.format = u"jsonl"_s;
        auto jsonl = exportDataset(context, u"news"_s, dir.filePath(u"jsonl"_s), out);
        QVERIFY(jsonl.ok());
        QVERIFY(jsonl->warnings.isEmpty());
        options.format = u"jsonl"_s;
        options.task = DatasetTask::Entities;
        QVERIFY(importDataset(context, u"again"_s, dir.filePath(u"jsonl/"_s + jsonl->files.first()),
                              options)
                    .ok());
        out.format = u"conll"_s;
        auto conll = exportDataset(context, u"again"_s, dir.filePath(u"conll"_s), out);
        QVERIFY(conll.ok());
        QByteArray output;
        QCOMPARE(checkWithNltk({u"compare"_s, dataFile(u"conll2003.txt"_s),
                                dir.filePath(u"conll/"_s + conll->files.first())},
                               &output),
                 0);
        out.format = u"csv"_s;
        auto csv = exportDataset(context, u"news"_s, dir.filePath(u"csv"_s), out);
        QVERIFY(csv.ok());
        QCOMPARE(csv->warnings.size(), 1);
        QVERIFY2(csv->warnings.first().reason.contains(u"6 items"_s) &&
                     csv->warnings.first().reason.contains(u"conll"_s),
                 qPrintable(csv->warnings.first().reason));
    }

    void plainExportOfJsonlReadByNltk()
    {
        // Items without CoNLL tokens: split at blanks only, cut only at span boundaries; no
        // "# id" / "# text" lines; token SPACE tag.
        QTemporaryDir dir;
        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws.ok());
        DatasetContext context(ws->catalog(), ws->root());
        DatasetVersionStore versionStore(context);
        const QString jsonl = dir.filePath(u"in.jsonl"_s);
        QFile in(jsonl);
        QVERIFY(in.open(QIODevice::WriteOnly));
        in.write("{\"text\": \"On 1996-08-22 Germany's #MeToo trended\", \"spans\": [{\"start\": "
                 "14, \"end\": 21, \"label\": \"LOC\"}, {\"start\": 24, \"end\": 30, \"label\": "
                 "\"MISC\"}]}\n"
                 "{\"text\": \"# 1 hit\", \"spans\": []}\n"
                 "{\"text\": \"李雷在北京\", \"spans\": [{\"start\": 0, \"end\": 2, \"label\": "
                 "\"PER\"}, {\"start\": 3, \"end\": 5, \"label\": \"LOC\"}]}\n");
        in.close();
        ImportOptions options;
        options.format = u"jsonl"_s;
        options.task = DatasetTask::Entities;
        QVERIFY(importDataset(context, u"news"_s, jsonl, options).ok());
        ExportOptions out;
        out.format = u"conll"_s;
        auto exported = exportDataset(context, u"news"_s, dir.filePath(u"out"_s), out);
        QVERIFY(exported.ok());
        // "Germany's" was cut at the span's end, so the text comes back as "Germany 's": said.
        QCOMPARE(exported->warnings.size(), 2);
        QVERIFY2(exported->warnings.at(0).reason.contains(u"not their tokens"_s),
                 qPrintable(exported->warnings.at(0).reason));
        QVERIFY2(exported->warnings.at(1).reason.contains(u"cut"_s),
                 qPrintable(exported->warnings.at(1).reason));
        const QString expected = dir.filePath(u"expected.json"_s);
        QFile e(expected);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("[[[\"On\", \"O\"], [\"1996-08-22\", \"O\"], [\"Germany\", \"B-LOC\"], [\"'s\", "
                "\"O\"],\n"
                "[\"#MeToo\", \"B-MISC\"], [\"trended\", \"O\"]],\n"
                "[[\"#\", \"O\"], [\"1\", \"O\"], [\"hit\", \"O\"]],\n"
                "[[\"李雷\", \"B-PER\"], [\"在\", \"O\"], [\"北京\", \"B-LOC\"]]]");
        e.close();
        QByteArray output;
        const QString file = dir.filePath(u"out/"_s + exported->files.first());
        QCOMPARE(checkWithNltk({u"expect"_s, file, expected}, &output), 0);
        QVERIFY2(output.contains("3 sentences"), output.constData());

        // Read back: the same texts and spans (Chinese joined without blanks).
        options.format = u"conll"_s;
        auto back = importDataset(context, u"back"_s, file, options);
        QVERIFY(back.ok());
        auto a = versionStore.snapshot(u"news"_s);
        auto b = versionStore.snapshot(u"back"_s);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(b->items.size(), 3);
        QCOMPARE(b->items.at(0).item.text, u"On 1996-08-22 Germany 's #MeToo trended"_s);
        for (qsizetype i = 1; i < 3; ++i) {
            QCOMPARE(b->items.at(i).item.text, a->items.at(i).item.text);
            QCOMPARE(TextFormats::recordOf(b->items.at(i)).spans,
                     TextFormats::recordOf(a->items.at(i)).spans);
        }
    }

    void columnsFillTheWidestRecord()
    {
        // A record without columns in a 4-column file gets "_"; a document boundary is written
        // where the document changes, with the file's column count.
        TextRecord withColumns;
        withColumns.text = u"Ana sings"_s;
        withColumns.spans = {{0, 3, u"PER"_s, std::nullopt}};
        withColumns.attributes = QJsonObject{
            {u"conll"_s,
             QJsonObject{{u"document"_s, 1},
                         {u"columns"_s, QJsonArray{QJsonArray{u"NNP"_s, u"VBZ"_s},
                                                   QJsonArray{u"I-NP"_s, u"I-VP"_s}}}}}};
        TextRecord next = withColumns;
        next.attributes = QJsonObject{{u"conll"_s, QJsonObject{{u"document"_s, 2}}}};
        TextRecord none;
        none.text = u"Bob"_s;
        ConllCodec::Writer writer(ConllCodec::extraColumns(withColumns.attributes));
        QByteArray out = writer.write(withColumns) + writer.write(next) + writer.write(none);
        QCOMPARE(out, QByteArray("-DOCSTART- -X- -X- O\n\nAna NNP I-NP B-PER\nsings VBZ I-VP O\n\n"
                                 "-DOCSTART- -X- -X- O\n\nAna _ _ B-PER\nsings _ _ O\n\n"
                                 "Bob _ _ O\n\n"));
        QVERIFY(writer.warnings().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConll)
#include "tst_conll.moc"
