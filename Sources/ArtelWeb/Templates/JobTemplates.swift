extension SiteTemplates {
    /// The board: search, filters, the open jobs found, pages. A plain GET form, so that it works
    /// without a script and every search has an address to share.
    static let jobBoard = """
        {{<layout}}
        {{$content}}
        <h1>{{w.jobs.title}}</h1>
        <p class="lead">{{w.jobs.lead}} <a href="/propose/job">{{w.propose.job.link}}</a></p>
        <form class="filters" method="get" action="{{action}}" role="search">
        <div class="search">
        <label for="q">{{w.jobs.search}}</label>
        <input id="q" name="q" type="search" value="{{filters.q}}" placeholder="{{w.jobs.searchPlaceholder}}">
        </div>
        <details class="more"{{#filters.open}} open{{/filters.open}}>
        <summary>{{w.jobs.filters}}</summary>
        <div class="fields">
        {{>selectFields}}
        <div class="field">
        <label for="city">{{w.jobs.city}}</label>
        <input id="city" name="city" value="{{filters.city}}" list="cities" autocomplete="address-level2">
        <datalist id="cities">
        {{#cities}}
        <option value="{{.}}"></option>
        {{/cities}}
        </datalist>
        </div>
        <div class="field">
        <label for="salary_min">{{w.jobs.salaryFrom}}</label>
        <input id="salary_min" name="salary_min" inputmode="numeric" pattern="[0-9 ]*" value="{{filters.salaryMin}}">
        </div>
        <div class="field">
        <label for="tag">{{w.jobs.tag}}</label>
        <input id="tag" name="tag" value="{{filters.tag}}">
        </div>
        </div>
        </details>
        <div class="actions">
        <button type="submit">{{w.jobs.apply}}</button>
        <a href="{{action}}">{{w.jobs.reset}}</a>
        </div>
        </form>
        {{#problem}}
        <p class="problem" role="alert"><strong>{{w.jobs.invalid}}:</strong> {{problem}}</p>
        {{/problem}}
        <p class="count" aria-live="polite">{{found}}</p>
        <p class="live-note" hidden data-live-note>{{w.live.updated}}</p>
        <ol class="cards" id="listing" data-live="{{live}}"{{#liveAfter}} data-live-after="{{liveAfter}}"{{/liveAfter}}>
        {{#jobs}}
        <li>
        <article class="card">
        {{>jobFacts}}
        <p class="meta">{{community}} · <time datetime="{{postedISO}}">{{posted}}</time></p>
        </article>
        </li>
        {{/jobs}}
        </ol>
        {{^jobs}}
        {{#pastEnd}}<p class="empty">{{pastEnd}} <a href="{{firstPage}}">{{w.jobs.toFirstPage}}</a></p>{{/pastEnd}}
        {{^pastEnd}}<p class="empty">{{w.jobs.none}}</p>{{/pastEnd}}
        {{/jobs}}
        {{>pageLinks}}
        <p class="subscribe"><a href="{{atom}}">{{w.jobs.feedAtom}}</a> · <a href="{{jsonFeed}}">{{w.jobs.feedJSON}}</a></p>
        {{/content}}
        {{/layout}}
        """

    /// One job: every field, the communities that listed it, the apply button.
    static let jobPage = """
        {{<layout}}
        {{$content}}
        <article class="record">
        <h1>{{job.title}}</h1>
        {{#job.employer}}<p class="employer">{{job.employer}}</p>{{/job.employer}}
        <ul class="facts">
        {{#job.salary}}<li class="salary">{{job.salary}}</li>{{/job.salary}}
        {{^job.salary}}<li class="muted">{{w.jobs.salaryNone}}</li>{{/job.salary}}
        {{#job.workMode}}<li>{{job.workMode}}</li>{{/job.workMode}}
        {{#job.employment}}<li>{{.}}</li>{{/job.employment}}
        </ul>
        {{#job.applyURL}}
        <p><a class="button" href="{{job.applyURL}}" rel="nofollow noopener">{{w.jobs.applyButton}}</a></p>
        {{/job.applyURL}}
        <dl class="details">
        {{#job.place}}<dt>{{w.jobs.location}}</dt><dd>{{job.place}}</dd>{{/job.place}}
        {{#job.experience}}<dt>{{w.jobs.experience}}</dt><dd>{{job.experience}}</dd>{{/job.experience}}
        {{#job.contact}}<dt>{{w.jobs.contact}}</dt><dd>{{job.contact}}</dd>{{/job.contact}}
        <dt>{{w.jobs.postedOn}}</dt><dd><time datetime="{{job.postedISO}}">{{job.posted}}</time></dd>
        {{#job.validThrough}}<dt>{{w.jobs.validThrough}}</dt><dd>{{job.validThrough}}</dd>{{/job.validThrough}}
        {{#job.hasSkills}}<dt>{{w.jobs.skills}}</dt><dd>{{#job.skills}}<span class="chip">{{.}}</span> {{/job.skills}}</dd>{{/job.hasSkills}}
        {{#job.hasTags}}<dt>{{w.jobs.tags}}</dt><dd>{{#job.tags}}<a class="chip" href="/?tag={{query}}">{{label}}</a> {{/job.tags}}</dd>{{/job.hasTags}}
        </dl>
        {{#job.hasDuties}}<h2>{{w.jobs.duties}}</h2><ul>{{#job.duties}}<li>{{.}}</li>{{/job.duties}}</ul>{{/job.hasDuties}}
        {{#job.hasRequirements}}<h2>{{w.jobs.requirements}}</h2><ul>{{#job.requirements}}<li>{{.}}</li>{{/job.requirements}}</ul>{{/job.hasRequirements}}
        {{#job.hasDescription}}<h2>{{w.jobs.description}}</h2>{{#job.description}}<p>{{.}}</p>{{/job.description}}{{/job.hasDescription}}
        <h2>{{w.jobs.listedBy}}</h2>
        <ul class="listed">
        {{#job.listings}}
        <li><a href="{{href}}">{{name}}</a></li>
        {{/job.listings}}
        </ul>
        {{#job.applyURL}}
        <p><a class="button" href="{{job.applyURL}}" rel="nofollow noopener">{{w.jobs.applyButton}}</a></p>
        {{/job.applyURL}}
        </article>
        {{/content}}
        {{/layout}}
        """
}
