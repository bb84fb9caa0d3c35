// Issue #15 item 3 through the real `atelier` binary: a long import commits in short
// transactions, so another process can write meanwhile; an import killed half-way leaves a
// dataset that says it is incomplete (and a second import finishes it); a catalog kept busy
// past the limit gives a plain message, never SQL.
#include "catalog/database.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

// Big enough that the import runs for a few seconds on a loaded 2-core machine.
constexpr int kLines = 100'000;

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

QProcessEnvironment baseEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANGUAGE"_s, u"en"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    return env;
}

Outcome runAtelier(const QStringList &arguments,
                   const QProcessEnvironment &environment = baseEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QString::fromUtf8(ATELIER_BINARY), arguments);
    Outcome outcome;
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        outcome.err = u"did not finish"_s;
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

std::unique_ptr<QProcess> startAtelier(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(baseEnvironment());
    process->start(QString::fromUtf8(ATELIER_BINARY), arguments);
    return process;
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray textLines(int count)
{
    QByteArray data;
    data.reserve(count * 40);
    for (int i = 0; i < count; ++i)
        data += "line " + QByteArray::number(i) + " of a long text import\n";
    return data;
}

QByteArray pngOf(int seed)
{
    QImage image(24, 16, QImage::Format_RGB32);
    image.fill(QColor::fromRgb(seed * 7 % 256, seed * 13 % 256, seed / 256 * 31 % 256));
    image.setPixel(seed % 24, 0, qRgb(seed % 251, 3, 5)); // every image distinct
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

/// The dataset \a name of `dataset list --json`, or an empty object.
QJsonObject datasetOf(const QString &workspace, const QString &name)
{
    const Outcome list =
        runAtelier({u"dataset"_s, u"list"_s, u"--json"_s, u"--workspace"_s, workspace});
    for (const QJsonValue &v : QJsonDocument::fromJson(list.out.toUtf8()).array()) {
        if (v[u"name"_s].toString() == name)
            return v.toObject();
    }
    return {};
}

/// Waits until some of the import's items are committed while it still runs.
bool waitForPartialImport(QProcess &import, const QString &workspace, const QString &name,
                          int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && import.state() == QProcess::Running) {
        const QJsonObject d = datasetOf(workspace, name);
        if (d[u"items"_s].toInteger() > 0 && import.state() == QProcess::Running)
            return true;
        QTest::qWait(20);
    }
    return false;
}

void sigkill(QProcess &process)
{
    ::kill(pid_t(process.processId()), SIGKILL);
    process.waitForFinished(10000);
}

/// True when \a text quotes SQL (what the catalog's debug log may show, never the user).
bool looksLikeSql(const QString &text)
{
    static const QStringList words = {u"SELECT "_s, u"INSERT "_s, u"UPDATE "_s, u"DELETE "_s,
                                      u"BEGIN"_s,   u"COMMIT"_s,  u"PRAGMA"_s,  u" WHERE "_s};
    return std::any_of(words.cbegin(), words.cend(),
                       [&](const QString &w) { return text.contains(w); });
}

} // namespace

class TestConcurrentWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writerRunsDuringLongImport();
    void killedTextImportIsIncompleteAndResumes();
    void killedImageImportIsIncomplete();
    void busyCatalogSaysSoWithoutSql();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws;
    QString m_text;
};

void TestConcurrentWriters::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ws = m_dir->filePath(u"ws"_s);
    const Outcome made = runAtelier({u"init"_s, m_ws});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    m_text = m_dir->filePath(u"big.txt"_s);
    QVERIFY(writeAll(m_text, textLines(kLines)));
}

void TestConcurrentWriters::writerRunsDuringLongImport()
{
    // A tiny pipeline: its run writes the run, its task and their states to the catalog.
    const QString pipeline = m_dir->filePath(u"tiny.json"_s);
    const QJsonObject doc{
        {u"format"_s, 1},
        {u"name"_s, u"Tiny"_s},
        {u"nodes"_s, QJsonArray{QJsonObject{{u"id"_s, u"one"_s},
                                            {u"template"_s, u"shell@1.0"_s},
                                            {u"params"_s, QJsonObject{{u"script"_s, u"true"_s}}}}}},
        {u"edges"_s, QJsonArray{}}};
    QVERIFY(writeAll(pipeline, QJsonDocument(doc).toJson()));
    // Twice the lines: the import must outlast the run even on an idle, fast machine.
    const QString text = m_dir->filePath(u"bigger.txt"_s);
    QVERIFY(writeAll(text, textLines(2 * kLines)));

    auto import = startAtelier({u"dataset"_s, u"import"_s, text, u"--name"_s, u"big"_s,
                                u"--format"_s, u"txt"_s, u"--workspace"_s, m_ws});
    QVERIFY(import->waitForStarted(10000));
    // Once the import has committed its first items, it is in the middle of its work. (Before
    // issue #15 the items only appeared with the import's one commit, at its end.)
    QVERIFY2(waitForPartialImport(*import, m_ws, u"big"_s, 60000),
             "the import's items appeared only at its end (or it failed)");
    QCOMPARE(datasetOf(m_ws, u"big"_s)[u"state"_s].toString(), u"importing"_s);

    const Outcome run = runAtelier({u"pipeline"_s, u"run"_s, pipeline, u"--workspace"_s, m_ws});
    const bool importStillRunning = import->state() == QProcess::Running;
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(!looksLikeSql(run.err), qPrintable(run.err));
    // The run did not just wait for the import to end.
    QVERIFY2(importStillRunning, "the import ended before the pipeline run: make the file bigger");

    QVERIFY(import->waitForFinished(120000));
    QCOMPARE(import->exitCode(), 0);
    const QJsonObject big = datasetOf(m_ws, u"big"_s);
    QCOMPARE(big[u"items"_s].toInteger(), qint64(2 * kLines));
    QCOMPARE(big[u"state"_s].toString(), u"complete"_s);
}

void TestConcurrentWriters::killedTextImportIsIncompleteAndResumes()
{
    auto import = startAtelier({u"dataset"_s, u"import"_s, m_text, u"--name"_s, u"big"_s,
                                u"--format"_s, u"txt"_s, u"--workspace"_s, m_ws});
    QVERIFY(import->waitForStarted(10000));
    QVERIFY2(waitForPartialImport(*import, m_ws, u"big"_s, 60000),
             "the import's items appeared only at its end (or it failed)");
    sigkill(*import);

    const QJsonObject killed = datasetOf(m_ws, u"big"_s);
    const qint64 partial = killed[u"items"_s].toInteger();
    QVERIFY2(partial > 0 && partial < kLines, qPrintable(QString::number(partial)));
    QCOMPARE(killed[u"state"_s].toString(), u"incomplete"_s);
    QCOMPARE(killed[u"pending_import"_s][u"source"_s].toString(),
             QFileInfo(m_text).absoluteFilePath());
    // The table and `dataset show` say so too.
    const Outcome list = runAtelier({u"dataset"_s, u"list"_s, u"--workspace"_s, m_ws});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(u"INCOMPLETE"_s), qPrintable(list.out));
    QVERIFY2(list.err.contains(u"is incomplete"_s), qPrintable(list.err));
    const Outcome show =
        runAtelier({u"dataset"_s, u"show"_s, u"big"_s, u"--json"_s, u"--workspace"_s, m_ws});
    QCOMPARE(QJsonDocument::fromJson(show.out.toUtf8())[u"state"_s].toString(), u"incomplete"_s);

    // Importing the same file again finishes the dataset: what the killed import wrote is
    // found as duplicates (its de-duplication keys are restored), the rest is added.
    const Outcome again =
        runAtelier({u"dataset"_s, u"import"_s, m_text, u"--name"_s, u"big"_s, u"--format"_s,
                    u"txt"_s, u"--json"_s, u"--workspace"_s, m_ws});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    const QJsonObject report = QJsonDocument::fromJson(again.out.toUtf8()).object();
    QCOMPARE(report[u"duplicates"_s].toInteger(), partial);
    QCOMPARE(report[u"imported"_s].toInteger(), kLines - partial);
    const QJsonObject done = datasetOf(m_ws, u"big"_s);
    QCOMPARE(done[u"items"_s].toInteger(), qint64(kLines));
    QCOMPARE(done[u"state"_s].toString(), u"complete"_s);
}

void TestConcurrentWriters::killedImageImportIsIncomplete()
{
    const QString folder = m_dir->filePath(u"images"_s);
    for (int i = 0; i < 1500; ++i)
        QVERIFY(writeAll(u"%1/%2/img%3.png"_s.arg(folder, i % 2 ? u"cat"_s : u"dog"_s).arg(i),
                         pngOf(i)));
    auto import = startAtelier({u"dataset"_s, u"import"_s, folder, u"--name"_s, u"pets"_s,
                                u"--format"_s, u"folder"_s, u"--workspace"_s, m_ws});
    QVERIFY(import->waitForStarted(10000));
    if (!waitForPartialImport(*import, m_ws, u"pets"_s, 60000)) {
        import->waitForFinished(60000);
        QSKIP("the image import ended before a partial state could be seen");
    }
    sigkill(*import);
    const QJsonObject killed = datasetOf(m_ws, u"pets"_s);
    const qint64 partial = killed[u"items"_s].toInteger();
    QVERIFY2(partial > 0 && partial < 1500, qPrintable(QString::number(partial)));
    QCOMPARE(killed[u"state"_s].toString(), u"incomplete"_s);
}

void TestConcurrentWriters::busyCatalogSaysSoWithoutSql()
{
    // Another connection holds the write lock longer than the (shortened) wait allows.
    auto db = Database::open(QDir(m_ws).filePath(u"atelier.db"_s), Database::Mode::ReadWrite);
    QVERIFY(db);
    QVERIFY(db.value()->execScript("BEGIN IMMEDIATE;"));
    QProcessEnvironment env = baseEnvironment();
    env.insert(u"ATELIER_BUSY_TIMEOUT_MS"_s, u"800"_s);
    const QString small = m_dir->filePath(u"small.txt"_s);
    QVERIFY(writeAll(small, "one\ntwo\n"));
    QElapsedTimer timer;
    timer.start();
    const Outcome refused = runAtelier({u"dataset"_s, u"import"_s, small, u"--name"_s, u"small"_s,
                                        u"--format"_s, u"txt"_s, u"--workspace"_s, m_ws},
                                       env);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(timer.elapsed() >= 800, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(refused.err.contains(u"busy"_s), qPrintable(refused.err));
    QVERIFY2(!looksLikeSql(refused.err), qPrintable(refused.err));
    QVERIFY(db.value()->execScript("ROLLBACK;"));

    // Freed within the wait, the same import goes through.
    QVERIFY(db.value()->execScript("BEGIN IMMEDIATE;"));
    auto writer = startAtelier({u"dataset"_s, u"import"_s, small, u"--name"_s, u"small"_s,
                                u"--format"_s, u"txt"_s, u"--workspace"_s, m_ws});
    QVERIFY(writer->waitForStarted(10000));
    QTest::qWait(2000); // the writer waits (retrying) instead of failing
    QVERIFY(db.value()->execScript("COMMIT;"));
    QVERIFY(writer->waitForFinished(60000));
    QVERIFY2(writer->exitCode() == 0, writer->readAllStandardError().constData());
}

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "tst_concurrentwriters.moc"
