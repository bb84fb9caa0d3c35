#pragma once

#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace atelier {

/// Agreement between two annotators of a text dataset: Cohen's kappa over the items both
/// labeled (classes), span-level F1 (entities), and the items they disagree on; an
/// adjudication pane shows both annotators' annotations side by side and saves the one picked
/// (or an edited copy) as the resolved annotation. Computed on the catalog worker.
class TextAgreementView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextAgreementView)

public:
    explicit TextAgreementView(QWidget *parent = nullptr);
    ~TextAgreementView() override;

    void setWorker(DatasetStoreWorker *worker);
    void setDataset(const DatasetInfo &dataset, const QList<DatasetLabel> &labels);

private:
    DatasetStoreWorker *m_worker = nullptr;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    DatasetInfo m_dataset;
    QList<DatasetLabel> m_labels;
};

} // namespace atelier
