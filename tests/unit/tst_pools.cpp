// Pools without a cluster: the catalog's pool records, the job contract's refusals, how every
// Slurm job state maps to a task state (states as slurmrestd 22.05 reports them), and the
// quoting of batch scripts.
#include "catalog/database.h"
#include "catalog/migrations.h"
#include "pools/jobrequest.h"
#include "pools/poolstore.h"
#include "slurm/slurmclient.h"
#include "slurm/slurmconnector.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestPools : public QObject
{
    Q_OBJECT

private:
    static SlurmSettings slurm()
    {
        SlurmSettings s;
        s.url = u"http://127.0.0.1:6820"_s;
        s.auth = u"token-file"_s;
        s.tokenFile = u"/secret/token"_s;
        s.user = u"ada"_s;
        s.partition = u"gpu"_s;
        s.staging = u"/shared/staging"_s;
        return s;
    }

private Q_SLOTS:
    void storeAddsChecksRemoves()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(u"atelier.db"_s), Database::Mode::ReadWriteCreate);
        QVERIFY(db);
        QVERIFY(Migrations::migrate(*db.value()));
        PoolStore store(*db.value());
        QVERIFY(store.addSlurm(u"cluster"_s, slurm()));
        auto pool = store.find(u"cluster"_s);
        QVERIFY(pool);
        QCOMPARE(pool->state, u"initializing"_s);
        QCOMPARE(pool->slurm.tokenFile, u"/secret/token"_s);
        QVERIFY(!pool->capacity);
        QCOMPARE(store.addSlurm(u"cluster"_s, slurm()).error().code, ErrorCode::Conflict);

        PoolCapacity capacity{8, 64000, {0, 1, 2, 3}, 4};
        QVERIFY(store.saveCheck(u"cluster"_s, u"online"_s, {}, capacity));
        pool = store.find(u"cluster"_s);
        QCOMPARE(pool->state, u"online"_s);
        QCOMPARE(pool->capacity->nodes, 4);
        QCOMPARE(pool->capacity->gpus.size(), 4);
        QVERIFY(pool->checkedAt.isValid());
        QVERIFY(store.saveCheck(u"cluster"_s, u"abnormal"_s, u"controller down"_s, std::nullopt));
        pool = store.find(u"cluster"_s);
        QCOMPARE(pool->reason, u"controller down"_s);
        QCOMPARE(pool->capacity->cpus, 8); // the last known capacity stays
        QVERIFY(!store.saveCheck(u"cluster"_s, u"sleepy"_s, {}, std::nullopt));

        QVERIFY(!store.remove(u"local"_s));
        QCOMPARE(store.remove(u"nope"_s).error().code, ErrorCode::NotFound);
        QVERIFY(store.remove(u"cluster"_s));
        QCOMPARE(store.list()->size(), 1);
    }

    void storeRefusesBadSettings_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("says");
        QTest::newRow("url scheme") << u"url"_s << u"ftp://x"_s << u"slurmrestd address"_s;
        QTest::newRow("relative socket") << u"url"_s << u"unix:rest.sock"_s << u"absolute"_s;
        QTest::newRow("api") << u"api"_s << u"v0.0.12"_s << u"not supported"_s;
        QTest::newRow("local over http") << u"auth"_s << u"local"_s << u"unix socket"_s;
        QTest::newRow("staging") << u"staging"_s << u"relative/dir"_s << u"staging"_s;
        QTest::newRow("name") << u"name"_s << u"bad name!"_s << u"not a pool name"_s;
        QTest::newRow("password in url")
            << u"url"_s << u"https://ada:secret@slurm.example.org:6820"_s << u"--token-file"_s;
        QTest::newRow("user in url")
            << u"url"_s << u"https://ada@slurm.example.org:6820"_s << u"--token-file"_s;
        QTest::newRow("query in url")
            << u"url"_s << u"https://slurm.example.org:6820/?token=secret"_s << u"query"_s;
        QTest::newRow("fragment in url")
            << u"url"_s << u"https://slurm.example.org:6820/#secret"_s << u"fragment"_s;
        QTest::newRow("http to another host")
            << u"url"_s << u"http://slurm.example.org:6820"_s << u"use https://"_s;
        QTest::newRow("http to a lan address")
            << u"url"_s << u"http://10.0.0.5:6820"_s << u"use https://"_s;
        QTest::newRow("api 0.0.39") << u"api"_s << u"v0.0.39"_s << u"v0.0.38"_s;
        QTest::newRow("api 0.0.35") << u"api"_s << u"v0.0.35"_s << u"not supported"_s;
        QTest::newRow("user with a line break")
            << u"user"_s << u"ada\r\nX-SLURM-USER-NAME: root"_s << u"not a Slurm user name"_s;
        QTest::newRow("user with a space")
            << u"user"_s << u"ada lovelace"_s << u"not a Slurm user name"_s;
        QTest::newRow("user starting with a dash")
            << u"user"_s << u"-ada"_s << u"not a Slurm user name"_s;
        QTest::newRow("user too long")
            << u"user"_s << QString(65, u'a') << u"not a Slurm user name"_s;
        QTest::newRow("partition with a line break")
            << u"partition"_s << u"gpu\nx"_s << u"not a Slurm partition name"_s;
        QTest::newRow("partition with a colon")
            << u"partition"_s << u"gpu:x"_s << u"not a Slurm partition name"_s;
        QTest::newRow("account with a space")
            << u"account"_s << u"lab x"_s << u"not a Slurm account name"_s;
    }

    void storeRefusesBadSettings()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, says);
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(u"atelier.db"_s), Database::Mode::ReadWriteCreate);
        QVERIFY(Migrations::migrate(*db.value()));
        PoolStore store(*db.value());
        SlurmSettings s = slurm();
        QString name = u"p"_s;
        if (field == u"url"_s)
            s.url = value;
        else if (field == u"api"_s)
            s.apiVersion = value;
        else if (field == u"auth"_s)
            s.auth = value;
        else if (field == u"staging"_s)
            s.staging = value;
        else if (field == u"user"_s)
            s.user = value;
        else if (field == u"partition"_s)
            s.partition = value;
        else if (field == u"account"_s)
            s.account = value;
        else
            name = value;
        const Status added = store.addSlurm(name, s);
        QVERIFY(!added);
        QVERIFY2(added.error().message.contains(says), qPrintable(added.error().message));
        QVERIFY2(!added.error().message.contains(u"secret"_s), qPrintable(added.error().message));
        QVERIFY(!added.error().message.contains(u'\n'));
        QCOMPARE(store.list()->size(), 1);
    }

    void storeAcceptsGoodAddresses_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QString>("user");
        QTest::newRow("https") << u"https://slurm.example.org:6820"_s << u"token-file"_s
                               << u"ada.l_2-x"_s;
        QTest::newRow("http loopback v4")
            << u"http://127.0.0.1:6820"_s << u"token-file"_s << u"_svc"_s;
        QTest::newRow("http loopback v6") << u"http://[::1]:6820"_s << u"scontrol"_s << u"ada"_s;
        QTest::newRow("http localhost")
            << u"http://localhost:6820"_s << u"token-file"_s << u"ada"_s;
        QTest::newRow("unix socket") << u"unix:/run/slurmrestd.sock"_s << u"local"_s << u"ada"_s;
    }

    void storeAcceptsGoodAddresses()
    {
        QFETCH(QString, url);
        QFETCH(QString, auth);
        QFETCH(QString, user);
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(u"atelier.db"_s), Database::Mode::ReadWriteCreate);
        QVERIFY(Migrations::migrate(*db.value()));
        PoolStore store(*db.value());
        SlurmSettings s = slurm();
        s.url = url;
        s.auth = auth;
        s.user = user;
        s.account = u"lab-1"_s;
        for (const QString &version : {u"v0.0.36"_s, u"v0.0.37"_s, u"v0.0.38"_s}) {
            s.apiVersion = version;
            const QString name = u"p"_s + version.right(2);
            const Status added = store.addSlurm(name, s);
            QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        }
        QCOMPARE(store.list()->size(), 4);
    }

    void userNameNeverReachesAHeader()
    {
        // A pool stored before names were checked: the client refuses to send the name rather
        // than letting a line break add headers (nothing listens on port 1, so a request that
        // went out would fail with "does not answer" instead).
        QTemporaryDir dir;
        const QString token = dir.filePath(u"token"_s);
        QFile file(token);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("header.payload.signature\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        SlurmSettings s = slurm();
        s.url = u"http://127.0.0.1:1"_s;
        s.tokenFile = token;
        QVERIFY(SlurmClient::readTokenFile(token));
        s.user = u"ada\r\nX-SLURM-USER-NAME: root"_s;
        const SlurmCheck refused = SlurmClient(s, 2000).check();
        QCOMPARE(refused.state, u"abnormal"_s);
        QVERIFY2(refused.reason.contains(u"not a Slurm user name"_s), qPrintable(refused.reason));
        s.user = u"ada"_s;
        const SlurmCheck sent = SlurmClient(s, 2000).check();
        QVERIFY2(sent.reason.contains(u"does not answer"_s), qPrintable(sent.reason));
    }

    void clientErrorsHideUrlCredentials()
    {
        // Also for a pool stored before such addresses were refused.
        SlurmSettings s = slurm();
        s.url = u"http://ada:hunter2@127.0.0.1:1/?k=hunter2"_s;
        QTemporaryDir dir;
        s.tokenFile = dir.filePath(u"token"_s);
        QFile file(s.tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("header.payload.signature");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        const SlurmCheck check = SlurmClient(s, 2000).check();
        QCOMPARE(check.state, u"abnormal"_s);
        QVERIFY2(check.reason.contains(u"127.0.0.1"_s), qPrintable(check.reason));
        QVERIFY2(!check.reason.contains(u"hunter2"_s), qPrintable(check.reason));
    }

    void tokenFileIsCheckedOnWhatIsRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"token"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SLURM_JWT=header.payload.signature\n");
        file.close();
        const QByteArray native = QFile::encodeName(path);
        QVERIFY(::chmod(native.constData(), 0600) == 0);
        auto read = SlurmClient::readTokenFile(path);
        QVERIFY2(read, read ? "" : qPrintable(read.error().message));
        QCOMPARE(read.value(), QByteArray("header.payload.signature"));

        QVERIFY(::chmod(native.constData(), 0640) == 0);
        auto open = SlurmClient::readTokenFile(path);
        QVERIFY(!open);
        QVERIFY2(open.error().message.contains(u"chmod 600"_s), qPrintable(open.error().message));
        QVERIFY(open.error().message.contains(u"0640"_s));
        QVERIFY(::chmod(native.constData(), 0600) == 0);

        // A link to a private file is refused: the link itself is what was named.
        const QString link = dir.filePath(u"link"_s);
        QVERIFY(QFile::link(path, link));
        auto linked = SlurmClient::readTokenFile(link);
        QVERIFY(!linked);
        QVERIFY2(linked.error().message.contains(u"symbolic link"_s),
                 qPrintable(linked.error().message));

        auto missing = SlurmClient::readTokenFile(dir.filePath(u"none"_s));
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.contains(u"does not exist"_s));

        // A FIFO is not a file, and opening it does not hang.
        const QString fifo = dir.filePath(u"fifo"_s);
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        auto piped = SlurmClient::readTokenFile(fifo);
        QVERIFY(!piped);
        QVERIFY2(piped.error().message.contains(u"not a file"_s),
                 qPrintable(piped.error().message));

        // A private file that belongs to someone else is not our token.
        if (::geteuid() != 0)
            QSKIP("changing a file's owner needs root");
        QVERIFY(::chown(native.constData(), 65534, 65534) == 0);
        auto foreign = SlurmClient::readTokenFile(path);
        QVERIFY(!foreign);
        QVERIFY2(foreign.error().message.contains(u"another user"_s),
                 qPrintable(foreign.error().message));
    }

    void configNeverHoldsAToken()
    {
        PoolRecord pool;
        pool.kind = u"slurm"_s;
        pool.slurm = slurm();
        const QByteArray json = QJsonDocument(PoolStore::configFrom(pool)).toJson();
        QVERIFY(json.contains("/secret/token"));
        QVERIFY(!json.contains("\"token\""));
    }

    void jobContractRefusals_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("description");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("cpus");
        QTest::addColumn<int>("memoryMb");
        QTest::addColumn<int>("gpus");
        QTest::addColumn<int>("hours");
        QTest::addColumn<QString>("says"); // empty: accepted
        QTest::newRow("fine") << u"train"_s << u"d"_s << 2 << 8 << 1000 << 4 << 168 << QString();
        QTest::newRow("empty name")
            << u""_s << u"d"_s << 1 << 1 << 1 << 0 << 1 << u"name is empty"_s;
        QTest::newRow("long name")
            << QString(51, u'x') << u"d"_s << 1 << 1 << 1 << 0 << 1 << u"at most 50"_s;
        QTest::newRow("50 CJK characters")
            << QString(50, QChar(0x4E2D)) << u"d"_s << 1 << 1 << 1 << 0 << 1 << QString();
        QTest::newRow("emoji name")
            << u"train 🚀"_s << u"d"_s << 1 << 1 << 1 << 0 << 1 << u"emoji"_s;
        QTest::newRow("no description")
            << u"a"_s << u" "_s << 1 << 1 << 1 << 0 << 1 << u"description is empty"_s;
        QTest::newRow("long description")
            << u"a"_s << QString(501, u'd') << 1 << 1 << 1 << 0 << 1 << u"at most 500"_s;
        QTest::newRow("emoji description")
            << u"a"_s << u"ok ✅"_s << 1 << 1 << 1 << 0 << 1 << u"emoji"_s;
        QTest::newRow("nodes") << u"a"_s << u"d"_s << 3 << 1 << 1 << 0 << 1 << u"3 nodes"_s;
        QTest::newRow("cpus") << u"a"_s << u"d"_s << 1 << 9 << 1 << 0 << 1 << u"9 CPUs"_s;
        QTest::newRow("memory") << u"a"_s << u"d"_s << 1 << 1 << 64001 << 0 << 1 << u"64001 MB"_s;
        QTest::newRow("gpus") << u"a"_s << u"d"_s << 1 << 1 << 1 << 5 << 1 << u"5 GPUs"_s;
        QTest::newRow("duration") << u"a"_s << u"d"_s << 1 << 1 << 1 << 0 << 169
                                  << u"between 1 and 168 hours"_s;
    }

    void jobContractRefusals()
    {
        QFETCH(QString, name);
        QFETCH(QString, description);
        QFETCH(int, nodes);
        QFETCH(int, cpus);
        QFETCH(int, memoryMb);
        QFETCH(int, gpus);
        QFETCH(int, hours);
        QFETCH(QString, says);
        JobRequest job{name, description, u"cluster"_s, nodes,
                       cpus, memoryMb,    gpus,         qint64(hours) * 3600};
        const Status checked = job.check(PoolCapacity{8, 64000, {0, 1, 2, 3}, 2});
        if (says.isEmpty()) {
            QVERIFY2(checked, checked ? "" : qPrintable(checked.error().message));
        } else {
            QVERIFY(!checked);
            QVERIFY2(checked.error().message.contains(says), qPrintable(checked.error().message));
        }
    }

    void slurmStatesMap_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("exitStatus");
        QTest::addColumn<bool>("timedOutByUs");
        QTest::addColumn<QString>("taskState"); // queued/running, or the outcome
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        using S = TaskOutcome::Status;
        auto outcome = [](S s) { return QString::number(int(s)); };
        QTest::newRow("pending") << u"PENDING"_s << u"Resources"_s << 0 << false << u"queued"_s
                                 << -1 << u"Resources"_s;
        QTest::newRow("priority") << u"PENDING"_s << u"Priority"_s << 0 << false << u"queued"_s
                                  << -1 << u"Priority"_s;
        QTest::newRow("running") << u"RUNNING"_s << u"None"_s << 0 << false << u"running"_s << -1
                                 << u"running"_s;
        QTest::newRow("completing")
            << u"COMPLETING"_s << u"None"_s << 0 << false << u"running"_s << -1 << u"completing"_s;
        QTest::newRow("completed")
            << u"COMPLETED"_s << u"None"_s << 0 << false << outcome(S::Succeeded) << 0 << QString();
        QTest::newRow("failed exit 3") << u"FAILED"_s << u"NonZeroExitCode"_s << 768 << false
                                       << outcome(S::Failed) << 3 << u"exit code 3"_s;
        QTest::newRow("killed by signal") << u"FAILED"_s << u"NonZeroExitCode"_s << 9 << false
                                          << outcome(S::Failed) << -1 << u"signal 9"_s;
        QTest::newRow("cancelled") << u"CANCELLED"_s << u"None"_s << 0 << false
                                   << outcome(S::Stopped) << -1 << u"cancelled"_s;
        QTest::newRow("our timeout") << u"CANCELLED"_s << u"None"_s << 0 << true
                                     << outcome(S::TimedOut) << -1 << u"timed out"_s;
        QTest::newRow("slurm timeout") << u"TIMEOUT"_s << u"TimeLimit"_s << 0 << false
                                       << outcome(S::TimedOut) << -1 << u"time limit"_s;
        QTest::newRow("node fail") << u"NODE_FAIL"_s << u"NodeDown"_s << 0 << false
                                   << outcome(S::Failed) << -1 << u"node failure (NodeDown)"_s;
        QTest::newRow("out of memory") << u"OUT_OF_MEMORY"_s << u"OutOfMemory"_s << 0 << false
                                       << outcome(S::Failed) << 0 << u"out of memory"_s;
        QTest::newRow("preempted") << u"PREEMPTED"_s << u"None"_s << 0 << false
                                   << outcome(S::Failed) << -1 << u"preempted"_s;
    }

    void slurmStatesMap()
    {
        QFETCH(QString, state);
        QFETCH(QString, reason);
        QFETCH(int, exitStatus);
        QFETCH(bool, timedOutByUs);
        QFETCH(QString, taskState);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        SlurmJobInfo job{u"42"_s, state, reason, exitStatus, u"node1"_s, {}};
        const auto mapped = SlurmConnector::mapState(job, timedOutByUs, false);
        if (taskState == u"queued"_s || taskState == u"running"_s) {
            QVERIFY(!mapped.finished);
            QCOMPARE(mapped.state, taskState);
            QVERIFY2(mapped.message.contains(says), qPrintable(mapped.message));
            return;
        }
        QVERIFY(mapped.finished);
        QCOMPARE(QString::number(int(mapped.outcome.status)), taskState);
        QCOMPARE(mapped.outcome.exitCode, exitCode);
        QVERIFY2(mapped.outcome.message.contains(says), qPrintable(mapped.outcome.message));
    }

    void batchScriptQuotesEveryArgument()
    {
        const QStringList argv = {u"python3"_s, u"-c"_s, u"print('hi')"_s, u"$(rm -rf ~)"_s,
                                  u"a\nb"_s};
        const QString script = SlurmClient::batchScript(argv, u"/tmp/it's here"_s, true);
        QVERIFY(script.startsWith(u"#!/bin/bash\n"_s));
        QVERIFY(script.contains(u"export CUDA_VISIBLE_DEVICES=\n"_s));
        // bash itself reads the quoted words back unchanged.
        const qsizetype exec = script.indexOf(u"exec "_s);
        QProcess bash;
        bash.start(u"bash"_s, {u"-c"_s, u"printf '%s\\0' "_s + script.mid(exec + 5)});
        QVERIFY(bash.waitForFinished());
        QCOMPARE(
            QString::fromUtf8(bash.readAllStandardOutput()).split(QChar(0), Qt::SkipEmptyParts),
            argv);
    }
};

QTEST_GUILESS_MAIN(TestPools)
#include "tst_pools.moc"
