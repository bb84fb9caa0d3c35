#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace atelier {

/// Exit codes of DESIGN.md: 0 success, 1 failed run or refused input, 2 usage error.
enum ExitCode { ExitOk = 0, ExitRefused = 1, ExitUsage = 2 };

/// What the command line asked for, before any Qt application object exists.
struct Invocation
{
    QString command;       ///< empty for the GUI
    QStringList arguments; ///< everything after the program name
};

/// The `atelier` command line: headless subcommands, and the options of the GUI.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    /// Splits \a argv into a subcommand (or none, meaning the GUI) and its arguments.
    static Invocation classify(const QStringList &arguments);
    /// True when the GUI options ask for --help or --version (answered without a window).
    static bool isInformational(const Invocation &invocation);
    /// Runs a headless subcommand, --help or --version; returns the exit code.
    static int runHeadless(const Invocation &invocation);
    /// Options of the GUI run, parsed; ok is false (and the reason printed) on a usage error.
    struct GuiOptions
    {
        bool ok = true;
        QString workspace;
        QString screenshot;
        QString view;
    };
    static GuiOptions parseGui(const Invocation &invocation);
    static QString helpText();
};

} // namespace atelier
