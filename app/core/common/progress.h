#pragma once

#include "common/error.h"

#include <algorithm>
#include <atomic>
#include <functional>

namespace stroom {

/**
 * \brief How long work tells how far it is (0 to 1) and learns that it should stop: a progress callback
 * (may be empty) and a cancel flag (may be null), as every long step of the engine takes them.
 */
class Progress {
public:
    Progress(std::function<void(double)> report = {}, const std::atomic_bool* cancel = nullptr)
        : m_report(std::move(report))
        , m_cancel(cancel) {}

    /** Reports \a fraction (clamped to [0, 1]) of this piece of work. */
    void operator()(double fraction) const {
        if (m_report)
            m_report(m_from + (m_to - m_from) * std::clamp(fraction, 0.0, 1.0));
    }
    /** The part [from, to] of this work, as a progress of its own. */
    Progress part(double from, double to) const {
        Progress p(*this);
        p.m_from = m_from + (m_to - m_from) * from;
        p.m_to = m_from + (m_to - m_from) * to;
        return p;
    }
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    /** Throws Error::input("WHAT cancelled…") when cancel was asked. */
    void checkCancel(const QString& what) const {
        if (cancelled())
            throw Error::input(what);
    }
    /** This progress (with its part) as a plain callback, for work that takes one; empty when it is. */
    std::function<void(double)> function() const {
        if (!m_report)
            return {};
        return [self = *this](double fraction) { self(fraction); };
    }

private:
    std::function<void(double)> m_report;
    const std::atomic_bool* m_cancel;
    double m_from = 0, m_to = 1;
};

} // namespace stroom
