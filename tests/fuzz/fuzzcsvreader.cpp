// libFuzzer target: the CSV reader and everything that interprets its fields on import
// (header detection, timestamps, the privacy guard, class labels). No store is touched.
#include "common/bytesource.h"
#include "common/csvreader.h"
#include "common/error.h"
#include "common/timeparse.h"
#include "common/vehicleclass.h"
#include "import/importformat.h"
#include "privacy/privacyguard.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static stroom::LocalTime brussels("Europe/Brussels");
    const int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return 0;
    if (size > 0 && write(fd, data, size) != static_cast<ssize_t>(size)) {
        close(fd);
        return 0;
    }
    // Inputs starting with the gzip magic are inflated: corrupt and truncated streams must be refused
    // cleanly.
    const QString path = QStringLiteral("/proc/self/fd/%1").arg(fd);
    try {
        stroom::ByteSource source(path);
        stroom::CsvReader reader(source);
        bool header = true;
        stroom::FileLayout layout;
        int records = 0;
        for (;;) {
            const auto st = reader.next();
            if (st == stroom::CsvReader::Status::End || ++records > 100000)
                break;
            if (st != stroom::CsvReader::Status::Record)
                continue;
            if (header) {
                header = false;
                try {
                    layout =
                        stroom::detectLayout(reader.raw(), stroom::ImportFormat::Auto, {}, QString(), path);
                    reader.setDelimiter(layout.delimiter);
                } catch (const stroom::Error&) {
                }
                continue;
            }
            for (std::string_view f : reader.fields()) {
                std::int64_t t = 0;
                stroom::timeparse::parseAny(f, brussels, &t);
                stroom::PrivacyGuard::check(f);
                stroom::vehicleclass::fromLabel(f);
                stroom::CsvReader::isValidUtf8(f);
            }
        }
    } catch (const stroom::Error&) {
        // bad input is allowed to be refused, not to crash
    }
    close(fd);
    return 0;
}
