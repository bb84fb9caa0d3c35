#include "datasets/datasetstore.h"

namespace atelier {

DatasetStore::DatasetStore(Database &db, QString workspaceRoot)
    : DatasetContextHolder(db, std::move(workspaceRoot)), DatasetCatalog(m_context),
      DatasetItemStore(m_context, *this), AnnotationStore(m_context, *this, *this),
      DatasetVersionStore(m_context, *this, *this)
{
}

} // namespace atelier
