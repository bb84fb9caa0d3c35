#include "shell/welcomepage.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"welcomePage"_s);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    column->setSpacing(10);
    outer->addLayout(column, 3);
    outer->addStretch(1);

    auto *title = new QLabel(tr("Atelier"), this);
    title->setObjectName(u"welcomeTitle"_s);
    auto *tagline = new QLabel(tr("Build pipelines, label data, watch runs and ship models — on "
                                  "this workstation or your cluster, offline."),
                               this);
    tagline->setObjectName(u"pageSubtitle"_s);
    tagline->setWordWrap(true);
    column->addStretch(1);
    column->addWidget(title);
    column->addWidget(tagline);
    column->addSpacing(18);

    auto *buttons = new QHBoxLayout;
    auto *newButton = new QPushButton(tr("New workspace…"), this);
    newButton->setObjectName(u"newWorkspaceButton"_s);
    auto *openButton = new QPushButton(tr("Open workspace…"), this);
    openButton->setObjectName(u"openWorkspaceButton"_s);
    auto *demoButton = new QPushButton(tr("Open the demo"), this);
    demoButton->setObjectName(u"demoButton"_s);
    demoButton->setDefault(true);
    demoButton->setToolTip(tr("A workspace with sample images and sentences, made on this "
                              "machine in a few seconds; no network needed."));
    for (QPushButton *button : {demoButton, newButton, openButton})
        buttons->addWidget(button);
    buttons->addStretch(1);
    column->addLayout(buttons);
    column->addSpacing(18);

    auto *recentTitle = new QLabel(tr("Recent workspaces"), this);
    recentTitle->setObjectName(u"sectionTitle"_s);
    column->addWidget(recentTitle);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(u"recentList"_s);
    m_recent->setMinimumHeight(160);
    column->addWidget(m_recent, 2);
    column->addStretch(1);

    connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
    connect(demoButton, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentRequested(item->data(Qt::UserRole).toString());
    });
}

void WelcomePage::setRecent(const QStringList &paths, const QStringList &missing)
{
    m_recent->clear();
    for (const QString &path : paths) {
        const bool gone = missing.contains(path);
        QString label = QDir(path).dirName() + u"\n"_s + QDir::toNativeSeparators(path);
        if (gone)
            label += u"  "_s + tr("(missing)");
        auto *item = new QListWidgetItem(label, m_recent);
        item->setData(Qt::UserRole, path);
        if (gone)
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    }
    if (paths.isEmpty()) {
        auto *hint = new QListWidgetItem(tr("No recent workspaces yet — open the demo to look "
                                            "around."),
                                         m_recent);
        hint->setFlags(Qt::NoItemFlags);
    }
}

int WelcomePage::recentCount() const
{
    int count = 0;
    for (int i = 0; i < m_recent->count(); ++i)
        count += m_recent->item(i)->data(Qt::UserRole).toString().isEmpty() ? 0 : 1;
    return count;
}

} // namespace atelier
