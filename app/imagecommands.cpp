#include "imagecommands.h"

#include "cliutil.h"

#include "containers/podman.h"
#include "core/textwidth.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QJsonObject imageJson(const ImageInfo &image)
{
    return {{u"id"_s, image.id},
            {u"names"_s, QJsonArray::fromStringList(image.names)},
            {u"size_bytes"_s, double(image.sizeBytes)},
            {u"created"_s, image.created.isValid() ? QJsonValue(image.created.toString(Qt::ISODate))
                                                   : QJsonValue()},
            {u"os"_s, image.os},
            {u"architecture"_s, image.architecture}};
}

int printImage(const SubcommandParser &sub, const Result<ImageInfo> &image, const QString &verb)
{
    if (!image)
        return refuse(image.error().message);
    if (sub.wantsJson()) {
        printJson(imageJson(image.value()));
        return ExitOk;
    }
    const ImageInfo &info = image.value();
    if (!verb.isEmpty())
        out() << verb.arg(info.names.value(0, info.shortId()), info.shortId()) << Qt::endl;
    out() << CommandLine::tr("id:      %1").arg(info.id) << Qt::endl
          << CommandLine::tr("names:   %1").arg(info.names.join(u", "_s)) << Qt::endl
          << CommandLine::tr("size:    %1").arg(QLocale().formattedDataSize(info.sizeBytes))
          << Qt::endl
          << CommandLine::tr("created: %1").arg(info.created.toString(Qt::ISODate)) << Qt::endl
          << CommandLine::tr("system:  %1/%2").arg(info.os, info.architecture) << Qt::endl;
    return ExitOk;
}

int list(const SubcommandParser &sub)
{
    auto images = Podman::listImages();
    if (!images)
        return refuse(images.error().message);
    if (sub.wantsJson()) {
        QJsonArray array;
        for (const ImageInfo &image : images.value())
            array.append(imageJson(image));
        printJson({{u"images"_s, array}});
        return ExitOk;
    }
    out() << padToWidth(CommandLine::tr("NAME"), 44) << padToWidth(CommandLine::tr("ID"), 14)
          << padToWidth(CommandLine::tr("SIZE"), 11) << CommandLine::tr("CREATED") << Qt::endl;
    for (const ImageInfo &image : images.value()) {
        const QStringList names =
            image.names.isEmpty() ? QStringList{CommandLine::tr("(no name)")} : image.names;
        for (const QString &name : names)
            out() << padToWidth(name, 43) << ' ' << padToWidth(image.shortId(), 13) << ' '
                  << padToWidth(QLocale().formattedDataSize(image.sizeBytes), 10) << ' '
                  << image.created.toString(Qt::ISODate) << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runImageCommand(const Invocation &invocation)
{
    SubcommandParser sub;
    const QCommandLineOption name(u"name"_s, CommandLine::tr("The image's name: NAME[:TAG]."),
                                  u"N"_s);
    sub.parser.addOption(name);
    if (!sub.parse(invocation, 1, 2))
        return ExitUsage;
    const QString action = sub.positional().value(0);
    const QString argument = sub.positional().value(1);
    static const QStringList actions = {u"list"_s,  u"inspect"_s, u"import"_s,
                                        u"build"_s, u"remove"_s,  u"pull"_s};
    if (!actions.contains(action))
        return usage(CommandLine::tr("unknown image action '%1'. Actions: %2")
                         .arg(action, actions.join(u", "_s)));
    if ((action == u"list"_s) != argument.isEmpty())
        return usage(action == u"list"_s
                         ? CommandLine::tr("'image list' takes no argument.")
                         : CommandLine::tr("'image %1' takes one argument.").arg(action));
    const bool needsName = action == u"import"_s || action == u"build"_s;
    if (needsName && !sub.parser.isSet(name))
        return usage(CommandLine::tr("'image %1' needs --name NAME[:TAG].").arg(action));

    if (action == u"list"_s)
        return list(sub);
    if (action == u"inspect"_s)
        return printImage(sub, Podman::inspect(argument), {});
    if (action == u"import"_s)
        return printImage(sub, Podman::importArchive(argument, sub.parser.value(name)),
                          CommandLine::tr("Imported %1 (%2)."));
    if (action == u"build"_s)
        return printImage(sub, Podman::build(argument, sub.parser.value(name)),
                          CommandLine::tr("Built %1 (%2)."));
    if (action == u"pull"_s)
        return printImage(sub, Podman::pull(argument), CommandLine::tr("Pulled %1 (%2)."));
    // remove
    if (Status removed = Podman::remove(argument); !removed)
        return refuse(removed.error().message);
    if (sub.wantsJson())
        printJson({{u"removed"_s, argument}});
    else
        out() << CommandLine::tr("Removed image %1.").arg(argument) << Qt::endl;
    return ExitOk;
}

} // namespace atelier
