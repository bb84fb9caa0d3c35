#include "pipeline/launchoptions.h"

using namespace Qt::StringLiterals;

namespace atelier {

QStringList LaunchOptions::arguments(const QString &workspaceRoot) const
{
    QStringList args{u"pipeline"_s, u"run"_s, pipeline, u"--workspace"_s, workspaceRoot};
    if (!pool.isEmpty())
        args << u"--pool"_s << pool;
    for (auto it = variables.begin(); it != variables.end(); ++it)
        args << u"--set"_s << it.key() + u'=' + it.value();
    if (!fromNode.isEmpty())
        args << u"--from"_s << fromNode;
    if (!onlyNode.isEmpty())
        args << u"--only"_s << onlyNode;
    if (noCache)
        args << u"--no-cache"_s;
    if (!experiment.isEmpty())
        args << u"--experiment"_s << experiment;
    if (logicalDate.isValid())
        args << u"--logical-date"_s << logicalDate.toUTC().toString(Qt::ISODate);
    return args;
}

} // namespace atelier
