// Adding a Slurm pool, as the command line (`pool add-slurm`) and the Pools page both do it
// through PoolHealth::addSlurm: what is checked on this machine before the pool is recorded,
// and the defaults SlurmSettings gives. No cluster is asked.
#include "catalog/database.h"
#include "catalog/migrations.h"
#include "health/poolhealth.h"
#include "pools/poolstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestPoolAdd : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    SlurmSettings settings() const
    {
        SlurmSettings s;
        s.url = u"http://127.0.0.1:6820"_s;
        s.auth = u"scontrol"_s;
        s.user = u"ada"_s;
        s.staging = m_dir.path();
        return s;
    }
    bool recorded(const QString &name)
    {
        auto pool = PoolStore(*m_db).find(name);
        return pool.ok();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(u"atelier.db"_s));
        auto db = Database::open(m_dir.filePath(u"atelier.db"_s), Database::Mode::ReadWriteCreate);
        QVERIFY(db);
        m_db = std::move(db).value();
        QVERIFY(Migrations::migrate(*m_db));
    }
    void cleanup() { m_db.reset(); }

    void recordsAPoolWhoseFoldersExist()
    {
        PoolStore store(*m_db);
        QVERIFY(PoolHealth::addSlurm(store, u"cluster"_s, settings()));
        auto pool = store.find(u"cluster"_s);
        QVERIFY(pool);
        QCOMPARE(pool->state, u"initializing"_s); // recorded, not checked
        QCOMPARE(pool->slurm.staging, m_dir.path());
        // A second pool of the same name is the store's refusal, passed on.
        QCOMPARE(PoolHealth::addSlurm(store, u"cluster"_s, settings()).error().code,
                 ErrorCode::Conflict);
    }

    void refusesAMissingStagingFolder()
    {
        PoolStore store(*m_db);
        SlurmSettings s = settings();
        s.staging = m_dir.filePath(u"not-there"_s);
        const Status added = PoolHealth::addSlurm(store, u"cluster"_s, s);
        QVERIFY(!added);
        QVERIFY2(added.error().message.contains(s.staging), qPrintable(added.error().message));
        QVERIFY(!recorded(u"cluster"_s));
        QCOMPARE(added.error().code, ErrorCode::NotFound);
        // None at all is the store's refusal (an absolute path is needed), not "missing".
        s.staging.clear();
        const Status without = PoolHealth::addSlurm(store, u"cluster"_s, s);
        QVERIFY(!without);
        QCOMPARE(without.error().code, ErrorCode::Invalid);
        QVERIFY(!recorded(u"cluster"_s));
    }

    void refusesATokenFileItCannotRead()
    {
        PoolStore store(*m_db);
        SlurmSettings s = settings();
        s.auth = u"token-file"_s;
        s.tokenFile = m_dir.filePath(u"token"_s);
        const Status missing = PoolHealth::addSlurm(store, u"cluster"_s, s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(!recorded(u"cluster"_s));

        QFile token(s.tokenFile);
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("header.payload.signature\n");
        token.close();
        QVERIFY(token.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(PoolHealth::addSlurm(store, u"cluster"_s, s));
        QVERIFY(recorded(u"cluster"_s));
    }

    void defaults_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("tokenFile");
        QTest::addColumn<QString>("auth");
        QTest::newRow("token file given") << u"http://h:6820"_s << true << u"token-file"_s;
        QTest::newRow("token file on a socket") << u"unix:/run/s.sock"_s << true << u"token-file"_s;
        QTest::newRow("unix socket") << u"unix:/run/s.sock"_s << false << u"local"_s;
        QTest::newRow("http") << u"https://h:6820"_s << false << u"scontrol"_s;
    }
    void defaults()
    {
        QFETCH(QString, url);
        QFETCH(bool, tokenFile);
        QFETCH(QString, auth);
        QCOMPARE(SlurmSettings::defaultAuth(url, tokenFile), auth);
    }

    void currentUserIsTheLoginName()
    {
        const passwd *me = ::getpwuid(::geteuid());
        QVERIFY(me);
        QCOMPARE(SlurmSettings::currentUser(), QString::fromLocal8Bit(me->pw_name));
    }
};

QTEST_GUILESS_MAIN(TestPoolAdd)
#include "tst_pooladd.moc"
