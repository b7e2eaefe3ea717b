#include "common/csvreader.h"

#include "common/bytesource.h"

#include <algorithm>
#include <cstring>

namespace stroom {

namespace {
constexpr std::size_t kBlock = 4 << 20;
constexpr std::size_t kInitial = 64 << 10; // grows to kBlock + maxRecordBytes() as the file demands
} // namespace

CsvReader::CsvReader(ByteSource& source, char delimiter)
    : m_source(source)
    , m_delimiter(delimiter)
    , m_buf(kInitial) {
    m_fields.reserve(16);
}

bool CsvReader::fill() {
    if (m_eof)
        return false;
    if (m_begin > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    const std::size_t cap = kBlock + maxRecordBytes() + 1;
    if (m_end == m_buf.size() && m_buf.size() < cap)
        m_buf.resize(std::min(cap, m_buf.size() * 4));
    const std::size_t room = m_buf.size() - m_end;
    if (room == 0)
        return false;
    const std::size_t n = m_source.read(m_buf.data() + m_end, std::min(room, kBlock));
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_end += n;
    if (!m_bomChecked && m_end >= 3) {
        m_bomChecked = true;
        if (static_cast<unsigned char>(m_buf[0]) == 0xEF && static_cast<unsigned char>(m_buf[1]) == 0xBB &&
            static_cast<unsigned char>(m_buf[2]) == 0xBF)
            m_begin = 3;
    }
    return true;
}

CsvReader::Status CsvReader::skipRestOfLine() {
    // Discard bytes up to and including the next newline, however far it is.
    for (;;) {
        const char* b = m_buf.data() + m_begin;
        const char* nl = static_cast<const char*>(std::memchr(b, '\n', m_end - m_begin));
        if (nl) {
            m_begin = static_cast<std::size_t>(nl - m_buf.data()) + 1;
            ++m_nextLine;
            return Status::TooLong;
        }
        m_begin = m_end;
        if (!fill())
            return Status::TooLong;
    }
}

CsvReader::Status CsvReader::next() {
    for (;;) {
        // Find the end of the record starting at m_begin: a newline outside quotes.
        std::size_t scan = m_begin;
        bool inQuotes = false;
        bool sawQuote = false;
        std::int64_t newlinesInside = 0;
        std::size_t recordEnd = std::string::npos;
        for (;;) {
            const char* b = m_buf.data() + scan;
            const std::size_t avail = m_end - scan;
            if (!inQuotes) {
                const char* nl = static_cast<const char*>(std::memchr(b, '\n', avail));
                const char* q = static_cast<const char*>(
                    std::memchr(b, '"', nl ? static_cast<std::size_t>(nl - b) : avail));
                if (!q && nl) {
                    recordEnd = static_cast<std::size_t>(nl - m_buf.data());
                    break;
                }
                if (q) {
                    sawQuote = true;
                    inQuotes = true;
                    scan = static_cast<std::size_t>(q - m_buf.data()) + 1;
                    continue;
                }
                scan = m_end;
            } else {
                const char* q = static_cast<const char*>(std::memchr(b, '"', avail));
                const std::size_t upto = q ? static_cast<std::size_t>(q - b) : avail;
                newlinesInside += std::count(b, b + upto, '\n');
                if (q) {
                    inQuotes = false; // a doubled quote re-enters quotes at the next '"'
                    scan = static_cast<std::size_t>(q - m_buf.data()) + 1;
                    continue;
                }
                scan = m_end;
            }
            if (scan - m_begin > maxRecordBytes()) {
                m_line = m_nextLine;
                return skipRestOfLine();
            }
            const std::size_t offset = scan - m_begin;
            if (!fill()) {
                if (m_begin >= m_end)
                    return Status::End;
                recordEnd = m_end; // last record without a trailing newline
                scan = m_begin + offset;
                break;
            }
            scan = m_begin + offset;
        }
        m_line = m_nextLine;
        m_nextLine += 1 + newlinesInside;
        const char* rb = m_buf.data() + m_begin;
        const char* re = m_buf.data() + recordEnd;
        m_begin = recordEnd < m_end ? recordEnd + 1 : m_end;
        if (re - rb > static_cast<std::ptrdiff_t>(maxRecordBytes()))
            return Status::TooLong;
        if (re > rb && re[-1] == '\r')
            --re;
        if (re == rb)
            continue; // blank line
        m_raw = std::string_view(rb, static_cast<std::size_t>(re - rb));
        if (std::memchr(rb, '\0', static_cast<std::size_t>(re - rb)))
            return Status::Binary;
        if (sawQuote)
            splitQuoted(rb, re);
        else
            splitSimple(rb, re);
        return Status::Record;
    }
}

void CsvReader::splitSimple(const char* b, const char* e) {
    m_fields.clear();
    const char* start = b;
    for (;;) {
        const char* d =
            static_cast<const char*>(std::memchr(start, m_delimiter, static_cast<std::size_t>(e - start)));
        if (!d) {
            m_fields.emplace_back(start, static_cast<std::size_t>(e - start));
            return;
        }
        m_fields.emplace_back(start, static_cast<std::size_t>(d - start));
        start = d + 1;
    }
}

void CsvReader::splitQuoted(const char* b, const char* e) {
    m_fields.clear();
    m_scratch.clear();
    m_scratch.reserve(static_cast<std::size_t>(e - b) + 1); // views stay valid: no reallocation below
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const char* p = b;
    for (;;) {
        const std::size_t fieldStart = m_scratch.size();
        if (p < e && *p == '"') {
            ++p;
            while (p < e) {
                if (*p == '"') {
                    if (p + 1 < e && p[1] == '"') {
                        m_scratch.push_back('"');
                        p += 2;
                        continue;
                    }
                    ++p;
                    break;
                }
                m_scratch.push_back(*p++);
            }
            // Anything between the closing quote and the delimiter is kept as written.
            while (p < e && *p != m_delimiter)
                m_scratch.push_back(*p++);
        } else {
            while (p < e && *p != m_delimiter)
                m_scratch.push_back(*p++);
        }
        spans.emplace_back(fieldStart, m_scratch.size() - fieldStart);
        if (p >= e)
            break;
        ++p; // the delimiter
        if (p == e) {
            spans.emplace_back(m_scratch.size(), 0);
            break;
        }
    }
    for (const auto& [s, n] : spans)
        m_fields.emplace_back(m_scratch.data() + s, n);
}

char CsvReader::sniffDelimiter(std::string_view line) {
    const char candidates[] = {',', ';', '\t', '|'};
    int best = -1;
    char bestChar = ',';
    for (char c : candidates) {
        int n = 0;
        bool q = false;
        for (char ch : line) {
            if (ch == '"')
                q = !q;
            else if (ch == c && !q)
                ++n;
        }
        if (n > best) {
            best = n;
            bestChar = c;
        }
    }
    return bestChar;
}

bool CsvReader::isValidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* e = p + s.size();
    while (p < e) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        int n;
        unsigned cp;
        if ((*p & 0xE0) == 0xC0) {
            n = 1;
            cp = *p & 0x1Fu;
        } else if ((*p & 0xF0) == 0xE0) {
            n = 2;
            cp = *p & 0x0Fu;
        } else if ((*p & 0xF8) == 0xF0) {
            n = 3;
            cp = *p & 0x07u;
        } else {
            return false;
        }
        if (e - p <= n)
            return false;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3Fu);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += n + 1;
    }
    return true;
}

} // namespace stroom
