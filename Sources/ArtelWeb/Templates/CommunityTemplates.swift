extension SiteTemplates {
    /// The public communities: a search by name, a card for each.
    static let communityList = """
        {{<layout}}
        {{$content}}
        <h1>{{w.communities.title}}</h1>
        <p class="lead">{{w.communities.lead}}</p>
        <form class="filters" method="get" action="/communities" role="search">
        <div class="search">
        <label for="q">{{w.communities.search}}</label>
        <input id="q" name="q" type="search" value="{{q}}" placeholder="{{w.communities.searchPlaceholder}}">
        </div>
        <div class="actions">
        <button type="submit">{{w.communities.apply}}</button>
        <a href="/communities">{{w.communities.reset}}</a>
        </div>
        </form>
        <p class="count" aria-live="polite">{{found}}</p>
        <ol class="cards">
        {{#communities}}
        <li>
        <article class="card">
        <h2><a href="{{href}}">{{name}}</a></h2>
        <ul class="facts">
        {{#kind}}<li>{{kind}}</li>{{/kind}}
        {{#area}}<li>{{area}}</li>{{/area}}
        {{#language}}<li><abbr title="{{w.communities.language}}">{{language}}</abbr></li>{{/language}}
        <li>{{leaders}}</li>
        </ul>
        {{#hasTopics}}<p class="meta">{{#topics}}<span class="chip">{{.}}</span> {{/topics}}</p>{{/hasTopics}}
        </article>
        </li>
        {{/communities}}
        </ol>
        {{^communities}}
        <p class="empty">{{w.communities.none}}</p>
        {{/communities}}
        {{>pageLinks}}
        <p class="subscribe"><a href="/communities/network.svg">{{w.communities.federationNetwork}}</a></p>
        {{/content}}
        {{/layout}}
        """

    /// One community: its profile, leaders and their network, jobs, events, feeds, embed code.
    static let communityPage = """
        {{<layout}}
        {{$content}}
        <article class="record">
        <h1>{{community.name}}</h1>
        <ul class="facts">
        {{#community.kind}}<li>{{community.kind}}</li>{{/community.kind}}
        {{#community.area}}<li>{{community.area}}</li>{{/community.area}}
        <li>{{community.leaderCount}}</li>
        </ul>
        {{#community.description}}<p>{{.}}</p>{{/community.description}}
        <dl class="details">
        {{#community.kind}}<dt>{{w.communities.kindLabel}}</dt><dd>{{community.kind}}</dd>{{/community.kind}}
        {{#community.area}}<dt>{{w.communities.area}}</dt><dd>{{community.area}}</dd>{{/community.area}}
        {{#community.hasTopics}}<dt>{{w.communities.topics}}</dt><dd>{{#community.topics}}<span class="chip">{{.}}</span> {{/community.topics}}</dd>{{/community.hasTopics}}
        {{#community.language}}<dt>{{w.communities.language}}</dt><dd>{{community.language}}</dd>{{/community.language}}
        {{#community.contact}}<dt>{{w.communities.contact}}</dt><dd>{{community.contact}}</dd>{{/community.contact}}
        {{#community.hasLinks}}<dt>{{w.communities.links}}</dt><dd><ul class="links">{{#community.links}}<li>{{#href}}<a href="{{href}}" rel="nofollow noopener">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}</li>{{/community.links}}</ul></dd>{{/community.hasLinks}}
        <dt>{{w.communities.key}}</dt><dd><code class="key">{{community.key}}</code></dd>
        </dl>
        </article>
        <section aria-labelledby="leaders">
        <h2 id="leaders">{{w.communities.leadersTitle}}</h2>
        <p class="muted">{{w.communities.leadersNote}}</p>
        {{#hasLeaders}}
        <ul class="leaders">
        {{#leaders}}
        <li><strong>{{name}}</strong>{{#hasRoles}} — {{roles}}{{/hasRoles}}{{#locality}} · {{locality}}{{/locality}}</li>
        {{/leaders}}
        </ul>
        {{/hasLeaders}}
        {{^hasLeaders}}<p class="empty">{{w.communities.leadersNone}}</p>{{/hasLeaders}}
        </section>
        {{#hasLeaders}}
        <section aria-labelledby="network">
        <h2 id="network">{{w.communities.networkTitle}}</h2>
        {{#hasTies}}
        <figure class="network">
        <img src="{{network.src}}" alt="{{network.alt}}" width="{{network.width}}" height="{{network.height}}">
        </figure>
        <details>
        <summary>{{w.communities.networkList}}</summary>
        <ul>
        {{#ties}}<li>{{.}}</li>{{/ties}}
        </ul>
        </details>
        {{/hasTies}}
        {{^hasTies}}<p class="empty">{{w.communities.networkNone}}</p>{{/hasTies}}
        </section>
        {{/hasLeaders}}
        <section aria-labelledby="jobs">
        <h2 id="jobs">{{w.communities.jobsTitle}}</h2>
        {{#hasJobs}}
        <ul class="short">
        {{#jobs}}
        <li><a href="{{href}}">{{title}}</a>{{#employer}} · {{employer}}{{/employer}}{{#salary}} · {{salary}}{{/salary}}</li>
        {{/jobs}}
        </ul>
        {{#moreJobs}}<p><a href="{{moreJobs}}">{{w.communities.jobsAll}}</a></p>{{/moreJobs}}
        {{/hasJobs}}
        {{^hasJobs}}<p class="empty">{{w.communities.jobsNone}}</p>{{/hasJobs}}
        <p><a href="/propose/job?community={{community.key}}">{{w.propose.job.link}}</a></p>
        </section>
        <section aria-labelledby="events">
        <h2 id="events">{{w.communities.eventsTitle}}</h2>
        {{#hasEvents}}
        <ul class="short">
        {{#events}}
        <li><a href="{{href}}">{{title}}</a> · <time datetime="{{iso}}">{{when}}</time></li>
        {{/events}}
        </ul>
        {{/hasEvents}}
        {{^hasEvents}}<p class="empty">{{w.communities.eventsNone}}</p>{{/hasEvents}}
        <p><a href="/propose/event?community={{community.key}}">{{w.propose.event.link}}</a></p>
        </section>
        <section aria-labelledby="subscribe">
        <h2 id="subscribe">{{w.communities.subscribeTitle}}</h2>
        <ul>
        <li><a href="{{atom}}">{{w.communities.feedJobs}}</a></li>
        {{#webcal}}<li><a href="{{webcal}}">{{w.communities.feedEvents}}</a></li>{{/webcal}}
        </ul>
        </section>
        {{#embedJobs}}
        <section aria-labelledby="embed">
        <h2 id="embed">{{w.communities.embedTitle}}</h2>
        <p>{{w.communities.embedLead}}</p>
        <h3>{{w.communities.embedJobs}}</h3>
        <pre><code>{{embedJobs}}</code></pre>
        <h3>{{w.communities.embedEvents}}</h3>
        <pre><code>{{embedEvents}}</code></pre>
        </section>
        {{/embedJobs}}
        {{/content}}
        {{/layout}}
        """
}
