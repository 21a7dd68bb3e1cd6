/// The IANA zones of the Windows time zone names Outlook and Exchange write as TZID, as CLDR's
/// `windowsZones` maps them (territory 001): every Russian zone, the neighbours' and the largest
/// others. With the IANA zone an event keeps its zone's summer time and is listed in its own zone;
/// a Windows name not listed here is read by its VTIMEZONE's standard offset.
enum WindowsZones {
    static let iana: [String: String] = [
        "Kaliningrad Standard Time": "Europe/Kaliningrad", "Russian Standard Time": "Europe/Moscow",
        "Volgograd Standard Time": "Europe/Volgograd", "Astrakhan Standard Time": "Europe/Astrakhan",
        "Saratov Standard Time": "Europe/Saratov", "Russia Time Zone 3": "Europe/Samara",
        "Ekaterinburg Standard Time": "Asia/Yekaterinburg", "Omsk Standard Time": "Asia/Omsk",
        "N. Central Asia Standard Time": "Asia/Novosibirsk", "Altai Standard Time": "Asia/Barnaul",
        "Tomsk Standard Time": "Asia/Tomsk", "North Asia Standard Time": "Asia/Krasnoyarsk",
        "North Asia East Standard Time": "Asia/Irkutsk", "Transbaikal Standard Time": "Asia/Chita",
        "Yakutsk Standard Time": "Asia/Yakutsk", "Vladivostok Standard Time": "Asia/Vladivostok",
        "Sakhalin Standard Time": "Asia/Sakhalin", "Magadan Standard Time": "Asia/Magadan",
        "Russia Time Zone 10": "Asia/Srednekolymsk", "Russia Time Zone 11": "Asia/Kamchatka",
        "Belarus Standard Time": "Europe/Minsk", "FLE Standard Time": "Europe/Kiev",
        "E. Europe Standard Time": "Europe/Chisinau", "GTB Standard Time": "Europe/Bucharest",
        "Turkey Standard Time": "Europe/Istanbul", "Georgian Standard Time": "Asia/Tbilisi",
        "Caucasus Standard Time": "Asia/Yerevan", "Azerbaijan Standard Time": "Asia/Baku",
        "Central Asia Standard Time": "Asia/Almaty", "West Asia Standard Time": "Asia/Tashkent",
        "W. Europe Standard Time": "Europe/Berlin", "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw", "Romance Standard Time": "Europe/Paris",
        "GMT Standard Time": "Europe/London", "Greenwich Standard Time": "Atlantic/Reykjavik",
        "Israel Standard Time": "Asia/Jerusalem", "Arabian Standard Time": "Asia/Dubai",
        "India Standard Time": "Asia/Calcutta", "SE Asia Standard Time": "Asia/Bangkok",
        "Singapore Standard Time": "Asia/Singapore", "China Standard Time": "Asia/Shanghai",
        "Tokyo Standard Time": "Asia/Tokyo", "Eastern Standard Time": "America/New_York",
        "Central Standard Time": "America/Chicago", "Mountain Standard Time": "America/Denver",
        "Pacific Standard Time": "America/Los_Angeles",
    ]
}
