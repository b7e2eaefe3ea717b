#include "privacy/recordkeys.h"

#include "common/error.h"
#include "common/sqlite.h"

#include <sodium.h>

#include <cstring>

namespace stroom {

static_assert(crypto_shorthash_KEYBYTES == 16 && crypto_shorthash_BYTES == 8);

RecordKeys::RecordKeys(const QByteArray& secret) {
    if (secret.size() != static_cast<int>(m_secret.size()))
        throw Error::store(QStringLiteral("the project's record secret is damaged (expected 16 bytes)"));
    std::memcpy(m_secret.data(), secret.constData(), m_secret.size());
}

std::uint32_t RecordKeys::randomKey() {
    return randombytes_random();
}

QByteArray RecordKeys::newSecretHex() {
    if (sodium_init() < 0)
        throw Error::store(QStringLiteral("libsodium could not be initialised"));
    QByteArray secret(16, '\0');
    randombytes_buf(secret.data(), static_cast<std::size_t>(secret.size()));
    const QByteArray hex = secret.toHex();
    sodium_memzero(secret.data(), static_cast<std::size_t>(secret.size()));
    return hex;
}

RecordKeys RecordKeys::load(sql::Database& db) {
    auto st = db.prepare("SELECT value FROM l0.meta WHERE key = 'record_secret'");
    QByteArray hex;
    if (st.step())
        hex = st.text(0).toLatin1();
    st.reset();
    if (hex.isEmpty()) {
        // A reads file in memory (project without its sidecar) or made before record keys: make one now.
        hex = newSecretHex();
        auto ins = db.prepare("INSERT OR REPLACE INTO l0.meta (key, value) VALUES ('record_secret', ?)");
        ins.bind(1, QString::fromLatin1(hex));
        ins.run();
    }
    return RecordKeys(QByteArray::fromHex(hex));
}

std::uint32_t RecordKeys::of(std::uint8_t domain, std::uint32_t a, std::int64_t b, std::uint32_t c) const {
    unsigned char in[17];
    in[0] = domain;
    for (int i = 0; i < 4; ++i)
        in[1 + i] = static_cast<unsigned char>(a >> (8 * i));
    const auto ub = static_cast<std::uint64_t>(b);
    for (int i = 0; i < 8; ++i)
        in[5 + i] = static_cast<unsigned char>(ub >> (8 * i));
    for (int i = 0; i < 4; ++i)
        in[13 + i] = static_cast<unsigned char>(c >> (8 * i));
    unsigned char out[8];
    crypto_shorthash(out, in, sizeof in, m_secret.data());
    return static_cast<std::uint32_t>(out[0]) | static_cast<std::uint32_t>(out[1]) << 8 |
           static_cast<std::uint32_t>(out[2]) << 16 | static_cast<std::uint32_t>(out[3]) << 24;
}

} // namespace stroom
