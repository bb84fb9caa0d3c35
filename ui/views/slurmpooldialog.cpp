#include "views/slurmpooldialog.h"

#include "core/workspace.h"
#include "health/poolhealth.h"
#include "views/viewsections.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QWidget *withBrowse(QLineEdit *edit, QWidget *parent, bool folder)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(SlurmPoolDialog::tr("Browse…"), row);
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, row, folder] {
        const QString chosen =
            folder ? QFileDialog::getExistingDirectory(row, SlurmPoolDialog::tr("Staging folder"),
                                                       edit->text())
                   : QFileDialog::getOpenFileName(row, SlurmPoolDialog::tr("Token file"),
                                                  edit->text());
        if (!chosen.isEmpty())
            edit->setText(chosen);
    });
    return row;
}

} // namespace

SlurmPoolDialog::SlurmPoolDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Add Slurm pool"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. gpu-cluster"));
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(tr("https://slurm.example.org:6820 or unix:/run/slurmrestd.sock"));
    m_auth = new QComboBox(this);
    m_auth->addItem(tr("Token from a file (mode 0600)"), u"token-file"_s);
    m_auth->addItem(tr("Token minted by scontrol token"), u"scontrol"_s);
    m_auth->addItem(tr("Local (unix socket only)"), u"local"_s);
    m_tokenFile = new QLineEdit(this);
    m_user = new QLineEdit(this);
    m_user->setText(SlurmSettings::currentUser());
    m_partition = new QLineEdit(this);
    m_partition->setPlaceholderText(tr("the cluster's default"));
    m_account = new QLineEdit(this);
    m_staging = new QLineEdit(this);
    m_staging->setPlaceholderText(tr("a folder this machine and the cluster both see"));

    m_name->setObjectName(u"poolName"_s);
    m_url->setObjectName(u"url"_s);
    m_tokenFile->setObjectName(u"tokenFile"_s);
    m_user->setObjectName(u"user"_s);
    m_partition->setObjectName(u"partition"_s);
    m_account->setObjectName(u"account"_s);
    m_staging->setObjectName(u"staging"_s);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("slurmrestd"), m_url);
    form->addRow(tr("Authentication"), m_auth);
    form->addRow(tr("Token file"), withBrowse(m_tokenFile, this, false));
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Partition"), m_partition);
    form->addRow(tr("Account"), m_account);
    form->addRow(tr("Staging folder"), withBrowse(m_staging, this, true));
    // Wide enough to read each field's example whole, in whatever language it is written.
    for (QLineEdit *edit : {m_name, m_url, m_partition, m_staging})
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 24);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Add and check"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_url, m_tokenFile, m_user, m_staging})
        connect(edit, &QLineEdit::textChanged, this, &SlurmPoolDialog::updateState);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &SlurmPoolDialog::updateState);
    updateState();
}

QString SlurmPoolDialog::poolName() const
{
    return m_name->text().trimmed();
}

SlurmSettings SlurmPoolDialog::settings() const
{
    SlurmSettings s;
    s.url = m_url->text().trimmed();
    s.auth = m_auth->currentData().toString();
    if (s.auth == u"token-file"_s)
        s.tokenFile = QFileInfo(m_tokenFile->text().trimmed()).absoluteFilePath();
    s.user = m_user->text().trimmed();
    s.partition = m_partition->text().trimmed();
    s.account = m_account->text().trimmed();
    if (!m_staging->text().trimmed().isEmpty())
        s.staging = QFileInfo(m_staging->text().trimmed()).absoluteFilePath();
    return s;
}

void SlurmPoolDialog::updateState()
{
    const bool tokenFile = m_auth->currentData().toString() == u"token-file"_s;
    m_tokenFile->setEnabled(tokenFile);
    QString missing;
    if (poolName().isEmpty())
        missing = tr("Give the pool a name.");
    else if (m_url->text().trimmed().isEmpty())
        missing = tr("Give slurmrestd's address.");
    else if (tokenFile && m_tokenFile->text().trimmed().isEmpty())
        missing = tr("Choose the file that holds the token.");
    else if (m_staging->text().trimmed().isEmpty())
        missing = tr("Choose the staging folder.");
    m_hint->setText(missing.isEmpty()
                        ? tr("The pool is checked once added; its token is read from the file "
                             "at each use and never stored.")
                        : missing);
    m_ok->setEnabled(missing.isEmpty());
}

QString PoolTasks::checkAll(const QString &workspace)
{
    auto opened = Workspace::open(workspace);
    if (!opened)
        return opened.error().message;
    PoolStore store(opened->catalog());
    auto pools = store.list();
    if (!pools)
        return pools.error().message;
    QStringList abnormal;
    for (const PoolRecord &pool : pools.value()) {
        const PoolHealthResult result = PoolHealth::checkAndSave(store, pool);
        if (result.state != u"online"_s)
            abnormal.append(tr("%1: %2").arg(pool.name, result.reason));
    }
    return abnormal.isEmpty() ? tr("Every pool is online.") : abnormal.join(u"; "_s);
}

QString PoolTasks::addSlurm(const QString &workspace, const QString &name,
                            const SlurmSettings &settings)
{
    auto opened = Workspace::open(workspace);
    if (!opened)
        return opened.error().message;
    PoolStore store(opened->catalog());
    if (Status added = PoolHealth::addSlurm(store, name, settings); !added)
        return added.error().message;
    auto pool = store.find(name);
    if (!pool)
        return pool.error().message;
    const PoolHealthResult result = PoolHealth::checkAndSave(store, pool.value());
    return result.state == u"online"_s
               ? tr("Pool %1 added: online.").arg(name)
               : tr("Pool %1 added, but it is %2: %3")
                     .arg(name, ViewSections::poolState(result.state), result.reason);
}

} // namespace atelier
