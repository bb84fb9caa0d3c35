#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

#include <type_traits>
#include <utility>

namespace atelier {

/// The one way the UI does work off the GUI thread: runs \a work on Qt's global thread pool and
/// calls \a onDone with what it returned, on \a receiver's thread, once it is done. Nothing is
/// kept by the caller: when \a receiver is destroyed before the work finishes, the answer is
/// dropped silently (the work itself still runs to its end, so it must own — capture by value —
/// everything it touches). \a work must not throw; expected failures are a Result<T>.
/// \a onDone takes the result by value (or const reference), or nothing when \a work returns void.
template <typename Work, typename OnDone>
void runInBackground(QObject *receiver, Work &&work, OnDone &&onDone)
{
    using T = std::invoke_result_t<std::decay_t<Work>>;
    // The watcher is the receiver's child: destroying the receiver destroys it, and with it the
    // connection that would have delivered the answer.
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, onDone = std::forward<OnDone>(onDone)]() mutable {
                         watcher->deleteLater();
                         if constexpr (std::is_void_v<T>)
                             onDone();
                         else
                             onDone(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(std::forward<Work>(work)));
}

} // namespace atelier
