extension SiteTemplates {
    /// A visitor's form to propose a vacancy or an event: the community, the record's fields, a
    /// contact for the editors, and a trap field hidden from people and screen readers alike (`display: none` by
    /// the `trap` class) that only programs fill in.
    static let proposeRecordPage = """
        {{<layout}}
        {{$content}}
        <h1>{{title}}</h1>
        <p>{{lead}}</p>
        {{#expired}}<div class="problem" role="alert"><p>{{expired}}</p></div>{{/expired}}
        {{>problemSummary}}
        <form class="editor" method="post" action="{{action}}" novalidate>
        <input type="hidden" name="token" value="{{token}}">
        {{>communityChoice}}
        {{>recordFields}}
        {{#contact}}
        <div class="field">
        <label for="{{id}}">{{label}}</label>
        <p class="muted" id="{{id}}-hint">{{hint}}</p>
        {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
        <input type="text" id="{{id}}" name="{{name}}" value="{{value}}" autocomplete="email"{{>fieldDescription}}>
        </div>
        {{/contact}}
        <div class="trap">
        <label for="field-{{trap}}">{{w.propose.trap}}</label>
        <input type="text" id="field-{{trap}}" name="{{trap}}" value="" tabindex="-1" autocomplete="off">
        </div>
        <div class="actions"><button type="submit">{{w.propose.send}}</button></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// The thanks after a proposal is sent.
    static let proposalThanksPage = """
        {{<layout}}
        {{$content}}
        <h1>{{w.propose.thanks.title}}</h1>
        <p>{{text}}</p>
        <p><a href="{{backHref}}">{{back}}</a> · <a href="{{againHref}}">{{again}}</a></p>
        {{/content}}
        {{/layout}}
        """

    /// The editor's list of proposals: those that wait, each with a link to review it, then those
    /// decided, with who decided and why.
    static let editorProposalsPage = """
        {{<layout}}
        {{$content}}
        <p><a href="/editor">{{w.editor.back}}</a></p>
        <h1>{{w.proposals.title}}</h1>
        {{#done}}<p class="live-note" role="status">{{done}}</p>{{/done}}
        <h2>{{w.proposals.pending}}</h2>
        {{#hasPending}}
        <ul class="editor-list">
        {{#pending}}
        <li><a href="{{href}}">{{title}}</a> <span class="meta">{{kind}} · {{community}} · {{received}}{{#contact}} · {{contact}}{{/contact}}</span></li>
        {{/pending}}
        </ul>
        {{/hasPending}}
        {{^hasPending}}<p class="muted">{{w.proposals.none}}</p>{{/hasPending}}
        <h2>{{w.proposals.decided}}</h2>
        {{#hasDecided}}
        <ul class="editor-list">
        {{#decided}}
        <li>{{#recordHref}}<a href="{{recordHref}}">{{title}}</a>{{/recordHref}}{{^recordHref}}{{title}}{{/recordHref}}
        <span class="meta">{{kind}} · {{community}} · {{state}} · {{by}} · {{decided}}</span>
        {{#reason}}<br><span class="meta">{{w.proposals.reason}}: {{reason}}</span>{{/reason}}</li>
        {{/decided}}
        </ul>
        {{/hasDecided}}
        {{^hasDecided}}<p class="muted">{{w.proposals.noneDecided}}</p>{{/hasDecided}}
        {{/content}}
        {{/layout}}
        """

    /// One proposal to decide: the record's form that approves it, then the form that rejects it.
    static let proposalReviewPage = """
        {{<layout}}
        {{$content}}
        <p><a href="/editor/proposals">{{w.proposals.back}}</a></p>
        <h1>{{heading}}</h1>
        <p class="meta">{{kind}} · {{community}} · {{w.proposals.received}} {{received}}{{#contact}} · {{w.proposals.contact}}: {{contact}}{{/contact}}</p>
        {{>problemSummary}}
        <form class="editor" method="post" action="{{approve}}" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{>recordFields}}
        <div class="actions"><button type="submit">{{w.proposals.approve}}</button></div>
        </form>
        <h2>{{w.proposals.rejectTitle}}</h2>
        <form class="editor" method="post" action="{{reject}}" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#reason}}
        <div class="field">
        <label for="{{id}}">{{w.proposals.reason}}</label>
        {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
        <textarea id="{{id}}" name="reason" rows="3" required{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{value}}</textarea>
        </div>
        {{/reason}}
        <div class="actions"><button type="submit">{{w.proposals.reject}}</button></div>
        </form>
        {{/content}}
        {{/layout}}
        """
}
