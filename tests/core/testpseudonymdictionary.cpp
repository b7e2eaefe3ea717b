#include "common/error.h"
#include "common/random.h"
#include "common/sqlite.h"
#include "store/pseudonymdictionary.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <string>

using namespace stroom;

/**
 * The pseudonym dictionary (issue 15): every key reads back with its number whatever the order and the
 * number of adds, a removal takes exactly the numbers given, the bucket of a key never changes (it is the
 * file format), and a damaged bucket is an error, never a crash.
 */
class TestPseudonymDictionary : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    Store newStore() { return Store::create(m_dir.filePath(QStringLiteral("p%1.gpkg").arg(++m_n))); }

    /** Random keys of every length an import makes (1 to 49 bytes), some of 255, none twice. */
    static std::vector<std::string> randomKeys(Random& rng, int n) {
        std::set<std::string> seen;
        std::vector<std::string> keys;
        while (static_cast<int>(keys.size()) < n) {
            const int len = rng.chance(0.01) ? 255 : rng.integer(1, 49);
            std::string k(static_cast<std::size_t>(len), '\0');
            for (char& c : k)
                c = static_cast<char>(rng.integer(0, 255));
            if (seen.insert(k).second)
                keys.push_back(k);
        }
        return keys;
    }
    static PseudonymDictionary::Entry entry(const std::string& key, std::uint32_t id) {
        return {reinterpret_cast<const unsigned char*>(key.data()), static_cast<std::uint8_t>(key.size()),
                id};
    }
    static std::int64_t find(PseudonymDictionary& d, const std::string& key) {
        return d.find(reinterpret_cast<const unsigned char*>(key.data()), key.size());
    }
    static std::map<std::string, std::uint32_t> all(PseudonymDictionary& d) {
        std::map<std::string, std::uint32_t> m;
        d.forEach([&](const PseudonymDictionary::Entry& e) {
            const bool added =
                m.emplace(std::string(reinterpret_cast<const char*>(e.key), e.len), e.id).second;
            QVERIFY(added);
        });
        return m;
    }

private slots:
    /** Stored buckets depend on the hash: a change to it would lose every stored pseudonym. */
    void theHashIsPinned() {
        const QByteArray k1 =
            "h" + QByteArray::fromHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        const auto* p = reinterpret_cast<const unsigned char*>(k1.constData());
        QCOMPARE(PseudonymDictionary::hash(p, 33), std::uint64_t(0xcdc841bd51def832ULL));
        QCOMPARE(PseudonymDictionary::bucketOf(PseudonymDictionary::hash(p, 33)), std::uint32_t(52680));
        const auto* t = reinterpret_cast<const unsigned char*>("tabc");
        QCOMPARE(PseudonymDictionary::hash(t, 4), std::uint64_t(0x633135b10dbe5f62ULL));
    }

    /** Two adds (the second in ranges of 4 KB, so each bucket's place is filled over many passes). */
    void everyKeyReadsBackWithItsNumber() {
        Store s = newStore();
        PseudonymDictionary d(s.database());
        QVERIFY(d.empty());
        QCOMPARE(d.size(), std::int64_t(0));
        Random rng(7);
        const std::vector<std::string> keys = randomKeys(rng, 6000);
        {
            sql::Transaction tx(s.database());
            std::vector<PseudonymDictionary::Entry> first;
            for (std::size_t i = 0; i < 3500; ++i)
                first.push_back(entry(keys[i], static_cast<std::uint32_t>(i + 1)));
            d.add(first);
            d.add(
                [&](const PseudonymDictionary::Visitor& visit) {
                    for (std::size_t i = 3500; i < keys.size(); ++i)
                        visit(entry(keys[i], static_cast<std::uint32_t>(i + 1)));
                },
                4096);
            tx.commit();
        }
        QVERIFY(!d.empty());
        QCOMPARE(d.size(), std::int64_t(6000));
        for (std::size_t i = 0; i < keys.size(); ++i)
            QCOMPARE(find(d, keys[i]), static_cast<std::int64_t>(i + 1));
        for (const std::string& absent : randomKeys(rng, 200))
            if (std::find(keys.begin(), keys.end(), absent) == keys.end())
                QCOMPARE(find(d, absent), std::int64_t(-1));
        const std::map<std::string, std::uint32_t> m = all(d);
        QCOMPARE(m.size(), keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i)
            QCOMPARE(m.at(keys[i]), static_cast<std::uint32_t>(i + 1));
        // Each key lies in its own bucket, and the buckets' counts are what they hold.
        auto rows = s.database().prepare("SELECT bucket, n FROM l0.pseudonym_buckets");
        std::int64_t counted = 0;
        while (rows.step()) {
            const auto b = static_cast<std::uint32_t>(rows.int64(0));
            std::int64_t held = 0;
            PseudonymDictionary(s.database()).bucket(b, [&](const PseudonymDictionary::Entry& e) {
                QCOMPARE(PseudonymDictionary::bucketOf(PseudonymDictionary::hash(e.key, e.len)), b);
                ++held;
            });
            QCOMPARE(held, rows.int64(1));
            counted += held;
        }
        QCOMPARE(counted, std::int64_t(6000));
    }

    void aRemovalTakesExactlyTheNumbersGiven() {
        Store s = newStore();
        PseudonymDictionary d(s.database());
        Random rng(11);
        const std::vector<std::string> keys = randomKeys(rng, 3000);
        sql::Transaction tx(s.database());
        std::vector<PseudonymDictionary::Entry> entries;
        for (std::size_t i = 0; i < keys.size(); ++i)
            entries.push_back(entry(keys[i], static_cast<std::uint32_t>(i + 1)));
        d.add(entries);
        std::vector<std::uint32_t> gone;
        for (std::uint32_t id = 1; id <= 3000; ++id)
            if (rng.chance(0.4))
                gone.push_back(id);
        std::vector<std::uint32_t> asked = gone;
        asked.push_back(99999); // a number the dictionary does not hold
        std::reverse(asked.begin(), asked.end());
        QCOMPARE(d.remove(asked), static_cast<std::int64_t>(gone.size()));
        QCOMPARE(d.size(), static_cast<std::int64_t>(3000 - gone.size()));
        const std::set<std::uint32_t> goneSet(gone.begin(), gone.end());
        for (std::size_t i = 0; i < keys.size(); ++i)
            QCOMPARE(find(d, keys[i]), goneSet.count(static_cast<std::uint32_t>(i + 1))
                                           ? std::int64_t(-1)
                                           : static_cast<std::int64_t>(i + 1));
        // A bucket left empty is no row at all; removing everything empties the dictionary.
        auto empty = s.database().prepare("SELECT count(*) FROM l0.pseudonym_buckets WHERE n = 0");
        QVERIFY(empty.step());
        QCOMPARE(empty.int64(0), std::int64_t(0));
        std::vector<std::uint32_t> every(3000);
        for (std::uint32_t id = 1; id <= 3000; ++id)
            every[id - 1] = id;
        d.remove(every);
        QVERIFY(d.empty());
        QVERIFY_EXCEPTION_THROWN(d.add({PseudonymDictionary::Entry{nullptr, 0, 1}}), stroom::Error);
        tx.commit();
    }

    /** Cut, flipped or miscounted bytes: Error::store from every reader, and never a crash. */
    void damagedBucketsAreAnError() {
        Store s = newStore();
        PseudonymDictionary d(s.database());
        Random rng(3);
        const std::vector<std::string> keys = randomKeys(rng, 20);
        {
            sql::Transaction tx(s.database());
            std::vector<PseudonymDictionary::Entry> entries;
            for (std::size_t i = 0; i < keys.size(); ++i)
                entries.push_back(entry(keys[i], static_cast<std::uint32_t>(i + 1)));
            d.add(entries);
            tx.commit();
        }
        const std::uint32_t b = PseudonymDictionary::bucketOf(PseudonymDictionary::hash(
            reinterpret_cast<const unsigned char*>(keys[0].data()), keys[0].size()));
        QByteArray good;
        std::int64_t n = 0;
        {
            auto st = s.database().prepare("SELECT entries, n FROM l0.pseudonym_buckets WHERE bucket = ?");
            st.bind(1, b);
            QVERIFY(st.step());
            good = st.blob(0);
            n = st.int64(1);
        }
        const auto put = [&](const QByteArray& bytes, std::int64_t count) {
            auto st =
                s.database().prepare("UPDATE l0.pseudonym_buckets SET entries = ?, n = ? WHERE bucket = ?");
            st.bindBlob(1, bytes).bind(2, count).bind(3, b);
            st.run();
        };
        const auto broken = [&] {
            bool threw = false;
            try {
                find(d, keys[0]);
            } catch (const Error& e) {
                threw = e.kind() == Error::Kind::Store;
            }
            QVERIFY(threw);
            QVERIFY_EXCEPTION_THROWN(d.forEach([](const PseudonymDictionary::Entry&) {}), stroom::Error);
        };
        const int size = static_cast<int>(good.size());
        for (int cut = 1; cut < size; ++cut) {
            put(good.left(size - cut), n);
            broken();
        }
        put(good, n + 1); // one more counted than held
        broken();
        {
            auto none =
                s.database().prepare("UPDATE l0.pseudonym_buckets SET entries = x'' WHERE bucket = ?");
            none.bind(1, b);
            none.run();
        }
        broken();
        // Nothing is added to a damaged bucket, nor removed from it (the same key: the same bucket).
        QVERIFY_EXCEPTION_THROWN(d.add({entry(keys[0], 99)}), stroom::Error);
        QVERIFY_EXCEPTION_THROWN(d.remove({1}), stroom::Error);
        QByteArray format = good;
        format[0] = 9;
        put(format, n);
        broken();
        QByteArray noLength = good;
        noLength[5] = 0;
        put(noLength, n);
        broken();
        // Flipped bytes: an error or other numbers, never a crash.
        for (int i = 0; i < 200; ++i) {
            QByteArray flipped = good;
            flipped[rng.integer(0, size - 1)] = static_cast<char>(rng.integer(0, 255));
            put(flipped, n);
            try {
                find(d, keys[0]);
            } catch (const Error&) {
            }
        }
        put(good, n);
        QCOMPARE(find(d, keys[0]), std::int64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestPseudonymDictionary)
#include "testpseudonymdictionary.moc"
