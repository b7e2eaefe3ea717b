#pragma once

#include <QString>

#include <string_view>

namespace stroom {

/** \brief Vehicle classes (DESIGN §4) and the labels exports use for them. */
namespace vehicleclass {
enum Code : int { Unknown = 0, Car = 1, Van = 2, Truck = 3, Bus = 4, Motorcycle = 5 };
constexpr int kCount = 6;
/** Class of a label (car, M1, personenwagen, N1, bestelwagen, vrachtwagen, …); -1 when not recognised. */
int fromLabel(std::string_view label);
/** The English key: unknown, car, van, truck, bus, motorcycle. */
const char* key(int code);
/** What people read: "Cars", "Vans", "Trucks", "Buses", "Motorcycles", "Unknown" (translated). */
QString label(int code);
} // namespace vehicleclass

} // namespace stroom
