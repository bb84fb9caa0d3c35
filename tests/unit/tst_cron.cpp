// CronExpression: parsing and its errors, nextAfter against a table and against a brute-force
// minute-by-minute reference, and between()'s window, backfill limit and speed.
#include "pipeline/cron.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <bitset>

using namespace Qt::StringLiterals;
using atelier::CronExpression;
using atelier::ErrorCode;

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

CronExpression mustParse(const QString &text)
{
    const auto parsed = CronExpression::parse(text);
    if (!parsed)
        qFatal("cannot parse %s: %s", qPrintable(text), qPrintable(parsed.error().message));
    return parsed.value();
}

/// The reference: the sets each field allows, written by the generator below, not the parser.
struct RefCron
{
    QString text;
    std::bitset<60> minutes;
    std::bitset<24> hours;
    std::bitset<32> days;
    std::bitset<13> months;
    std::bitset<7> weekdays;
    bool dayStar = true;
    bool weekdayStar = true;

    bool dayMatches(const QDate &d) const
    {
        if (!months[std::size_t(d.month())])
            return false;
        const bool dom = days[std::size_t(d.day())];
        const bool dow = weekdays[std::size_t(d.dayOfWeek() % 7)];
        return (dayStar || weekdayStar) ? (dom && dow) : (dom || dow);
    }

    /// Brute force: every minute of every allowed day, up to five years after \a after.
    QDateTime nextAfter(const QDateTime &after) const
    {
        const QDateTime start = after.toUTC();
        const QDateTime horizon = start.addYears(5);
        QDateTime t(start.date(), QTime(start.time().hour(), start.time().minute()), Qt::UTC);
        t = t.addSecs(60);
        QDate day = t.date();
        int minuteOfDay = t.time().hour() * 60 + t.time().minute();
        for (; day <= horizon.date(); day = day.addDays(1), minuteOfDay = 0) {
            if (!dayMatches(day))
                continue; // a day that cannot fire: skip its minutes
            for (; minuteOfDay < 1440; ++minuteOfDay) {
                if (hours[std::size_t(minuteOfDay / 60)] &&
                    minutes[std::size_t(minuteOfDay % 60)]) {
                    const QDateTime fire(day, QTime(minuteOfDay / 60, minuteOfDay % 60), Qt::UTC);
                    return fire <= horizon ? fire : QDateTime();
                }
            }
        }
        return {};
    }
};

const char *const kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                   "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const char *const kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

/// One random field over [lo, hi] whose explicit values are at most \a pickHi; \a allowed gets
/// the values it stands for.
template <std::size_t N>
QString randomField(QRandomGenerator &rng, int lo, int hi, int pickHi, std::bitset<N> &allowed,
                    const char *const *names = nullptr)
{
    // Day of week accepts 7 (Sunday) as a value, but '*' covers 0–6.
    const int starHi = (N == 7) ? 6 : hi;
    const auto set = [&](int v) { allowed.set(std::size_t(N == 7 ? v % 7 : v)); };
    const auto valueText = [&](int v) {
        if (names && v - lo < 12 && (N != 7 || v < 7) && rng.bounded(3) == 0)
            return QString::fromLatin1(names[v - lo]).toLower();
        return QString::number(v);
    };
    switch (rng.bounded(7)) {
    case 0:
        for (int v = lo; v <= starHi; ++v)
            set(v);
        return u"*"_s;
    case 1: {
        const int step = rng.bounded(1, hi - lo + 2);
        for (int v = lo; v <= starHi; v += step)
            set(v);
        return u"*/"_s + QString::number(step);
    }
    case 2: {
        const int v = rng.bounded(lo, pickHi + 1);
        set(v);
        return valueText(v);
    }
    case 3:
    case 4: {
        int a = rng.bounded(lo, pickHi + 1);
        int b = rng.bounded(lo, pickHi + 1);
        if (a > b)
            std::swap(a, b);
        const int step = rng.bounded(3) == 0 ? rng.bounded(1, 8) : 1;
        for (int v = a; v <= b; v += step)
            set(v);
        QString text = valueText(a) + u'-' + valueText(b);
        if (step != 1 || rng.bounded(2) == 0)
            text += u'/' + QString::number(step);
        return text;
    }
    case 5: {
        QStringList parts;
        const int count = rng.bounded(1, 4);
        for (int i = 0; i < count; ++i) {
            const int v = rng.bounded(lo, pickHi + 1);
            set(v);
            parts.append(valueText(v));
        }
        return parts.join(u',');
    }
    default: { // "a/n": from a to the end of the field
        const int a = rng.bounded(lo, pickHi + 1);
        const int step = rng.bounded(1, 10);
        for (int v = a; v <= hi; v += step)
            set(v);
        return QString::number(a) + u'/' + QString::number(step);
    }
    }
}

RefCron randomCron(QRandomGenerator &rng)
{
    RefCron ref;
    const QString minute = randomField(rng, 0, 59, 59, ref.minutes);
    const QString hour = randomField(rng, 0, 23, 23, ref.hours);
    // Mostly days 1–28 so that most expressions fire every month they allow.
    const QString day = randomField(rng, 1, 31, rng.bounded(4) == 0 ? 31 : 28, ref.days);
    const QString month =
        rng.bounded(2) == 0 ? u"*"_s : randomField(rng, 1, 12, 12, ref.months, kMonthNames);
    if (month == u"*")
        ref.months.set().reset(0);
    const QString weekday = randomField(rng, 0, 7, 7, ref.weekdays, kDayNames);
    ref.dayStar = day.startsWith(u'*');
    ref.weekdayStar = weekday.startsWith(u'*');
    ref.text = QStringList{minute, hour, day, month, weekday}.join(u' ');
    return ref;
}

QDateTime randomStart(QRandomGenerator &rng)
{
    const qint64 first = QDate(2026, 1, 1).toJulianDay();
    const qint64 last = QDate(2030, 12, 31).toJulianDay();
    const QDate day = QDate::fromJulianDay(first + rng.bounded(int(last - first + 1)));
    return QDateTime(day, QTime::fromMSecsSinceStartOfDay(rng.bounded(86'400'000)), Qt::UTC);
}

} // namespace

class TestCron : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseErrors_data();
    void parseErrors();
    void nextAfter_data();
    void nextAfter();
    void nextAfterIsUtcWholeMinute();
    void nextAfterMatchesBruteForce();
    void between_data();
    void between();
    void betweenKeepsNewestWhenLimited();
    void betweenEveryMinuteForAYearIsFast();
    void betweenAgreesWithNextAfter();
};

void TestCron::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("every minute") << u"* * * * *"_s << u"* * * * *"_s;
    QTest::newRow("names, lower case")
        << u"*/5 1-5 1,15 jan-mar mon-fri"_s << u"*/5 1-5 1,15 jan-mar mon-fri"_s;
    QTest::newRow("trimmed, extra blanks") << u"  0   0 * * 7  "_s << u"0   0 * * 7"_s;
    QTest::newRow("a/n") << u"5/15 * * * *"_s << u"5/15 * * * *"_s;
    QTest::newRow("macro upper case") << u"@ANNUALLY"_s << u"@ANNUALLY"_s;
}

void TestCron::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedText);
    const auto parsed = CronExpression::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->text(), expectedText);
}

void TestCron::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field"); // empty: an error about the whole expression
    QTest::addColumn<QString>("problem");

    QTest::newRow("minute 61") << u"61 * * * *"_s << u"minute"_s << u"value 61 out of range 0–59"_s;
    QTest::newRow("hour 24") << u"* 24 * * *"_s << u"hour"_s << u"value 24 out of range 0–23"_s;
    QTest::newRow("day 0") << u"* * 0 * *"_s << u"day of month"_s << u"value 0 out of range 1–31"_s;
    QTest::newRow("day 32") << u"* * 1,32 * *"_s << u"day of month"_s
                            << u"value 32 out of range 1–31"_s;
    QTest::newRow("month 13") << u"* * * 13 *"_s << u"month"_s << u"value 13 out of range 1–12"_s;
    QTest::newRow("month 0") << u"* * * 0-3 *"_s << u"month"_s << u"value 0 out of range 1–12"_s;
    QTest::newRow("weekday 8") << u"* * * * 8"_s << u"day of week"_s
                               << u"value 8 out of range 0–7"_s;
    QTest::newRow("huge number") << u"1-99999999999 * * * *"_s << u"minute"_s
                                 << u"value 99999999999 out of range 0–59"_s;
    QTest::newRow("step 0") << u"*/0 * * * *"_s << u"minute"_s << u"step must be positive"_s;
    QTest::newRow("negative step")
        << u"* 0-23/-2 * * *"_s << u"hour"_s << u"step must be positive"_s;
    QTest::newRow("step not a number")
        << u"* * */x * *"_s << u"day of month"_s << u"step “x” is not a number"_s;
    QTest::newRow("range reversed")
        << u"30-10 * * * *"_s << u"minute"_s << u"range 30-10 runs backwards"_s;
    QTest::newRow("named range reversed")
        << u"* * * * FRI-MON"_s << u"day of week"_s << u"range FRI-MON runs backwards"_s;
    QTest::newRow("garbage") << u"abc * * * *"_s << u"minute"_s << u"“abc” is not a number"_s;
    QTest::newRow("bad name") << u"* * * JANUARY *"_s << u"month"_s
                              << u"“JANUARY” is neither a number nor a name"_s;
    QTest::newRow("weekday name in month")
        << u"* * * MON *"_s << u"month"_s << u"“MON” is neither a number nor a name"_s;
    QTest::newRow("empty list entry") << u"1,,2 * * * *"_s << u"minute"_s << u"empty entry"_s;
    QTest::newRow("open range") << u"1- * * * *"_s << u"minute"_s << u"missing a value"_s;
    QTest::newRow("4 fields") << u"* * * *"_s << QString() << u"expected 5 fields, got 4"_s;
    QTest::newRow("6 fields") << u"0 * * * * *"_s << QString() << u"expected 5 fields, got 6"_s;
    QTest::newRow("empty") << QString() << QString() << u"empty"_s;
    QTest::newRow("blank") << u"   "_s << QString() << u"empty"_s;
    QTest::newRow("unknown macro") << u"@reboot"_s << QString() << u"unknown macro @reboot"_s;
}

void TestCron::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QFETCH(QString, problem);
    const auto parsed = CronExpression::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    const QString message = parsed.error().message;
    QVERIFY2(message.contains(problem), qPrintable(message));
    if (!field.isEmpty())
        QVERIFY2(message.contains(u"Invalid "_s + field + u" field"_s), qPrintable(message));
    else
        QVERIFY2(!message.contains(u" field “"_s), qPrintable(message));
}

void TestCron::nextAfter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected"); // invalid: no fire within 5 years

    QTest::newRow("*/15 mid-slot")
        << u"*/15 * * * *"_s << utc(2026, 3, 10, 10, 7, 30) << utc(2026, 3, 10, 10, 15);
    QTest::newRow("*/15 strictly after")
        << u"*/15 * * * *"_s << utc(2026, 3, 10, 10, 15) << utc(2026, 3, 10, 10, 30);
    QTest::newRow("*/15 across midnight")
        << u"*/15 * * * *"_s << utc(2026, 3, 10, 23, 59, 59, 999) << utc(2026, 3, 11);
    QTest::newRow("02:00 next day") << u"0 2 * * *"_s << utc(2026, 3, 10, 3) << utc(2026, 3, 11, 2);
    QTest::newRow("02:00 across year end")
        << u"0 2 * * *"_s << utc(2026, 12, 31, 2) << utc(2027, 1, 1, 2);
    QTest::newRow("1st across year end")
        << u"0 0 1 * *"_s << utc(2026, 12, 15, 12) << utc(2027, 1, 1);
    QTest::newRow("29 Feb: leap 2028") << u"0 0 29 2 *"_s << utc(2026, 1, 1) << utc(2028, 2, 29);
    QTest::newRow("29 Feb: 4 years on") << u"0 0 29 2 *"_s << utc(2028, 2, 29) << utc(2032, 2, 29);
    QTest::newRow("29 Feb: 2100 is no leap year")
        << u"0 0 29 2 *"_s << utc(2096, 3, 1) << QDateTime();
    // Monday 1 February: 2027, then 2038. Five years from `after` is the limit, to the minute.
    QTest::newRow("5 years: on the limit's day, before it")
        << u"0 12 */29 2 1"_s << utc(2033, 2, 1, 13) << utc(2038, 2, 1, 12);
    QTest::newRow("5 years: on the limit's day, after it")
        << u"0 12 */29 2 1"_s << utc(2033, 2, 1, 11) << QDateTime();
    QTest::newRow("31st skips February") << u"0 0 31 * *"_s << utc(2026, 1, 31) << utc(2026, 3, 31);
    QTest::newRow("31st skips June") << u"0 0 31 * *"_s << utc(2026, 4, 1) << utc(2026, 5, 31);
    QTest::newRow("31st July then August")
        << u"0 0 31 * *"_s << utc(2026, 7, 31) << utc(2026, 8, 31);
    QTest::newRow("OR: Friday before the 15th")
        << u"30 4 1,15 * 5"_s << utc(2026, 3, 1, 5) << utc(2026, 3, 6, 4, 30);
    QTest::newRow("OR: the 15th, a Sunday")
        << u"30 4 1,15 * 5"_s << utc(2026, 3, 13, 5) << utc(2026, 3, 15, 4, 30);
    QTest::newRow("OR: the 1st, a Thursday")
        << u"30 4 1,15 * 5"_s << utc(2026, 1, 1) << utc(2026, 1, 1, 4, 30);
    QTest::newRow("OR: Monday in February")
        << u"0 0 29 2 1"_s << utc(2026, 3, 1) << utc(2027, 2, 1);
    QTest::newRow("AND when day is */2") << u"0 0 */2 * 1"_s << utc(2026, 3, 1) << utc(2026, 3, 9);
    QTest::newRow("OR when day is 1-31/2")
        << u"0 0 1-31/2 * 1"_s << utc(2026, 3, 1) << utc(2026, 3, 2);
    QTest::newRow("weekdays from Friday")
        << u"0 9 * * MON-FRI"_s << utc(2026, 3, 6, 9) << utc(2026, 3, 9, 9);
    QTest::newRow("weekdays from Saturday")
        << u"0 9 * * MON-FRI"_s << utc(2026, 3, 7, 12) << utc(2026, 3, 9, 9);
    QTest::newRow("7 is Sunday") << u"0 0 * * 7"_s << utc(2026, 3, 10) << utc(2026, 3, 15);
    QTest::newRow("0 is Sunday") << u"0 0 * * 0"_s << utc(2026, 3, 10) << utc(2026, 3, 15);
    QTest::newRow("SUN is Sunday") << u"0 0 * * sun"_s << utc(2026, 3, 10) << utc(2026, 3, 15);
    QTest::newRow("5-7 includes Sunday")
        << u"0 0 * * 5-7"_s << utc(2026, 3, 14, 1) << utc(2026, 3, 15);
    QTest::newRow("@daily") << u"@daily"_s << utc(2026, 3, 10, 23, 59) << utc(2026, 3, 11);
    QTest::newRow("@hourly") << u"@hourly"_s << utc(2026, 3, 10, 10) << utc(2026, 3, 10, 11);
    QTest::newRow("@weekly") << u"@weekly"_s << utc(2026, 3, 10) << utc(2026, 3, 15);
    QTest::newRow("@monthly") << u"@monthly"_s << utc(2026, 3, 10) << utc(2026, 4, 1);
    QTest::newRow("@yearly") << u"@yearly"_s << utc(2026, 3, 10) << utc(2027, 1, 1);
    QTest::newRow("JAN,JUL from February")
        << u"0 0 1 JAN,JUL *"_s << utc(2026, 2, 1) << utc(2026, 7, 1);
    QTest::newRow("JAN,JUL from 1 July")
        << u"0 0 1 JAN,JUL *"_s << utc(2026, 7, 1) << utc(2027, 1, 1);
    QTest::newRow("30 February never") << u"0 0 30 2 *"_s << utc(2026, 1, 1) << QDateTime();
    QTest::newRow("31 April never") << u"0 0 31 4,6 *"_s << utc(2026, 1, 1) << QDateTime();
    QTest::newRow("offset input") << u"*/15 * * * *"_s
                                  << QDateTime(QDate(2026, 3, 10), QTime(10, 7), Qt::OffsetFromUTC,
                                               3600)
                                  << utc(2026, 3, 10, 9, 15);
}

void TestCron::nextAfter()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    const QDateTime next = mustParse(text).nextAfter(after);
    QCOMPARE(next.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(next, expected);
        QCOMPARE(next.timeSpec(), Qt::UTC);
    }
}

void TestCron::nextAfterIsUtcWholeMinute()
{
    const auto cron = mustParse(u"* * * * *"_s);
    const QDateTime next = cron.nextAfter(utc(2026, 3, 10, 10, 7, 42, 517));
    QCOMPARE(next.timeSpec(), Qt::UTC);
    QCOMPARE(next.time().second(), 0);
    QCOMPARE(next.time().msec(), 0);
    QCOMPARE(next, utc(2026, 3, 10, 10, 8));
    QVERIFY(!cron.nextAfter(QDateTime()).isValid());
    QVERIFY(!CronExpression().nextAfter(utc(2026, 1, 1)).isValid());
}

void TestCron::nextAfterMatchesBruteForce()
{
    QRandomGenerator rng(20260310);
    int fired = 0;
    for (int i = 0; i < 200; ++i) {
        const RefCron ref = randomCron(rng);
        const auto parsed = CronExpression::parse(ref.text);
        QVERIFY2(parsed.ok(), qPrintable(ref.text + u": "_s +
                                         (parsed.ok() ? QString() : parsed.error().message)));
        // A few starts per expression, each chained through a few fires.
        for (int s = 0; s < 3; ++s) {
            QDateTime after = randomStart(rng);
            for (int step = 0; step < 3; ++step) {
                const QDateTime expected = ref.nextAfter(after);
                const QDateTime actual = parsed->nextAfter(after);
                QVERIFY2(actual == expected,
                         qPrintable(u"%1 after %2: got %3, expected %4"_s.arg(
                             ref.text, after.toString(Qt::ISODateWithMs),
                             actual.toString(Qt::ISODate), expected.toString(Qt::ISODate))));
                if (!expected.isValid())
                    break;
                ++fired;
                after = expected;
            }
        }
    }
    // The generator must mostly produce expressions that fire, or the check proves little.
    QVERIFY2(fired > 1000, qPrintable(QString::number(fired)));
}

void TestCron::between_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("count");
    QTest::addColumn<QDateTime>("first");
    QTest::addColumn<QDateTime>("last");

    const QString hourly = u"0 * * * *"_s;
    QTest::newRow("24h: from excluded, to included")
        << hourly << utc(2026, 3, 10) << utc(2026, 3, 11) << 1000 << 24 << utc(2026, 3, 10, 1)
        << utc(2026, 3, 11);
    QTest::newRow("24h: fire just after from")
        << hourly << utc(2026, 3, 9, 23, 59, 59, 999) << utc(2026, 3, 11) << 1000 << 25
        << utc(2026, 3, 10) << utc(2026, 3, 11);
    QTest::newRow("24h: from a millisecond past a fire")
        << hourly << utc(2026, 3, 10, 0, 0, 0, 1) << utc(2026, 3, 11) << 1000 << 24
        << utc(2026, 3, 10, 1) << utc(2026, 3, 11);
    QTest::newRow("24h: to just before a fire")
        << hourly << utc(2026, 3, 10) << utc(2026, 3, 10, 23, 59, 59, 999) << 1000 << 23
        << utc(2026, 3, 10, 1) << utc(2026, 3, 10, 23);
    QTest::newRow("monthly over a year") << u"0 0 1 * *"_s << utc(2026, 1, 1) << utc(2027, 1, 1)
                                         << 1000 << 12 << utc(2026, 2, 1) << utc(2027, 1, 1);
    QTest::newRow("backfill keeps the newest")
        << u"* * * * *"_s << utc(2026, 3, 10) << utc(2026, 3, 11) << 10 << 10
        << utc(2026, 3, 10, 23, 51) << utc(2026, 3, 11);
    QTest::newRow("never fires") << u"0 0 30 2 *"_s << utc(2026, 1, 1) << utc(2027, 1, 1) << 1000
                                 << 0 << QDateTime() << QDateTime();
    QTest::newRow("limit 0") << hourly << utc(2026, 3, 10) << utc(2026, 3, 11) << 0 << 0
                             << QDateTime() << QDateTime();
    QTest::newRow("empty window") << hourly << utc(2026, 3, 10) << utc(2026, 3, 10) << 1000 << 0
                                  << QDateTime() << QDateTime();
    QTest::newRow("reversed window") << hourly << utc(2026, 3, 11) << utc(2026, 3, 10) << 1000 << 0
                                     << QDateTime() << QDateTime();
}

void TestCron::between()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(int, limit);
    QFETCH(int, count);
    QFETCH(QDateTime, first);
    QFETCH(QDateTime, last);

    const auto cron = mustParse(text);
    const QList<QDateTime> fires = cron.between(from, to, limit);
    QCOMPARE(fires.size(), count);
    if (count == 0)
        return;
    QCOMPARE(fires.first(), first);
    QCOMPARE(fires.last(), last);
    for (qsizetype i = 0; i + 1 < fires.size(); ++i)
        QCOMPARE(cron.nextAfter(fires.at(i)), fires.at(i + 1)); // oldest first, none skipped
    for (const QDateTime &fire : fires) {
        QVERIFY(fire > from);
        QVERIFY(fire <= to);
        QCOMPARE(fire.timeSpec(), Qt::UTC);
    }
}

void TestCron::betweenKeepsNewestWhenLimited()
{
    const auto cron = mustParse(u"*/7 * * * *"_s);
    const QDateTime from = utc(2026, 3, 10);
    const QDateTime to = utc(2026, 3, 17, 13, 5);
    const QList<QDateTime> all = cron.between(from, to, 1'000'000);
    QVERIFY(all.size() > 50);
    for (int limit : {1, 2, 17, 50}) {
        const QList<QDateTime> newest = cron.between(from, to, limit);
        QCOMPARE(newest, all.mid(all.size() - limit));
    }
    QCOMPARE(cron.between(from, to, int(all.size())), all);
    QCOMPARE(cron.between(from, to, int(all.size()) + 1), all);
}

void TestCron::betweenEveryMinuteForAYearIsFast()
{
    const auto cron = mustParse(u"* * * * *"_s);
    const QDateTime from = utc(2026, 1, 1);
    const QDateTime to = utc(2027, 1, 1);

    QElapsedTimer timer;
    timer.start();
    const QList<QDateTime> all = cron.between(from, to, 1'000'000);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(all.size(), 525'600);
    QCOMPARE(all.first(), utc(2026, 1, 1, 0, 1));
    QCOMPARE(all.last(), to);
    QVERIFY2(elapsed < 1000, qPrintable(u"%1 ms"_s.arg(elapsed)));

    timer.restart();
    const QList<QDateTime> newest = cron.between(from, to); // default limit: 1000
    QVERIFY2(timer.elapsed() < 1000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    QCOMPARE(newest.size(), 1000);
    QCOMPARE(newest.last(), to);
    for (qsizetype i = 0; i < newest.size(); ++i)
        QCOMPARE(newest.at(i), to.addSecs(60 * (i - 999)));
}

void TestCron::betweenAgreesWithNextAfter()
{
    QRandomGenerator rng(777);
    for (int i = 0; i < 100; ++i) {
        const RefCron ref = randomCron(rng);
        const auto cron = mustParse(ref.text);
        const QDateTime from = randomStart(rng);
        const QDateTime to = from.addSecs(rng.bounded(1, 40 * 86'400));
        QList<QDateTime> expected;
        for (QDateTime t = cron.nextAfter(from); t.isValid() && t <= to; t = cron.nextAfter(t))
            expected.append(t);
        QCOMPARE(cron.between(from, to, 1'000'000), expected);
        const int limit = rng.bounded(1, 20);
        QCOMPARE(cron.between(from, to, limit),
                 expected.mid(qMax(0, int(expected.size()) - limit)));
    }
}

QTEST_GUILESS_MAIN(TestCron)
#include "tst_cron.moc"
