extension SiteTemplates {
    /// The latest digest in full, then the archive.
    static let digestsPage = """
        {{<layout}}
        {{$content}}
        <h1>{{w.digests.title}}</h1>
        <p class="lead">{{w.digests.lead}}</p>
        {{#latest}}
        <h2>{{w.digests.latest}}: <a href="{{href}}">{{title}}</a></h2>
        <p class="meta">{{#period}}{{period}} · {{/period}}{{community}} · {{count}}</p>
        {{/latest}}
        {{^latest}}
        <p class="empty">{{w.digests.none}}</p>
        {{/latest}}
        {{#hasArchive}}
        <h2>{{w.digests.archive}}</h2>
        <ol class="cards" data-live="digests"{{#liveAfter}} data-live-after="{{liveAfter}}"{{/liveAfter}}>
        {{#archive}}
        <li><article class="card"><h3><a href="{{href}}">{{title}}</a></h3><p class="meta">{{#period}}{{period}} · {{/period}}{{community}} · {{count}}</p></article></li>
        {{/archive}}
        </ol>
        {{/hasArchive}}
        {{/content}}
        {{/layout}}
        """

    /// One digest: its vacancies as cards, each with where else it was listed, and its text for Telegram.
    static let digestPage = """
        {{<layout}}
        {{$content}}
        <h1>{{digest.title}}</h1>
        <p class="meta">{{#digest.period}}{{digest.period}} · {{/digest.period}}{{w.digests.by}}: <a href="{{digest.communityHref}}">{{digest.community}}</a> · {{digest.count}}</p>
        {{#digest.intro}}<p>{{digest.intro}}</p>{{/digest.intro}}
        <ol class="cards">
        {{#entries}}
        <li>
        <article class="card">
        {{>jobFacts}}
        <p class="meta">{{community}}{{#elsewhere}} · {{w.digests.alsoListed}}: {{elsewhere}}{{/elsewhere}}</p>
        </article>
        </li>
        {{/entries}}
        </ol>
        <h2 id="telegram">{{w.digests.telegram}}</h2>
        <p class="muted">{{w.digests.telegramHint}}</p>
        <textarea id="telegram-text" class="telegram" rows="12" readonly aria-labelledby="telegram">{{digest.telegram}}</textarea>
        <p><button type="button" data-copy="telegram-text" data-copied="{{w.digests.copied}}" hidden>{{w.digests.copy}}</button>
        <a href="{{digest.markdownHref}}">{{w.digests.markdown}}</a> · <a href="{{digest.htmlHref}}">{{w.digests.html}}</a></p>
        <script src="/assets/copy.js" defer></script>
        {{/content}}
        {{/layout}}
        """
}
