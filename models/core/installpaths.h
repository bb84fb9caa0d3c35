#pragma once

#include <QString>

namespace atelier {

/// Where Atelier's read-only data files are: the one place that knows the installed layout.
///
/// An installed Atelier keeps them in `<prefix>/share/atelier/` (templates/, serving/, sweeps/,
/// demo/, translations/), found relative to the executable (QCoreApplication::applicationDirPath()), so
/// a relocated install works as well as /usr. Only an executable inside the build folder falls
/// back to the source tree's `resources/` and the build folder's compiled translations.
/// The functions need a QCoreApplication to locate the executable; without one they answer as
/// from the build folder.
class InstallPaths final
{
public:
    /// `<prefix>/share/atelier` beside the executable when it exists; else, for an executable in
    /// the build folder, the source tree's `resources/`; else empty.
    static QString dataDir();
    /// The built-in job templates: $ATELIER_TEMPLATES_DIR when it is a folder, else
    /// dataDir()/templates.
    static QString templatesDir();
    /// serve.py and validate.py: $ATELIER_SERVING_DIR when it is a folder, else dataDir()/serving.
    static QString servingDir();
    /// The Optuna driver of sweeps (sweep_driver.py): $ATELIER_SWEEPS_DIR when it is a folder,
    /// else dataDir()/sweeps.
    static QString sweepsDir();
    /// The demo's pipelines, committed by `atelier init --demo`: dataDir()/demo.
    static QString demoDir();
    /// Atelier's compiled translations (atelier_<locale>.qm): dataDir()/translations when
    /// installed, else the build folder's.
    static QString translationsDir();
    /// Whether the executable runs from an installed layout (dataDir() is beside it).
    static bool isInstalled();
};

} // namespace atelier
