#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QVariant>

#include <QElapsedTimer>

#include <chrono>
#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace atelier {

class Database;

/// A prepared statement borrowed from a Database's cache; reset and unbound when it goes away.
class Query final
{
    Q_DECLARE_TR_FUNCTIONS(Query)

public:
    Query(Query &&other) noexcept;
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    ~Query();

    /// Binds \a value to the 1-based parameter \a index (null, integer, real, text or blob).
    Query &bind(int index, const QVariant &value);
    /// Binds an integer, without a QVariant: for hot loops (bulk imports).
    Query &bindInt64(int index, qint64 value);
    /// Binds UTF-8 text (copied by SQLite), without a QVariant: for hot loops.
    Query &bindUtf8(int index, QByteArrayView utf8);
    /// The same without the copy: the caller keeps \a utf8 unchanged until this query is done
    /// (exec() returned, or its last next()). For the bulk inserts' texts.
    Query &bindUtf8Held(int index, QByteArrayView utf8);
    /// Steps once: true when a row is available, false when done.
    Result<bool> next();
    /// Runs the statement to completion (for writes).
    Status exec();
    /// Calls \a row for every result row; stops at the first error.
    Status forEach(const std::function<void(const Query &)> &row);

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;
    int columnCount() const;

private:
    Query &bindText(int index, QByteArrayView utf8, void (*lifetime)(void *));
    friend class Database;
    Query(Database *db, sqlite3_stmt *stmt, bool owned, std::optional<Error> error);
    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_owned = false;         // prepared for this query alone because the cached one was in use
    std::optional<Error> m_error; // a prepare or bind error, reported by next()/exec()
};

/// RAII over a SQLite3 connection: statements prepared once and cached, bound parameters only.
/// One connection per thread; open another for a worker.
///
/// Several processes share one catalog (the GUI, `pipeline run`, imports, services). Write
/// transactions take the lock at BEGIN IMMEDIATE (never a read upgraded to a write, which SQLite
/// cannot wait for), and a busy catalog is retried with short, jittered, growing waits for up to
/// busyLimit(). In return, long writers (imports) commit in transactions of about
/// WriteBudget each and leave the lock free for YieldGap between them (see WriteSlices).
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

    /// How long one transaction of a long writer should hold the write lock.
    static constexpr std::chrono::milliseconds WriteBudget{60};
    /// How long a long writer leaves the lock free between its transactions: longer than the
    /// longest wait between two tries of a busy connection, so a waiter always gets in.
    static constexpr std::chrono::milliseconds YieldGap{8};
    /// The longest wait between two tries of a busy connection (before jitter).
    static constexpr std::chrono::milliseconds BusyPollCap{5};
    /// How long a connection waits for a busy catalog before it gives up: 30 s, or
    /// ATELIER_BUSY_TIMEOUT_MS (tests).
    static std::chrono::milliseconds busyLimit();

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens \a path, checks that it is a SQLite database and turns on foreign keys; writes
    /// nothing. Refuses a missing file unless \a mode creates it.
    static Result<std::unique_ptr<Database>> open(const QString &path, Mode mode);
    /// Switches the file to write-ahead logging (persistent; rewrites the header). Call it only
    /// once the file is known to be ours.
    Status enableWriteAheadLog();

    /// The cached statement for \a sql (prepared on first use).
    Query query(const char *sql);
    /// Runs SQL text that takes no parameters (DDL, pragmas, several statements).
    Status execScript(const char *sql);
    /// Runs \a work inside BEGIN IMMEDIATE … COMMIT; rolls back when it fails.
    Status transaction(const std::function<Status()> &work);

    /// True between BEGIN and COMMIT.
    bool inTransaction() const;

    int userVersion();
    Status setUserVersion(int version);
    bool tableExists(const QString &table);
    /// Rows of \a table, which must exist; the name is checked against the schema first.
    Result<qint64> rowCount(const QString &table);

    QString path() const { return m_path; }
    /// The last SQLite error message of this connection.
    QString lastError() const;
    /// Turns a SQLite result code into an Error with a readable message.
    Error errorFrom(int rc, const QString &context) const;

private:
    friend class Query;
    Database(sqlite3 *db, QString path);
    sqlite3 *m_db = nullptr;
    QString m_path;
    QHash<QByteArray, sqlite3_stmt *> m_statements;
    QSet<sqlite3_stmt *> m_inUse;
    QElapsedTimer m_busySince; // the current wait for a busy catalog (busy handler)
    static int onBusy(void *self, int count);
};

/// Splits a long write into short transactions: call due() after each unit of work inside a
/// transaction; when it says true, commit, call yield() and begin the next one.
class WriteSlices final
{
public:
    WriteSlices() { m_timer.start(); }
    /// True when the current transaction has held the lock for Database::WriteBudget.
    bool due() const { return m_timer.elapsed() >= Database::WriteBudget.count(); }
    /// Leaves the lock free for Database::YieldGap, then starts timing the next transaction.
    void yield();

private:
    QElapsedTimer m_timer;
};

} // namespace atelier
