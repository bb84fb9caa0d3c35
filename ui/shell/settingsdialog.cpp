#include "shell/settingsdialog.h"

#include "core/appsettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

SettingsDialog::SettingsDialog(const QStringList &pools, QWidget *parent) : QDialog(parent)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    const AppSettings settings;

    m_language = new QComboBox(this);
    m_language->setObjectName(u"languageCombo"_s);
    m_language->addItem(tr("System"), u"system"_s);
    m_language->addItem(u"English"_s, u"en"_s); // language names stay in their own language
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_initialLanguage = settings.language();
    m_language->setCurrentIndex(m_language->findData(m_initialLanguage));

    m_annotator = new QLineEdit(settings.annotatorName(), this);
    m_annotator->setObjectName(u"annotatorEdit"_s);
    m_annotator->setMaxLength(64);
    m_annotator->setToolTip(tr("Recorded as the author of every annotation you make."));

    m_pool = new QComboBox(this);
    m_pool->setObjectName(u"poolCombo"_s);
    QStringList names = pools;
    if (!names.contains(u"local"_s))
        names.prepend(u"local"_s);
    m_pool->addItems(names);
    const int poolIndex = m_pool->findText(settings.defaultPool());
    m_pool->setCurrentIndex(poolIndex >= 0 ? poolIndex : 0);

    m_message = new QLabel(this);
    m_message->setObjectName(u"settingsMessage"_s);
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Annotator name:"), m_annotator);
    form->addRow(tr("Default &pool:"), m_pool);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_annotator, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::validate);
    validate();
}

void SettingsDialog::validate()
{
    auto *ok = findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    if (m_annotator->text().trimmed().isEmpty()) {
        m_message->setText(tr("Enter an annotator name: it is recorded with every annotation."));
        ok->setEnabled(false);
        return;
    }
    ok->setEnabled(true);
    const bool languageChanged = m_language->currentData().toString() != m_initialLanguage;
    m_message->setText(languageChanged ? tr("The new language applies when Atelier restarts.")
                                       : QString());
}

void SettingsDialog::accept()
{
    if (m_annotator->text().trimmed().isEmpty())
        return;
    AppSettings settings;
    settings.setLanguage(m_language->currentData().toString());
    settings.setAnnotatorName(m_annotator->text());
    settings.setDefaultPool(m_pool->currentText());
    QDialog::accept();
}

} // namespace atelier
