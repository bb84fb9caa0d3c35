#include "datasets/maskrle.h"
#include "datasets/maskstroke.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace atelier;

// The brush's stroke against the catalog's own encoder: whatever a stroke paints, the runs it
// re-encodes (only the touched columns) must equal MaskRle::fromImage of the whole image.
class TestMaskStroke : public QObject
{
    Q_OBJECT

private:
    // A mask of a few ellipses and rectangles, some touching the image's borders.
    static MaskRle sampleMask(int width, int height, quint32 seed)
    {
        QImage image(width, height, QImage::Format_Grayscale8);
        image.fill(0);
        QPainter painter(&image);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        QRandomGenerator random(seed);
        for (int i = 0; i < 6; ++i) {
            const QRect r(random.bounded(-20, width), random.bounded(-20, height),
                          random.bounded(5, width / 2), random.bounded(5, height / 2));
            if (i % 2)
                painter.drawEllipse(r);
            else
                painter.drawRect(r);
        }
        painter.end();
        return MaskRle::fromImage(image);
    }

private Q_SLOTS:
    void decodeMatchesToImage_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("small") << 37 << 23 << 1u;
        QTest::newRow("wide") << 300 << 40 << 2u;
        QTest::newRow("tall") << 40 << 300 << 3u;
    }

    void decodeMatchesToImage()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(quint32, seed);
        const MaskRle mask = sampleMask(width, height, seed);
        QVERIFY(mask.isValid());
        QVERIFY(mask.area() > 0);
        const QImage expected = mask.toImage();
        QCOMPARE(MaskStroke::decode(mask), expected);
        const QRect region(width / 4, height / 3, width / 2, height / 2);
        QCOMPARE(MaskStroke::decode(mask, region), expected.copy(region));
    }

    void strokesReencodeOnlyWhatTheyTouch_data()
    {
        QTest::addColumn<bool>("startEmpty");
        QTest::newRow("on a mask") << false;
        QTest::newRow("on a new mask") << true;
    }

    void strokesReencodeOnlyWhatTheyTouch()
    {
        QFETCH(bool, startEmpty);
        const int width = 160, height = 120;
        const MaskRle before = startEmpty ? MaskRle{} : sampleMask(width, height, 7);
        MaskStroke stroke(before, QSize(width, height));
        QCOMPARE(stroke.pixels().size(), QSize(width, height));
        QRandomGenerator random(11);
        for (int i = 0; i < 25; ++i) {
            // Ends up to 15 px outside the image: strokes that leave it are cut at its border.
            const QPointF from(random.bounded(-15, width + 15), random.bounded(-15, height + 15));
            const QPointF to(random.bounded(-15, width + 15), random.bounded(-15, height + 15));
            stroke.paint(from, to, 1 + random.bounded(12), i % 3 == 2);
            const MaskRle after = stroke.result();
            QVERIFY(after.isValid());
            const MaskRle whole = MaskRle::fromImage(stroke.pixels());
            QCOMPARE(after.counts, whole.counts);
            // and COCO's compressed string survives the round trip
            const auto parsed =
                MaskRle::fromCompressedString(after.toCompressedString(), height, width);
            QVERIFY(parsed);
            QCOMPARE(parsed->counts, after.counts);
        }
    }

    void startsFromDecodedPixels()
    {
        // Given the mask's pixels cropped to its bounds, the stroke starts from them.
        const MaskRle mask = sampleMask(90, 70, 9);
        const QRect box = mask.bounds().toRect();
        MaskStroke given(mask, QSize(90, 70), MaskStroke::decode(mask, box), box.topLeft());
        QCOMPARE(given.pixels(), mask.toImage());
        given.paint(QPointF(3, 3), QPointF(80, 60), 4, true);
        QCOMPARE(given.result().counts, MaskRle::fromImage(given.pixels()).counts);
    }

    void untouchedStrokeKeepsTheMask()
    {
        const MaskRle before = sampleMask(50, 40, 5);
        MaskStroke stroke(before, QSize(50, 40));
        // Entirely outside the image: nothing is painted.
        QVERIFY(stroke.paint(QPointF(-100, -100), QPointF(-80, -90), 5, false).isEmpty());
        QCOMPARE(stroke.result(), before);
    }

    void capsuleArea()
    {
        // A stroke of radius r and length L covers about 2rL + πr² pixels.
        MaskStroke stroke(MaskRle{}, QSize(400, 300));
        const double r = 10, length = 150;
        stroke.paint(QPointF(100.3, 150.2), QPointF(100.3 + length, 150.2), r, false);
        const double expected = 2 * r * length + M_PI * r * r;
        const qint64 area = stroke.result().area();
        QVERIFY2(std::abs(area - expected) < expected * 0.02,
                 qPrintable(QStringLiteral("area %1, expected about %2").arg(area).arg(expected)));
        // Erasing the middle third takes a 2r × L/3 band off (its ends inside the stroke's).
        stroke.paint(QPointF(150.3, 150.2), QPointF(200.3, 150.2), r + 2, true);
        const qint64 left = stroke.result().area();
        QVERIFY(left < area - 2 * r * 50 * 0.95);
        QVERIFY(left > area - 2 * (r + 2) * 50 * 1.05 - M_PI * (r + 2) * (r + 2));
    }
};

QTEST_GUILESS_MAIN(TestMaskStroke)
#include "tst_maskstroke.moc"
