#include "common/bytesource.h"

#include "common/error.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/evp.h>
#include <zlib.h>

#include <cstring>

namespace stroom {

namespace {
constexpr std::size_t kRawChunk = 1 << 20;

QString hex(const unsigned char* d, unsigned n) {
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(d), static_cast<int>(n)).toHex());
}
} // namespace

struct ByteSource::State {
    QFile file;
    std::vector<char> raw = std::vector<char>(kRawChunk);
    std::size_t rawPos = 0, rawLen = 0;
    bool rawEnd = false;
    z_stream zs{};
    bool zInit = false;
    bool zStreamEnded = false;
    EVP_MD_CTX* md = nullptr;
    ~State() {
        if (zInit)
            inflateEnd(&zs);
        if (md)
            EVP_MD_CTX_free(md);
    }
};

ByteSource::ByteSource(const QString& path)
    : m_state(std::make_unique<State>())
    , m_path(path) {
    const QFileInfo fi(path);
    if (!fi.exists())
        throw Error::input(QStringLiteral("%1: no such file").arg(path));
    if (fi.isDir())
        throw Error::input(QStringLiteral("%1: is a folder, not a file").arg(path));
    m_state->file.setFileName(path);
    if (!m_state->file.open(QIODevice::ReadOnly))
        throw Error::input(QStringLiteral("%1: cannot be read: %2").arg(path, m_state->file.errorString()));
    m_fileSize = m_state->file.size();
    m_state->md = EVP_MD_CTX_new();
    EVP_DigestInit_ex(m_state->md, EVP_sha256(), nullptr);
    fillRaw();
    const bool magic = m_state->rawLen >= 2 && static_cast<unsigned char>(m_state->raw[0]) == 0x1f &&
                       static_cast<unsigned char>(m_state->raw[1]) == 0x8b;
    m_gzip = magic || path.endsWith(QLatin1String(".gz"), Qt::CaseInsensitive);
    if (m_gzip) {
        if (!magic)
            throw Error::input(QStringLiteral("%1: named .gz but is not gzip-compressed").arg(path));
        if (inflateInit2(&m_state->zs, 16 + MAX_WBITS) != Z_OK)
            throw Error::input(QStringLiteral("%1: cannot start gzip decompression").arg(path));
        m_state->zInit = true;
    }
}

ByteSource::~ByteSource() = default;

bool ByteSource::fillRaw() {
    State& s = *m_state;
    if (s.rawEnd)
        return false;
    const qint64 n = s.file.read(s.raw.data(), static_cast<qint64>(s.raw.size()));
    if (n < 0)
        throw Error::input(QStringLiteral("%1: read error: %2").arg(m_path, s.file.errorString()));
    s.rawPos = 0;
    s.rawLen = static_cast<std::size_t>(n);
    if (n == 0) {
        s.rawEnd = true;
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned len = 0;
        EVP_DigestFinal_ex(s.md, digest, &len);
        m_sha256 = hex(digest, len);
        return false;
    }
    EVP_DigestUpdate(s.md, s.raw.data(), static_cast<std::size_t>(n));
    m_consumed += n;
    return true;
}

std::size_t ByteSource::read(char* out, std::size_t n) {
    State& s = *m_state;
    if (!m_gzip) {
        if (s.rawPos == s.rawLen && !fillRaw())
            return 0;
        const std::size_t k = std::min(n, s.rawLen - s.rawPos);
        std::memcpy(out, s.raw.data() + s.rawPos, k);
        s.rawPos += k;
        return k;
    }
    std::size_t produced = 0;
    while (produced == 0) {
        if (s.rawPos == s.rawLen) {
            if (!fillRaw()) {
                if (!s.zStreamEnded)
                    throw Error::input(
                        QStringLiteral("%1: the gzip stream is truncated (the file ends before the "
                                       "compressed data does)")
                            .arg(m_path));
                return 0;
            }
        }
        if (s.zStreamEnded) {
            // Another gzip member follows (concatenated .gz files are valid).
            inflateReset(&s.zs);
            s.zStreamEnded = false;
        }
        s.zs.next_in = reinterpret_cast<Bytef*>(s.raw.data() + s.rawPos);
        s.zs.avail_in = static_cast<uInt>(s.rawLen - s.rawPos);
        s.zs.next_out = reinterpret_cast<Bytef*>(out);
        s.zs.avail_out = static_cast<uInt>(n);
        const int rc = inflate(&s.zs, Z_NO_FLUSH);
        s.rawPos = s.rawLen - s.zs.avail_in;
        produced = n - s.zs.avail_out;
        if (rc == Z_STREAM_END) {
            s.zStreamEnded = true;
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            throw Error::input(QStringLiteral("%1: corrupt gzip data (%2)")
                                   .arg(m_path, QString::fromLatin1(s.zs.msg ? s.zs.msg : "inflate failed")));
        }
    }
    return produced;
}

QString ByteSource::fileSha256(const QString& path, std::int64_t maxBytes) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error::input(QStringLiteral("%1: cannot be read: %2").arg(path, f.errorString()));
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    EVP_DigestInit_ex(md, EVP_sha256(), nullptr);
    std::vector<char> buf(kRawChunk);
    std::int64_t total = 0;
    while (maxBytes < 0 || total < maxBytes) {
        const qint64 want = maxBytes < 0
                                ? static_cast<qint64>(buf.size())
                                : std::min<qint64>(static_cast<qint64>(buf.size()), maxBytes - total);
        const qint64 n = f.read(buf.data(), want);
        if (n <= 0)
            break;
        EVP_DigestUpdate(md, buf.data(), static_cast<std::size_t>(n));
        total += n;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_DigestFinal_ex(md, digest, &len);
    EVP_MD_CTX_free(md);
    return hex(digest, len);
}

} // namespace stroom
