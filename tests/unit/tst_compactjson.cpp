// compactJson must write exactly what QJsonDocument::toJson(Compact) writes: the catalog's
// stored geometry and attributes are compared as text (dedup keys, versions' diffs), so a
// single differing byte would make an old and a new annotation look different.
#include "core/compactjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QByteArray qtJson(const QJsonValue &v)
{
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    const QByteArray json = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

double randomNumber(QRandomGenerator &r)
{
    switch (r.bounded(8)) {
    case 0:
        return double(r.bounded(-100000, 100000)); // integral
    case 1:
        return r.generateDouble() * 1000 - 500; // pixels
    case 2:
        return std::round(r.generateDouble() * 64000) / 100; // 2 decimals
    case 3:
        return std::ldexp(r.generateDouble(), r.bounded(-80, 80)); // any magnitude
    case 4:
        return -std::ldexp(r.generateDouble(), r.bounded(-40, 60));
    case 5:
        return std::ldexp(1.0, r.bounded(40, 60)) + r.bounded(10); // near 2^52
    case 6:
        return double(qint64(r.generate64() >> r.bounded(1, 40))); // big integers
    default:
        return r.generateDouble() * 1e-3; // tiny
    }
}

QString randomString(QRandomGenerator &r)
{
    static const QList<QString> pieces{u"a"_s,      u"label"_s, u"\""_s,   u"\\"_s,   u"\n"_s,
                                       u"\t"_s,     u"\x01"_s,  u"\x1f"_s, u"\x7f"_s, u"é"_s,
                                       u"猫"_s,     u"😀"_s,     u"/"_s,    u" "_s,    u"\u2028"_s,
                                       u"\r\b\f"_s, u"0"_s};
    QString s;
    const int n = int(r.bounded(6));
    for (int i = 0; i < n; ++i)
        s += pieces[r.bounded(pieces.size())];
    return s;
}

QJsonValue randomValue(QRandomGenerator &r, int depth)
{
    switch (r.bounded(depth > 3 ? 4 : 6)) {
    case 0:
        return QJsonValue(QJsonValue::Null);
    case 1:
        return r.bounded(2) == 1;
    case 2:
        return randomNumber(r);
    case 3:
        return randomString(r);
    case 4: {
        QJsonArray a;
        for (int i = int(r.bounded(5)); i > 0; --i)
            a.append(randomValue(r, depth + 1));
        return a;
    }
    default: {
        QJsonObject o;
        for (int i = int(r.bounded(5)); i > 0; --i)
            o.insert(randomString(r), randomValue(r, depth + 1));
        return o;
    }
    }
}

} // namespace

class TestCompactJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownValues_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("polygon") << QJsonValue(QJsonArray{QJsonArray{1.5, 2}, QJsonArray{3, 4.25}});
        QTest::newRow("mask") << QJsonValue(
            QJsonObject{{u"counts"_s, u"a\\b\"c"_s}, {u"size"_s, QJsonArray{240, 320}}});
        QTest::newRow("empty object") << QJsonValue(QJsonObject());
        QTest::newRow("empty array") << QJsonValue(QJsonArray());
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("huge") << QJsonValue(1e300);
        QTest::newRow("2^53") << QJsonValue(9007199254740992.0);
        QTest::newRow("1e15") << QJsonValue(1e15);
        QTest::newRow("int64") << QJsonValue(qint64(1) << 60);
        QTest::newRow("negative zero") << QJsonValue(-0.0);
        QTest::newRow("nan") << QJsonValue(std::numeric_limits<double>::quiet_NaN());
        QTest::newRow("infinity") << QJsonValue(std::numeric_limits<double>::infinity());
        QTest::newRow("lone high surrogate") << QJsonValue(QString(QChar(0xd800)) + u"x"_s);
        QTest::newRow("lone low surrogate") << QJsonValue(u"x"_s + QString(QChar(0xdc00)));
        QTest::newRow("control") << QJsonValue(u"\x00\x01\x1f end"_s);
        QTest::newRow("keys in order")
            << QJsonValue(QJsonObject{{u"b"_s, 1}, {u"a"_s, 2}, {u"é"_s, 3}});
    }

    void knownValues()
    {
        QFETCH(QJsonValue, value);
        QCOMPARE(compactJson(value), qtJson(value));
    }

    void randomValues()
    {
        QRandomGenerator r(20261206);
        for (int i = 0; i < 200000; ++i) {
            const QJsonValue v = randomValue(r, 0);
            const QByteArray mine = compactJson(v);
            const QByteArray qt = qtJson(v);
            if (mine != qt)
                QFAIL(qPrintable(u"differs: mine %1, Qt's %2"_s.arg(QString::fromUtf8(mine),
                                                                    QString::fromUtf8(qt))));
        }
    }

    void emptyObjectIsBraces() { QCOMPARE(compactJson(QJsonObject()), QByteArray("{}")); }
};

QTEST_GUILESS_MAIN(TestCompactJson)
#include "tst_compactjson.moc"
