import ArtelCore
import Foundation

/// What the events' list and calendar share: the filter form and the links to subscribe.
enum EventForm {
    /// The selects of the filter form: community and way of attending.
    static func selects(
        _ frame: PageFrame,
        _ filters: EventFilters,
        communities: [(key: PublicKey, name: String)]
    ) -> [[String: Any]] {
        let words = frame.words
        func option(_ value: String, _ label: String, _ chosen: String) -> [String: Any] {
            ["value": value, "label": label, "selected": value == chosen]
        }
        return [
            [
                "name": "community", "label": words["events.community"],
                "options": [option("", words["events.anyCommunity"], "")]
                    + communities.map { option($0.key.hex, $0.name, filters.community?.hex ?? "") },
            ],
            [
                "name": "attendance", "label": words["events.how"],
                "options": [option("", words["events.anyAttendance"], filters.attendance)]
                    + EventFilters.attendances.map {
                        option($0, words["events.attendance.\($0)"], filters.attendance)
                    },
            ],
        ]
    }

    /// The links to subscribe to the calendar feed (`/feeds/events.ics`) of all communities and of
    /// each, as `webcal://` for calendar apps and as a plain URL in the scheme the visitor used.
    /// Without an origin (the request named no valid host) the links are the feed's path on this site.
    static func subscriptions(
        _ frame: PageFrame,
        origin: SiteOrigin?,
        communities: [(key: PublicKey, name: String)]
    ) -> (all: [String: Any], each: [[String: Any]]) {
        func links(_ label: String, _ query: String) -> [String: Any] {
            let path = "/feeds/events.ics" + query
            guard let origin else { return ["label": label, "https": path] }
            return ["label": label, "webcal": origin.webcal(path), "https": origin.url(path)]
        }
        return (
            links(frame.words["events.subscribeAll"], ""),
            communities.map { links($0.name, "?community=\($0.key.hex)") }
        )
    }

    /// The values both pages give the form and the subscriptions.
    static func content(
        _ frame: PageFrame,
        _ filters: EventFilters,
        communities: [(key: PublicKey, name: String)],
        origin: SiteOrigin?
    ) -> [String: Any] {
        let subscriptions = subscriptions(frame, origin: origin, communities: communities)
        var content: [String: Any] = [
            "selects": selects(frame, filters, communities: communities),
            "subscribeAll": subscriptions.all,
            "subscribeEach": subscriptions.each,
            "hasSubscribeEach": !subscriptions.each.isEmpty,
            "open": filters.community != nil || !filters.attendance.isEmpty,
        ]
        if !filters.problems.isEmpty {
            content["problem"] = filters.problems.map { $0.text(frame.words) }.joined(separator: "; ")
        }
        return content
    }

    /// The feeds the page's head names: the calendar of the chosen community, else of all.
    static func feeds(_ frame: PageFrame, _ filters: EventFilters) -> [[String: Any]] {
        let query = filters.community.map { "?community=\($0.hex)" } ?? ""
        return [["type": "text/calendar", "href": "/feeds/events.ics" + query, "label": frame.words["events.feed"]]]
    }
}
