// The text actions of `atelier dataset`, run as a user runs them: the real binary in a fresh
// workspace, exit codes, one-line refusals, and the --json reports.

#include "core/textwidth.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QString dataFile(const QString &name)
{
    return QStringLiteral(ATELIER_SOURCE_DIR) + u"/tests/data/datasets/text/"_s + name;
}

} // namespace

class TestTextCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ws;

    Outcome run(QStringList args)
    {
        args << u"--workspace"_s << m_ws;
        QProcess p;
        p.start(QStringLiteral(ATELIER_BINARY), args);
        Outcome o;
        if (!p.waitForFinished(120000))
            return o;
        o.code = p.exitCode();
        o.out = p.readAllStandardOutput();
        o.err = p.readAllStandardError();
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_ws = m_dir.filePath(u"ws"_s);
        QProcess p;
        p.start(QStringLiteral(ATELIER_BINARY), {u"init"_s, m_ws});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
    }

    void importReportsBadLinesAndImportsTheRest()
    {
        const Outcome o =
            run({u"dataset"_s, u"import"_s, dataFile(u"entities_bad.jsonl"_s), u"--name"_s,
                 u"people"_s, u"--format"_s, u"jsonl"_s, u"--task"_s, u"entities"_s, u"--json"_s});
        QCOMPARE(o.code, 0);
        const QJsonObject r = o.json();
        QCOMPARE(r.value(u"imported"_s).toInt(), 2);
        const QJsonArray unreadable = r.value(u"unreadable"_s).toArray();
        QCOMPARE(unreadable.size(), 4);
        QCOMPARE(unreadable.at(0).toObject().value(u"file"_s).toString(),
                 u"entities_bad.jsonl:2"_s);
        // The table names each bad line too.
        const Outcome table = run({u"dataset"_s, u"import"_s, dataFile(u"entities_bad.conll"_s),
                                   u"--name"_s, u"people2"_s, u"--format"_s, u"conll"_s});
        QCOMPARE(table.code, 0);
        QVERIFY2(table.out.contains("entities_bad.conll:5"), table.out.constData());
    }

    void missingColumnImportsNothing()
    {
        const Outcome o =
            run({u"dataset"_s, u"import"_s, dataFile(u"missing_column.csv"_s), u"--name"_s,
                 u"bodies"_s, u"--format"_s, u"csv"_s, u"--task"_s, u"text_classification"_s});
        QCOMPARE(o.code, 1);
        QVERIFY2(o.err.contains("line 1") && o.err.contains("--text-column"), o.err.constData());
        QCOMPARE(o.err.count('\n'), 1);
        const Outcome named =
            run({u"dataset"_s, u"import"_s, dataFile(u"missing_column.csv"_s), u"--name"_s,
                 u"bodies"_s, u"--format"_s, u"csv"_s, u"--task"_s, u"text_classification"_s,
                 u"--text-column"_s, u"body"_s, u"--label-column"_s, u"tag"_s, u"--json"_s});
        QCOMPARE(named.code, 0);
        QCOMPARE(named.json().value(u"annotations"_s).toInt(), 1);
    }

    void suggestQueueAgreement()
    {
        QCOMPARE(run({u"dataset"_s, u"import"_s, dataFile(u"classify.jsonl"_s), u"--name"_s,
                      u"reviews"_s, u"--format"_s, u"jsonl"_s, u"--task"_s,
                      u"text_classification"_s, u"--author"_s, u"alice"_s})
                     .code,
                 0);
        // Bob labels the same texts: every one "positive" (Alice: 2 positive, 2 negative, 1
        // neutral over the 5 items). p_o = 2/5; p_e = (2/5)(5/5) = 2/5 → κ = 0.
        const QString bobFile = m_dir.filePath(u"bob.jsonl"_s);
        {
            QFile f(bobFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (const char *text : {"The café was wonderful", "服务太慢了", "Pizza 🍕 again, meh",
                                     "价格合理，味道不错", "Never again"})
                f.write(QJsonDocument(QJsonObject{{u"text"_s, QString::fromUtf8(text)},
                                                  {u"label"_s, u"positive"_s}})
                            .toJson(QJsonDocument::Compact) +
                        '\n');
        }
        QCOMPARE(run({u"dataset"_s, u"import"_s, bobFile, u"--name"_s, u"reviews"_s, u"--format"_s,
                      u"jsonl"_s, u"--author"_s, u"bob"_s})
                     .code,
                 0);
        const Outcome agreement = run({u"dataset"_s, u"agreement"_s, u"reviews"_s, u"--authors"_s,
                                       u"alice,bob"_s, u"--json"_s});
        QCOMPARE(agreement.code, 0);
        const QJsonObject k = agreement.json().value(u"kappa"_s).toObject();
        QVERIFY(qFuzzyCompare(k.value(u"observed"_s).toDouble(), 0.4));
        QVERIFY(qAbs(k.value(u"kappa"_s).toDouble()) < 1e-9);
        QCOMPARE(agreement.json().value(u"disagreements"_s).toArray().size(), 3);

        // Predictions by text, one of them for no item.
        const QString preds = m_dir.filePath(u"preds.jsonl"_s);
        {
            QFile f(preds);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                R"({"text": "Never again", "label": "negative", "probabilities": {"negative": 0.6, "positive": 0.4}})"
                "\n"
                R"({"text": "服务太慢了", "label": "negative", "probabilities": {"negative": 0.9, "positive": 0.1}})"
                "\n"
                R"({"text": "unknown", "label": "x"})"
                "\n");
        }
        const Outcome suggest = run({u"dataset"_s, u"suggest"_s, u"reviews"_s, u"--from"_s, preds,
                                     u"--model"_s, u"clf@2"_s, u"--json"_s});
        QCOMPARE(suggest.code, 0);
        QCOMPARE(suggest.json().value(u"source"_s).toString(), u"model:clf@2"_s);
        QCOMPARE(suggest.json().value(u"suggestions"_s).toInt(), 2);
        QCOMPARE(suggest.json().value(u"problems"_s).toArray().size(), 1);
        const Outcome queue =
            run({u"dataset"_s, u"queue"_s, u"reviews"_s, u"--all"_s, u"--json"_s});
        QCOMPARE(queue.code, 0);
        const QJsonArray items = queue.json().value(u"items"_s).toArray();
        QCOMPARE(items.first().toObject().value(u"text"_s).toString(), u"Never again"_s);
        QVERIFY(qFuzzyCompare(items.first().toObject().value(u"uncertainty"_s).toDouble(), 0.4));
        // Usage errors exit 2.
        QCOMPARE(run({u"dataset"_s, u"suggest"_s, u"reviews"_s, u"--from"_s, preds}).code, 2);
        QCOMPARE(run({u"dataset"_s, u"agreement"_s, u"reviews"_s}).code, 2);
    }

    void tablesLineUpWithChineseText()
    {
        // Chinese labels and the Chinese headers take two terminal columns per character: the
        // columns after them must still start where the header's do.
        const QString file = m_dir.filePath(u"cjk.jsonl"_s);
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(u"{\"text\": \"今天天气很好\", \"label\": \"天气\"}\n"
                      u"{\"text\": \"new phone\", \"label\": \"technology\"}\n"_s.toUtf8());
        }
        QCOMPARE(run({u"dataset"_s, u"import"_s, file, u"--name"_s, u"cjk"_s, u"--format"_s,
                      u"jsonl"_s, u"--task"_s, u"text_classification"_s})
                     .code,
                 0);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANG"_s, u"zh_CN.UTF-8"_s);
        env.insert(u"LANGUAGE"_s, u"zh_CN"_s);
        env.remove(u"LC_ALL"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ATELIER_BINARY),
                {u"dataset"_s, u"show"_s, u"cjk"_s, u"--workspace"_s, m_ws});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n');
        // The terminal column where the colour starts, in the header and in both rows.
        auto columnOf = [](const QString &line, const QString &what) {
            const qsizetype at = line.indexOf(what);
            return at < 0 ? -1 : atelier::terminalWidth(QStringView(line).left(at));
        };
        qsizetype header = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).startsWith(u"标签"_s))
                header = i;
        }
        QVERIFY2(header >= 0, qPrintable(lines.join(u'\n')));
        const int colour = columnOf(lines.at(header), u"颜色"_s);
        QVERIFY(colour > 0);
        int rows = 0;
        for (const QString &line : lines.mid(header + 1)) {
            if (line.contains(u'#')) {
                QCOMPARE(columnOf(line, u"#"_s), colour);
                ++rows;
            }
        }
        QCOMPARE(rows, 2);
    }
};

QTEST_GUILESS_MAIN(TestTextCli)
#include "tst_textcli.moc"
