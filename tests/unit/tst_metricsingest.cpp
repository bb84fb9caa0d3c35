#include "catalog/database.h"
#include "core/workspace.h"
#include "runs/metricsparser.h"
#include "runs/metricsstore.h"
#include "runs/runcomparison.h"
#include "runs/runstore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestMetricsIngest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("value");
        QTest::addColumn<qint64>("step"); // -1: none
        QTest::addColumn<double>("ts");   // 0: the default

        QTest::newRow("full")
            << QByteArray(R"({"key": "loss", "value": 0.31, "step": 120, "ts": 1763800000.5})")
            << true << u"loss"_s << 0.31 << qint64(120) << 1763800000.5;
        QTest::newRow("no step, no ts") << QByteArray(R"({"key": "acc", "value": 1})") << true
                                        << u"acc"_s << 1.0 << qint64(-1) << 0.0;
        QTest::newRow("chinese key") << QByteArray(R"({"key": "准确率", "value": 0.5})") << true
                                     << u"准确率"_s << 0.5 << qint64(-1) << 0.0;
        QTest::newRow("not json") << QByteArray("loss=0.3") << false << QString() << 0.0
                                  << qint64(-1) << 0.0;
        QTest::newRow("array") << QByteArray("[1, 2]") << false << QString() << 0.0 << qint64(-1)
                               << 0.0;
        QTest::newRow("value a string") << QByteArray(R"({"key": "x", "value": "1"})") << false
                                        << QString() << 0.0 << qint64(-1) << 0.0;
        QTest::newRow("no key") << QByteArray(R"({"value": 1})") << false << QString() << 0.0
                                << qint64(-1) << 0.0;
        QTest::newRow("empty key") << QByteArray(R"({"key": "", "value": 1})") << false << QString()
                                   << 0.0 << qint64(-1) << 0.0;
        QTest::newRow("fractional step") << QByteArray(R"({"key": "x", "value": 1, "step": 1.5})")
                                         << false << QString() << 0.0 << qint64(-1) << 0.0;
        QTest::newRow("ts a string") << QByteArray(R"({"key": "x", "value": 1, "ts": "now"})")
                                     << false << QString() << 0.0 << qint64(-1) << 0.0;
    }

    void parsesLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        MetricPoint point;
        QCOMPARE(MetricsParser::parseLine(line, 42.0, point), ok);
        if (!ok)
            return;
        QFETCH(QString, key);
        QFETCH(double, value);
        QFETCH(qint64, step);
        QFETCH(double, ts);
        QCOMPARE(point.key, key);
        QCOMPARE(point.value, value);
        QCOMPARE(point.step.value_or(-1), step);
        QCOMPARE(point.ts, ts == 0 ? 42.0 : ts);
    }

    void keepsNonFiniteValues()
    {
        // What Python's json.dumps writes for a diverged loss (bare NaN, Infinity, -Infinity),
        // made by the real json module; and the strings Atelier's own JSON uses.
        QProcess python;
        python.start(u"/usr/bin/python3"_s,
                     {u"-c"_s, u"import json\nfor v in (float('nan'), float('inf'), "
                               "-float('inf'), 'NaN', 'Infinity', '-Infinity', 0.5):\n"
                               "    print(json.dumps({'key': 'NaN Infinity', 'value': v, "
                               "'step': 3}))"_s});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.exitCode(), 0);
        const QList<QByteArray> lines = python.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 7);
        QVERIFY2(lines.at(0).contains(": NaN,"), lines.at(0).constData()); // bare, not JSON
        QList<double> values;
        for (const QByteArray &line : lines) {
            MetricPoint point;
            QVERIFY2(MetricsParser::parseLine(line, 1.0, point), line.constData());
            QCOMPARE(point.key, u"NaN Infinity"_s); // strings are left alone
            QCOMPARE(point.step, std::optional<qint64>(3));
            values.append(point.value);
        }
        for (int i : {0, 3})
            QVERIFY(std::isnan(values.at(i)));
        for (int i : {1, 4})
            QVERIFY(std::isinf(values.at(i)) && values.at(i) > 0);
        for (int i : {2, 5})
            QVERIFY(std::isinf(values.at(i)) && values.at(i) < 0);
        QCOMPARE(values.at(6), 0.5);

        // Through the parser's stream and the store: nothing counted as malformed, NaN kept.
        MetricsParser parser;
        const QList<MetricPoint> points = parser.feed(lines.join('\n') + '\n', 1.0);
        QCOMPARE(points.size(), 7);
        QCOMPARE(parser.malformed(), qint64(0));
        MetricPoint bad;
        QVERIFY(!MetricsParser::parseLine(R"({"key": "x", "value": "nan"})", 1.0, bad));
        QVERIFY(!MetricsParser::parseLine(R"({"key": "x", "value": NaNa})", 1.0, bad));
    }

    void partialLinesWaitForTheirEnd()
    {
        MetricsParser parser;
        const QByteArray stream = "{\"key\": \"loss\", \"value\": 1, \"step\": 1}\n"
                                  "garbage\n"
                                  "{\"key\": \"loss\", \"value\": 2, \"step\": 2}\n"
                                  "{\"key\": \"loss\", \"val";
        // Byte by byte, as a writer flushing at random would deliver it.
        QList<MetricPoint> points;
        for (char c : stream)
            points += parser.feed(QByteArray(1, c), 0);
        QCOMPARE(points.size(), 2);
        QCOMPARE(parser.malformed(), qint64(1));
        QCOMPARE(parser.consumed(), qint64(stream.lastIndexOf('\n') + 1));
        points += parser.feed("ue\": 3, \"step\": 3}\n", 0);
        QCOMPARE(points.size(), 3);
        QCOMPARE(points.last().value, 3.0);
        // A last line without a newline counts when the file is complete.
        points += parser.feed("{\"key\": \"loss\", \"value\": 4}", 0);
        QCOMPARE(points.size(), 3);
        points += parser.finish(0);
        QCOMPARE(points.size(), 4);
        // A truncated last line at the end is malformed, not fatal.
        MetricsParser cut;
        cut.feed("{\"key\": \"a\", \"value\": 1}\n{\"key\": \"a\", \"val", 0);
        QCOMPARE(cut.finish(0).size(), 0);
        QCOMPARE(cut.malformed(), qint64(1));
    }

    void storesAndSummarises()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.path(), {});
        QVERIFY(workspace);
        RunStore runs(workspace->catalog());
        RunRecord run{
            u"r1"_s, u"p"_s, u"P"_s, {}, u"succeeded"_s, u"local"_s, {}, {}, {}, {}, {}, {}, {},
            {},      {},     {},     {}};
        QVERIFY(runs.insertRun(run));
        MetricsStore store(workspace->catalog());
        QList<MetricPoint> points;
        for (int i = 0; i < 100; ++i)
            points.append({u"loss"_s, i, 100.0 - i, 1000.0 + i});
        points.append({u"acc"_s, std::nullopt, 0.5, 1000.0});
        points.append({u"acc"_s, std::nullopt, 0.9, 1000.0}); // same time: written later wins
        QVERIFY(store.append(u"r1"_s, u"train"_s, points));
        QCOMPARE(store.keys(u"r1"_s).value(), (QStringList{u"acc"_s, u"loss"_s}));
        const auto summaries = store.summaries(u"r1"_s).value();
        QCOMPARE(summaries.size(), 2);
        QCOMPARE(summaries[0].last, 0.9);
        QCOMPARE(summaries[1].last, 1.0);
        QCOMPARE(summaries[1].min, 1.0);
        QCOMPARE(summaries[1].max, 100.0);
        QCOMPARE(summaries[1].count, qint64(100));
        QCOMPARE(summaries[1].lastStep.value_or(-1), qint64(99));
        QCOMPARE(store.points(u"r1"_s, u"loss"_s).value().size(), 100);
        QCOMPARE(store.points(u"r1"_s, u"loss"_s, u"other"_s).value().size(), 0);
    }

    void ingestsFastInBatches()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.path(), {});
        QVERIFY(workspace);
        RunRecord run{u"r"_s, u"p"_s, u"P"_s, {}, u"running"_s, u"local"_s, {}, {}, {},
                      {},     {},     {},     {}, {},           {},         {}, {}};
        QVERIFY(RunStore(workspace->catalog()).insertRun(run));
        QList<MetricPoint> points;
        for (int i = 0; i < 20000; ++i)
            points.append({u"loss"_s, i, 1.0 / (i + 1), 1000.0 + i});
        QElapsedTimer clock;
        clock.start();
        QVERIFY(MetricsStore(workspace->catalog()).append(u"r"_s, u"t"_s, points));
        // The bench measures the rate; here only that a batch is one transaction, not 20,000.
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void comparisonPicksTheBestRun()
    {
        QVERIFY(RunComparison::lowerIsBetter(u"val/loss"_s));
        QVERIFY(RunComparison::lowerIsBetter(u"rmse"_s));
        QVERIFY(!RunComparison::lowerIsBetter(u"accuracy"_s));
        RunComparison c;
        c.runs = {u"a"_s, u"b"_s, u"c"_s};
        c.metrics = {{{u"accuracy"_s, 0.8}, {u"loss"_s, 0.5}},
                     {{u"accuracy"_s, 0.9}, {u"loss"_s, 0.7}},
                     {{u"loss"_s, 0.2}, {u"same"_s, 1.0}}};
        QCOMPARE(c.best(u"accuracy"_s).value_or(-1), 1);
        QCOMPARE(c.best(u"loss"_s).value_or(-1), 2);
        QVERIFY(!c.best(u"same"_s)); // one value: nothing to choose
        QVERIFY(!c.best(u"missing"_s));
    }
};

QTEST_GUILESS_MAIN(TestMetricsIngest)
#include "tst_metricsingest.moc"
