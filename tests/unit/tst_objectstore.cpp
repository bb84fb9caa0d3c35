#include "storage/objectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using atelier::ErrorCode;
using atelier::ObjectStore;

namespace {

const QString AbcHash = u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;

struct stat statOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        qFatal("stat failed");
    return st;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestObjectStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void hashFile_data();
    void hashFile();
    void hashFileRefusesMissing();
    void isValidHash_data();
    void isValidHash();
    void layoutPath();
    void putThenContains();
    void identicalContentStoredOnce();
    void differentContentTwoObjects();
    void privateCopyOnSameFilesystem();
    void copyFollowsSymlink();
    void copyAcrossFilesystems();
    void verifyOk();
    void verifyDetectsModifiedObject();
    void verifyDetectsDeletedObject();
    void verifyRefusesInvalidHash_data();
    void verifyRefusesInvalidHash();
    void duplicateWithWrongSizeIsCorrupt();
    void putRefusesMissingFile();
    void putRefusesDirectory();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    int filesInStore() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
};

void TestObjectStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->filePath(u"objects"_s);
    QVERIFY(QDir().mkpath(m_root));
}

void TestObjectStore::cleanup()
{
    m_dir.reset();
}

QString TestObjectStore::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write test file");
    return path;
}

int TestObjectStore::filesInStore() const
{
    int n = 0;
    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

void TestObjectStore::hashFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray()
                           << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    QTest::newRow("abc") << QByteArray("abc") << AbcHash;
    QTest::newRow("million a")
        << QByteArray(1000000, 'a')
        << u"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"_s;

    // Several 1 MiB chunks plus a tail, checked against hashing the bytes in memory.
    QByteArray big(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator rng(42);
    for (char &c : big)
        c = char(rng.bounded(256));
    QTest::newRow("3 MiB + 17")
        << big
        << QString::fromLatin1(QCryptographicHash::hash(big, QCryptographicHash::Sha256).toHex());
}

void TestObjectStore::hashFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);

    const auto hash = ObjectStore::hashFile(writeFile(u"source"_s, content));
    QVERIFY2(hash.ok(), qPrintable(hash.ok() ? QString() : hash.error().message));
    QCOMPARE(hash.value(), expected);
}

void TestObjectStore::hashFileRefusesMissing()
{
    const QString missing = m_dir->filePath(u"nope.bin"_s);
    const auto hash = ObjectStore::hashFile(missing);
    QVERIFY(!hash.ok());
    QCOMPARE(hash.error().code, ErrorCode::NotFound);
    QVERIFY2(hash.error().message.contains(QDir::toNativeSeparators(missing)),
             qPrintable(hash.error().message));
}

void TestObjectStore::isValidHash_data()
{
    QTest::addColumn<QString>("hash");
    QTest::addColumn<bool>("valid");

    QTest::newRow("abc") << AbcHash << true;
    QTest::newRow("zeros") << QString(64, QLatin1Char('0')) << true;
    QTest::newRow("upper case") << AbcHash.toUpper() << false;
    QTest::newRow("63 digits") << AbcHash.left(63) << false;
    QTest::newRow("65 digits") << AbcHash + QLatin1Char('0') << false;
    QTest::newRow("non-hex") << AbcHash.left(63) + QLatin1Char('g') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("path") << u"../"_s + AbcHash.left(61) << false;
}

void TestObjectStore::isValidHash()
{
    QFETCH(QString, hash);
    QFETCH(bool, valid);
    QCOMPARE(ObjectStore::isValidHash(hash), valid);
}

void TestObjectStore::layoutPath()
{
    const ObjectStore store(m_root);
    QCOMPARE(store.pathFor(AbcHash),
             m_root + u"/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    QCOMPARE(store.pathFor(u"../etc/passwd"_s), QString());

    const auto stored = store.put(writeFile(u"abc.txt"_s, "abc"));
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    QCOMPARE(stored->hash, AbcHash);
    QCOMPARE(
        readAll(m_root + u"/ba/7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s),
        QByteArray("abc"));
}

void TestObjectStore::putThenContains()
{
    const ObjectStore store(m_root);
    QVERIFY(!store.contains(AbcHash));

    const auto stored = store.put(writeFile(u"abc.txt"_s, "abc"));
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    QCOMPARE(stored->hash, AbcHash);
    QCOMPARE(stored->size, 3);
    QCOMPARE(stored->duplicate, false);
    QVERIFY(store.contains(AbcHash));
    QVERIFY(!store.contains(QString(64, QLatin1Char('0'))));
    QVERIFY(!store.contains(AbcHash.toUpper()));
    QCOMPARE(filesInStore(), 1);
}

void TestObjectStore::identicalContentStoredOnce()
{
    const ObjectStore store(m_root);
    const QString first = writeFile(u"first.bin"_s, "same bytes");
    const QString second = writeFile(u"second.bin"_s, "same bytes");

    const auto a = store.put(first);
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
    QCOMPARE(a->duplicate, false);
    const struct stat objectBefore = statOf(store.pathFor(a->hash));

    const auto b = store.put(second);
    QVERIFY2(b.ok(), qPrintable(b.ok() ? QString() : b.error().message));
    QCOMPARE(b->hash, a->hash);
    QCOMPARE(b->size, a->size);
    QCOMPARE(b->duplicate, true);
    QCOMPARE(b->cloned, false);

    // Nothing written: the object is the same inode and the second source gained no link.
    const struct stat objectAfter = statOf(store.pathFor(a->hash));
    QCOMPARE(objectAfter.st_ino, objectBefore.st_ino);
    QCOMPARE(statOf(second).st_nlink, nlink_t(1));
    QCOMPARE(filesInStore(), 1);

    // The same file again is a duplicate too.
    const auto c = store.put(first);
    QVERIFY(c.ok());
    QCOMPARE(c->duplicate, true);
    QCOMPARE(filesInStore(), 1);
}

void TestObjectStore::differentContentTwoObjects()
{
    const ObjectStore store(m_root);
    const auto a = store.put(writeFile(u"a.bin"_s, "content A"));
    const auto b = store.put(writeFile(u"b.bin"_s, "content B"));
    QVERIFY(a.ok());
    QVERIFY(b.ok());
    QVERIFY(a->hash != b->hash);
    QCOMPARE(a->duplicate, false);
    QCOMPARE(b->duplicate, false);
    QVERIFY(store.contains(a->hash));
    QVERIFY(store.contains(b->hash));
    QCOMPARE(readAll(store.pathFor(a->hash)), QByteArray("content A"));
    QCOMPARE(readAll(store.pathFor(b->hash)), QByteArray("content B"));
    QCOMPARE(filesInStore(), 2);
}

void TestObjectStore::privateCopyOnSameFilesystem()
{
    const ObjectStore store(m_root);
    const QString source = writeFile(u"original.bin"_s, "original content");
    const auto stored = store.put(source);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    const QString object = store.pathFor(stored->hash);

    // Its own file (a clone or a copy), never a hard link to the user's original.
    QVERIFY(statOf(object).st_ino != statOf(source).st_ino);
    QCOMPARE(statOf(source).st_nlink, nlink_t(1));
    QCOMPARE(statOf(object).st_mode & 0777, mode_t(0444));
    QCOMPARE(filesInStore(), 1); // no temporary name left behind

    // Re-saving the original in place leaves the object intact…
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.write("EDITED") == 6);
    }
    QCOMPARE(readAll(object), QByteArray("original content"));
    QVERIFY(store.verify(stored->hash).ok());
    // …and writing into the object does not reach the original.
    QVERIFY(QFile::setPermissions(object, QFile::ReadOwner | QFile::WriteOwner));
    {
        QFile f(object);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("garbage");
    }
    QCOMPARE(readAll(source), QByteArray("EDITEDal content"));
}

void TestObjectStore::copyFollowsSymlink()
{
    const ObjectStore store(m_root);
    const QString target = writeFile(u"target.bin"_s, "behind a symlink");
    const QString link = m_dir->filePath(u"link.bin"_s);
    QVERIFY(QFile::link(target, link));

    const auto stored = store.put(link);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    const QString object = store.pathFor(stored->hash);
    QVERIFY(!QFileInfo(object).isSymLink());
    QVERIFY(statOf(object).st_ino != statOf(target).st_ino);
    QCOMPARE(readAll(object), QByteArray("behind a symlink"));
    QVERIFY(store.verify(stored->hash).ok());
}

void TestObjectStore::copyAcrossFilesystems()
{
    if (!QFileInfo(u"/dev/shm"_s).isDir())
        QSKIP("/dev/shm is not available: no second filesystem to copy from");
    QTemporaryDir other(u"/dev/shm/tst_objectstore-XXXXXX"_s);
    if (!other.isValid())
        QSKIP("/dev/shm is not writable: no second filesystem to copy from");
    if (statOf(other.path()).st_dev == statOf(m_root).st_dev)
        QSKIP("/dev/shm is on the same filesystem as the store: cannot force a copy");

    const QString source = other.filePath(u"copied.bin"_s);
    QByteArray content(2 * 1024 * 1024 + 5, 'x');
    content[12345] = 'y';
    {
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(content), content.size());
    }

    const ObjectStore store(m_root);
    const auto stored = store.put(source);
    QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
    QCOMPARE(stored->cloned, false);
    QCOMPARE(stored->duplicate, false);
    QCOMPARE(stored->size, content.size());
    QCOMPARE(
        stored->hash,
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));

    const QString object = store.pathFor(stored->hash);
    QVERIFY(statOf(object).st_ino != statOf(source).st_ino);
    QCOMPARE(statOf(source).st_nlink, nlink_t(1));
    QCOMPARE(readAll(object), content);
    // Copies are read-only (checked by mode bits: root may write anyway).
    QCOMPARE(statOf(object).st_mode & 0777, mode_t(0444));
    QVERIFY(store.verify(stored->hash).ok());
    QCOMPARE(filesInStore(), 1); // no temporary file left behind
}

void TestObjectStore::verifyOk()
{
    const ObjectStore store(m_root);
    const auto stored = store.put(writeFile(u"abc.txt"_s, "abc"));
    QVERIFY(stored.ok());
    const auto status = store.verify(AbcHash);
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
}

void TestObjectStore::verifyDetectsModifiedObject()
{
    const ObjectStore store(m_root);
    const auto stored = store.put(writeFile(u"abc.txt"_s, "abc"));
    QVERIFY(stored.ok());

    const QString object = store.pathFor(AbcHash);
    QFile f(object);
    QVERIFY(f.setPermissions(f.permissions() | QFileDevice::WriteOwner));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write("abd"), 3); // same size, different content
    f.close();

    const auto status = store.verify(AbcHash);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Corrupt);
    QVERIFY2(status.error().message.contains(AbcHash), qPrintable(status.error().message));
}

void TestObjectStore::verifyDetectsDeletedObject()
{
    const ObjectStore store(m_root);
    const auto stored = store.put(writeFile(u"abc.txt"_s, "abc"));
    QVERIFY(stored.ok());
    QVERIFY(QFile::remove(store.pathFor(AbcHash)));
    QVERIFY(!store.contains(AbcHash));

    const auto status = store.verify(AbcHash);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::NotFound);
    QVERIFY2(status.error().message.contains(AbcHash), qPrintable(status.error().message));
    QVERIFY2(status.error().message.contains(QDir::toNativeSeparators(m_root)),
             qPrintable(status.error().message));
}

void TestObjectStore::verifyRefusesInvalidHash_data()
{
    QTest::addColumn<QString>("hash");
    QTest::newRow("empty") << QString();
    QTest::newRow("upper case") << AbcHash.toUpper();
    QTest::newRow("short") << AbcHash.left(40);
    QTest::newRow("traversal") << u"../../"_s + AbcHash.left(58);
}

void TestObjectStore::verifyRefusesInvalidHash()
{
    QFETCH(QString, hash);
    const ObjectStore store(m_root);
    const auto status = store.verify(hash);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Invalid);
    QVERIFY(!status.error().message.isEmpty());
}

void TestObjectStore::duplicateWithWrongSizeIsCorrupt()
{
    const ObjectStore store(m_root);
    const QString source = writeFile(u"abc.txt"_s, "abc");
    QVERIFY(store.put(source).ok());

    // Replace the object (breaking the hard link) with content of another size.
    const QString object = store.pathFor(AbcHash);
    QVERIFY(QFile::remove(object));
    {
        QFile f(object);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write("abcdef"), 6);
    }

    const auto again = store.put(source);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Corrupt);
    QVERIFY2(again.error().message.contains(AbcHash), qPrintable(again.error().message));
    QCOMPARE(readAll(object), QByteArray("abcdef")); // left for the user to inspect
}

void TestObjectStore::putRefusesMissingFile()
{
    const ObjectStore store(m_root);
    const QString missing = m_dir->filePath(u"does-not-exist.csv"_s);
    const auto stored = store.put(missing);
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().code, ErrorCode::NotFound);
    QVERIFY2(stored.error().message.contains(QDir::toNativeSeparators(missing)),
             qPrintable(stored.error().message));
    QCOMPARE(filesInStore(), 0);
}

void TestObjectStore::putRefusesDirectory()
{
    const ObjectStore store(m_root);
    const QString folder = m_dir->filePath(u"a-folder"_s);
    QVERIFY(QDir().mkpath(folder));
    const auto stored = store.put(folder);
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().code, ErrorCode::Invalid);
    QVERIFY2(stored.error().message.contains(QDir::toNativeSeparators(folder)),
             qPrintable(stored.error().message));
    QCOMPARE(filesInStore(), 0);

    const auto hash = ObjectStore::hashFile(folder);
    QVERIFY(!hash.ok());
    QCOMPARE(hash.error().code, ErrorCode::Invalid);
}

QTEST_GUILESS_MAIN(TestObjectStore)
#include "tst_objectstore.moc"
