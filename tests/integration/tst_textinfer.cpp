// `atelier dataset import` of a text file into a new dataset without --task: the task comes
// from the content (spans → entities, a second text → pairs, else text classification) and
// the report says which field decided; a file of which nothing imports exits 1.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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

class TestTextInfer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ws;
    int m_count = 0;

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

    void taskFromContent_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("annotations");
        QTest::newRow("jsonl spans") << u"entities.jsonl"_s << u"jsonl"_s << u"entities"_s
                                     << u"\"spans\" in 3 of 4 records"_s << 7;
        QTest::newRow("csv spans column") << u"entities.csv"_s << u"csv"_s << u"entities"_s
                                          << u"\"spans\" in 1 of 2 records"_s << 1;
        QTest::newRow("doccano label lists")
            << u"doccano.jsonl"_s << u"doccano"_s << u"entities"_s << u"\"label\""_s << 3;
        QTest::newRow("label studio results")
            << u"labelstudio.json"_s << u"labelstudio"_s << u"entities"_s << u"\"result\""_s << -1;
        QTest::newRow("jsonl pairs") << u"pairs.jsonl"_s << u"jsonl"_s << u"pairs"_s
                                     << u"\"text_b\" in 2 of 2 records"_s << 2;
        QTest::newRow("tsv pairs")
            << u"pairs.tsv"_s << u"tsv"_s << u"pairs"_s << u"\"sentence2\""_s << -1;
        QTest::newRow("jsonl labels")
            << u"classify.jsonl"_s << u"jsonl"_s << u"text_classification"_s << u"no spans"_s << -1;
    }
    void taskFromContent()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(QString, task);
        QFETCH(QString, field);
        QFETCH(int, annotations);
        const QString name = u"inferred%1"_s.arg(++m_count);
        const Outcome o = run({u"dataset"_s, u"import"_s, dataFile(file), u"--name"_s, name,
                               u"--format"_s, format, u"--json"_s});
        QVERIFY2(o.code == 0, o.err.constData());
        const QJsonObject report = o.json();
        QCOMPARE(report.value(u"task"_s).toString(), task);
        const QString reason = report.value(u"task_reason"_s).toString();
        QVERIFY2(reason.contains(field), qPrintable(reason));
        if (annotations >= 0)
            QCOMPARE(report.value(u"annotations"_s).toInt(), annotations);
        else
            QVERIFY(report.value(u"annotations"_s).toInt() > 0);
        // The table says it too.
        const Outcome table = run({u"dataset"_s, u"import"_s, dataFile(file), u"--name"_s,
                                   name + u"_t"_s, u"--format"_s, format});
        QCOMPARE(table.code, 0);
        QVERIFY2(table.out.contains((u"Task: "_s + task).toUtf8()), table.out.constData());
    }

    void nothingUsableExitsOne()
    {
        // Every span of the file is outside its text: every line refused, no dataset left.
        const Outcome o = run({u"dataset"_s, u"import"_s, dataFile(u"entities_allbad.jsonl"_s),
                               u"--name"_s, u"allbad"_s, u"--format"_s, u"jsonl"_s});
        QCOMPARE(o.code, 1);
        // The refusals are listed on stdout with the report, the verdict on stderr.
        QVERIFY2(o.err.contains("Nothing in"), o.err.constData());
        QVERIFY2(o.out.contains("entities_allbad.jsonl:1"), o.out.constData());
        const Outcome list = run({u"dataset"_s, u"list"_s, u"--json"_s});
        QVERIFY2(!list.out.contains("allbad"), list.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestTextInfer)
#include "tst_textinfer.moc"
