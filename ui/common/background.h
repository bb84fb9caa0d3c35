#pragma once

#include "datasets/datasetstoreworker.h"

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

/// runInBackground() for the catalog work of the labeling views, which runs one job at a time
/// on the one catalog connection of \a worker (edits in the order made, then the newest reads
/// first): \a job gets that connection's DatasetContext on the worker's thread, makes the
/// section stores it needs on it and returns a value; \a onDone gets the value on the thread of
/// \a receiver (from DatasetStoreWorker::receiver()). When \a receiver is retired before then
/// (its view gone), the answer is dropped silently, and a read not yet begun is not run at all.
/// \a job must own — capture by value — everything it touches, never the view; \a onDone may
/// use the view.
template <typename Job, typename OnDone>
void readInBackground(DatasetStoreWorker *worker, const DatasetStoreWorker::ReceiverPtr &receiver,
                      Job job, OnDone onDone)
{
    worker->read(receiver, std::move(job), std::move(onDone));
}

/// readInBackground() for an edit: queued after the writes before it and run even when
/// \a receiver is retired meanwhile (only the answer is dropped then).
template <typename Job, typename OnDone>
void writeInBackground(DatasetStoreWorker *worker, const DatasetStoreWorker::ReceiverPtr &receiver,
                       Job job, OnDone onDone)
{
    worker->write(receiver, std::move(job), std::move(onDone));
}

} // namespace atelier
