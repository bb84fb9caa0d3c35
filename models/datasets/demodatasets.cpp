#include "datasets/demodatasets.h"

#include "datasets/datasetcontext.h"
#include "datasets/formatregistry.h"
#include "datasets/textformats.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace atelier {

Status importDemoDatasets(Database &db, const QString &root, const QString &demoDir)
{
    DatasetContext context(db, root);
    context.setAuthor(u"demo"_s);
    struct Demo
    {
        QString name;
        QString path;
        QString format;
        DatasetTask task;
    };
    const QList<Demo> demos = {
        {u"shapes"_s, u"images/classification"_s, u"folder"_s, DatasetTask::Classification},
        {u"shapes-boxes"_s, u"images/detection/instances.json"_s, u"coco"_s,
         DatasetTask::Detection},
    };
    for (const Demo &demo : demos) {
        ImportOptions options;
        options.format = demo.format;
        options.task = demo.task;
        options.author = u"demo"_s;
        auto report = importDataset(context, demo.name, QDir(demoDir).filePath(demo.path), options);
        if (!report)
            return report.error();
    }
    return importDemoTextDatasets(db, root, demoDir);
}

} // namespace atelier
