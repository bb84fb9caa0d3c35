#include "commandline.h"

#include "containers/containercommand.h"
#include "core/appsettings.h"
#include "core/installpaths.h"
#include "shell/mainwindow.h"
#include "slurm/slurmleftovers.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QPixmap>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

/// Loads Atelier's and Qt's own translations for \a locale: the GUI's setting for the window,
/// the environment's (LANG, LC_MESSAGES, LC_ALL) for everything said on the terminal.
void installTranslations(QCoreApplication &app, const QString &locale)
{
    // A language without a catalogue (C, POSIX, fr_FR…) speaks English, with English plural
    // forms ("1 item", "2 items") from atelier_en.
    const QString dir = InstallPaths::translationsDir();
    auto *own = new QTranslator(&app);
    if (own->load(u"atelier_"_s + locale, dir) || own->load(u"atelier_en"_s, dir))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(u"qtbase_"_s + locale, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(u"Atelier"_s);
    QCoreApplication::setApplicationName(u"atelier"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ATELIER_VERSION));
}

int fail(const QString &message, int code)
{
    fprintf(stderr, "atelier: %s\n", qUtf8Printable(message));
    return code;
}

/// Waits for the window's workspace to load; returns the error message, empty on success.
QString waitForWorkspace(MainWindow &window)
{
    QString error;
    QEventLoop loop;
    QObject::connect(&window, &MainWindow::workspaceLoaded, &loop, &QEventLoop::quit);
    QObject::connect(&window, &MainWindow::loadFailed, &loop, [&](const QString &message) {
        error = message;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, [&] {
        error = CommandLine::tr("The workspace did not open within 60 s.");
        loop.quit();
    });
    if (window.isLoading())
        loop.exec();
    return error;
}

int runGui(int argc, char **argv, const CommandLine::GuiOptions &options)
{
    const bool screenshot = !options.screenshot.isEmpty();
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        // Qt would abort with a plugin error; say what is wrong and what works instead.
        QCoreApplication probe(argc, argv);
        installTranslations(probe, AppSettings::commandLineLocale());
        return fail(CommandLine::tr("no display found (DISPLAY and WAYLAND_DISPLAY are unset). "
                                    "Start Atelier on a desktop, or use the command line or "
                                    "--screenshot FILE."),
                    ExitRefused);
    }
    QApplication app(argc, argv);
    setIdentity();
    // The desktop entry's name: Wayland compositors match the window to its entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(ATELIER_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(ATELIER_APP_ID)));
    const QString locale = AppSettings().effectiveLocale();
    installTranslations(app, locale);
    // Dates and numbers in the window follow the language it speaks, not the environment's.
    QLocale::setDefault(QLocale(locale));
    QFile style(u":/style/atelier.qss"_s);
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));

    MainWindow window;
    const QString workspace = options.workspace;
    if (screenshot) // the canvas needs room to show a pipeline at a readable zoom
        window.resize(options.view == u"pipelines"_s ? QSize(1600, 960) : QSize(1280, 800));
    window.show();
    if (!workspace.isEmpty())
        window.openWorkspace(workspace);
    else if (!screenshot)
        window.openLastWorkspace();
    if (!screenshot)
        return app.exec();

    if (!workspace.isEmpty()) {
        if (const QString error = waitForWorkspace(window); !error.isEmpty())
            return fail(error, ExitRefused);
    }
    if (!options.view.isEmpty() && options.view != u"welcome"_s)
        window.showView(options.view);
    // Views read their data on workers: let them finish (bounded) before the picture.
    QElapsedTimer settle;
    settle.start();
    QCoreApplication::processEvents();
    while (window.isBusy() && settle.elapsed() < 10000) {
        QThread::msleep(2);
        QCoreApplication::processEvents();
    }
    const QPixmap image = window.grab();
    if (!image.save(options.screenshot, "PNG"))
        return fail(CommandLine::tr("Cannot write the screenshot to %1.").arg(options.screenshot),
                    ExitRefused);
    return ExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    // Whoever opens a workspace (CLI, window, scheduler) reaps a killed runner's Slurm jobs too.
    SlurmLeftovers::install();
    ContainerCommand::installLeftoverRemover();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const Invocation invocation = CommandLine::classify(arguments);

    if (!invocation.command.isEmpty() || CommandLine::isInformational(invocation)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        installTranslations(app, AppSettings::commandLineLocale());
        return CommandLine::runHeadless(invocation);
    }
    CommandLine::GuiOptions options;
    {
        QCoreApplication probe(argc, argv); // tr() in usage messages needs an application
        setIdentity();
        installTranslations(probe, AppSettings::commandLineLocale());
        options = CommandLine::parseGui(invocation);
    }
    if (!options.ok)
        return ExitUsage;
    return runGui(argc, argv, options);
}
