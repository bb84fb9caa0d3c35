// The Sessions view over a workspace whose catalog and session folders hold what a supervisor
// records (no Jupyter runs here: tst_sessions covers the processes): the list shows name, pool,
// state, resources and idle time; the selected session's CPU and memory charts draw its sampled
// points; the buttons follow the selected session's state; the Start dialog lists what can be
// bound and gives the options back.
#include "catalog/database.h"
#include "core/workspace.h"
#include "jupyter/sessions.h"
#include "monitor/metricchart.h"
#include "sessions/sessionstore.h"
#include "sessionsview/sessionstartdialog.h"
#include "sessionsview/sessionsview.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestSessionsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsSessionsWithResources()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(u"ws"_s);
        auto workspace = Workspace::create(root, Workspace::CreateOptions{});
        QVERIFY(workspace);
        SessionStore store(workspace->catalog());
        const QString folder = root + u"/sessions/busy"_s;
        QVERIFY(QDir().mkpath(Sessions::runtimePath(folder)));
        SessionOptions options;
        options.cpus = 3;
        options.memoryMb = 1536;
        QVERIFY(store.begin(u"busy"_s, folder, options));
        QVERIFY(store.markRunning(u"busy"_s, u"127.0.0.1"_s, 1));
        QVERIFY(store.begin(u"done"_s, root + u"/sessions/done"_s, SessionOptions{}));
        QVERIFY(store.setState(u"done"_s, u"stopped"_s, u"stopped by the user"_s).value());

        // What the supervisor writes: the server's last /api/status, sampled resources.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QFile status(Sessions::statusPath(folder));
        QVERIFY(status.open(QIODevice::WriteOnly));
        status.write(QJsonDocument(QJsonObject{{u"last_activity"_s,
                                                now.addSecs(-125).toString(Qt::ISODateWithMs)}})
                         .toJson());
        status.close();
        QFile metrics(Sessions::metricsPath(folder));
        QVERIFY(metrics.open(QIODevice::WriteOnly));
        const double t0 = double(now.toMSecsSinceEpoch()) / 1000.0 - 10;
        for (int i = 0; i < 5; ++i)
            metrics.write(u"{\"key\": \"sys/cpu_percent\", \"value\": %1, \"ts\": %2}\n"
                          "{\"key\": \"sys/memory_mb\", \"value\": %3, \"ts\": %2}\n"_s.arg(10 * i)
                              .arg(t0 + 2 * i, 0, 'f', 3)
                              .arg(100 + i)
                              .toUtf8());
        metrics.close();

        SessionsView view;
        view.resize(1000, 650);
        view.show();
        QSignalSpy loaded(&view, &SessionsView::loaded);
        view.setWorkspace(root);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view.sessionCount(), 2);
        QTreeWidgetItem *busy = view.list()->findItems(u"busy"_s, Qt::MatchExactly).value(0);
        QVERIFY(busy);
        QCOMPARE(busy->text(1), u"local"_s);
        QCOMPARE(busy->text(2), u"running"_s);
        QVERIFY2(busy->text(3).contains(u"3 CPU"_s) && busy->text(3).contains(u"1536 MB"_s),
                 qPrintable(busy->text(3)));
        QCOMPARE(busy->text(5), u"2 min"_s);

        // The selected running session's charts follow its points.
        view.list()->setCurrentItem(busy);
        QVERIFY(loaded.wait(20000));
        QTRY_COMPARE(view.charts().at(0)->lines().size(), 1);
        QCOMPARE(view.charts().at(0)->lines().constFirst().points.size(), 5);
        QCOMPARE(view.charts().at(1)->lines().constFirst().points.constLast().y(), 104.0);
        auto *stop = view.findChild<QPushButton *>(u"sessionStop"_s);
        auto *restart = view.findChild<QPushButton *>(u"sessionRestart"_s);
        QVERIFY(stop->isEnabled() && !restart->isEnabled());

        QTreeWidgetItem *done = view.list()->findItems(u"done"_s, Qt::MatchExactly).value(0);
        view.list()->setCurrentItem(done);
        QVERIFY(!stop->isEnabled() && restart->isEnabled());
        QCOMPARE(done->text(6), u"stopped by the user"_s);
    }

    void startDialogGivesOptions()
    {
        SessionSources::Available sources;
        sources.datasets = {u"dataset:shapes"_s, u"dataset:shapes@1"_s};
        sources.models = {u"model:m"_s, u"model:m@prod"_s};
        SessionStartDialog dialog({u"local"_s, u"cluster"_s}, sources);
        auto *input0 = dialog.findChild<QComboBox *>(u"sessionInput0"_s);
        QVERIFY(input0);
        QVERIFY(input0->findText(u"dataset:shapes@1"_s) > 0);
        QVERIFY(input0->findText(u"model:m@prod"_s) > 0);
        SessionOptions options;
        options.pool = u"cluster"_s;
        options.cpus = 4;
        options.idleTimeoutS = 90;
        options.bindings = {{0, u"dataset:shapes@1"_s}, {3, u"path:/tmp"_s}};
        dialog.setOptions(u"lab"_s, options);
        const SessionOptions back = dialog.options();
        QCOMPARE(dialog.name(), u"lab"_s);
        QCOMPARE(back.pool, u"cluster"_s);
        QCOMPARE(back.cpus, 4);
        QCOMPARE(back.idleTimeoutS, 90.0);
        QCOMPARE(back.bindings.size(), 2);
        QCOMPARE(back.bindings.at(1).slot, 3);
        QCOMPARE(back.bindings.at(1).source, u"path:/tmp"_s);
    }
};

QTEST_MAIN(TestSessionsView)
#include "tst_sessions_view.moc"
