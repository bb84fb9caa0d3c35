#include "catalog/database.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>
#include <thread>
#include <utility>

using namespace Qt::StringLiterals;

namespace atelier {

Q_LOGGING_CATEGORY(lcCatalog, "atelier.catalog", QtWarningMsg)

Query::Query(Database *db, sqlite3_stmt *stmt, bool owned, std::optional<Error> error)
    : m_db(db), m_stmt(stmt), m_owned(owned), m_error(std::move(error))
{
}

Query::Query(Query &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)),
      m_owned(other.m_owned), m_error(std::move(other.m_error))
{
}

Query::~Query()
{
    if (!m_stmt)
        return;
    if (m_owned) {
        sqlite3_finalize(m_stmt);
        return;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_db->m_inUse.remove(m_stmt);
}

Query &Query::bind(int index, const QVariant &value)
{
    if (!m_stmt || m_error)
        return *this;
    int rc = SQLITE_OK;
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        rc = sqlite3_bind_null(m_stmt, index);
        break;
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        rc = sqlite3_bind_int64(m_stmt, index, value.toLongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        rc = sqlite3_bind_double(m_stmt, index, value.toDouble());
        break;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        rc = sqlite3_bind_blob64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                                 SQLITE_TRANSIENT);
        break;
    }
    default: {
        if (value.isNull()) {
            rc = sqlite3_bind_null(m_stmt, index);
            break;
        }
        const QByteArray utf8 = value.toString().toUtf8();
        rc = sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()),
                                 SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    }
    if (rc != SQLITE_OK)
        m_error = m_db->errorFrom(rc, tr("binding parameter %1").arg(index));
    return *this;
}

Query &Query::bindInt64(int index, qint64 value)
{
    if (!m_stmt || m_error)
        return *this;
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        m_error = m_db->errorFrom(rc, tr("binding parameter %1").arg(index));
    return *this;
}

Query &Query::bindUtf8(int index, QByteArrayView utf8)
{
    return bindText(index, utf8, SQLITE_TRANSIENT);
}

Query &Query::bindUtf8Held(int index, QByteArrayView utf8)
{
    return bindText(index, utf8, SQLITE_STATIC);
}

Query &Query::bindText(int index, QByteArrayView utf8, void (*lifetime)(void *))
{
    if (!m_stmt || m_error)
        return *this;
    const int rc = sqlite3_bind_text64(m_stmt, index, utf8.data() ? utf8.data() : "",
                                       sqlite3_uint64(utf8.size()), lifetime, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        m_error = m_db->errorFrom(rc, tr("binding parameter %1").arg(index));
    return *this;
}

Result<bool> Query::next()
{
    if (m_error) {
        if (!m_stmt) // the statement never prepared: the error stays
            return *m_error;
        // A bind failed: reported once, then the statement can be bound and run again (a
        // query held across rows by a bulk writer).
        Error error = *std::exchange(m_error, std::nullopt);
        sqlite3_reset(m_stmt);
        return error;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE) {
        sqlite3_reset(m_stmt); // ends its read transaction now, not when the Query goes
        return false;
    }
    Error error = m_db->errorFrom(rc, QString::fromUtf8(sqlite3_sql(m_stmt)));
    sqlite3_reset(m_stmt); // ready for new binds: a failed step would otherwise refuse them
    return error;
}

Status Query::exec()
{
    for (;;) {
        auto row = next();
        if (!row)
            return row.error();
        if (!row.value())
            return {};
    }
}

Status Query::forEach(const std::function<void(const Query &)> &row)
{
    for (;;) {
        auto next = this->next();
        if (!next)
            return next.error();
        if (!next.value())
            return {};
        row(*this);
    }
}

qint64 Query::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Query::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Query::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Query::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

bool Query::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int Query::columnCount() const
{
    return m_stmt ? sqlite3_column_count(m_stmt) : 0;
}

Database::Database(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

Database::~Database()
{
    for (sqlite3_stmt *stmt : std::as_const(m_statements))
        sqlite3_finalize(stmt);
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, Mode mode)
{
    const QFileInfo info(path);
    if (mode != Mode::ReadWriteCreate && !info.exists())
        return makeError(ErrorCode::NotFound, tr("%1 does not exist.").arg(path));
    if (info.exists() && !info.isFile())
        return makeError(ErrorCode::Invalid, tr("%1 is not a file.").arg(path));

    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    sqlite3 *handle = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString reason = handle ? QString::fromUtf8(sqlite3_errmsg(handle))
                                      : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(handle);
        return makeError(ErrorCode::Io, tr("Cannot open %1: %2.").arg(path, reason));
    }
    std::unique_ptr<Database> db(new Database(handle, path));
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_handler(handle, &Database::onBusy, db.get());

    // Reading the schema is the first real access: it tells a non-database file apart
    // before anything is written to it.
    if (auto check = db->execScript("SELECT count(*) FROM sqlite_schema;"); !check) {
        return makeError(ErrorCode::Corrupt,
                         tr("%1 is not a valid SQLite database (%2).").arg(path, db->lastError()));
    }
    if (auto fk = db->execScript("PRAGMA foreign_keys = ON;"); !fk)
        return fk.error();
    return db;
}

std::chrono::milliseconds Database::busyLimit()
{
    static const std::chrono::milliseconds limit = [] {
        bool ok = false;
        const int ms = qEnvironmentVariableIntValue("ATELIER_BUSY_TIMEOUT_MS", &ok);
        return std::chrono::milliseconds(ok && ms >= 0 ? ms : 30'000);
    }();
    return limit;
}

int Database::onBusy(void *self, int count)
{
    // SQLite calls this while another connection holds the lock; count restarts at 0 for each
    // new wait. Waits grow 1, 2, 4 ms up to BusyPollCap, each cut by a random part so that
    // waiters do not retry in step; the cap stays below YieldGap, the time a long writer leaves
    // between its transactions, so a waiter does not sleep through every opening.
    auto *db = static_cast<Database *>(self);
    if (count == 0)
        db->m_busySince.start();
    if (db->m_busySince.elapsed() >= busyLimit().count())
        return 0;
    const qint64 capUs = std::chrono::microseconds(BusyPollCap).count();
    const qint64 stepUs = std::min<qint64>(capUs, qint64(1000) << std::min(count, 10));
    const qint64 sleepUs = stepUs / 2 + QRandomGenerator::global()->bounded(stepUs / 2 + 1);
    std::this_thread::sleep_for(std::chrono::microseconds(sleepUs));
    return 1;
}

void WriteSlices::yield()
{
    std::this_thread::sleep_for(Database::YieldGap);
    m_timer.restart();
}

Status Database::enableWriteAheadLog()
{
    if (auto wal = execScript("PRAGMA journal_mode = WAL;"); !wal)
        return wal;
    return execScript("PRAGMA synchronous = NORMAL;");
}

Query Database::query(const char *sql)
{
    const QByteArray key(sql);
    sqlite3_stmt *stmt = m_statements.value(key);
    const bool cachedFree = stmt && !m_inUse.contains(stmt);
    if (cachedFree) {
        m_inUse.insert(stmt);
        return Query(this, stmt, false, std::nullopt);
    }
    sqlite3_stmt *fresh = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &fresh, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(fresh);
        return Query(this, nullptr, false, errorFrom(rc, QString::fromUtf8(sql)));
    }
    if (stmt) // the cached one is busy (a nested query with the same text)
        return Query(this, fresh, true, std::nullopt);
    m_statements.insert(key, fresh);
    m_inUse.insert(fresh);
    return Query(this, fresh, false, std::nullopt);
}

Status Database::execScript(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    // sqlite3_exec's message may quote the script: the debug log gets it, the user the
    // message errorFrom() words.
    if (message)
        qCDebug(lcCatalog, "script failed in %s: %s", qUtf8Printable(m_path), message);
    sqlite3_free(message);
    return errorFrom(rc, QString::fromUtf8(sql).simplified().left(200));
}

Status Database::transaction(const std::function<Status()> &work)
{
    if (auto begin = execScript("BEGIN IMMEDIATE;"); !begin)
        return begin;
    Status result = work();
    if (result) {
        if (auto commit = execScript("COMMIT;"); commit)
            return {};
        else
            result = commit;
    }
    (void)execScript("ROLLBACK;"); // the original failure is what the user needs to see
    return result;
}

int Database::userVersion()
{
    Query q = query("PRAGMA user_version;");
    auto row = q.next();
    return row && row.value() ? int(q.int64(0)) : -1;
}

Status Database::setUserVersion(int version)
{
    // PRAGMA takes no bound parameters; the value is an int we produced, never user text.
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version) + ";";
    return execScript(sql.constData());
}

bool Database::tableExists(const QString &table)
{
    Query q = query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1;");
    q.bind(1, table);
    auto row = q.next();
    return row && row.value();
}

Result<qint64> Database::rowCount(const QString &table)
{
    static const QRegularExpression identifier(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (!identifier.match(table).hasMatch() || !tableExists(table))
        return makeError(ErrorCode::NotFound, tr("The catalog has no table %1.").arg(table));
    // Table names cannot be bound; the name was checked against the schema above.
    const QByteArray sql = "SELECT count(*) FROM \"" + table.toUtf8() + "\";";
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return errorFrom(rc, QString::fromUtf8(sql));
    }
    rc = sqlite3_step(stmt);
    const qint64 count = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    if (count < 0)
        return errorFrom(rc, QString::fromUtf8(sql));
    return count;
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

Error Database::errorFrom(int rc, const QString &context) const
{
    const int primary = rc & 0xff;
    ErrorCode code = ErrorCode::Internal;
    switch (primary) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        code = ErrorCode::Corrupt;
        break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        code = ErrorCode::Io;
        break;
    case SQLITE_CONSTRAINT:
        code = ErrorCode::Conflict;
        break;
    default:
        break;
    }
    // The statement's text helps a developer, not the user: it goes to the debug log only
    // (QT_LOGGING_RULES="atelier.catalog.debug=true").
    const QString reason = lastError();
    if (!context.isEmpty())
        qCDebug(lcCatalog, "%s failed in %s: %s", qUtf8Printable(context), qUtf8Printable(m_path),
                qUtf8Printable(reason));
    if (primary == SQLITE_FULL)
        return makeError(
            code, tr("The disk holding %1 is full; free some space and try again.").arg(m_path));
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return makeError(code, tr("Another Atelier process kept the catalog %1 busy for more than "
                                  "%2 s; try again when it has finished.")
                                   .arg(m_path)
                                   .arg(busyLimit().count() / 1000.0));
    return makeError(code, tr("Catalog error in %1: %2.").arg(m_path, reason));
}

} // namespace atelier
