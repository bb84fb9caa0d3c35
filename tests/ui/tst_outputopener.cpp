// Opening a run's output: a notebook is rendered to HTML by the real `jupyter nbconvert` off the
// GUI thread and the HTML is what opens; other files open as they are; a damaged notebook is
// refused with nbconvert's message, not opened.
#include "monitor/outputopener.h"

#include <QApplication>
#include <QDesktopServices>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QWidget>

using namespace Qt::StringLiterals;
using namespace atelier;

/// Receives what QDesktopServices::openUrl would hand to the desktop.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

class TestOutputOpener : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    UrlCatcher m_catcher;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the cache folder under ~/.qttest
        QDesktopServices::setUrlHandler(u"file"_s, &m_catcher, "open");
    }
    void cleanupTestCase() { QDesktopServices::unsetUrlHandler(u"file"_s); }
    void init() { m_catcher.opened.clear(); }

    void notebookOpensAsHtml()
    {
        // An executed notebook, with a stream output that must appear in the HTML.
        const QByteArray notebook = R"json({"cells": [{"cell_type": "code", "execution_count": 1,
            "metadata": {}, "source": "print('rendered-marker')",
            "outputs": [{"name": "stdout", "output_type": "stream", "text": "rendered-marker-out\n"}]}],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 5})json";
        const QString path = write(u"executed.ipynb"_s, notebook);
        QVERIFY(!path.isEmpty());
        QFile::remove(OutputOpener::renderedPath(path));
        QWidget parent;
        OutputOpener::open(&parent, path);
        QVERIFY(m_catcher.opened.isEmpty()); // rendering happens in the background
        QTRY_COMPARE_WITH_TIMEOUT(m_catcher.opened.size(), 1, 60000);
        const QString html = m_catcher.opened.first().toLocalFile();
        QCOMPARE(html, OutputOpener::renderedPath(path));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("rendered-marker-out"));

        // The second time the cached HTML opens at once.
        OutputOpener::open(&parent, path);
        QCOMPARE(m_catcher.opened.size(), 2);
        QCOMPARE(m_catcher.opened.last().toLocalFile(), html);
    }

    void otherFilesOpenDirectly()
    {
        const QString path = write(u"table.csv"_s, "a,b\n1,2\n");
        OutputOpener::open(nullptr, path);
        QCOMPARE(m_catcher.opened.size(), 1);
        QCOMPARE(m_catcher.opened.first().toLocalFile(), path);
    }

    void damagedNotebookIsRefused()
    {
        const QString path = write(u"damaged.ipynb"_s, "{ not a notebook");
        QWidget parent;
        QString shown;
        // The warning is modal: read it and close it as a user would.
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *top : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(top); box && box->isVisible()) {
                    shown = box->text();
                    box->accept();
                }
            }
        });
        poll.start(50);
        OutputOpener::open(&parent, path);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 60000);
        QVERIFY2(shown.contains(u"damaged.ipynb"_s), qPrintable(shown));
        QVERIFY(m_catcher.opened.isEmpty());
    }
};

QTEST_MAIN(TestOutputOpener)
#include "tst_outputopener.moc"
