#pragma once

#include <QList>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace atelier {

/// Hands batches from one producer thread to one consumer thread through a short queue, so
/// that reading ahead never holds more than \a capacity batches in memory. The producer
/// push()es and then finish()es; the consumer pop()s until nullopt, or stop()s early (a
/// cancel or an error), after which push() returns false at once and the producer ends.
/// Batches may travel back through recycle() to be freed on the producer's thread.
template <typename T> class BatchQueue final
{
public:
    explicit BatchQueue(std::size_t capacity) : m_capacity(capacity) {}

    /// Waits while the queue is full; false once the consumer stopped (the batch is dropped).
    bool push(QList<T> &&batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_stopped || m_batches.size() < m_capacity; });
        if (m_stopped)
            return false;
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }

    /// The producer has no more batches.
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_changed.notify_all();
    }

    /// Waits for the next batch; nullopt once the producer finished and all were taken.
    std::optional<QList<T>> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_finished || !m_batches.empty(); });
        if (m_batches.empty())
            return std::nullopt;
        QList<T> batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return batch;
    }

    /// The consumer hands back a batch it is done with; the producer frees it in
    /// freeRecycled(). Memory then returns to the allocator arena it came from, without the
    /// consumer locking that arena against the producer (glibc keeps one per thread).
    void recycle(QList<T> &&batch)
    {
        std::lock_guard lock(m_mutex);
        m_recycled.push_back(std::move(batch));
    }

    /// Frees the batches handed back (call it on the producer's thread).
    void freeRecycled()
    {
        std::deque<QList<T>> done;
        {
            std::lock_guard lock(m_mutex);
            done.swap(m_recycled);
        }
    }

    /// The consumer wants no more: a waiting or later push() returns false. Only the
    /// consumer calls it, so it does not wake a pop().
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_batches.clear();
        m_changed.notify_all();
    }

private:
    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QList<T>> m_batches;
    std::deque<QList<T>> m_recycled;
    bool m_finished = false;
    bool m_stopped = false;
};

} // namespace atelier
