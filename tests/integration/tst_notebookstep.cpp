// The built-in `notebook` template through `atelier pipeline run`, with the real Jupyter
// (Debian's jupyter-nbconvert, python3-ipykernel): parameters injected after the cell tagged
// "parameters", metrics from the notebook, the executed notebook as the output, a cell that raises
// failing its task with that cell's error, and a changed notebook never taken from the cache.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

QJsonObject codeCell(const QString &source, const QStringList &tags = {})
{
    QJsonObject metadata;
    if (!tags.isEmpty())
        metadata.insert(u"tags"_s, QJsonArray::fromStringList(tags));
    return {{u"cell_type"_s, u"code"_s},
            {u"execution_count"_s, QJsonValue::Null},
            {u"metadata"_s, metadata},
            {u"outputs"_s, QJsonArray()},
            {u"source"_s, source}};
}

/// An nbformat 4 notebook with the given cells, as nbformat writes it.
QByteArray notebook(const QJsonArray &cells)
{
    const QJsonObject kernel{{u"name"_s, u"python3"_s}, {u"display_name"_s, u"Python 3"_s},
                             {u"language"_s, u"python"_s}};
    const QJsonObject root{{u"cells"_s, cells},
                           {u"metadata"_s, QJsonObject{{u"kernelspec"_s, kernel}}},
                           {u"nbformat"_s, 4},
                           {u"nbformat_minor"_s, 5}};
    return QJsonDocument(root).toJson();
}

} // namespace

class TestNotebookStep : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_workspace;

    Outcome atelier(const QStringList &args, int timeoutMs = 120000)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"JUPYTER_CONFIG_DIR"_s, m_home.filePath(u"jupyter"_s));
        env.insert(u"JUPYTER_RUNTIME_DIR"_s, m_home.filePath(u"jupyter-runtime"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(m_home.path());
        process.start(QStringLiteral(ATELIER_BINARY), args);
        Outcome outcome;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
        }
        outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        outcome.out = QString::fromUtf8(process.readAllStandardOutput());
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

    bool write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
    }

    /// A one-node pipeline file running \a notebookPath with \a parameters.
    QString pipeline(const QString &name, const QString &notebookPath, const QJsonObject &parameters)
    {
        const QJsonObject node{
            {u"id"_s, u"nb"_s},
            {u"template"_s, u"notebook@1.0"_s},
            {u"params"_s, QJsonObject{{u"notebook"_s, notebookPath}, {u"parameters"_s, parameters}}}};
        const QJsonObject root{{u"format"_s, 1},
                               {u"name"_s, name},
                               {u"nodes"_s, QJsonArray{node}},
                               {u"edges"_s, QJsonArray()}};
        const QString path = m_home.filePath(name + u".json"_s);
        return write(path, QJsonDocument(root).toJson()) ? path : QString();
    }

    QJsonObject runJson(const Outcome &outcome)
    {
        return QJsonDocument::fromJson(outcome.out.toUtf8()).object();
    }

    QString taskDir(const QString &runId)
    {
        return QDir(m_workspace).filePath(u"runs/"_s + runId + u"/nb"_s);
    }

private Q_SLOTS:
    void initTestCase();
    void injectsParametersAndLogsMetrics();
    void raisingCellFailsTheTask();
    void changedNotebookIsNotCached();
};

void TestNotebookStep::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_workspace = m_home.filePath(u"ws"_s);
    const Outcome init = atelier({u"init"_s, m_workspace});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    // Cell 1 markdown, cell 2 the defaults tagged "parameters", cell 3 uses them.
    const QJsonArray cells{
        QJsonObject{{u"cell_type"_s, u"markdown"_s},
                    {u"metadata"_s, QJsonObject()},
                    {u"source"_s, u"# Training"_s}},
        codeCell(u"lr = 0.1\nepochs = 2\ntag = 'default'"_s, {u"parameters"_s}),
        codeCell(u"import os, atelier_log\n"
                 "for e in range(epochs):\n"
                 "    atelier_log.log('loss', lr * (epochs - e), step=e)\n"
                 "out = os.environ['ATELIER_OUTPUT_OUT']\n"
                 "open(os.path.join(out, 'seen.txt'), 'w').write('%s %d %s' % (lr, epochs, tag))\n"
                 "print('trained', tag)"_s)};
    QVERIFY(write(QDir(m_workspace).filePath(u"repo/notebooks/train.ipynb"_s), notebook(cells)));
}

void TestNotebookStep::injectsParametersAndLogsMetrics()
{
    // A path relative to the workspace's repo, whatever the current folder.
    const QString file = pipeline(u"train"_s, u"notebooks/train.ipynb"_s,
                                  {{u"lr"_s, 0.5}, {u"epochs"_s, 3}, {u"tag"_s, u"swept"_s}});
    const Outcome ran =
        atelier({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, m_workspace, u"--json"_s});
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + ran.err));
    const QString runId = runJson(ran).value(u"run"_s).toString();
    QVERIFY(!runId.isEmpty());

    const QString outputs = taskDir(runId) + u"/outputs"_s;
    QFile seen(outputs + u"/out/seen.txt"_s);
    QVERIFY2(seen.open(QIODevice::ReadOnly), qPrintable(seen.fileName()));
    QCOMPARE(QString::fromUtf8(seen.readAll()), u"0.5 3 swept"_s);

    // The executed notebook: the injected cell right after the "parameters" cell, with outputs.
    QFile executed(outputs + u"/notebook/notebook.ipynb"_s);
    QVERIFY2(executed.open(QIODevice::ReadOnly), qPrintable(executed.fileName()));
    const QJsonArray cells = QJsonDocument::fromJson(executed.readAll()).object()[u"cells"_s].toArray();
    QCOMPARE(cells.size(), 4);
    const QJsonObject injected = cells.at(2).toObject();
    QCOMPARE(injected[u"metadata"_s][u"tags"_s].toArray().first().toString(),
             u"injected-parameters"_s);
    // nbformat writes a multi-line source as a list of lines.
    QString injectedSource;
    for (const QJsonValue &line : injected[u"source"_s].toArray())
        injectedSource += line.toString();
    QVERIFY2(injectedSource.contains(u"lr = 0.5"_s) && injectedSource.contains(u"epochs = 3"_s) &&
                 injectedSource.contains(u"tag = 'swept'"_s),
             qPrintable(injectedSource));
    const QJsonArray printed = cells.at(3).toObject()[u"outputs"_s].toArray();
    QVERIFY(!printed.isEmpty());
    QVERIFY(QJsonDocument(printed).toJson().contains("trained swept"));

    // Metrics from the notebook's kernel, through the usual metrics.jsonl.
    const Outcome metrics =
        atelier({u"runs"_s, u"metrics"_s, runId, u"--workspace"_s, m_workspace, u"--json"_s});
    QVERIFY2(metrics.exitCode == 0, qPrintable(metrics.err));
    QVERIFY2(metrics.out.contains(u"loss"_s), qPrintable(metrics.out));
    QFile jsonl(taskDir(runId) + u"/metrics.jsonl"_s);
    QVERIFY(jsonl.open(QIODevice::ReadOnly));
    QCOMPARE(jsonl.readAll().count('\n'), 3);
}

void TestNotebookStep::raisingCellFailsTheTask()
{
    const QJsonArray cells{codeCell(u"x = 1"_s, {u"parameters"_s}),
                           codeCell(u"y = x + 1"_s),
                           codeCell(u"raise ValueError('x was %d' % x)"_s),
                           codeCell(u"open('never', 'w')"_s)};
    const QString path = m_home.filePath(u"elsewhere/broken.ipynb"_s); // absolute: on disk
    QVERIFY(write(path, notebook(cells)));
    const QString file = pipeline(u"broken"_s, path, {{u"x"_s, 41}});
    const Outcome ran =
        atelier({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, m_workspace, u"--json"_s});
    QCOMPARE(ran.exitCode, 1);
    const QString runId = runJson(ran).value(u"run"_s).toString();
    QVERIFY2(!runId.isEmpty(), qPrintable(ran.out + ran.err));
    // The task's error names the cell (4: after the injected one) and the exception.
    const Outcome shown =
        atelier({u"runs"_s, u"show"_s, runId, u"--workspace"_s, m_workspace, u"--json"_s});
    QVERIFY2(shown.out.contains(u"cell 4 raised ValueError: x was 41"_s),
             qPrintable(shown.out + shown.err));
    QVERIFY(!QFileInfo::exists(taskDir(runId) + u"/never"_s));
}

void TestNotebookStep::changedNotebookIsNotCached()
{
    const QString path = m_home.filePath(u"elsewhere/count.ipynb"_s);
    const auto runWith = [&](const QString &source) {
        write(path, notebook({codeCell(source)}));
        const QString file = pipeline(u"count"_s, path, {});
        const Outcome ran =
            atelier({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, m_workspace, u"--json"_s});
        QFile executed(taskDir(runJson(ran).value(u"run"_s).toString()) +
                       u"/outputs/notebook/notebook.ipynb"_s);
        if (ran.exitCode != 0 || !executed.open(QIODevice::ReadOnly))
            return QByteArray("failed: ") + (ran.out + ran.err).toUtf8();
        return executed.readAll();
    };
    QVERIFY(runWith(u"print('first')"_s).contains("first"));
    const QByteArray second = runWith(u"print('second')"_s);
    QVERIFY2(second.contains("second") && !second.contains("first"), second.constData());
}

QTEST_GUILESS_MAIN(TestNotebookStep)
#include "tst_notebookstep.moc"
