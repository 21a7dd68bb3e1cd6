extension SiteTemplates {
    /// The select fields of a filter form, from `selects`: each a `name`, a `label` and `options`
    /// (`value`, `label`, `selected`).
    static let selectFields = """
        {{#selects}}
        <div class="field">
        <label for="{{name}}">{{label}}</label>
        <select id="{{name}}" name="{{name}}">
        {{#options}}
        <option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>
        {{/options}}
        </select>
        </div>
        {{/selects}}
        """

    /// The links to the previous and next pages of a list, from `pages` (`previous`, `position`, `next`).
    static let pageLinks = """
        {{#pages}}
        <nav class="pages" aria-label="{{w.pages.label}}">
        {{#previous}}<a rel="prev" href="{{previous}}">{{w.pages.previous}}</a>{{/previous}}
        <span>{{position}}</span>
        {{#next}}<a rel="next" href="{{next}}">{{w.pages.next}}</a>{{/next}}
        </nav>
        {{/pages}}
        """

    /// A job's title, employer and facts, as a card on the board and in a digest shows them.
    static let jobFacts = """
        <h2><a href="{{href}}">{{title}}</a></h2>
        {{#employer}}<p class="employer">{{employer}}</p>{{/employer}}
        <ul class="facts">
        {{#salary}}<li class="salary">{{salary}}</li>{{/salary}}
        {{^salary}}<li class="muted">{{w.jobs.salaryNone}}</li>{{/salary}}
        {{#workMode}}<li>{{workMode}}</li>{{/workMode}}
        {{#employment}}<li>{{.}}</li>{{/employment}}
        {{#city}}<li>{{city}}</li>{{/city}}
        </ul>
        """
}
