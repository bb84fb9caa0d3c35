// What the container tests need of the machine (#20): the offline test image, and a root that
// podman can work in.
#pragma once

#include <QFile>
#include <QList>

/// Whether "/" is a mount point for this process. It is not in a chroot (such as
/// ../shared/tools/fresh-debian's), where podman can neither unpack an image (it remounts "/")
/// nor run one.
inline bool rootIsAMountPoint()
{
    QFile mounts(QStringLiteral("/proc/self/mountinfo"));
    if (!mounts.open(QIODevice::ReadOnly))
        return true; // cannot tell: let the test try
    for (const QByteArray &line : mounts.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() > 4 && fields[4] == "/")
            return true;
    }
    return false;
}

#define SKIP_IN_CHROOT()                                                                           \
    do {                                                                                           \
        if (!rootIsAMountPoint())                                                                  \
            QSKIP("podman cannot unpack or run images in a chroot (/ is not a mount point); the "  \
                  "container tests run on a whole machine (CI's).");                               \
    } while (false)

/// Fails, saying what to do, when the test image is missing; skips in a chroot.
#define REQUIRE_TEST_IMAGE(have)                                                                   \
    do {                                                                                           \
        if (!(have)) {                                                                             \
            SKIP_IN_CHROOT();                                                                      \
            QFAIL("The test image localhost/atelier-test:bookworm is missing: run "                \
                  "tests/tools/make-test-image (scripts/test does).");                             \
        }                                                                                          \
    } while (false)
