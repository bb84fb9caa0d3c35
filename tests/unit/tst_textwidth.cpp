#include "core/textwidth.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestTextWidth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void width_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("columns");
        QTest::newRow("ascii") << u"labels"_s << 6;
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("chinese") << u"名称"_s << 4;
        QTest::newRow("mixed") << u"北京 Roma"_s << 9;
        QTest::newRow("fullwidth colon") << u"："_s << 2;
        QTest::newRow("hangul") << u"한국어"_s << 6;
        QTest::newRow("composed é") << u"caf\u00e9"_s << 4;
        QTest::newRow("combining accent") << u"cafe\u0301"_s << 4;
        QTest::newRow("emoji (surrogate pair)") << u"ok 😀"_s << 5;
        QTest::newRow("zwj family") << u"👩\u200d👧"_s << 4;
        QTest::newRow("cjk ext b") << u"𠀀"_s << 2;
        QTest::newRow("ideographic half (U+303F)") << u"\u303f"_s << 1;
    }

    void width()
    {
        QFETCH(QString, text);
        QFETCH(int, columns);
        QCOMPARE(terminalWidth(text), columns);
    }

    void padding()
    {
        QCOMPARE(padToWidth(u"标签"_s, 6), u"标签  "_s);
        QCOMPARE(padToWidth(u"42"_s, 5, true), u"   42"_s);
        QCOMPARE(padToWidth(u"北京天气"_s, 4), u"北京天气"_s); // never cut
        // Two cells of the same width end on the same column, whatever the script.
        QCOMPARE(terminalWidth(padToWidth(u"weather"_s, 12)),
                 terminalWidth(padToWidth(u"天气"_s, 12)));
    }
};

QTEST_GUILESS_MAIN(TestTextWidth)
#include "tst_textwidth.moc"
