#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace atelier {

/// Preferences: language, annotator name, default pool. Saved on OK.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    /// \a pools are the workspace's pool names (the default pool is chosen among them).
    explicit SettingsDialog(const QStringList &pools, QWidget *parent = nullptr);

    void accept() override;

private:
    void validate();

    QComboBox *m_language = nullptr;
    QLineEdit *m_annotator = nullptr;
    QComboBox *m_pool = nullptr;
    QLabel *m_message = nullptr;
    QString m_initialLanguage;
};

} // namespace atelier
