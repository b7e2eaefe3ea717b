#include "common/vehicleclass.h"

#include <QCoreApplication>

#include <cctype>
#include <string>
#include <utility>

namespace stroom {

namespace vehicleclass {

int fromLabel(std::string_view label) {
    std::string s;
    for (char c : label)
        if (c != ' ' && c != '_' && c != '-')
            s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (s.empty() || s == "unknown" || s == "onbekend" || s == "0" || s == "?")
        return Unknown;
    static const std::pair<const char*, int> table[] = {
        {"car", Car},
        {"personenwagen", Car},
        {"personenauto", Car},
        {"auto", Car},
        {"m1", Car},
        {"pkw", Car},
        {"voiture", Car},
        {"passengercar", Car},
        {"pw", Car},
        {"van", Van},
        {"bestelwagen", Van},
        {"bestelauto", Van},
        {"n1", Van},
        {"lcv", Van},
        {"lightgoods", Van},
        {"camionnette", Van},
        {"truck", Truck},
        {"vrachtwagen", Truck},
        {"vrachtauto", Truck},
        {"n2", Truck},
        {"n3", Truck},
        {"hgv", Truck},
        {"lorry", Truck},
        {"camion", Truck},
        {"lkw", Truck},
        {"trekker", Truck},
        {"bus", Bus},
        {"autobus", Bus},
        {"m2", Bus},
        {"m3", Bus},
        {"coach", Bus},
        {"touringcar", Bus},
        {"motorcycle", Motorcycle},
        {"motorfiets", Motorcycle},
        {"moto", Motorcycle},
        {"motor", Motorcycle},
        {"l3", Motorcycle},
        {"l3e", Motorcycle},
        {"l", Motorcycle},
    };
    for (const auto& [name, code] : table)
        if (s == name)
            return code;
    return -1;
}

QString label(int code) {
    static const char* const labels[] = {QT_TRANSLATE_NOOP("stroom::vehicleclass", "Unknown"),
                                         QT_TRANSLATE_NOOP("stroom::vehicleclass", "Cars"),
                                         QT_TRANSLATE_NOOP("stroom::vehicleclass", "Vans"),
                                         QT_TRANSLATE_NOOP("stroom::vehicleclass", "Trucks"),
                                         QT_TRANSLATE_NOOP("stroom::vehicleclass", "Buses"),
                                         QT_TRANSLATE_NOOP("stroom::vehicleclass", "Motorcycles")};
    return QCoreApplication::translate("stroom::vehicleclass", labels[code >= 0 && code < kCount ? code : 0]);
}

const char* key(int code) {
    static const char* keys[] = {"unknown", "car", "van", "truck", "bus", "motorcycle"};
    return code >= 0 && code < kCount ? keys[code] : "unknown";
}

} // namespace vehicleclass

} // namespace stroom
