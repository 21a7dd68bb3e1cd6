extension SiteTemplates {
    /// The frame of every page: head, header with navigation and the language switch, footer.
    static let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{siteName}}</title>
        <link rel="stylesheet" href="/assets/site.css">
        {{#feeds}}
        <link rel="alternate" type="{{type}}" href="{{href}}" title="{{label}}">
        {{/feeds}}
        {{#alternate}}
        <link rel="alternate" hreflang="{{lang}}" href="{{href}}">
        {{/alternate}}
        {{#jsonLD}}
        <script type="application/ld+json">{{{jsonLD}}}</script>
        {{/jsonLD}}
        <script src="/assets/live.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">{{w.skip}}</a>
        <header class="site">
        <a class="brand" href="/">{{siteName}}</a>
        <nav aria-label="{{w.nav.label}}">
        <ul>
        {{#nav}}
        <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
        {{/nav}}
        </ul>
        </nav>
        {{#alternate}}
        <a class="language" href="{{href}}" hreflang="{{lang}}" lang="{{lang}}">{{label}}</a>
        {{/alternate}}
        {{>accountBar}}
        </header>
        <main id="main">
        {{$content}}{{/content}}
        </main>
        <footer class="site">
        <p>{{w.footer.about}}</p>
        <p><a href="/node#api">{{w.footer.api}}</a>{{^account}} · <a href="/signin">{{w.account.signIn}}</a>{{/account}}</p>
        </footer>
        </body>
        </html>

        """

    /// A page for a request the site cannot answer: a missing record, a filter it could not read.
    static let errorPage = """
        {{<layout}}
        {{$content}}
        <h1>{{heading}}</h1>
        <p>{{message}}</p>
        <p><a href="/">{{w.error.back}}</a></p>
        {{/content}}
        {{/layout}}
        """
}
