#include "pipeline/cron.h"

#include <QStringList>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kSearchYears = 5;

enum class Field { Minute, Hour, DayOfMonth, Month, DayOfWeek };

struct FieldSpec
{
    int min;
    int max;
    const std::array<QStringView, 12> *names; ///< names[i] stands for min + i, or null
};

constexpr std::array<QStringView, 12> kMonthNames = {
    u"JAN", u"FEB", u"MAR", u"APR", u"MAY", u"JUN", u"JUL", u"AUG", u"SEP", u"OCT", u"NOV", u"DEC"};
// Padded to the same array type; only the first seven are names (SUN = 0).
constexpr std::array<QStringView, 12> kWeekdayNames = {u"SUN", u"MON", u"TUE", u"WED",
                                                       u"THU", u"FRI", u"SAT"};

FieldSpec specFor(Field field)
{
    switch (field) {
    case Field::Minute:
        return {0, 59, nullptr};
    case Field::Hour:
        return {0, 23, nullptr};
    case Field::DayOfMonth:
        return {1, 31, nullptr};
    case Field::Month:
        return {1, 12, &kMonthNames};
    case Field::DayOfWeek:
        return {0, 7, &kWeekdayNames}; // 7 is Sunday too
    }
    return {0, 0, nullptr};
}

/// Only ASCII digits: no sign, no blanks.
bool isDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

/// The cursor as one comparable number: minutes since the day QDate counts from.
qint64 cursorKey(const QDate &day, int hour, int minute)
{
    return day.toJulianDay() * 1440 + hour * 60 + minute;
}

QDateTime utcAt(const QDate &day, int hour, int minute)
{
    return QDateTime(day, QTime(hour, minute), Qt::UTC);
}

/// The minute \a at falls in, as a UTC cursor.
void floorToMinute(const QDateTime &at, QDate &day, int &hour, int &minute)
{
    const QDateTime utc = at.toUTC();
    day = utc.date();
    hour = utc.time().hour();
    minute = utc.time().minute();
}

void stepBackOneMinute(QDate &day, int &hour, int &minute)
{
    if (--minute >= 0)
        return;
    minute = 59;
    if (--hour >= 0)
        return;
    hour = 23;
    day = day.addDays(-1);
}

void stepForwardOneMinute(QDate &day, int &hour, int &minute)
{
    if (++minute < 60)
        return;
    minute = 0;
    if (++hour < 24)
        return;
    hour = 0;
    day = day.addDays(1);
}

template <std::size_t N> int firstAtOrAfter(const std::bitset<N> &bits, int from)
{
    for (int i = from; i < int(N); ++i) {
        if (bits[std::size_t(i)])
            return i;
    }
    return -1;
}

template <std::size_t N> int lastAtOrBefore(const std::bitset<N> &bits, int from)
{
    for (int i = std::min(from, int(N) - 1); i >= 0; --i) {
        if (bits[std::size_t(i)])
            return i;
    }
    return -1;
}

/// Parses one field into \a bits (indexed by value); the problem in words on failure.
class FieldParser
{
    Q_DECLARE_TR_FUNCTIONS(CronExpression)

public:
    static QString fieldName(Field field)
    {
        switch (field) {
        case Field::Minute:
            return tr("minute");
        case Field::Hour:
            return tr("hour");
        case Field::DayOfMonth:
            return tr("day of month");
        case Field::Month:
            return tr("month");
        case Field::DayOfWeek:
            return tr("day of week");
        }
        return {};
    }

    /// Fills \a bits with every value the field allows; returns the problem, empty when none.
    static QString parse(QStringView text, Field field, std::bitset<64> &bits)
    {
        const FieldSpec spec = specFor(field);
        for (QStringView item : text.split(u',')) {
            if (item.isEmpty())
                return tr("empty entry in a list");
            QStringView base = item;
            int step = 1;
            bool stepped = false;
            if (const auto slash = item.indexOf(u'/'); slash >= 0) {
                base = item.left(slash);
                const QStringView stepText = item.mid(slash + 1);
                bool ok = false;
                step = stepText.toInt(&ok);
                if (!ok)
                    return tr("step “%1” is not a number").arg(stepText.toString());
                if (step <= 0)
                    return tr("step must be positive");
                stepped = true;
            }
            int first = spec.min;
            int last = spec.max;
            if (base == u"*") {
                if (field == Field::DayOfWeek)
                    last = 6; // 7 only restates Sunday
            } else if (const auto dash = base.indexOf(u'-'); dash >= 0) {
                const auto a = value(base.left(dash), spec);
                if (!a)
                    return a.error().message;
                const auto b = value(base.mid(dash + 1), spec);
                if (!b)
                    return b.error().message;
                if (a.value() > b.value())
                    return tr("range %1 runs backwards; write the smaller value first")
                        .arg(base.toString());
                first = a.value();
                last = b.value();
            } else {
                const auto a = value(base, spec);
                if (!a)
                    return a.error().message;
                first = a.value();
                // Vixie: "a/n" means from a to the end of the field, every n.
                last = stepped ? spec.max : first;
            }
            for (int v = first; v <= last; v += step)
                bits.set(std::size_t(v));
        }
        return {};
    }

private:
    static Result<int> value(QStringView text, const FieldSpec &spec)
    {
        if (text.isEmpty())
            return makeError(ErrorCode::Invalid, tr("a range is missing a value"));
        if (isDigits(text)) {
            // More digits than any field needs is out of range too, without overflowing.
            const int number = text.size() <= 6 ? text.toInt() : spec.max + 1;
            if (number < spec.min || number > spec.max)
                return makeError(ErrorCode::Invalid, tr("value %1 out of range %2–%3")
                                                         .arg(text.toString())
                                                         .arg(spec.min)
                                                         .arg(spec.max));
            return number;
        }
        if (spec.names) {
            for (std::size_t i = 0; i < spec.names->size(); ++i) {
                const QStringView name = (*spec.names)[i];
                if (!name.isEmpty() && text.compare(name, Qt::CaseInsensitive) == 0)
                    return spec.min + int(i);
            }
            return makeError(ErrorCode::Invalid,
                             tr("“%1” is neither a number nor a name").arg(text.toString()));
        }
        return makeError(ErrorCode::Invalid, tr("“%1” is not a number").arg(text.toString()));
    }
};

} // namespace

Result<CronExpression> CronExpression::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto wholeError = [&](const QString &problem) {
        return makeError(ErrorCode::Invalid,
                         tr("Invalid cron expression “%1”: %2. Write five fields (minute hour "
                            "day-of-month month day-of-week) or a macro such as @daily.")
                             .arg(trimmed, problem));
    };
    if (trimmed.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("The cron expression is empty. Write five fields (minute hour "
                            "day-of-month month day-of-week) or a macro such as @daily."));

    QString expanded = trimmed;
    if (trimmed.startsWith(u'@')) {
        const QString macro = trimmed.toLower();
        if (macro == u"@hourly")
            expanded = u"0 * * * *"_s;
        else if (macro == u"@daily" || macro == u"@midnight")
            expanded = u"0 0 * * *"_s;
        else if (macro == u"@weekly")
            expanded = u"0 0 * * 0"_s;
        else if (macro == u"@monthly")
            expanded = u"0 0 1 * *"_s;
        else if (macro == u"@yearly" || macro == u"@annually")
            expanded = u"0 0 1 1 *"_s;
        else
            return wholeError(tr("unknown macro %1").arg(trimmed));
    }

    const QStringList fields = expanded.simplified().split(u' ');
    if (fields.size() != 5)
        return wholeError(tr("expected 5 fields, got %1").arg(fields.size()));

    CronExpression cron;
    cron.m_text = trimmed;
    constexpr std::array<Field, 5> order = {Field::Minute, Field::Hour, Field::DayOfMonth,
                                            Field::Month, Field::DayOfWeek};
    std::array<std::bitset<64>, 5> bits;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const QString problem = FieldParser::parse(fields.at(qsizetype(i)), order[i], bits[i]);
        if (!problem.isEmpty())
            return makeError(ErrorCode::Invalid,
                             tr("Invalid %1 field “%2” in cron expression “%3”: %4.")
                                 .arg(FieldParser::fieldName(order[i]), fields.at(qsizetype(i)),
                                      trimmed, problem));
    }
    for (std::size_t v = 0; v < 60; ++v)
        cron.m_minutes[v] = bits[0][v];
    for (std::size_t v = 0; v < 24; ++v)
        cron.m_hours[v] = bits[1][v];
    for (std::size_t v = 1; v <= 31; ++v)
        cron.m_days[v] = bits[2][v];
    for (std::size_t v = 1; v <= 12; ++v)
        cron.m_months[v] = bits[3][v];
    for (std::size_t v = 0; v < 7; ++v)
        cron.m_weekdays[v] = bits[4][v];
    if (bits[4][7])
        cron.m_weekdays[0] = true;
    // Vixie cron's test: a field is unrestricted when it starts with '*' (so "*/2" counts as
    // unrestricted too, and then both fields must match).
    cron.m_dayRestricted = !fields.at(2).startsWith(u'*');
    cron.m_weekdayRestricted = !fields.at(4).startsWith(u'*');
    return cron;
}

bool CronExpression::dayMatches(const QDate &day) const
{
    const bool dom = m_days[std::size_t(day.day())];
    const bool dow = m_weekdays[std::size_t(day.dayOfWeek() % 7)];
    if (m_dayRestricted && m_weekdayRestricted)
        return dom || dow;
    return dom && dow;
}

bool CronExpression::seekForward(QDate &day, int &hour, int &minute, const QDate &lastDay) const
{
    // Each turn either returns or moves to a later month, day or hour, so the loop runs at
    // most about (days + 24 × matching days) times within the window.
    while (day <= lastDay) {
        if (!m_months[std::size_t(day.month())]) {
            day = QDate(day.year(), day.month(), 1).addMonths(1);
            hour = minute = 0;
            continue;
        }
        if (!dayMatches(day)) {
            day = day.addDays(1);
            hour = minute = 0;
            continue;
        }
        const int h = firstAtOrAfter(m_hours, hour);
        if (h < 0) {
            day = day.addDays(1);
            hour = minute = 0;
            continue;
        }
        if (h != hour) {
            hour = h;
            minute = 0;
        }
        const int m = firstAtOrAfter(m_minutes, minute);
        if (m < 0) {
            minute = 0;
            if (++hour == 24) {
                hour = 0;
                day = day.addDays(1);
            }
            continue;
        }
        minute = m;
        return true;
    }
    return false;
}

bool CronExpression::seekBackward(QDate &day, int &hour, int &minute, const QDate &firstDay) const
{
    while (day >= firstDay) {
        if (!m_months[std::size_t(day.month())]) {
            day = QDate(day.year(), day.month(), 1).addDays(-1);
            hour = 23;
            minute = 59;
            continue;
        }
        if (!dayMatches(day)) {
            day = day.addDays(-1);
            hour = 23;
            minute = 59;
            continue;
        }
        const int h = lastAtOrBefore(m_hours, hour);
        if (h < 0) {
            day = day.addDays(-1);
            hour = 23;
            minute = 59;
            continue;
        }
        if (h != hour) {
            hour = h;
            minute = 59;
        }
        const int m = lastAtOrBefore(m_minutes, minute);
        if (m < 0) {
            minute = 59;
            if (--hour < 0) {
                hour = 23;
                day = day.addDays(-1);
            }
            continue;
        }
        minute = m;
        return true;
    }
    return false;
}

QDateTime CronExpression::nextAfter(const QDateTime &after) const
{
    if (!after.isValid() || m_minutes.none())
        return {};
    QDate day;
    int hour = 0;
    int minute = 0;
    floorToMinute(after, day, hour, minute);
    stepForwardOneMinute(day, hour, minute);
    const QDateTime horizon = after.toUTC().addYears(kSearchYears);
    if (!seekForward(day, hour, minute, horizon.date()))
        return {};
    QDateTime next = utcAt(day, hour, minute);
    return next <= horizon ? next : QDateTime();
}

QList<QDateTime> CronExpression::between(const QDateTime &from, const QDateTime &to,
                                         int limit) const
{
    QList<QDateTime> fires;
    if (limit <= 0 || !from.isValid() || !to.isValid() || to <= from || m_minutes.none())
        return fires;

    // Walk back from `to`: only the newest `limit` fires are kept, so this costs O(limit)
    // however long the window is.
    QDate fromDay;
    int fromHour = 0;
    int fromMinute = 0;
    floorToMinute(from, fromDay, fromHour, fromMinute);
    // A fire (whole minute) is after `from` exactly when it is after from's minute.
    const qint64 floorKey = cursorKey(fromDay, fromHour, fromMinute);

    QDate day;
    int hour = 0;
    int minute = 0;
    floorToMinute(to, day, hour, minute);
    while (fires.size() < limit && seekBackward(day, hour, minute, fromDay) &&
           cursorKey(day, hour, minute) > floorKey) {
        fires.append(utcAt(day, hour, minute));
        stepBackOneMinute(day, hour, minute);
    }
    std::reverse(fires.begin(), fires.end());
    return fires;
}

} // namespace atelier
