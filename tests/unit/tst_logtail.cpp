#include "core/logtail.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace atelier;
using namespace Qt::StringLiterals;

class TestLogTail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lastNonEmptyLineTrimmed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"log"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("first\n  Traceback: x  \n\n   \n");
        file.close();
        QCOMPARE(LogTail::lastLine(path), u"Traceback: x"_s);
        QCOMPARE(LogTail::lines(path), (QList<QByteArray>{"first", "Traceback: x"}));
    }

    void readsOnlyTheEnd()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"log"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("early line\n" + QByteArray(100000, 'x') + "\nwhy it ended\n");
        file.close();
        const QList<QByteArray> tail = LogTail::lines(path, 1000);
        QVERIFY(!tail.contains("early line"));
        QCOMPARE(tail.constLast(), QByteArray("why it ended"));
        QVERIFY(tail.constFirst().size() < 1000);
    }

    void missingFileHasNoLines()
    {
        QVERIFY(LogTail::lines(u"/nonexistent/atelier/log"_s).isEmpty());
        QVERIFY(LogTail::lastLine(u"/nonexistent/atelier/log"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLogTail)
#include "tst_logtail.moc"
