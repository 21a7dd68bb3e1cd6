extension SiteTemplates {
    /// The market: charts the node draws (inline SVG from ``BarChart``, the one other unescaped
    /// output, its labels escaped by it), each followed by a table of the same figures.
    static let marketPage = """
        {{<layout}}
        {{$content}}
        <h1>{{w.market.title}}</h1>
        <p class="lead">{{w.market.lead}}</p>
        <form class="filters" method="get" action="/market">
        <div class="fields">
        {{>selectFields}}
        </div>
        <div class="actions"><button type="submit">{{w.market.show}}</button></div>
        </form>
        <p class="count">{{summary}}</p>
        {{^hasVacancies}}<p class="empty">{{w.market.none}}</p>{{/hasVacancies}}
        {{#hasVacancies}}
        {{#sections}}
        <section class="chart">
        <h2>{{heading}}</h2>
        {{#terms}}<p class="muted">{{w.market.salaryTerms}}: {{terms}}</p>{{/terms}}
        <figure>{{{chart}}}</figure>
        <div class="scroll">
        <table>
        <thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}
        </tbody>
        </table>
        </div>
        </section>
        {{/sections}}
        {{/hasVacancies}}
        <p><a href="{{csv}}" download>{{w.market.csv}}</a></p>
        {{/content}}
        {{/layout}}
        """
}
