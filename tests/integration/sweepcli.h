// Shared by the sweep CLI tests: a workspace with the quadratic test template and a pipeline
// prep → quad, and `atelier` runs in a private home.
#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace sweepcli {

using namespace Qt::StringLiterals;

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(exitCode).arg(out.left(3000),
                                                                      err.left(3000));
    }
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

class Fixture
{
public:
    QTemporaryDir home;
    QString workspace;
    QString pipeline; ///< prep (shell) → quad (quadratic), quad logging once
    QString stepped;  ///< the same with quad logging at 6 steps, 0.25 s apart
    QMap<QString, QString> extraEnvironment; ///< added to every process's environment

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env;
        env.insert(u"PATH"_s, u"/usr/local/bin:/usr/bin:/bin"_s);
        env.insert(u"HOME"_s, home.path());
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        for (auto it = extraEnvironment.cbegin(); it != extraEnvironment.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    std::unique_ptr<QProcess> start(const QString &program, const QStringList &args) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->setWorkingDirectory(home.path());
        process->start(program, args);
        return process;
    }

    Outcome finish(QProcess &process, int timeoutMs = 120000) const
    {
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

    /// `atelier ARGS --workspace WS` to its end.
    Outcome atelier(QStringList args) const
    {
        args << u"--workspace"_s << workspace;
        auto process = start(QStringLiteral(ATELIER_BINARY), args);
        return finish(*process);
    }

    static bool write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

    static QByteArray pipelineJson(const QJsonObject &quadParams)
    {
        const QJsonObject prep{
            {u"id"_s, u"prep"_s},
            {u"template"_s, u"shell@1.0"_s},
            {u"params"_s,
             QJsonObject{{u"script"_s, u"echo prepared > \"$ATELIER_OUTPUT_OUT/p.txt\""_s}}}};
        const QJsonObject quad{
            {u"id"_s, u"quad"_s}, {u"template"_s, u"quadratic@1.0"_s}, {u"params"_s, quadParams}};
        return QJsonDocument(
                   QJsonObject{{u"format"_s, 1},
                               {u"name"_s, u"Quad"_s},
                               {u"nodes"_s, QJsonArray{prep, quad}},
                               {u"edges"_s, QJsonArray{QJsonObject{{u"from"_s, u"prep.out"_s},
                                                                   {u"to"_s, u"quad.in"_s}}}}})
            .toJson();
    }

    /// Makes the workspace; false (with a warning) when a step fails.
    bool setUp()
    {
        if (!home.isValid())
            return false;
        workspace = home.filePath(u"ws"_s);
        auto init = start(QStringLiteral(ATELIER_BINARY), {u"init"_s, workspace});
        if (const Outcome made = finish(*init); made.exitCode != 0) {
            qWarning().noquote() << made.describe();
            return false;
        }
        const QString source =
            QStringLiteral(ATELIER_SOURCE_DIR) + u"/tests/data/sweeps/quadratic"_s;
        const QString target = workspace + u"/repo/templates/quadratic"_s;
        if (!QDir().mkpath(target))
            return false;
        for (const QString &name : {u"template.json"_s, u"quad.sh"_s}) {
            if (!QFile::copy(source + u'/' + name, target + u'/' + name))
                return false;
        }
        pipeline = home.filePath(u"quad.json"_s);
        stepped = home.filePath(u"stepped.json"_s);
        return write(pipeline, pipelineJson({})) &&
               write(stepped, pipelineJson({{u"steps"_s, 6}, {u"pause"_s, 0.25}}));
    }

    /// Runs Python code (/usr/bin/python3, where Debian's Optuna is) with \a args.
    Outcome python(const QString &code, const QStringList &args) const
    {
        auto process = start(u"/usr/bin/python3"_s, QStringList{u"-c"_s, code} + args);
        return finish(*process);
    }
};

} // namespace sweepcli
