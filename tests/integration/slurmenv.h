// The cluster scripts/slurm-up started: its env file, read by the Slurm integration tests.
#pragma once

#include <QFile>
#include <QMap>
#include <QString>

/// KEY=VALUE lines of the env file named by $ATELIER_SLURM_ENV, else <build>/slurm/slurm.env;
/// empty when there is none (the test then fails and says to run scripts/slurm-up).
inline QMap<QString, QString> readSlurmEnv(QString *where)
{
    QString path = qEnvironmentVariable("ATELIER_SLURM_ENV");
    if (path.isEmpty())
        path = QStringLiteral(ATELIER_TEST_BUILD_DIR "/slurm/slurm.env");
    *where = path;
    QMap<QString, QString> env;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return env;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return env;
}

#define REQUIRE_SLURM(env)                                                                         \
    do {                                                                                           \
        QString where_;                                                                            \
        env = readSlurmEnv(&where_);                                                               \
        if (env.isEmpty())                                                                         \
            QFAIL(qPrintable(QStringLiteral("No Slurm cluster: %1 is missing. Start one with "     \
                                            "scripts/slurm-up (scripts/test does it), or set "     \
                                            "ATELIER_SLURM_ENV.")                                  \
                                 .arg(where_)));                                                   \
        qputenv("SLURM_CONF", env.value(QStringLiteral("SLURM_CONF")).toUtf8());                   \
    } while (false)
