// SeriesMath: downsample's promises checked as properties over random walks with injected spikes
// (sorted, a subsequence of the input, bounded size, ends, global extremes, every isolated spike),
// and smoothEma against values worked out by hand.
#include "runs/seriesmath.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace atelier;

namespace {

/// The most points downsample may return beyond the threshold.
constexpr int Slack = 2;

struct Series
{
    QList<QPointF> points;
    QList<qsizetype> spikes; // indices of the injected isolated spikes
};

/// A random walk of \a n points (x = 0, 1, …) with isolated spikes of 1000 times the walk's
/// range, up or down, at random positions at least \a spacing points apart from each other and
/// from both ends.
Series randomWalkWithSpikes(QRandomGenerator &rng, qsizetype n, qsizetype spacing, int maxSpikes)
{
    Series s;
    s.points.reserve(n);
    double y = 0, lo = 0, hi = 0;
    for (qsizetype i = 0; i < n; ++i) {
        y += rng.generateDouble() * 2 - 1;
        lo = std::min(lo, y);
        hi = std::max(hi, y);
        s.points.append(QPointF(double(i), y));
    }
    const double magnitude = 1000 * (hi - lo + 1);
    // Candidate positions on a grid 2 * spacing apart, each jittered by less than spacing / 2
    // and kept with probability 2/3: any two spikes stay at least 1.5 * spacing apart.
    const qsizetype step = 2 * spacing;
    for (qsizetype at = step; at + step < n && s.spikes.size() < maxSpikes; at += step) {
        if (rng.bounded(3) == 0)
            continue;
        const qsizetype jitter = qsizetype(rng.bounded(int(std::max<qsizetype>(1, spacing / 2))));
        const qsizetype i = at + jitter;
        const double sign = rng.bounded(2) == 0 ? 1.0 : -1.0;
        // The spike's height varies too, so no two share a value by accident.
        s.points[i].setY(s.points[i].y() + sign * magnitude * (1 + rng.generateDouble()));
        s.spikes.append(i);
    }
    return s;
}

/// Whether \a sub is \a all with some points left out (same order, exact values).
bool isSubsequence(const QList<QPointF> &sub, const QList<QPointF> &all)
{
    qsizetype j = 0;
    for (const QPointF &p : sub) {
        while (j < all.size() && !(all[j].x() == p.x() && all[j].y() == p.y()))
            ++j;
        if (j == all.size())
            return false;
        ++j;
    }
    return true;
}

bool containsPoint(const QList<QPointF> &points, const QPointF &p)
{
    return std::any_of(points.cbegin(), points.cend(),
                       [&](const QPointF &q) { return q.x() == p.x() && q.y() == p.y(); });
}

} // namespace

class TestSeriesMath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downsampleProperties();
    void downsampleKeepsSmallInput_data();
    void downsampleKeepsSmallInput();
    void downsampleToleratesNonFinite();
    void downsampleKeepsSpikesPlainLttbWouldDrop();
    void emaReference();
    void emaWeightZeroIsIdentity();
    void emaConstantStaysConstant();
    void emaNonFinitePassesThrough();
    void emaWeightIsClamped();
};

void TestSeriesMath::downsampleProperties()
{
    QRandomGenerator rng(20240611);
    int spikesChecked = 0;
    for (int round = 0; round < 200; ++round) {
        // Lengths spread over orders of magnitude: 10 .. 100,000.
        const qsizetype n = qsizetype(std::pow(10.0, 1 + 4 * rng.generateDouble()));
        const int threshold = 10 + int(rng.bounded(3000));
        // "Isolated": at least one bucket width apart, buckets being about threshold / 4.
        const qsizetype spacing = qsizetype(std::ceil(4.0 * double(n) / threshold)) + 2;
        const Series s = randomWalkWithSpikes(rng, n, spacing, 50);
        const QList<QPointF> out = SeriesMath::downsample(s.points, threshold);
        const QByteArray where = "round " + QByteArray::number(round) + ", n " +
                                 QByteArray::number(n) + ", threshold " +
                                 QByteArray::number(threshold);

        if (n <= threshold) {
            QVERIFY2(out == s.points, where.constData());
            continue;
        }
        QVERIFY2(out.size() <= threshold + Slack, where.constData());
        QVERIFY2(out.size() >= 2, where.constData());
        QVERIFY2(std::is_sorted(out.cbegin(), out.cend(),
                                [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }),
                 where.constData());
        QVERIFY2(std::adjacent_find(out.cbegin(), out.cend(),
                                    [](const QPointF &a, const QPointF &b) {
                                        return a.x() == b.x();
                                    }) == out.cend(),
                 where.constData());
        QVERIFY2(isSubsequence(out, s.points), where.constData());
        QCOMPARE(out.first(), s.points.first());
        QCOMPARE(out.last(), s.points.last());

        const auto [minIt, maxIt] =
            std::minmax_element(s.points.cbegin(), s.points.cend(),
                                [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        QVERIFY2(containsPoint(out, *minIt), where.constData());
        QVERIFY2(containsPoint(out, *maxIt), where.constData());

        for (qsizetype i : s.spikes) {
            const QByteArray what = where + ", spike at " + QByteArray::number(i);
            QVERIFY2(containsPoint(out, s.points[i]), what.constData());
            ++spikesChecked;
        }
    }
    // The generator did inject spikes, so the loop above checked something.
    QVERIFY(spikesChecked > 500);
}

void TestSeriesMath::downsampleKeepsSmallInput_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("threshold");
    QTest::newRow("empty") << 0 << 100;
    QTest::newRow("one") << 1 << 100;
    QTest::newRow("at threshold") << 100 << 100;
    QTest::newRow("threshold 2") << 1000 << 2;
    QTest::newRow("threshold 0") << 1000 << 0;
    QTest::newRow("threshold negative") << 1000 << -5;
}

void TestSeriesMath::downsampleKeepsSmallInput()
{
    QFETCH(int, size);
    QFETCH(int, threshold);
    QList<QPointF> points;
    for (int i = 0; i < size; ++i)
        points.append(QPointF(i, std::sin(i)));
    QCOMPARE(SeriesMath::downsample(points, threshold), points);
}

void TestSeriesMath::downsampleToleratesNonFinite()
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    constexpr double inf = std::numeric_limits<double>::infinity();
    QRandomGenerator rng(7);
    QList<QPointF> points;
    for (int i = 0; i < 10000; ++i) {
        const quint32 r = rng.bounded(10);
        const double y = r == 0 ? nan : r == 1 ? inf : r == 2 ? -inf : std::sin(i * 0.01);
        points.append(QPointF(i, y));
    }
    points[0].setY(nan); // a non-finite first point is the triangles' first corner
    points.last().setY(0);
    points[5000].setY(50);  // the finite maximum
    points[6000].setY(-50); // the finite minimum
    // A stretch of nothing but NaN, longer than a bucket.
    for (int i = 8000; i < 9000; ++i)
        points[i].setY(nan);

    const QList<QPointF> out = SeriesMath::downsample(points, 200);
    QVERIFY(out.size() <= 200 + Slack);
    QCOMPARE(out.first().x(), 0.0);
    QCOMPARE(out.last(), points.last());
    QVERIFY(containsPoint(out, points[5000]));
    QVERIFY(containsPoint(out, points[6000]));
    QVERIFY(std::is_sorted(out.cbegin(), out.cend(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    // Infinities are skipped, never chosen as extremes.
    const qsizetype infinite =
        std::count_if(out.cbegin(), out.cend(), [](const QPointF &p) { return std::isinf(p.y()); });
    QCOMPARE(infinite, qsizetype(0));
    // The all-NaN stretch stays visible as a gap: some NaN point inside it is kept.
    QVERIFY(std::any_of(out.cbegin(), out.cend(), [](const QPointF &p) {
        return p.x() >= 8000 && p.x() < 9000 && std::isnan(p.y());
    }));

    // All NaN: no crash, the ends kept, bounded.
    QList<QPointF> allNan;
    for (int i = 0; i < 1000; ++i)
        allNan.append(QPointF(i, nan));
    const QList<QPointF> outNan = SeriesMath::downsample(allNan, 50);
    QVERIFY(outNan.size() <= 50 + Slack);
    QCOMPARE(outNan.first().x(), 0.0);
    QCOMPARE(outNan.last().x(), 999.0);
}

void TestSeriesMath::downsampleKeepsSpikesPlainLttbWouldDrop()
{
    // A sawtooth whose teeth dominate the triangles, with small dips beside them: LTTB alone
    // picks one point per bucket (a tooth), the bucket's minimum must still come along.
    QList<QPointF> points;
    for (int i = 0; i < 10000; ++i)
        points.append(QPointF(i, i % 100 == 50 ? 10.0 : 0.0));
    points[1234].setY(-0.5);
    points[7777].setY(-0.25);
    const QList<QPointF> out = SeriesMath::downsample(points, 302);
    QVERIFY(out.size() <= 302 + Slack);
    QVERIFY(containsPoint(out, points[1234]));
    QVERIFY(containsPoint(out, points[7777]));
}

void TestSeriesMath::emaReference()
{
    // y = 1, 2, 3, 4 with w = 0.5, by hand:
    //   s1 = 0.5                      / (1 - 0.5)    = 1
    //   s2 = 0.25  + 1   = 1.25       / (1 - 0.25)   = 5/3
    //   s3 = 0.625 + 1.5 = 2.125      / (1 - 0.125)  = 17/7
    //   s4 = 1.0625 + 2  = 3.0625     / (1 - 0.0625) = 49/15
    const QList<QPointF> in = {{10, 1}, {20, 2}, {30, 3}, {40, 4}};
    const QList<QPointF> out = SeriesMath::smoothEma(in, 0.5);
    const double expected[] = {1.0, 5.0 / 3.0, 17.0 / 7.0, 49.0 / 15.0};
    QCOMPARE(out.size(), in.size());
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(out[i].x(), in[i].x());
        QVERIFY2(std::abs(out[i].y() - expected[i]) < 1e-12,
                 QByteArray::number(out[i].y(), 'g', 17).constData());
    }

    // w = 0.9 on 0, 10: s1 = 0 → 0; s2 = 0 * 0.9 + 0.1 * 10 = 1, / (1 - 0.81) = 1 / 0.19.
    const QList<QPointF> out2 = SeriesMath::smoothEma({{0, 0}, {1, 10}}, 0.9);
    QCOMPARE(out2[0].y(), 0.0);
    QVERIFY(std::abs(out2[1].y() - 1.0 / 0.19) < 1e-12);
}

void TestSeriesMath::emaWeightZeroIsIdentity()
{
    QList<QPointF> in;
    for (int i = 0; i < 100; ++i)
        in.append(QPointF(i, std::cos(i) * i));
    QCOMPARE(SeriesMath::smoothEma(in, 0.0), in);
    QCOMPARE(SeriesMath::smoothEma(in, -1.0), in);
    QCOMPARE(SeriesMath::smoothEma(in, std::numeric_limits<double>::quiet_NaN()), in);
    QCOMPARE(SeriesMath::smoothEma({}, 0.6), QList<QPointF>());
}

void TestSeriesMath::emaConstantStaysConstant()
{
    // Without debiasing the start would climb from 0.1 * 3 towards 3.
    QList<QPointF> in;
    for (int i = 0; i < 5000; ++i)
        in.append(QPointF(i, 3.0));
    for (double w : {0.1, 0.6, 0.9, 0.999}) {
        const QList<QPointF> out = SeriesMath::smoothEma(in, w);
        for (const QPointF &p : out)
            QVERIFY2(std::abs(p.y() - 3.0) < 1e-9, QByteArray::number(p.y(), 'g', 17).constData());
    }
}

void TestSeriesMath::emaNonFinitePassesThrough()
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    constexpr double inf = std::numeric_limits<double>::infinity();
    const QList<QPointF> in = {{0, nan}, {1, 1}, {2, inf}, {3, 2}, {4, -inf}, {5, 3}, {6, 4}};
    const QList<QPointF> out = SeriesMath::smoothEma(in, 0.5);
    QCOMPARE(out.size(), in.size());
    QVERIFY(std::isnan(out[0].y()));
    QCOMPARE(out[2].y(), inf);
    QCOMPARE(out[4].y(), -inf);
    // The finite points are smoothed as if the others were not there: 1, 2, 3, 4 from above.
    const double expected[] = {1.0, 5.0 / 3.0, 17.0 / 7.0, 49.0 / 15.0};
    const int finite[] = {1, 3, 5, 6};
    for (int k = 0; k < 4; ++k) {
        QCOMPARE(out[finite[k]].x(), in[finite[k]].x());
        QVERIFY(std::abs(out[finite[k]].y() - expected[k]) < 1e-12);
    }
}

void TestSeriesMath::emaWeightIsClamped()
{
    // Weight 1 would never move and divide 0 by 0; it is clamped to 0.999.
    const QList<QPointF> in = {{0, 1}, {1, 2}};
    QCOMPARE(SeriesMath::smoothEma(in, 1.0), SeriesMath::smoothEma(in, 0.999));
    QCOMPARE(SeriesMath::smoothEma(in, 7.0), SeriesMath::smoothEma(in, 0.999));
    const QList<QPointF> out = SeriesMath::smoothEma(in, 1.0);
    // (0.999 * 0.001 * 1 + 0.001 * 2) / (1 - 0.999^2)
    const double expected = (0.999 * 0.001 + 0.001 * 2) / (1 - 0.999 * 0.999);
    QVERIFY(std::isfinite(out[1].y()));
    QVERIFY(std::abs(out[1].y() - expected) < 1e-9);
}

QTEST_GUILESS_MAIN(TestSeriesMath)
#include "tst_seriesmath.moc"
