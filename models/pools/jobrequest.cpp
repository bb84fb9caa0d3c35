#include "pools/jobrequest.h"

using namespace Qt::StringLiterals;

namespace atelier {

bool JobRequest::hasEmoji(const QString &text)
{
    const auto codePoints = text.toUcs4();
    for (const char32_t c : codePoints) {
        if ((c >= 0x1F000 && c <= 0x1FAFF) || // pictographs, emoticons, transport, flags…
            (c >= 0x2600 && c <= 0x27BF) ||   // miscellaneous symbols, dingbats
            (c >= 0x2B00 && c <= 0x2BFF) ||   // arrows and stars used as emoji (⭐)
            (c >= 0x1F1E6 && c <= 0x1F1FF) || // regional indicators
            c == 0xFE0F || c == 0x200D || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F))
            return true;
    }
    return false;
}

Status JobRequest::checkText(const QString &name, const QString &description)
{
    const qsizetype nameLength = name.toUcs4().size();
    if (name.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid, JobRules::tr("The job name is empty; give it a name "
                                                          "of 1 to %1 characters.")
                                                 .arg(JobRules::kNameMax));
    if (nameLength > JobRules::kNameMax)
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("The job name \"%1\" has %2 characters; at most %3 are "
                                      "allowed. Shorten it.")
                             .arg(name)
                             .arg(nameLength)
                             .arg(JobRules::kNameMax));
    if (hasEmoji(name))
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("The job name \"%1\" contains an emoji, which is not "
                                      "supported; use letters, digits and punctuation.")
                             .arg(name));
    const qsizetype descriptionLength = description.toUcs4().size();
    if (description.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("The job description is empty; describe the job in 1 to "
                                      "%1 characters.")
                             .arg(JobRules::kDescriptionMax));
    if (descriptionLength > JobRules::kDescriptionMax)
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("The job description has %1 characters; at most %2 are "
                                      "allowed. Shorten it.")
                             .arg(descriptionLength)
                             .arg(JobRules::kDescriptionMax));
    if (hasEmoji(description))
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("The job description contains an emoji, which is not "
                                      "supported."));
    return {};
}

Status JobRequest::check(const PoolCapacity &capacity) const
{
    if (Status text = checkText(name, description); !text)
        return text;
    if (nodes < 1 || nodes > capacity.nodes)
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("Job %1 asks for %2 nodes; pool %3 has %4. Ask for fewer "
                                      "nodes or choose a larger pool.")
                             .arg(name)
                             .arg(nodes)
                             .arg(pool)
                             .arg(capacity.nodes));
    if (cpus > capacity.cpus)
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("Job %1 asks for %2 CPUs per node; pool %3 has at most "
                                      "%4. Lower the CPUs or choose a larger pool.")
                             .arg(name)
                             .arg(cpus)
                             .arg(pool)
                             .arg(capacity.cpus));
    if (memoryMb > capacity.memoryMb)
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("Job %1 asks for %2 MB of memory per node; pool %3 has at "
                                      "most %4 MB. Lower the memory or choose a larger pool.")
                             .arg(name)
                             .arg(memoryMb)
                             .arg(pool)
                             .arg(capacity.memoryMb));
    if (gpus > capacity.gpus.size())
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("Job %1 asks for %2 GPUs per node; pool %3 has %4. Lower "
                                      "the GPUs or choose a pool with more.")
                             .arg(name)
                             .arg(gpus)
                             .arg(pool)
                             .arg(capacity.gpus.size()));
    if (maxDurationS < 0 || maxDurationS > JobRules::kMaxDurationS)
        return makeError(ErrorCode::Invalid,
                         JobRules::tr("Job %1 asks for a maximum duration of %2 hours; it must "
                                      "be between 1 and 168 hours. Change the node's timeout.")
                             .arg(name)
                             .arg(double(maxDurationS) / 3600.0, 0, 'f', 1));
    return {};
}

} // namespace atelier
