extension SiteTemplates {
    /// The frame of a listing for another site's frame: no header, no navigation, the colours a site
    /// asked for (``EmbedStyle``); links open on the node in a new tab.
    static let embedLayout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{siteName}}</title>
        <link rel="stylesheet" href="/assets/site.css">
        <link rel="stylesheet" href="{{embedStyle}}">
        <script src="/assets/live.js" defer></script>
        </head>
        <body class="embed">
        <main>
        <h1 class="visually-hidden">{{title}}</h1>
        {{$content}}{{/content}}
        <p class="meta"><a href="{{more}}" target="_blank" rel="noopener">{{moreLabel}}</a> · {{w.embed.source}}</p>
        </main>
        </body>
        </html>

        """

    /// Open jobs for another site.
    static let embedJobs = """
        {{<embedLayout}}
        {{$content}}
        <ol class="cards" data-live="jobs"{{#liveAfter}} data-live-after="{{liveAfter}}"{{/liveAfter}}>
        {{#jobs}}
        <li>
        <article class="card">
        <h2><a href="{{href}}" target="_blank" rel="noopener">{{title}}</a></h2>
        {{#employer}}<p class="employer">{{employer}}</p>{{/employer}}
        <ul class="facts">
        {{#salary}}<li class="salary">{{salary}}</li>{{/salary}}
        {{#workMode}}<li>{{workMode}}</li>{{/workMode}}
        {{#city}}<li>{{city}}</li>{{/city}}
        </ul>
        <p class="meta">{{community}} · <time datetime="{{postedISO}}">{{posted}}</time></p>
        </article>
        </li>
        {{/jobs}}
        </ol>
        {{^jobs}}<p class="empty">{{w.embed.none}}</p>{{/jobs}}
        {{/content}}
        {{/embedLayout}}
        """

    /// Coming events for another site.
    static let embedEvents = """
        {{<embedLayout}}
        {{$content}}
        <ol class="cards" data-live="events"{{#liveAfter}} data-live-after="{{liveAfter}}"{{/liveAfter}}>
        {{#events}}
        <li>
        <article class="card">
        <h2><a href="{{href}}" target="_blank" rel="noopener">{{title}}</a></h2>
        <p class="when"><time datetime="{{startISO}}">{{when}}</time>{{#zone}} <span class="zone">{{zone}}</span>{{/zone}}</p>
        <ul class="facts">
        {{#attendance}}<li>{{attendance}}</li>{{/attendance}}
        {{#place}}<li>{{place}}</li>{{/place}}
        {{#status}}<li class="status">{{status}}</li>{{/status}}
        </ul>
        <p class="meta">{{community}}</p>
        </article>
        </li>
        {{/events}}
        </ol>
        {{^events}}<p class="empty">{{w.embed.noEvents}}</p>{{/events}}
        {{/content}}
        {{/embedLayout}}
        """
}
