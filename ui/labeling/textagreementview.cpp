#include "labeling/textagreementview.h"

#include <QVBoxLayout>

namespace atelier {

TextAgreementView::TextAgreementView(QWidget *parent) : QWidget(parent)
{
    new QVBoxLayout(this);
}

TextAgreementView::~TextAgreementView()
{
    if (m_worker != nullptr && m_receiver)
        m_worker->retire(m_receiver);
}

void TextAgreementView::setWorker(DatasetStoreWorker *worker)
{
    if (m_worker != nullptr && m_receiver)
        m_worker->retire(m_receiver);
    m_worker = worker;
    m_receiver = worker != nullptr ? worker->receiver(this) : nullptr;
}

void TextAgreementView::setDataset(const DatasetInfo &dataset, const QList<DatasetLabel> &labels)
{
    m_dataset = dataset;
    m_labels = labels;
}

} // namespace atelier
