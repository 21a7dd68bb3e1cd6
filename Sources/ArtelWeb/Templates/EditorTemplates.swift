extension SiteTemplates {
    /// An editor's dashboard: each community's jobs with their actions, and its coming events.
    static let editorPage = """
        {{<layout}}
        {{$content}}
        <h1>{{w.editor.title}}</h1>
        <p><a href="/editor/proposals">{{w.proposals.link}}</a></p>
        <p><a class="button" href="/editor/import">{{w.import.link}}</a></p>
        {{#done}}<p class="live-note" role="status">{{done}}</p>{{/done}}
        {{#writesDigests}}<p><a class="button" href="/editor/digests/new">{{w.editor.newDigest}}</a></p>{{/writesDigests}}
        {{#communities}}
        <section class="record">
        <h2>{{name}}</h2>
        {{#writesJobs}}<p><a class="button" href="{{newJob}}">{{w.editor.newJob}}</a></p>{{/writesJobs}}
        <h3>{{w.editor.jobs}}</h3>
        {{#hasJobs}}
        <ul class="editor-list">
        {{#jobs}}
        <li>
        {{#isOpen}}<a href="{{href}}">{{title}}</a>{{/isOpen}}{{^isOpen}}{{title}}{{/isOpen}}
        <span class="meta">{{posted}} · {{status}}</span>
        {{#writable}}
        <span class="actions"><a href="{{edit}}">{{w.editor.edit}}<span class="visually-hidden">: {{title}}</span></a>{{#isOpen}} <a href="{{close}}">{{w.editor.close}}<span class="visually-hidden">: {{title}}</span></a>{{/isOpen}} <a href="{{renew}}">{{w.editor.renew}}<span class="visually-hidden">: {{title}}</span></a> <a href="{{delete}}">{{w.editor.delete}}<span class="visually-hidden">: {{title}}</span></a></span>
        {{/writable}}
        </li>
        {{/jobs}}
        </ul>
        {{/hasJobs}}
        {{^hasJobs}}<p class="muted">{{w.editor.noJobs}}</p>{{/hasJobs}}
        <h3>{{w.editor.events}}</h3>
        {{#writesEvents}}<p><a class="button" href="{{newEvent}}">{{w.editor.newEvent}}</a></p>{{/writesEvents}}
        {{#hasEvents}}
        <ul class="editor-list">
        {{#events}}
        <li>
        <a href="{{href}}">{{title}}</a> <span class="meta">{{start}}{{#status}} · {{status}}{{/status}}</span>
        {{#writable}}
        <span class="actions"><a href="{{edit}}">{{w.editor.edit}}<span class="visually-hidden">: {{title}}</span></a>{{^isCancelled}} <a href="{{cancel}}">{{w.editor.cancelEvent}}<span class="visually-hidden">: {{title}}</span></a>{{/isCancelled}} <a href="{{delete}}">{{w.editor.delete}}<span class="visually-hidden">: {{title}}</span></a></span>
        {{/writable}}
        </li>
        {{/events}}
        </ul>
        {{/hasEvents}}
        {{^hasEvents}}<p class="muted">{{w.editor.noEvents}}</p>{{/hasEvents}}
        </section>
        {{/communities}}
        {{/content}}
        {{/layout}}
        """

    /// The job form: an error summary that links to each field at fault, then the fields, each
    /// with its label, hint and problem.
    static let jobFormPage = """
        {{<layout}}
        {{$content}}
        <p><a href="/editor">{{w.editor.back}}</a></p>
        <h1>{{heading}}</h1>
        {{>problemSummary}}
        <form class="editor" method="post" action="{{action}}" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{>communityChoice}}
        {{>recordFields}}
        <div class="actions"><button type="submit">{{w.editor.save}}</button> <a href="/editor">{{w.editor.cancel}}</a></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// The choice of the community a new record is for, with its problem when the choice is not allowed.
    static let communityChoice = """
        {{#choosesCommunity}}
        <div class="field">
        <label for="field-community">{{w.editor.community}}</label>
        {{#communityError}}<p class="error" id="field-community-error">{{communityError}}</p>{{/communityError}}
        <select id="field-community" name="community"{{#communityError}} aria-invalid="true" aria-describedby="field-community-error"{{/communityError}}>
        {{#communities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/communities}}
        </select>
        </div>
        {{/choosesCommunity}}
        """

    /// A record form's fields (``FormFields``), each with its label, hint and problem.
    static let recordFields = """
        {{#fields}}
        {{#isCheckboxes}}
        <fieldset class="field"{{#error}} aria-describedby="{{id}}-error"{{/error}}>
        <legend>{{label}}</legend>
        {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
        {{#options}}
        <label class="check"><input type="checkbox" id="{{id}}" name="{{name}}" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>
        {{/options}}
        </fieldset>
        {{/isCheckboxes}}
        {{^isCheckboxes}}
        <div class="field">
        <label for="{{id}}">{{label}}</label>
        {{#hint}}<p class="muted" id="{{id}}-hint">{{hint}}</p>{{/hint}}
        {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
        {{#isLine}}<input type="text" id="{{id}}" name="{{name}}" value="{{value}}"{{#required}} required{{/required}}{{>fieldDescription}}>{{/isLine}}
        {{#isNumber}}<input type="text" inputmode="numeric" id="{{id}}" name="{{name}}" value="{{value}}"{{>fieldDescription}}>{{/isNumber}}
        {{#isDate}}<input type="date" id="{{id}}" name="{{name}}" value="{{value}}"{{>fieldDescription}}>{{/isDate}}
        {{#isDateTime}}<input type="datetime-local" id="{{id}}" name="{{name}}" value="{{value}}"{{#required}} required{{/required}}{{>fieldDescription}}>{{/isDateTime}}
        {{#isText}}<textarea id="{{id}}" name="{{name}}" rows="8"{{>fieldDescription}}>{{value}}</textarea>{{/isText}}
        {{#isSelect}}<select id="{{id}}" name="{{name}}"{{>fieldDescription}}>
        {{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}
        </select>{{/isSelect}}
        </div>
        {{/isCheckboxes}}
        {{/fields}}
        """

    /// The summary of a form's problems above it, each linking to its field, and the node's refusal.
    static let problemSummary = """
        {{#hasSummary}}
        <div class="problem" role="alert" tabindex="-1">
        <h2>{{w.editor.problems}}</h2>
        {{#failure}}<p>{{failure}}</p>{{/failure}}
        <ul>
        {{#summary}}<li><a href="{{href}}">{{message}}</a></li>{{/summary}}
        </ul>
        </div>
        {{/hasSummary}}
        """

    /// The attributes that tie an input to its hint and problem.
    static let fieldDescription = """
        {{#error}} aria-invalid="true" aria-describedby="{{id}}-error{{#hint}} {{id}}-hint{{/hint}}"{{/error}}\
        {{^error}}{{#hint}} aria-describedby="{{id}}-hint"{{/hint}}{{/error}}
        """

    /// The question before closing or deleting a job, with the form that does it.
    static let editorConfirmPage = """
        {{<layout}}
        {{$content}}
        <h1>{{question}}</h1>
        <p class="record"><strong>{{jobTitle}}</strong></p>
        {{#until}}<p>{{until}}</p>{{/until}}
        {{#forGood}}<p>{{forGood}}</p>{{/forGood}}
        <form class="editor" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="actions"><button type="submit">{{button}}</button> <a href="/editor">{{w.editor.cancel}}</a></div>
        </form>
        {{/content}}
        {{/layout}}
        """
}
