#pragma once

#include <QWidget>

class QListWidget;

namespace atelier {

/// The first page: new, open, recent workspaces, and the demo.
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /// Shows \a paths, most recent first; \a missing ones are listed but marked.
    void setRecent(const QStringList &paths, const QStringList &missing);
    int recentCount() const;

Q_SIGNALS:
    void newRequested();
    void openRequested();
    void demoRequested();
    void recentRequested(const QString &path);

private:
    QListWidget *m_recent = nullptr;
};

} // namespace atelier
