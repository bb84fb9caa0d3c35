#pragma once

#include "core/result.h"

#include <QString>

namespace atelier {

class Database;

/// Imports the demo data that `atelier init --demo` generated in \a demoDir as datasets of
/// the workspace in \a root: "shapes" (image classification, a folder per class) and
/// "shapes-boxes" (detection, COCO), annotated by "demo". Text datasets are added by
/// importDemoTextDatasets (textformats).
Status importDemoDatasets(Database &db, const QString &root, const QString &demoDir);

} // namespace atelier
