#include "store/blockframe.h"

#include "common/error.h"
#include "common/varint.h"

#include <QString>

#include <zstd.h>

namespace stroom::blockframe {

namespace {
constexpr char kVersion = 1;
constexpr std::uint64_t kMaxRaw = std::uint64_t(1) << 31;
} // namespace

QByteArray pack(char magic, const std::string& raw) {
    QByteArray out;
    out.append(magic);
    out.append(kVersion);
    varint::put(out, raw.size());
    const auto header = static_cast<std::size_t>(out.size());
    out.resize(static_cast<int>(header + ZSTD_compressBound(raw.size())));
    const std::size_t n = ZSTD_compress(out.data() + header, static_cast<std::size_t>(out.size()) - header,
                                        raw.data(), raw.size(), 1);
    if (ZSTD_isError(n))
        throw Error::store(QStringLiteral("a block could not be compressed: %1")
                               .arg(QString::fromUtf8(ZSTD_getErrorName(n))));
    out.resize(static_cast<int>(header + n));
    out.squeeze(); // the bytes kept until stored are the compressed ones, not the room the bound asked for
    return out;
}

bool unpack(const QByteArray& data, char magic, std::string* raw) {
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    const auto* end = p + data.size();
    if (data.size() < 3 || p[0] != static_cast<unsigned char>(magic) || p[1] != kVersion)
        return false;
    p += 2;
    std::uint64_t rawSize = 0;
    if (!varint::get(p, end, &rawSize))
        return false;
    // The frame says its size too: both agree before anything is allocated from them.
    const unsigned long long frame = ZSTD_getFrameContentSize(p, static_cast<std::size_t>(end - p));
    if (rawSize > kMaxRaw || frame != rawSize)
        return false;
    raw->assign(rawSize, '\0');
    const std::size_t got = ZSTD_decompress(raw->data(), raw->size(), p, static_cast<std::size_t>(end - p));
    return !ZSTD_isError(got) && got == rawSize;
}

} // namespace stroom::blockframe
