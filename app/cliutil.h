#pragma once

#include "commandline.h"

#include "core/result.h"
#include "core/workspace.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

#include <functional>

namespace atelier {

/// Shared by the subcommands: output streams, refusals, JSON, and a parser with the options
/// every subcommand takes (--workspace, --json).
QTextStream &out();
QTextStream &err();
/// Prints "atelier: MESSAGE" on stderr; returns ExitRefused.
int refuse(const QString &message);
/// Prints the usage error and the hint to run --help; returns ExitUsage.
int usage(const QString &message);
void printJson(const QJsonObject &object);
/// Turns Ctrl+C, SIGTERM and SIGHUP into a call of \a stop on \a context's event loop (a
/// graceful stop of what the command runs).
void stopOnSignals(QObject *context, const std::function<void()> &stop);

struct SubcommandParser
{
    QCommandLineParser parser;
    QCommandLineOption workspace;
    QCommandLineOption json;

    SubcommandParser();
    /// Parses; prints the reason and returns false on a usage error.
    bool parse(const Invocation &invocation, qsizetype minPositional, qsizetype maxPositional);
    QString workspaceDir() const;
    QStringList positional() const { return parser.positionalArguments(); }
    bool wantsJson() const { return parser.isSet(json); }
};

/// Opens the workspace that --workspace names and ends what killed Atelier processes left
/// running there (Leftovers::reap), saying so on stderr. Every command that opens a workspace
/// goes through here.
Result<Workspace> openWorkspace(const SubcommandParser &sub);

} // namespace atelier
