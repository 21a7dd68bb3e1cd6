extension SiteTemplates {
    /// The moderation page: what was just done with its undo, the counts, the blocks, the hidden
    /// records, and the forms that block by key and hide by id (each leads to its confirmation).
    static let moderationPage = """
        {{<layout}}
        {{$content}}
        <h1>{{w.moderation.title}}</h1>
        {{#done}}
        <div class="live-note" role="status">
        <p>{{note}}</p>
        {{#undoesAtOnce}}
        <form method="post" action="{{undoPath}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#undoFields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/undoFields}}
        <button type="submit">{{undoLabel}}</button>
        </form>
        {{/undoesAtOnce}}
        {{^undoesAtOnce}}<p><a href="{{undoHref}}">{{undoLabel}}</a></p>{{/undoesAtOnce}}
        </div>
        {{/done}}
        <p class="lead">{{w.moderation.intro}}</p>
        <h2>{{w.moderation.summary}}</h2>
        <ul class="editor-list">
        <li><a href="/moderation/quarantine">{{w.moderation.quarantine}}</a>: {{w.moderation.waiting}} {{waiting}}, {{w.moderation.heldRefused}} {{heldRefused}}</li>
        <li><a href="/moderation/refusals">{{w.moderation.refusals}}</a>: {{refusals}}</li>
        </ul>
        <h2>{{w.moderation.blocks}}</h2>
        {{#hasBlocks}}
        <ul class="editor-list">
        {{#blocks}}
        <li>{{target}} <code class="key">{{key}}</code> <span class="meta">{{w.moderation.since}} {{since}}{{#reason}} · {{reason}}{{/reason}}</span> <a href="{{unblock}}">{{w.moderation.unblock}}</a></li>
        {{/blocks}}
        </ul>
        {{/hasBlocks}}
        {{^hasBlocks}}<p class="muted">{{w.moderation.noBlocks}}</p>{{/hasBlocks}}
        <h3 id="block-by-key">{{w.moderation.blockByKey}}</h3>
        <form class="editor" method="get" action="/moderation/block" aria-labelledby="block-by-key">
        <fieldset class="field">
        <legend>{{w.moderation.what}}</legend>
        {{#targets}}<label class="check"><input type="radio" name="target" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/targets}}
        </fieldset>
        <div class="field">
        <label for="block-key">{{w.moderation.key}}</label>
        <p class="muted" id="block-key-hint">{{w.moderation.keyHint}}</p>
        <input type="text" id="block-key" name="key" aria-describedby="block-key-hint" autocapitalize="none" spellcheck="false">
        </div>
        <div class="actions"><button type="submit">{{w.moderation.next}}</button></div>
        </form>
        <h2>{{w.moderation.hiddenRecords}}</h2>
        {{#hasHidden}}
        <ul class="editor-list">
        {{#hidden}}
        <li><a href="{{href}}">{{title}}</a> <span class="meta">{{kind}} · {{w.moderation.since}} {{since}}</span> <a href="{{unhide}}">{{w.moderation.unhide}}</a></li>
        {{/hidden}}
        </ul>
        {{/hasHidden}}
        {{^hasHidden}}<p class="muted">{{w.moderation.noHidden}}</p>{{/hasHidden}}
        <h3 id="hide-by-id">{{w.moderation.hideById}}</h3>
        <form class="editor" method="get" action="/moderation/hide" aria-labelledby="hide-by-id">
        <div class="field">
        <label for="hide-id">{{w.moderation.id}}</label>
        <p class="muted" id="hide-id-hint">{{w.moderation.idHint}}</p>
        <input type="text" id="hide-id" name="id" aria-describedby="hide-id-hint" autocapitalize="none" spellcheck="false">
        </div>
        <div class="actions"><button type="submit">{{w.moderation.next}}</button></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// The quarantine: each held delta with what it waits for, where it came from and since when.
    static let moderationQuarantinePage = """
        {{<layout}}
        {{$content}}
        <p><a href="/moderation">{{w.moderation.back}}</a></p>
        <h1>{{w.moderation.quarantine}}</h1>
        <p class="lead">{{w.moderation.quarantineIntro}}</p>
        {{#hasEntries}}
        <p class="muted">{{shown}}</p>
        <ul class="editor-list">
        {{#entries}}
        <li class="record">
        <strong>{{state}}</strong>
        <dl class="details">
        <dt>{{w.moderation.column.kind}}</dt><dd>{{kind}} <code class="key">{{record}}</code></dd>
        <dt>{{w.moderation.column.community}}</dt><dd>{{community}}</dd>
        <dt>{{w.moderation.column.author}}</dt><dd><code class="key">{{author}}</code> <a href="{{blockAuthor}}">{{w.moderation.blockAuthor}}</a></dd>
        <dt>{{w.moderation.column.from}}</dt><dd>{{from}}</dd>
        <dt>{{w.moderation.column.arrived}}</dt><dd>{{arrived}}</dd>
        <dt>{{w.moderation.column.reason}}</dt><dd>{{reason}}</dd>
        </dl>
        </li>
        {{/entries}}
        </ul>
        {{/hasEntries}}
        {{^hasEntries}}<p class="muted">{{w.moderation.noQuarantine}}</p>{{/hasEntries}}
        {{/content}}
        {{/layout}}
        """

    /// The refusal log: counts per source and per reason, and the latest refusals.
    static let moderationRefusalsPage = """
        {{<layout}}
        {{$content}}
        <p><a href="/moderation">{{w.moderation.back}}</a></p>
        <h1>{{w.moderation.refusals}}</h1>
        <p class="lead">{{w.moderation.refusalsIntro}}</p>
        {{#only}}<p>{{only}} <a href="/moderation/refusals">{{w.moderation.allSources}}</a></p>{{/only}}
        {{#hasRefusals}}
        <h2>{{w.moderation.bySource}}</h2>
        <table>
        <thead><tr><th scope="col">{{w.moderation.column.source}}</th><th scope="col">{{w.moderation.column.count}}</th></tr></thead>
        <tbody>{{#bySource}}<tr><td><a href="{{href}}">{{name}}</a></td><td>{{count}}</td></tr>{{/bySource}}</tbody>
        </table>
        <h2>{{w.moderation.byReason}}</h2>
        <table>
        <thead><tr><th scope="col">{{w.moderation.column.reason}}</th><th scope="col">{{w.moderation.column.count}}</th></tr></thead>
        <tbody>{{#byReason}}<tr><td><code>{{name}}</code></td><td>{{count}}</td></tr>{{/byReason}}</tbody>
        </table>
        <h2>{{w.moderation.latest}}</h2>
        <ul class="editor-list">
        {{#latest}}
        <li class="record">
        <strong><code>{{reason}}</code></strong> <span class="meta">{{when}} · {{source}}{{#kind}} · {{kind}}{{/kind}}</span>
        <p>{{message}}</p>
        {{#author}}<p><code class="key">{{author}}</code> <a href="{{blockAuthor}}">{{w.moderation.blockAuthor}}</a></p>{{/author}}
        </li>
        {{/latest}}
        </ul>
        {{/hasRefusals}}
        {{^hasRefusals}}<p class="muted">{{w.moderation.noRefusals}}</p>{{/hasRefusals}}
        {{/content}}
        {{/layout}}
        """

    /// One record as a moderator sees it: its community and authors, each blockable, and whether
    /// it is hidden.
    static let moderationRecordPage = """
        {{<layout}}
        {{$content}}
        <p><a href="/moderation">{{w.moderation.back}}</a></p>
        <h1>{{title}}</h1>
        <p class="meta">{{kind}} <code class="key">{{id}}</code></p>
        {{#deleted}}<p class="problem">{{w.moderation.recordDeleted}}</p>{{/deleted}}
        {{#hidden}}<p class="problem">{{w.moderation.recordHidden}}</p>{{/hidden}}
        {{^hidden}}<p>{{w.moderation.recordShown}}{{#publicPage}} <a href="{{publicPage}}">{{w.moderation.publicPage}}</a>{{/publicPage}}</p>{{/hidden}}
        <p><a class="button" href="{{toggle}}">{{toggleLabel}}</a></p>
        <h2>{{w.moderation.column.community}}</h2>
        <p>{{community}} <code class="key">{{communityKey}}</code>
        {{#communityBlocked}}<strong>{{w.moderation.blocked}}</strong>{{/communityBlocked}}
        {{^communityBlocked}}<a href="{{blockCommunity}}">{{w.moderation.blockCommunity}}</a>{{/communityBlocked}}</p>
        <h2>{{w.moderation.authors}}</h2>
        <ul class="editor-list">
        {{#authors}}
        <li><code class="key">{{key}}</code> {{#blocked}}<strong>{{w.moderation.blocked}}</strong>{{/blocked}}{{^blocked}}<a href="{{block}}">{{w.moderation.blockAuthor}}</a>{{/blocked}}</li>
        {{/authors}}
        </ul>
        {{/content}}
        {{/layout}}
        """

    /// The question before an action, with what it does and the form that does it.
    static let moderationConfirmPage = """
        {{<layout}}
        {{$content}}
        <h1>{{question}}</h1>
        <p class="record"><strong>{{subject}}</strong></p>
        <p>{{explain}}</p>
        <form class="editor" method="post" action="{{path}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
        {{#asksReason}}
        <div class="field">
        <label for="reason">{{w.moderation.reason}}</label>
        <p class="muted" id="reason-hint">{{w.moderation.reasonHint}}</p>
        <input type="text" id="reason" name="reason" maxlength="500" aria-describedby="reason-hint">
        </div>
        {{/asksReason}}
        <div class="actions"><button type="submit">{{button}}</button> <a href="/moderation">{{w.moderation.cancel}}</a></div>
        </form>
        {{/content}}
        {{/layout}}
        """
}
