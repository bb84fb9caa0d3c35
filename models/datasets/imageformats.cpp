#include "datasets/formatregistry.h"

namespace atelier {

void registerImageFormats(FormatRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace atelier
