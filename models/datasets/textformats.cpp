#include "datasets/formatregistry.h"

namespace atelier {

// Text formats (csv, jsonl, conll, …) register here; owned by the text-models helper.
void registerTextFormats(FormatRegistry &registry)
{
    Q_UNUSED(registry);
}

} // namespace atelier
