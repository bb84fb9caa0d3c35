// The anchor program: shows an empty QMainWindow offscreen, grabs it to a PNG and exits,
// exactly as `atelier --screenshot FILE` does with the real window.
#include <QApplication>
#include <QMainWindow>
#include <QPixmap>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 1 && !window.grab().save(args.at(1), "PNG"))
        return 1;
    if (args.size() > 2 && args.at(2) == QStringLiteral("--stay"))
        return app.exec();
    return 0;
}
