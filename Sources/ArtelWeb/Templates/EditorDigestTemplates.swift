extension SiteTemplates {
    /// The editor's digest: the period and communities to compose from (read by GET), then the
    /// vacancies found, each with a position number and the listings merged into it, and the form
    /// that reorders or publishes them.
    static let editorDigestPage = """
        {{<layout}}
        {{$content}}
        <p><a href="/editor">{{w.editor.back}}</a></p>
        <h1>{{w.editor.digest.title}}</h1>
        {{>problemSummary}}
        <form class="editor" method="get" action="/editor/digests/new">
        <div class="field">
        <label for="digest-from">{{w.editor.digest.field.from}}</label>
        {{#fromError}}<p class="error" id="digest-from-error">{{fromError}}</p>{{/fromError}}
        <input type="date" id="digest-from" name="from" value="{{from}}"{{#fromError}} aria-invalid="true" aria-describedby="digest-from-error"{{/fromError}}>
        </div>
        <div class="field">
        <label for="digest-until">{{w.editor.digest.field.until}}</label>
        {{#untilError}}<p class="error" id="digest-until-error">{{untilError}}</p>{{/untilError}}
        <input type="date" id="digest-until" name="until" value="{{until}}"{{#untilError}} aria-invalid="true" aria-describedby="digest-until-error"{{/untilError}}>
        </div>
        <fieldset class="field">
        <legend>{{w.editor.digest.communities}}</legend>
        <p class="muted">{{w.editor.digest.communitiesHint}}</p>
        {{#communities}}
        <label class="check"><input type="checkbox" id="{{id}}" name="community" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>
        {{/communities}}
        </fieldset>
        <div class="actions"><button type="submit">{{w.editor.digest.compose}}</button></div>
        </form>
        {{#composed}}
        <h2>{{w.editor.digest.vacancies}}</h2>
        <p>{{found}}</p>
        <form class="editor" method="post" action="/editor/digests/new" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="from" value="{{from}}">
        <input type="hidden" name="until" value="{{until}}">
        {{#chosenCommunities}}<input type="hidden" name="community" value="{{value}}">{{/chosenCommunities}}
        {{#itemsError}}<p class="error" id="digest-items">{{itemsError}}</p>{{/itemsError}}
        {{#hasEntries}}
        <ol class="editor-list">
        {{#entries}}
        <li>
        <input type="hidden" name="item" value="{{item}}">
        <label class="position" for="{{id}}">{{w.editor.digest.position}}</label>
        <input class="position" type="number" min="1" id="{{id}}" name="position" value="{{position}}" aria-describedby="{{id}}-title">
        <strong id="{{id}}-title">{{title}}</strong>{{#employer}} · {{employer}}{{/employer}} <span class="meta">{{community}}</span>
        {{#hasMerged}}
        <ul>
        {{#merged}}<li>{{w.editor.digest.merged}} {{title}} <span class="meta">{{community}}</span>: {{reason}}</li>{{/merged}}
        </ul>
        {{/hasMerged}}
        </li>
        {{/entries}}
        </ol>
        <div class="actions"><button type="submit" name="step" value="reorder">{{w.editor.digest.reorder}}</button></div>
        {{/hasEntries}}
        {{^hasEntries}}<p class="muted">{{w.editor.digest.none}}</p>{{/hasEntries}}
        <div class="field">
        <label for="digest-title">{{w.editor.digest.field.title}}</label>
        {{#titleError}}<p class="error" id="digest-title-error">{{titleError}}</p>{{/titleError}}
        <input type="text" id="digest-title" name="title" value="{{digestTitle}}" required{{#titleError}} aria-invalid="true" aria-describedby="digest-title-error"{{/titleError}}>
        </div>
        <div class="field">
        <label for="digest-publisher">{{w.editor.digest.field.publisher}}</label>
        {{#publisherError}}<p class="error" id="digest-publisher-error">{{publisherError}}</p>{{/publisherError}}
        <select id="digest-publisher" name="publisher">
        {{#publishers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/publishers}}
        </select>
        </div>
        <div class="actions"><button type="submit" name="step" value="publish">{{w.editor.digest.publish}}</button> <a href="/editor">{{w.editor.cancel}}</a></div>
        </form>
        {{/composed}}
        {{/content}}
        {{/layout}}
        """
}
