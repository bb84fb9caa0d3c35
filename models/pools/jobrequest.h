#pragma once

#include "core/result.h"
#include "pipeline/connector.h"

#include <QCoreApplication>
#include <QString>

namespace atelier {

/// What a task asks of a pool, checked against the job contract (PRODUCT.md) before submit.
struct JobRequest
{
    QString name;        ///< 1–50 characters, no emoji
    QString description; ///< 1–500 characters, no emoji
    QString pool;
    int nodes = 1;
    int cpus = 1;            ///< per node
    qint64 memoryMb = 512;   ///< per node
    int gpus = 0;            ///< per node
    qint64 maxDurationS = 0; ///< 0: the pool's default; else 1 s … 168 h

    /// Why the request cannot be submitted to a pool of \a capacity, each refusal with its
    /// own message (name, description, nodes, CPUs, memory, GPUs, duration); empty when fine.
    Status check(const PoolCapacity &capacity) const;
    /// The name and description rules alone.
    static Status checkText(const QString &name, const QString &description);
    /// Whether \a text holds an emoji (pictographs, dingbats, flags, keycaps, variation
    /// selector 16, zero-width joiner).
    static bool hasEmoji(const QString &text);
};

/// The specific refusals, so callers and tests can tell them apart.
class JobRules final
{
    Q_DECLARE_TR_FUNCTIONS(JobRules)

public:
    static constexpr int kNameMax = 50;
    static constexpr int kDescriptionMax = 500;
    static constexpr qint64 kMaxDurationS = 168 * 3600;
};

} // namespace atelier
