#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"
#include "datasets/textformats.h"
#include "datasets/textnormalize.h"
#include "datasets/textsuggestions.h"
#include "demo/demodata.h"

#include <QFile>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QString templatesDir()
{
    return QStringLiteral(ATELIER_SOURCE_DIR) + u"/resources/templates"_s;
}

/// The demo's 200 sentences ({"text", "label", "spans"}) as records.
QList<QJsonObject> demoSentences(const QString &dir)
{
    QList<QJsonObject> list;
    if (!DemoData::generate(dir).ok())
        return list;
    QFile f(dir + u"/text/sentences.jsonl"_s);
    if (!f.open(QIODevice::ReadOnly))
        return list;
    for (const QByteArray &l : f.readAll().split('\n')) {
        if (!l.trimmed().isEmpty())
            list.append(QJsonDocument::fromJson(l).object());
    }
    return list;
}

} // namespace

class TestTextSuggestions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    Workspace workspace()
    {
        auto ws = Workspace::create(m_dir.filePath(u"ws%1"_s.arg(++m_n)), {});
        if (!ws)
            qFatal("%s", qPrintable(ws.error().message));
        return std::move(ws).value();
    }

private Q_SLOTS:
    void sourceFor()
    {
        QCOMPARE(TextSuggestions::sourceFor(u"tfidf"_s).value(), u"model:tfidf@1"_s);
        QCOMPARE(TextSuggestions::sourceFor(u"tfidf@2.1"_s).value(), u"model:tfidf@2.1"_s);
        QVERIFY(!TextSuggestions::sourceFor(u""_s).ok());
        QVERIFY(!TextSuggestions::sourceFor(u"a b"_s).ok());
    }

    void importAcceptReject()
    {
        Workspace ws = workspace();
        DatasetContext context(ws.catalog(), ws.root());
        context.setAuthor(u"alice"_s);
        DatasetItemStore itemStore(context);
        AnnotationStore annotationStore(context);
        auto ds =
            DatasetCatalog(context).createDataset(u"sentiment"_s, DatasetTask::TextClassification);
        QVERIFY(ds.ok());
        auto good = itemStore.addText(ds->id, u"Great food"_s);
        auto bad = itemStore.addText(ds->id, u"Cold  soup"_s);
        QVERIFY(good.ok() && bad.ok());
        // By id, by text (normalised: one blank), an unknown id, an unknown text.
        QByteArray jsonl =
            line({{u"id"_s, good->item.id},
                  {u"label"_s, u"positive"_s},
                  {u"probabilities"_s, QJsonObject{{u"positive"_s, 0.8}, {u"negative"_s, 0.2}}}});
        jsonl +=
            line({{u"text"_s, u"Cold soup"_s}, {u"label"_s, u"negative"_s}, {u"score"_s, 0.6}});
        jsonl += line({{u"id"_s, 99999}, {u"label"_s, u"positive"_s}});
        jsonl += line({{u"text"_s, u"never seen"_s}, {u"label"_s, u"positive"_s}});
        SuggestOptions options;
        options.model = u"tfidf@2"_s;
        auto report = TextSuggestions::importData(context, u"sentiment"_s, jsonl, options);
        QVERIFY(report.ok());
        QCOMPARE(report->source, u"model:tfidf@2"_s);
        QCOMPARE(report->items, 2);
        QCOMPARE(report->suggestions, 2);
        QCOMPARE(report->problems.size(), 2);
        QCOMPARE(report->problems.at(0).line, 3);
        QCOMPARE(report->problems.at(1).line, 4);

        auto suggested = annotationStore.annotations(good->item.id);
        QCOMPARE(suggested->size(), 1);
        const Annotation s = suggested->first();
        QVERIFY(s.state == AnnotationState::Suggested);
        QCOMPARE(s.source, u"model:tfidf@2"_s);
        QCOMPARE(s.label, u"positive"_s);
        QCOMPARE(s.geometry.toObject().value(u"score"_s).toDouble(), 0.8);
        // A suggestion does not label the item.
        QVERIFY(itemStore.item(good->item.id)->status == ItemStatus::Unlabeled);

        // Re-importing the same model replaces its pending suggestion, never doubles it.
        QVERIFY(TextSuggestions::importData(context, u"sentiment"_s, jsonl, options).ok());
        QCOMPARE(annotationStore.annotations(good->item.id)->size(), 1);

        // Accept keeps the source and labels the item; reject keeps it for audit.
        auto accepted = annotationStore.acceptSuggestion(
            annotationStore.annotations(good->item.id)->first().id);
        QVERIFY(accepted.ok());
        QVERIFY(accepted->state == AnnotationState::Accepted);
        QCOMPARE(accepted->source, u"model:tfidf@2"_s);
        QCOMPARE(accepted->author, u"alice"_s);
        QVERIFY(itemStore.item(good->item.id)->status == ItemStatus::Labeled);
        const qint64 badSuggestion = annotationStore.annotations(bad->item.id)->first().id;
        QVERIFY(annotationStore.rejectSuggestion(badSuggestion).ok());
        QVERIFY(annotationStore.annotation(badSuggestion)->state == AnnotationState::Rejected);
        QVERIFY(itemStore.item(bad->item.id)->status == ItemStatus::Unlabeled);

        // Exports carry the accepted one only (suggested on request, rejected never).
        auto snap = DatasetVersionStore(context).snapshot(u"sentiment"_s);
        QCOMPARE(TextFormats::recordOf(snap->items.at(0)).labels, QStringList{u"positive"_s});
        QVERIFY(TextFormats::recordOf(snap->items.at(1), {}, true).labels.isEmpty());
    }

    void spansSuggestions()
    {
        Workspace ws = workspace();
        DatasetContext context(ws.catalog(), ws.root());
        auto ds = DatasetCatalog(context).createDataset(u"ner"_s, DatasetTask::Entities);
        auto item = DatasetItemStore(context).addText(ds->id, u"Ana 🍕 loves Roma"_s);
        QVERIFY(item.ok());
        QByteArray jsonl = line(
            {{u"id"_s, item->item.id},
             {u"spans"_s,
              QJsonArray{QJsonObject{
                  {u"start"_s, 12}, {u"end"_s, 16}, {u"label"_s, u"LOC"_s}, {u"score"_s, 0.7}}}}});
        jsonl += line(
            {{u"id"_s, item->item.id},
             {u"spans"_s,
              QJsonArray{QJsonObject{{u"start"_s, 12}, {u"end"_s, 17}, {u"label"_s, u"LOC"_s}}}}});
        SuggestOptions options;
        options.model = u"dict"_s;
        auto report = TextSuggestions::importData(context, u"ner"_s, jsonl, options);
        QVERIFY(report.ok());
        QCOMPARE(report->suggestions, 1);
        QCOMPARE(report->problems.size(), 1); // [12, 17) goes past the 16 code points
        QCOMPARE(report->problems.first().line, 2);
        auto a = AnnotationStore(context).annotations(item->item.id)->first();
        QCOMPARE(a.spanStart(), 12);
        QCOMPARE(a.spanEnd(), 16);
        QCOMPARE(a.geometry.toObject().value(u"score"_s).toDouble(), 0.7);
    }

    void uncertaintyOrder()
    {
        Workspace ws = workspace();
        DatasetContext context(ws.catalog(), ws.root());
        auto ds =
            DatasetCatalog(context).createDataset(u"topics"_s, DatasetTask::TextClassification);
        QList<qint64> ids;
        for (const QString &t : {u"one"_s, u"two"_s, u"three"_s, u"four"_s})
            ids.append(DatasetItemStore(context).addText(ds->id, t)->item.id);
        // item 1: a .9 b .1          LC 0.1  margin 1 − 0.8  = 0.2
        // item 2: a .4 b .35 c .25   LC 0.6  margin 1 − 0.05 = 0.95
        // item 3: a .5 b .5          LC 0.5  margin 1 − 0    = 1.0
        // item 4: no suggestion      last
        auto probs = [](std::initializer_list<std::pair<const char *, double>> ps) {
            QJsonObject o;
            for (const auto &[k, v] : ps)
                o.insert(QString::fromLatin1(k), v);
            return o;
        };
        QByteArray jsonl =
            line({{u"id"_s, ids[0]}, {u"probabilities"_s, probs({{"a", 0.9}, {"b", 0.1}})}});
        jsonl += line({{u"id"_s, ids[1]},
                       {u"probabilities"_s, probs({{"a", 0.4}, {"b", 0.35}, {"c", 0.25}})}});
        jsonl += line({{u"id"_s, ids[2]}, {u"probabilities"_s, probs({{"a", 0.5}, {"b", 0.5}})}});
        SuggestOptions options;
        options.model = u"m"_s;
        QVERIFY(TextSuggestions::importData(context, u"topics"_s, jsonl, options).ok());
        auto lc =
            TextSuggestions::uncertaintyOrder(context, ds->id, UncertaintyMeasure::LeastConfidence);
        QVERIFY(lc.ok());
        QCOMPARE(lc->size(), 4);
        QCOMPARE(
            (QList<qint64>{lc->at(0).itemId, lc->at(1).itemId, lc->at(2).itemId, lc->at(3).itemId}),
            (QList<qint64>{ids[1], ids[2], ids[0], ids[3]}));
        QVERIFY(qFuzzyCompare(lc->at(0).uncertainty, 0.6));
        QCOMPARE(lc->at(3).uncertainty, -1.0);
        auto margin =
            TextSuggestions::uncertaintyOrder(context, ds->id, UncertaintyMeasure::Margin);
        QCOMPARE((QList<qint64>{margin->at(0).itemId, margin->at(1).itemId, margin->at(2).itemId}),
                 (QList<qint64>{ids[2], ids[1], ids[0]}));
        QVERIFY(qFuzzyCompare(margin->at(1).uncertainty, 0.95));
        // A labeled item leaves the queue.
        QVERIFY(AnnotationStore(context).setTags(ids[1], {u"a"_s}).ok());
        auto after =
            TextSuggestions::uncertaintyOrder(context, ds->id, UncertaintyMeasure::LeastConfidence);
        QCOMPARE(after->size(), 3);
        QCOMPARE(after->first().itemId, ids[2]);
    }

    void tfidfTemplateOnDemoSentences()
    {
        // A real Python run: the demo's 200 sentences (3 topics, English and Chinese); every
        // fourth one left unlabeled gets a suggestion with probabilities.
        const QList<QJsonObject> sentences = demoSentences(m_dir.filePath(u"demo-tfidf"_s));
        QCOMPARE(sentences.size(), 200);
        QByteArray jsonl;
        QHash<QString, QString> truth;
        for (qsizetype i = 0; i < sentences.size(); ++i) {
            QJsonObject o = sentences.at(i);
            o.remove(u"spans"_s);
            truth.insert(o.value(u"text"_s).toString(), o.value(u"label"_s).toString());
            if (i % 4 == 0)
                o.remove(u"label"_s);
            jsonl += line(o);
        }
        const QString file = m_dir.filePath(u"topics.jsonl"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(jsonl);
        f.close();
        Workspace ws = workspace();
        DatasetContext context(ws.catalog(), ws.root());
        ImportOptions options;
        options.format = u"jsonl"_s;
        options.task = DatasetTask::TextClassification;
        auto imported = importDataset(context, u"topics"_s, file, options);
        QVERIFY(imported.ok());
        QCOMPARE(imported->imported, 200);

        SuggesterRun run;
        run.templatesDir = templatesDir();
        QStringList stages;
        run.progress = [&](const QString &stage) { stages.append(stage); };
        auto report = TextSuggestions::runSuggester(context, u"topics"_s, run);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(stages, (QStringList{u"export"_s, u"run"_s, u"import"_s}));
        QCOMPARE(report->source, u"model:text-tfidf-suggest@1.0"_s);
        QCOMPARE(report->items, 50);
        QVERIFY(report->problems.isEmpty());
        int right = 0;
        auto order = TextSuggestions::uncertaintyOrder(
            context,
            imported.value().imported > 0 ? DatasetCatalog(context).dataset(u"topics"_s)->id : 0,
            UncertaintyMeasure::Margin);
        QCOMPARE(order->size(), 50);
        for (const UncertainItem &u : order.value()) {
            QVERIFY(u.uncertainty >= 0.0 && u.uncertainty <= 1.0);
            if (truth.value(DatasetItemStore(context).item(u.itemId)->text) == u.topLabel)
                ++right;
        }
        QVERIFY(order->first().uncertainty >= order->last().uncertainty);
        // Topic words are distinct in the demo: the model gets most of them right.
        QVERIFY2(right >= 40, qPrintable(u"%1 of 50 right"_s.arg(right)));
    }

    void dictTemplateOnDemoSentences()
    {
        const QList<QJsonObject> sentences = demoSentences(m_dir.filePath(u"demo-dict"_s));
        QCOMPARE(sentences.size(), 200);
        QByteArray jsonl;
        for (qsizetype i = 0; i < sentences.size(); ++i) {
            QJsonObject o = sentences.at(i);
            o.remove(u"label"_s);
            if (i % 4 == 0)
                o.remove(u"spans"_s);
            jsonl += line(o);
        }
        const QString file = m_dir.filePath(u"people.jsonl"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(jsonl);
        f.close();
        Workspace ws = workspace();
        DatasetContext context(ws.catalog(), ws.root());
        ImportOptions options;
        options.format = u"jsonl"_s;
        options.task = DatasetTask::Entities;
        QVERIFY(importDataset(context, u"people"_s, file, options).ok());
        SuggesterRun run;
        run.templatesDir = templatesDir();
        run.templateId = u"text-dict-suggest"_s;
        auto report = TextSuggestions::runSuggester(context, u"people"_s, run);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->source, u"model:text-dict-suggest@1.0"_s);
        QCOMPARE(report->items, 50);
        QVERIFY(report->suggestions > 50);
        // The suggested spans of the first unlabeled sentence are among its true spans.
        const QJsonArray truth = sentences.at(0).value(u"spans"_s).toArray();
        auto item = DatasetItemStore(context).findItem(
            DatasetCatalog(context).dataset(u"people"_s)->id,
            textDedupKey(sentences.at(0).value(u"text"_s).toString()));
        QVERIFY(item.ok() && item->has_value());
        const auto suggestions = AnnotationStore(context).annotations(item->value().id);
        QVERIFY(!suggestions->isEmpty());
        for (const Annotation &a : suggestions.value()) {
            QVERIFY(a.state == AnnotationState::Suggested);
            bool found = false;
            for (const QJsonValue &t : truth) {
                const QJsonObject s = t.toObject();
                found = found || (s.value(u"start"_s).toInteger() == a.spanStart() &&
                                  s.value(u"end"_s).toInteger() == a.spanEnd() &&
                                  s.value(u"label"_s).toString() == a.label);
            }
            QVERIFY2(found, qPrintable(a.label));
        }
    }

    void suggesterOnAWorkerThread()
    {
        // The GUI's way: the whole run on a pool thread with its own catalog connection.
        Workspace ws = workspace();
        {
            DatasetContext context(ws.catalog(), ws.root());
            auto ds =
                DatasetCatalog(context).createDataset(u"mini"_s, DatasetTask::TextClassification);
            const QStringList texts = {u"goal scored in the match"_s, u"the team won the cup"_s,
                                       u"new phone software update"_s, u"the laptop chip"_s,
                                       u"a late goal for the team"_s};
            const QStringList labels = {u"sports"_s, u"sports"_s, u"tech"_s, u"tech"_s, {}};
            for (qsizetype i = 0; i < texts.size(); ++i) {
                auto item = DatasetItemStore(context).addText(ds->id, texts.at(i));
                QVERIFY(item.ok());
                if (!labels.at(i).isEmpty())
                    QVERIFY(AnnotationStore(context).setTags(item->item.id, {labels.at(i)}).ok());
            }
        }
        SuggesterRun run;
        run.templatesDir = templatesDir();
        run.params.insert(u"analyzer"_s, u"word"_s);
        QFuture<Result<SuggestReport>> future = QtConcurrent::run([root = ws.root(), run] {
            return TextSuggestions::runSuggesterIn(root, u"mini"_s, run);
        });
        future.waitForFinished();
        const Result<SuggestReport> report = future.result();
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->items, 1);
        DatasetContext context(ws.catalog(), ws.root());
        auto last = DatasetItemStore(context).items(DatasetCatalog(context).dataset(u"mini"_s)->id);
        const auto suggestion = AnnotationStore(context).annotations(last->last().id)->first();
        QCOMPARE(suggestion.label, u"sports"_s);
    }

    void suggesterRefusesWithoutLabels()
    {
        Workspace ws = workspace();
        DatasetContext context(ws.catalog(), ws.root());
        auto ds =
            DatasetCatalog(context).createDataset(u"empty"_s, DatasetTask::TextClassification);
        QVERIFY(DatasetItemStore(context).addText(ds->id, u"nothing labeled"_s).ok());
        SuggesterRun run;
        run.templatesDir = templatesDir();
        auto report = TextSuggestions::runSuggester(context, u"empty"_s, run);
        QVERIFY(!report.ok());
        QVERIFY2(report.error().message.contains(u"at least two labels"_s),
                 qPrintable(report.error().message));
    }

    // A suggester that floods stdout and stderr and fails: its stdout is not kept, only the
    // end of stderr, and the failure names its last stderr line.
    void noisySuggesterFailureKeepsTheLastLine()
    {
        QTemporaryDir templates;
        QVERIFY(QDir(templates.path()).mkpath(u"noisy"_s));
        QFile spec(templates.filePath(u"noisy/template.json"_s));
        QVERIFY(spec.open(QIODevice::WriteOnly));
        spec.write(R"({"id": "noisy", "version": "1.0", "name": "Noisy", "category": "Labeling",
  "description": "Floods its output and fails.",
  "inputs": [{"name": "dataset", "type": "dataset", "description": "d"}],
  "outputs": [{"name": "predictions", "type": "file", "description": "p"}],
  "params": [],
  "command": ["{python}", "{template_dir}/noisy.py"],
  "resources": {"cpus": 1, "memory_mb": 64, "gpus": 0}, "requires": []})");
        spec.close();
        QFile script(templates.filePath(u"noisy/noisy.py"_s));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("import sys\n"
                     "chunk = 'x' * (1 << 20) + '\\n'\n"
                     "for _ in range(64):\n"
                     "    sys.stdout.write(chunk)\n"
                     "for _ in range(4):\n"
                     "    sys.stderr.write(chunk)\n"
                     "sys.stderr.write('the real reason\\n')\n"
                     "sys.exit(3)\n");
        script.close();
        Workspace ws = workspace();
        DatasetContext context(ws.catalog(), ws.root());
        auto ds =
            DatasetCatalog(context).createDataset(u"noisy"_s, DatasetTask::TextClassification);
        QVERIFY(DatasetItemStore(context).addText(ds->id, u"one"_s).ok());
        SuggesterRun run;
        run.templatesDir = templates.path();
        run.templateId = u"noisy"_s;
        auto report = TextSuggestions::runSuggester(context, u"noisy"_s, run);
        QVERIFY(!report.ok());
        QVERIFY2(report.error().message.contains(u"exit 3"_s) &&
                     report.error().message.endsWith(u"the real reason"_s),
                 qPrintable(report.error().message.left(300)));
    }
};

QTEST_GUILESS_MAIN(TestTextSuggestions)
#include "tst_textsuggestions.moc"
