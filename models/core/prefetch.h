#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace atelier {

/// Makes make(0), make(1), … on a thread of its own while the caller uses the earlier ones:
/// a reader that parses (on one core) ahead of a writer that stores (on another). At most
/// \a ahead results wait; take() must ask for 0, 1, 2, … in order. \a make must touch nothing
/// the caller's thread uses meanwhile. Destroying it stops the thread after its current make.
template <typename T> class Prefetch
{
public:
    Prefetch(qint64 count, std::function<T(qint64)> make, int ahead = 16)
        : m_count(count), m_make(std::move(make)), m_ahead(std::max(1, ahead))
    {
        m_thread = std::thread([this] { produce(); });
    }

    ~Prefetch()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    Q_DISABLE_COPY_MOVE(Prefetch)

    /// The result for \a index, waiting for it when the thread has not made it yet.
    T take(qint64 index)
    {
        Q_ASSERT(index == m_taken);
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty(); });
        T value = std::move(m_ready.front());
        m_ready.pop_front();
        ++m_taken;
        lock.unlock();
        m_changed.notify_all();
        return value;
    }

private:
    void produce()
    {
        for (qint64 i = 0; i < m_count; ++i) {
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock,
                               [this] { return m_stop || qsizetype(m_ready.size()) < m_ahead; });
                if (m_stop)
                    return;
            }
            T value = m_make(i);
            {
                std::lock_guard lock(m_mutex);
                m_ready.push_back(std::move(value));
            }
            m_changed.notify_all();
        }
    }

    const qint64 m_count;
    const std::function<T(qint64)> m_make;
    const int m_ahead;
    qint64 m_taken = 0; ///< the caller's thread only
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_ready;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace atelier
