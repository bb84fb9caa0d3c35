#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace atelier {

/// What an Ultralytics data.yaml says, read by a small YAML subset reader (no YAML library):
/// top-level `path:`, `train:` / `val:` / `test:` (a path or a list of paths), `nc:` and
/// `names:` (a flow list `[a, b]`, a block list `- a`, an index map `0: a` or `{0: a, 1: b}`).
/// Other top-level keys (download:, roboflow:, …) and their blocks are ignored; what the
/// reader cannot take is listed in problems, never guessed.
struct YoloYaml
{
    Q_DECLARE_TR_FUNCTIONS(YoloYaml)

public:
    QString path;                      ///< the dataset root as written (may be relative or gone)
    QMap<QString, QStringList> splits; ///< "train" / "val" / "test" → paths as written
    std::optional<int> nc;
    QMap<int, QString> names; ///< class index → name
    bool hasNames = false;    ///< a usable `names:` was found
    QStringList problems;     ///< one translated line each

    /// Reads \a text (the file's content).
    static YoloYaml parse(const QString &text);
    /// \a value as a single-quoted YAML scalar ('' doubles a quote).
    static QString quoted(const QString &value);
};

} // namespace atelier
