extension SiteTemplates {
    /// The upload form of an import: format, community, channel, file; an error summary that links
    /// to each field at fault.
    static let importFormPage = """
        {{<layout}}
        {{$content}}
        <p><a href="/editor">{{w.editor.back}}</a></p>
        <h1>{{w.import.title}}</h1>
        <p>{{w.import.intro}}</p>
        {{>problemSummary}}
        <form class="editor" method="post" action="/editor/import" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="field">
        <label for="import-format">{{w.import.formatLabel}}</label>
        {{#formatError}}<p class="error" id="import-format-error">{{formatError}}</p>{{/formatError}}
        <select id="import-format" name="format"{{#formatError}} aria-invalid="true" aria-describedby="import-format-error"{{/formatError}}>
        {{#formats}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/formats}}
        </select>
        </div>
        <div class="field">
        <label for="import-community">{{w.editor.community}}</label>
        <select id="import-community" name="community">
        {{#communities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/communities}}
        </select>
        </div>
        <div class="field">
        <label for="import-channel">{{w.import.channel}}</label>
        <p class="muted" id="import-channel-hint">{{w.import.channelHint}}</p>
        {{#channelError}}<p class="error" id="import-channel-error">{{channelError}}</p>{{/channelError}}
        <input type="text" id="import-channel" name="channel" value="{{channel}}" autocomplete="off"{{#channelError}} aria-invalid="true" aria-describedby="import-channel-error import-channel-hint"{{/channelError}}{{^channelError}} aria-describedby="import-channel-hint"{{/channelError}}>
        <label class="check"><input type="checkbox" id="import-events" name="events" value="yes"{{#events}} checked{{/events}}> {{w.import.events}}</label>
        </div>
        <div class="field">
        <label for="import-chat">{{w.import.chat}}</label>
        <p class="muted" id="import-chat-hint">{{w.import.chatHint}}</p>
        {{#chatError}}<p class="error" id="import-chat-error">{{chatError}}</p>{{/chatError}}
        <input type="text" id="import-chat" name="chat" value="{{chat}}" autocomplete="off"{{#chatError}} aria-invalid="true" aria-describedby="import-chat-error import-chat-hint"{{/chatError}}{{^chatError}} aria-describedby="import-chat-hint"{{/chatError}}>
        </div>
        <div class="field">
        <label for="import-file">{{w.import.file}}</label>
        <p class="muted" id="import-file-hint">{{fileHint}}</p>
        {{#fileError}}<p class="error" id="import-file-error">{{fileError}}</p>{{/fileError}}
        <input type="file" id="import-file" name="file" required{{#fileError}} aria-invalid="true" aria-describedby="import-file-error import-file-hint"{{/fileError}}{{^fileError}} aria-describedby="import-file-hint"{{/fileError}}>
        </div>
        <div class="actions"><button type="submit">{{w.import.preview}}</button> <a href="/editor">{{w.editor.cancel}}</a></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// The dry run of an import: the counts, each entry with its records and their outcome or why
    /// it was skipped, and the form that imports the kept file.
    static let importDryRunPage = """
        {{<layout}}
        {{$content}}
        <p><a href="{{back}}">{{w.import.back}}</a></p>
        <h1>{{w.import.dryRun}}</h1>
        <p>{{intro}}</p>
        <p class="live-note" role="status">{{summary}}</p>
        {{#writes}}
        <form class="editor" method="post" action="/editor/import/commit">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="token" value="{{token}}">
        <div class="actions"><button type="submit">{{w.import.commit}}</button> <a href="/editor">{{w.editor.cancel}}</a></div>
        </form>
        {{/writes}}
        {{^writes}}<p>{{w.import.nothing}}</p>{{/writes}}
        <ol class="editor-list import-entries">
        {{#entries}}
        <li>
        {{#heading}}<strong>{{heading}}</strong>{{/heading}}{{#skip}} <span class="meta">{{skip}}</span>{{/skip}}
        {{#hasRecords}}
        <ul>
        {{#records}}<li>{{title}} <span class="meta">{{outcome}}</span></li>{{/records}}
        </ul>
        {{/hasRecords}}
        {{#hasNotes}}
        <p class="muted">{{w.import.leftOut}}</p>
        <ul class="muted">{{#notes}}<li>{{.}}</li>{{/notes}}</ul>
        {{/hasNotes}}
        {{#hasGone}}
        <p class="muted">{{w.import.noLongerInPost}}</p>
        <ul class="muted">{{#gone}}<li>{{.}}</li>{{/gone}}</ul>
        {{/hasGone}}
        </li>
        {{/entries}}
        </ol>
        {{/content}}
        {{/layout}}
        """
}
