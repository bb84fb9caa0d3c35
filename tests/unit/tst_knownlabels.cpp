// DatasetContext::KnownLabels, the labels an import's batch knows to be in a dataset's set:
// found by content and, for strings that own their characters, again by where those are;
// never by the place of characters their owner may reuse (raw data); forgotten per dataset.
#include "datasets/datasetcontext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestKnownLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foundByContentAndByData()
    {
        DatasetContext::KnownLabels known;
        const QString cat = u"cat"_s + QString::number(1); // owns its characters
        QVERIFY(!known.contains(1, cat));
        known.insert(1, cat);
        QVERIFY(known.contains(1, cat));
        QVERIFY(known.contains(1, QString(cat)));                 // shared: found by its data
        QVERIFY(known.contains(1, QString(u"cat1"_s).trimmed())); // another copy: by content
        QVERIFY(!known.contains(2, cat));                         // another dataset
        QVERIFY(!known.contains(1, u"dog"_s));
        known.insert(2, cat);
        known.forget(1);
        QVERIFY(!known.contains(1, cat));
        QVERIFY(known.contains(2, cat));
        known.clear();
        QVERIFY(!known.contains(2, cat));
    }

    void rawCharactersAreNeverTakenByTheirPlace()
    {
        DatasetContext::KnownLabels known;
        QChar buffer[3] = {u'c', u'a', u't'};
        const QString raw = QString::fromRawData(buffer, 3);
        known.insert(1, raw);
        QVERIFY(known.contains(1, raw));
        buffer[0] = u'b'; // the owner reuses its characters: "bat" is not known
        QVERIFY(!known.contains(1, QString::fromRawData(buffer, 3)));
        QVERIFY(known.contains(1, u"cat"_s));
    }
};

QTEST_GUILESS_MAIN(TestKnownLabels)
#include "tst_knownlabels.moc"
