extension SiteTemplates {
    /// The node's page: who it is, its peers, its follows, its API.
    static let nodePage = """
        {{<layout}}
        {{$content}}
        <h1>{{w.node.title}}</h1>
        <p class="lead">{{w.node.lead}}</p>
        <dl class="details">
        <dt>{{w.node.name}}</dt><dd>{{node.name}}</dd>
        <dt>{{w.node.key}}</dt><dd><code class="key">{{node.key}}</code></dd>
        <dt>{{w.node.version}}</dt><dd>{{node.version}}</dd>
        </dl>
        <section aria-labelledby="peers">
        <h2 id="peers">{{w.node.peersTitle}}</h2>
        {{#hasPeers}}
        <ul class="peers">
        {{#peers}}
        <li class="card">
        <h3>{{name}}</h3>
        <dl class="details">
        {{>peerFacts}}
        </dl>
        </li>
        {{/peers}}
        </ul>
        {{/hasPeers}}
        {{^hasPeers}}<p class="empty">{{w.node.peersNone}}</p>{{/hasPeers}}
        </section>
        <section aria-labelledby="follows">
        <h2 id="follows">{{w.node.followsTitle}}</h2>
        {{#hasFollows}}
        <ul>
        {{#follows}}
        <li>{{#href}}<a href="{{href}}">{{name}}</a>{{/href}}{{^href}}{{name}}{{/href}}: {{kinds}}</li>
        {{/follows}}
        </ul>
        {{/hasFollows}}
        {{^hasFollows}}<p class="empty">{{w.node.followsNone}}</p>{{/hasFollows}}
        </section>
        <section id="api" aria-labelledby="api-title">
        <h2 id="api-title">{{w.node.apiTitle}}</h2>
        <p>{{w.node.apiLead}}</p>
        <ul>
        <li>{{w.node.apiBase}}: <a href="/api/v1/jobs"><code>/api/v1</code></a></li>
        <li><a href="/feeds/jobs.atom">{{w.node.feedJobsAtom}}</a>: <code>/feeds/jobs.atom</code></li>
        <li><a href="/feeds/jobs.json">{{w.node.feedJobsJSON}}</a>: <code>/feeds/jobs.json</code></li>
        <li><a href="/feeds/events.ics">{{w.node.feedEvents}}</a>: <code>/feeds/events.ics</code></li>
        <li><a href="/health">{{w.node.health}}</a>: <code>/health</code></li>
        </ul>
        </section>
        {{/content}}
        {{/layout}}
        """
}
