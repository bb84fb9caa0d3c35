#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <bitset>

namespace atelier {

/// A 5-field cron expression (minute hour day-of-month month day-of-week), evaluated in UTC.
/// Supports `*`, numbers, lists `a,b`, ranges `a-b`, steps `*/n` and `a-b/n`, month and day
/// names (JAN–DEC, SUN–SAT), 7 as Sunday, and the macros @hourly @daily @weekly @monthly
/// @yearly. Day-of-month and day-of-week follow Vixie cron: when both are restricted, a day
/// matching either fires.
class CronExpression final
{
    Q_DECLARE_TR_FUNCTIONS(CronExpression)

public:
    /// Parses \a text; the error names the field and what is wrong with it.
    static Result<CronExpression> parse(const QString &text);

    /// The first fire time strictly after \a after (seconds dropped); invalid when none
    /// within the next 5 years (e.g. 30 February).
    QDateTime nextAfter(const QDateTime &after) const;
    /// Every fire time in (from, to], oldest first, at most \a limit of them (the newest kept
    /// when more exist: a backfill never floods the queue).
    QList<QDateTime> between(const QDateTime &from, const QDateTime &to, int limit = 1000) const;
    QString text() const { return m_text; }

private:
    bool dayMatches(const QDate &day) const;
    /// Moves the cursor forward to the first fire at or after it; false past \a lastDay.
    bool seekForward(QDate &day, int &hour, int &minute, const QDate &lastDay) const;
    /// Moves the cursor back to the last fire at or before it; false before \a firstDay.
    bool seekBackward(QDate &day, int &hour, int &minute, const QDate &firstDay) const;

    QString m_text;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;    // 1–31
    std::bitset<13> m_months;  // 1–12
    std::bitset<7> m_weekdays; // 0 = Sunday
    bool m_dayRestricted = false;
    bool m_weekdayRestricted = false;
};

} // namespace atelier
