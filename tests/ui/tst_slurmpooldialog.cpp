// The "Add Slurm pool…" dialog and the pool tasks the Pools menu runs on a worker thread,
// against the cluster of scripts/slurm-up.
#include "../integration/slurmenv.h"

#include "core/workspace.h"
#include "pools/poolstore.h"
#include "views/slurmpooldialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestSlurmPoolDialog : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;

private Q_SLOTS:
    void initTestCase() { REQUIRE_SLURM(m_env); }

    void okOnlyWhenComplete()
    {
        SlurmPoolDialog dialog;
        auto edit = [&](const char *name) {
            return dialog.findChild<QLineEdit *>(QLatin1StringView(name));
        };
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QVERIFY(!edit("user")->text().isEmpty()); // the login name by default
        edit("poolName")->setText(u"cluster"_s);
        edit("url")->setText(m_env.value(u"ATELIER_SLURM_URL"_s));
        QVERIFY(!ok->isEnabled());
        edit("tokenFile")->setText(m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s));
        edit("staging")->setText(m_env.value(u"ATELIER_SLURM_STAGING"_s));
        QVERIFY(ok->isEnabled());
        dialog.findChild<QComboBox *>()->setCurrentIndex(2); // local auth: no token file
        QVERIFY(!edit("tokenFile")->isEnabled());
        dialog.findChild<QComboBox *>()->setCurrentIndex(0);
        const SlurmSettings settings = dialog.settings();
        QCOMPARE(dialog.poolName(), u"cluster"_s);
        QCOMPARE(settings.auth, u"token-file"_s);
        QCOMPARE(settings.tokenFile, m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s));
    }

    void addAndCheckOffTheGuiThread()
    {
        QTemporaryDir dir;
        QVERIFY(Workspace::create(dir.filePath(u"ws"_s), {}));
        const QString ws = dir.filePath(u"ws"_s);
        SlurmSettings s;
        s.url = m_env.value(u"ATELIER_SLURM_URL"_s);
        s.auth = u"token-file"_s;
        s.tokenFile = m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s);
        s.user = m_env.value(u"ATELIER_SLURM_USER"_s);
        s.staging = m_env.value(u"ATELIER_SLURM_STAGING"_s);
        QString outcome = PoolTasks::addSlurm(ws, u"cluster"_s, s);
        QVERIFY2(outcome.contains(u"online"_s), qPrintable(outcome));
        s.url = u"http://127.0.0.1:1"_s;
        outcome = PoolTasks::addSlurm(ws, u"gone"_s, s);
        QVERIFY2(outcome.contains(u"abnormal"_s), qPrintable(outcome));
        outcome = PoolTasks::addSlurm(ws, u"gone"_s, s);
        QVERIFY2(outcome.contains(u"already exists"_s), qPrintable(outcome));
        outcome = PoolTasks::checkAll(ws);
        QVERIFY2(outcome.startsWith(u"gone:"_s), qPrintable(outcome));
        auto opened = Workspace::open(ws);
        QVERIFY(opened);
        auto pool = PoolStore(opened->catalog()).find(u"cluster"_s);
        QCOMPARE(pool->state, u"online"_s);
        QVERIFY(pool->capacity);
    }
};

QTEST_MAIN(TestSlurmPoolDialog)
#include "tst_slurmpooldialog.moc"
