#pragma once

#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"
#include "datasets/textagreement.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace atelier {

class TextSpanEditor;

/// Agreement between two annotators of a text dataset: Cohen's kappa over the items both
/// labeled (classes, pairs), span-level F1 (entities), and the items they disagree on. The
/// adjudication pane shows both annotators' annotations side by side; the user keeps A's, B's
/// or a hand-picked mix, saved as the item's resolved annotations (TextAgreement::resolve).
/// Everything is read and written on the catalog worker.
class TextAgreementView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextAgreementView)

public:
    explicit TextAgreementView(QWidget *parent = nullptr);
    ~TextAgreementView() override;

    void setWorker(DatasetStoreWorker *worker);
    void setDataset(const DatasetInfo &dataset, const QList<DatasetLabel> &labels);
    /// Reads the annotators of the dataset again (the combo boxes).
    void reloadAuthors();
    /// Compares the two annotators chosen (asynchronous: compared() follows).
    void compare(const QString &authorA, const QString &authorB);
    const std::optional<AgreementReport> &report() const { return m_report; }
    /// Shows disagreement \a row in the adjudication pane.
    void showDisagreement(int row);
    /// Resolves the shown disagreement with the annotations checked (A's, B's or a mix).
    void resolveChecked();
    /// Checks all of A's (\a side 0) or B's (1) annotations and nothing else.
    void pickSide(int side);
    QStringList authors() const { return m_authors; }

Q_SIGNALS:
    void authorsLoaded();
    void compared();
    void resolved(qint64 itemId);
    /// The user wants to edit the item by hand in the annotator (instead of picking).
    void editRequested(qint64 itemId);
    void failed(const QString &message);

private:
    void showReport();
    QString describe(const Annotation &annotation, const DatasetItem &item) const;

    DatasetStoreWorker *m_worker = nullptr;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    DatasetInfo m_dataset;
    QList<DatasetLabel> m_labels;
    QStringList m_authors;
    std::optional<AgreementReport> m_report;
    int m_shown = -1;
    QList<qint64> m_resolvedItems;

    QComboBox *m_authorA;
    QComboBox *m_authorB;
    QPushButton *m_compare;
    QLabel *m_kappa;
    QLabel *m_f1;
    QLabel *m_summary;
    QListWidget *m_disagreements;
    QLabel *m_itemTitle;
    TextSpanEditor *m_sideA;
    TextSpanEditor *m_sideB;
    QLabel *m_headA;
    QLabel *m_headB;
    QTreeWidget *m_choices;
    QPushButton *m_useA;
    QPushButton *m_useB;
    QPushButton *m_resolve;
    QPushButton *m_edit;
    QLabel *m_message;
};

} // namespace atelier
