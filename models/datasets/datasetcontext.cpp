#include "datasets/datasetcontext.h"

#include "catalog/database.h"
#include "core/appsettings.h"
#include "storage/objectstore.h"

#include <QDir>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace atelier {

DatasetContext::DatasetContext(Database &db, QString workspaceRoot)
    : m_db(db), m_root(std::move(workspaceRoot)), m_author(AppSettings().annotatorName())
{
}

QString DatasetContext::objectsDir() const
{
    return QDir(m_root).filePath(u"objects"_s);
}

Status DatasetContext::write(const std::function<Status()> &work)
{
    if (m_db.inTransaction())
        return work();
    m_ownTransaction = true;
    const auto forget = qScopeGuard([this] {
        m_ownTransaction = false;
        m_knownLabels.clear();
    });
    return m_db.transaction(work);
}

bool DatasetContext::KnownLabels::contains(qint64 datasetId, const QString &name)
{
    const Data data{datasetId, {name.constData(), name.size()}};
    if (m_data.contains(data))
        return true;
    const auto names = m_names.constFind(datasetId);
    if (names == m_names.cend() || !names->contains(name))
        return false;
    remember(data, name);
    return true;
}

void DatasetContext::KnownLabels::insert(qint64 datasetId, const QString &name)
{
    // A copy that owns its characters where the name does not (raw data may be reused).
    m_names[datasetId].insert(name.capacity() > 0 ? name : QString(name.constData(), name.size()));
    remember({datasetId, {name.constData(), name.size()}}, name);
}

void DatasetContext::KnownLabels::remember(const Data &data, const QString &name)
{
    // Only data the string owns (capacity 0: a literal's or raw data, which its owner may
    // reuse), and a few hundred: beyond, names with data of their own are found by content.
    constexpr qsizetype kHeld = 512;
    if (name.capacity() > 0 && m_held.size() < kHeld) {
        m_data.insert(data);
        m_held.append(name);
    }
}

void DatasetContext::KnownLabels::forget(qint64 datasetId)
{
    m_names.remove(datasetId);
    m_data.clear();
    m_held.clear();
}

void DatasetContext::KnownLabels::clear()
{
    m_names.clear();
    m_data.clear();
    m_held.clear();
}

Status DatasetContext::batch(const std::function<Status()> &work)
{
    return write(work);
}

Status DatasetContext::slices(const std::function<Result<bool>()> &step,
                              const std::function<Status()> &begin)
{
    const bool joined = m_db.inTransaction();
    WriteSlices timing;
    for (bool more = true; more;) {
        Status slice = write([&]() -> Status {
            if (begin) {
                if (auto ok = begin(); !ok)
                    return ok;
            }
            do {
                auto next = step();
                if (!next)
                    return next.error();
                more = next.value();
            } while (more && (joined || !timing.due()));
            return {};
        });
        if (!slice)
            return slice;
        if (more)
            timing.yield();
    }
    return {};
}

Status DatasetContext::commitIfDue(WriteSlices &timing)
{
    if (!m_ownTransaction || !m_db.inTransaction() || !timing.due())
        return {};
    if (auto commit = m_db.execScript("COMMIT;"); !commit)
        return commit;
    timing.yield();
    // Should this fail (the catalog busy past its limit), batch() reports it when its COMMIT
    // finds no transaction: what was committed so far stays, as with slices().
    return m_db.execScript("BEGIN IMMEDIATE;");
}

Status DatasetContext::syncObjects() const
{
    return ObjectStore(objectsDir()).syncAll();
}

} // namespace atelier
