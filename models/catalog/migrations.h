#pragma once

#include "core/result.h"

#include <QCoreApplication>

namespace atelier {

class Database;

/// The catalog's schema, one migration per version; `PRAGMA user_version` holds the version.
class Migrations final
{
    Q_DECLARE_TR_FUNCTIONS(Migrations)

public:
    /// The schema version this program writes.
    static int latestVersion();
    /// Brings \a db from its version up to \a target (default: the latest), step by step in
    /// one transaction. Refuses a catalog newer than this program knows, touching nothing.
    static Status migrate(Database &db, int target = -1);
};

} // namespace atelier
