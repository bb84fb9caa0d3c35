#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace atelier {

/// Opens a run's output file with the desktop's application. A Jupyter notebook (.ipynb) is
/// first rendered to HTML by `jupyter nbconvert --to html` in the background (once per version
/// of the file, cached in the user's cache folder) and the HTML opens in the browser; a failure
/// is shown with nbconvert's own message.
class OutputOpener final
{
    Q_DECLARE_TR_FUNCTIONS(OutputOpener)

public:
    /// Where the HTML of \a notebookPath is (or will be) cached.
    static QString renderedPath(const QString &notebookPath);
    /// Opens \a path; \a parent receives the error dialog and bounds the render's lifetime.
    static void open(QWidget *parent, const QString &path);
};

} // namespace atelier
