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
///
/// The two threads wake each other seldom: the maker, once \a ahead wait, sleeps until the
/// caller has taken half of them, and the caller is woken only when it waits on an empty
/// queue. Results the caller is done with can be handed back (giveBack()) to be destroyed on
/// the maker's thread: memory is then freed by the thread that allocated it, and the caller
/// never waits on the other thread's allocator.
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
        m_makerWakes.notify_all();
        m_thread.join();
    }

    Q_DISABLE_COPY_MOVE(Prefetch)

    /// The result for \a index, waiting for it when the thread has not made it yet.
    T take(qint64 index)
    {
        Q_ASSERT(index == m_taken);
        std::unique_lock lock(m_mutex);
        if (m_ready.empty()) {
            m_callerWaits = true;
            m_callerWakes.wait(lock, [this] { return !m_ready.empty(); });
            m_callerWaits = false;
        }
        T value = std::move(m_ready.front());
        m_ready.pop_front();
        ++m_taken;
        const bool wake = m_makerWaits && qsizetype(m_ready.size()) <= m_ahead / 2;
        lock.unlock();
        if (wake)
            m_makerWakes.notify_one();
        return value;
    }

    /// Hands \a spent back, to be destroyed on the maker's thread: before it makes the next,
    /// a few at a time once all are made, and the rest when this is destroyed.
    void giveBack(T spent)
    {
        bool wake = false;
        {
            std::lock_guard lock(m_mutex);
            m_spent.push_back(std::move(spent));
            wake = m_allMade && m_makerWaits && m_spent.size() >= kSpentBatch;
        }
        if (wake)
            m_makerWakes.notify_one();
    }

private:
    void produce()
    {
        for (qint64 i = 0; i < m_count; ++i) {
            std::deque<T> spent;
            {
                std::unique_lock lock(m_mutex);
                if (!m_stop && qsizetype(m_ready.size()) >= m_ahead) {
                    m_makerWaits = true;
                    m_makerWakes.wait(lock, [this] {
                        return m_stop || qsizetype(m_ready.size()) <= m_ahead / 2;
                    });
                    m_makerWaits = false;
                }
                spent.swap(m_spent); // freed here, outside the lock, also when stopping
                if (m_stop)
                    return;
            }
            spent.clear(); // outside the lock
            T value = m_make(i);
            bool wake = false;
            {
                std::lock_guard lock(m_mutex);
                m_ready.push_back(std::move(value));
                wake = m_callerWaits;
            }
            if (wake)
                m_callerWakes.notify_one();
        }
        // All made: go on destroying what comes back, a few at a time, until this is destroyed.
        {
            std::lock_guard lock(m_mutex);
            m_allMade = true;
        }
        for (;;) {
            std::deque<T> spent;
            {
                std::unique_lock lock(m_mutex);
                m_makerWaits = true;
                m_makerWakes.wait(lock, [this] { return m_stop || m_spent.size() >= kSpentBatch; });
                m_makerWaits = false;
                spent.swap(m_spent);
                if (m_stop)
                    return;
            }
        }
    }

    static constexpr std::size_t kSpentBatch = 8;

    const qint64 m_count;
    const std::function<T(qint64)> m_make;
    const int m_ahead;
    qint64 m_taken = 0; ///< the caller's thread only
    std::mutex m_mutex;
    std::condition_variable m_callerWakes;
    std::condition_variable m_makerWakes;
    std::deque<T> m_ready;
    std::deque<T> m_spent;
    bool m_callerWaits = false;
    bool m_makerWaits = false;
    bool m_allMade = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace atelier
