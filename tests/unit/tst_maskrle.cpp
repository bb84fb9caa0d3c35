// MaskRle: COCO's run-length masks, both counts forms, and the image round trip.
#include "datasets/maskrle.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestMaskRle : public QObject
{
    Q_OBJECT

private:
    static QImage pattern(int width, int height)
    {
        // A filled rectangle, a diagonal and a lone pixel in the last column.
        QImage image(width, height, QImage::Format_Grayscale8);
        image.fill(0);
        for (int y = 2; y < 7; ++y)
            for (int x = 3; x < 9; ++x)
                image.scanLine(y)[x] = 255;
        for (int i = 0; i < qMin(width, height); ++i)
            image.scanLine(i)[i] = 200;
        image.scanLine(height - 1)[width - 1] = 130;
        return image;
    }

private Q_SLOTS:
    void columnMajorRuns()
    {
        // 3 rows × 2 columns; set: (x=0,y=1), (x=0,y=2), (x=1,y=0). Column-major order reads
        // x=0: 0 1 1, x=1: 1 0 0 → runs 1 (zeros), 3 (ones), 2 (zeros).
        QImage image(2, 3, QImage::Format_Grayscale8);
        image.fill(0);
        image.scanLine(1)[0] = 255;
        image.scanLine(2)[0] = 255;
        image.scanLine(0)[1] = 255;
        const MaskRle rle = MaskRle::fromImage(image);
        QCOMPARE(rle.counts, (QList<quint32>{1, 3, 2}));
        QCOMPARE(rle.area(), 3);
        QCOMPARE(rle.bounds(), QRectF(0, 0, 2, 3));
        QVERIFY(rle.isValid());
    }

    void knownCompressedString()
    {
        // Hand-computed with pycocotools' rleToString: counts [1, 3, 2] → chars 48+1, 48+3,
        // 48+2 (deltas from the count two before start at the fourth count): "132".
        MaskRle rle;
        rle.height = 3;
        rle.width = 2;
        rle.counts = {1, 3, 2};
        QCOMPARE(rle.toCompressedString(), QByteArray("132"));
        // A large count takes several 5-bit groups: 100 = 0b11'00100 → (4|0x20)+48 = 'T',
        // 3+48 = '3'; and from the fourth count on a negative delta (0 − 100) keeps its sign bit.
        MaskRle big;
        big.height = 100;
        big.width = 2;
        big.counts = {100, 100, 0, 0};
        const QByteArray s = big.toCompressedString();
        QCOMPARE(s.left(2), QByteArray("T3"));
        const auto back = MaskRle::fromCompressedString(s, 100, 2);
        QVERIFY(back);
        QCOMPARE(back->counts, big.counts);
    }

    void imageRoundTrip()
    {
        const QImage image = pattern(17, 11);
        const MaskRle rle = MaskRle::fromImage(image);
        QVERIFY(rle.isValid());
        const QImage back = rle.toImage();
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                QCOMPARE(back.pixelColor(x, y).value() > 0, image.pixelColor(x, y).value() >= 128);
        const auto parsed = MaskRle::fromCompressedString(rle.toCompressedString(), 11, 17);
        QVERIFY(parsed);
        QCOMPARE(parsed->counts, rle.counts);
        // Both JSON forms read back to the same runs.
        QCOMPARE(MaskRle::fromJson(rle.toJson())->counts, rle.counts);
        QCOMPARE(MaskRle::fromJson(rle.toUncompressedJson())->counts, rle.counts);
    }

    void indexedImagePicksOneIndex()
    {
        QImage image(4, 4, QImage::Format_Indexed8);
        image.setColorCount(256);
        image.fill(0);
        image.scanLine(1)[1] = 3;
        image.scanLine(2)[2] = 3;
        image.scanLine(3)[3] = 255; // VOC's void border: not index 3
        const MaskRle rle = MaskRle::fromImage(image, 3);
        QCOMPARE(rle.area(), 2);
        QCOMPARE(rle.bounds(), QRectF(1, 1, 2, 2));
    }

    void refusesBrokenInput()
    {
        // Counts that do not cover the image, a bad character, a bad size.
        QVERIFY(!MaskRle::fromCompressedString("132", 3, 3));
        QVERIFY(!MaskRle::fromCompressedString("1 1", 3, 2));
        QVERIFY(!MaskRle::fromJson(QJsonObject{{u"size"_s, QJsonArray{3}}, {u"counts"_s, u"132"_s}}));
        QVERIFY(!MaskRle::fromJson(
            QJsonObject{{u"size"_s, QJsonArray{3, 2}}, {u"counts"_s, QJsonArray{1, 3, 1}}}));
        QVERIFY(!MaskRle::fromJson(
            QJsonObject{{u"size"_s, QJsonArray{3, 2}}, {u"counts"_s, QJsonArray{1, -3, 8}}}));
        QVERIFY(MaskRle::fromJson(
            QJsonObject{{u"size"_s, QJsonArray{3, 2}}, {u"counts"_s, QJsonArray{1, 3, 2}}}));
    }
};

QTEST_GUILESS_MAIN(TestMaskRle)
#include "tst_maskrle.moc"
