#include "environments/environmentspec.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace atelier {

Result<EnvironmentSpec> EnvironmentSpec::fromJson(const QJsonObject &object)
{
    EnvironmentSpec spec;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"image"_s) {
            if (!it.value().isString())
                return makeError(ErrorCode::Invalid,
                                 tr("environment.image must be a string such as "
                                    "\"localhost/base:1\" or \"host\""));
            spec.image = it.value().toString().trimmed();
        } else if (it.key() == u"network"_s) {
            if (!it.value().isBool())
                return makeError(ErrorCode::Invalid,
                                 tr("environment.network must be true or false"));
            spec.network = it.value().toBool();
        } else {
            return makeError(
                ErrorCode::Invalid,
                tr("environment.%1 is not a known field (known: image, network)").arg(it.key()));
        }
    }
    if (spec.image == u"host"_s)
        spec.image.clear();
    if (!spec.image.isEmpty() && !isValidReference(spec.image))
        return makeError(ErrorCode::Invalid,
                         tr("environment.image \"%1\" is not an image name; write NAME[:TAG], "
                            "for example localhost/base:1 ('atelier image list' shows them)")
                             .arg(spec.image));
    return spec;
}

QJsonObject EnvironmentSpec::toJson() const
{
    QJsonObject object{{u"image"_s, isHost() ? u"host"_s : image}};
    if (network)
        object.insert(u"network"_s, true);
    return object;
}

EnvironmentSpec EnvironmentSpec::resolve(const QJsonObject &templateEnvironment,
                                         const QJsonObject &pipelineEnvironment,
                                         const QJsonObject &nodeEnvironment)
{
    // The most specific object that says anything wins as a whole: a node's {"image": "host"}
    // takes a single node out of a pipeline-wide image.
    for (const QJsonObject *object :
         {&nodeEnvironment, &pipelineEnvironment, &templateEnvironment}) {
        if (object->isEmpty())
            continue;
        if (auto spec = fromJson(*object))
            return spec.value();
    }
    return {};
}

bool EnvironmentSpec::isValidReference(const QString &reference)
{
    // Podman's grammar, simplified: lower-case path components with separators, an optional
    // registry host with a port, then an optional :tag and an optional @sha256:digest. A bare
    // 64-hex image id is also a reference. Never starts with '-': it becomes an argv element.
    static const QRegularExpression grammar(
        u"^(?:[a-zA-Z0-9][a-zA-Z0-9.-]*(?::[0-9]+)?/)?"
        "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
        "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$"_s);
    return reference.size() <= 255 && grammar.match(reference).hasMatch();
}

} // namespace atelier
