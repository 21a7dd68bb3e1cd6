extension SiteTemplates {
    /// The operator's dashboard: the node's health, the sections, and the backup to download.
    static let operatorPage = """
        {{<layout}}
        {{$content}}
        <h1>{{w.operator.title}}</h1>
        <nav aria-label="{{w.operator.sections}}"><ul class="links">
        <li><a href="/operator/peers">{{w.operator.peersTitle}}</a></li>
        <li><a href="/operator/follows">{{w.operator.followsTitle}}</a></li>
        <li><a href="/operator/accounts">{{w.operator.accountsTitle}}</a></li>
        <li><a href="/operator/grants">{{w.operator.grantsTitle}}</a></li>
        </ul></nav>
        <section class="record">
        <h2>{{w.operator.health}}</h2>
        <dl class="details">
        <dt>{{w.operator.status}}</dt><dd>{{status}}</dd>
        <dt>{{w.node.name}}</dt><dd>{{name}}</dd>
        <dt>{{w.node.key}}</dt><dd><code class="key">{{key}}</code></dd>
        <dt>{{w.node.version}}</dt><dd>{{version}}</dd>
        <dt>{{w.operator.peersConnected}}</dt><dd>{{peersConnected}}</dd>
        <dt>{{w.operator.peersKnown}}</dt><dd>{{peersKnown}}</dd>
        <dt>{{w.node.lastSync}}</dt><dd>{{lastSync}}</dd>
        <dt>{{w.operator.records}}</dt><dd>{{records}}</dd>
        <dt>{{w.operator.deltas}}</dt><dd>{{deltas}}</dd>
        <dt>{{w.operator.replicaSize}}</dt><dd>{{replicaSize}}</dd>
        <dt>{{w.operator.refusals}}</dt><dd>{{refusals}}</dd>
        </dl>
        </section>
        <section class="record">
        <h2>{{w.operator.backupTitle}}</h2>
        <p>{{w.operator.backup.text}}</p>
        <form method="post" action="/operator/backup">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">{{w.operator.backup.download}}</button>
        </form>
        </section>
        {{/content}}
        {{/layout}}
        """

    /// What a peer's entry tells of it, on the node's page and the operator's peers page.
    static let peerFacts = """
        <dt>{{w.node.key}}</dt><dd><code class="key">{{key}}</code></dd>
        <dt>{{w.node.address}}</dt><dd>{{address}}</dd>
        <dt>{{w.node.stateLabel}}</dt><dd class="peer-state">{{state}}</dd>
        <dt>{{w.node.connectedNow}}</dt><dd>{{connected}}</dd>
        <dt>{{w.node.lastSync}}</dt><dd>{{#syncedISO}}<time datetime="{{syncedISO}}">{{synced}}</time>{{/syncedISO}}{{^syncedISO}}{{synced}}{{/syncedISO}}</dd>
        <dt>{{w.node.bytes}}</dt><dd>{{bytes}}</dd>
        """

    /// A line of text on an operator's form, with its hint and problem.
    static let operatorLine = """
        <div class="field">
        <label for="{{id}}">{{label}}</label>
        {{#hint}}<p class="muted" id="{{id}}-hint">{{hint}}</p>{{/hint}}
        {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
        <input type="{{type}}" id="{{id}}" name="{{name}}" value="{{value}}"{{>fieldDescription}}>
        </div>
        """

    /// Checkboxes or radio buttons on an operator's form, with their problem.
    static let operatorChoice = """
        <fieldset class="field"{{#error}} aria-describedby="{{id}}-error"{{/error}}>
        <legend>{{legend}}</legend>
        {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
        {{#options}}
        <label class="check"><input type="{{type}}" id="{{id}}" name="{{name}}" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>
        {{/options}}
        </fieldset>
        """

    /// The top of an operator's page: the way back, what was just done, and the form's problems.
    static let operatorTop = """
        <p><a href="/operator">{{w.operator.back}}</a></p>
        {{#done}}<p class="live-note" role="status">{{done}}</p>{{/done}}
        """

    /// The summary of a form's problems, each linking to its field.
    static let operatorSummary = """
        {{#hasSummary}}
        <div class="problem" role="alert" tabindex="-1">
        <h2>{{w.operator.problems}}</h2>
        <ul>
        {{#summary}}<li><a href="{{href}}">{{message}}</a></li>{{/summary}}
        </ul>
        </div>
        {{/hasSummary}}
        """

    /// The peers, each with its state and a button to remove it, and the form that adds one.
    static let operatorPeersPage = """
        {{<layout}}
        {{$content}}
        {{>operatorTop}}
        <h1>{{w.operator.peersTitle}}</h1>
        {{#hasPeers}}
        <p class="muted">{{w.operator.peers.reload}}</p>
        <ul class="peers">
        {{#peers}}
        <li class="record">
        <h2>{{name}}</h2>
        <dl class="details">
        {{>peerFacts}}
        <dt>{{w.operator.peers.traffic}}</dt><dd>{{traffic}}</dd>
        {{#error}}<dt>{{w.operator.peers.error}}</dt><dd>{{error}}</dd>{{/error}}
        </dl>
        {{#remove}}<p><a href="{{remove}}">{{w.operator.peers.remove}}</a></p>{{/remove}}
        </li>
        {{/peers}}
        </ul>
        {{/hasPeers}}
        {{^hasPeers}}<p class="muted">{{w.operator.peers.none}}</p>{{/hasPeers}}
        <h2 id="add">{{w.operator.peers.add}}</h2>
        {{>operatorSummary}}
        <form class="editor" method="post" action="/operator/peers" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}{{>operatorLine}}{{/fields}}
        <div class="actions"><button type="submit">{{w.operator.peers.add}}</button></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// What the node follows, and the form that follows or unfollows.
    static let operatorFollowsPage = """
        {{<layout}}
        {{$content}}
        {{>operatorTop}}
        <h1>{{w.operator.followsTitle}}</h1>
        {{#hasFollows}}
        <ul class="links">
        {{#follows}}<li>{{#href}}<a href="{{href}}">{{name}}</a>{{/href}}{{^href}}{{name}}{{/href}}: {{kinds}}</li>{{/follows}}
        </ul>
        {{/hasFollows}}
        {{^hasFollows}}<p class="muted">{{w.operator.follows.none}}</p>{{/hasFollows}}
        {{>operatorSummary}}
        <form class="editor" method="post" action="/operator/follows" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#community}}{{>operatorChoice}}{{/community}}
        {{#kinds}}{{>operatorChoice}}{{/kinds}}
        <div class="actions">
        <button type="submit" name="action" value="follow">{{w.operator.follows.follow}}</button>
        <button type="submit" name="action" value="unfollow">{{w.operator.follows.unfollow}}</button>
        </div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// The accounts with their actions, what adding one made, and the form that adds one.
    static let operatorAccountsPage = """
        {{<layout}}
        {{$content}}
        {{>operatorTop}}
        <h1>{{w.operator.accountsTitle}}</h1>
        {{#made}}
        <div class="record" role="status">
        {{#password}}<h2>{{w.operator.accounts.made}}</h2>
        <p><code class="key" id="made-password">{{password}}</code></p>
        <p>{{w.operator.accounts.madeText}}</p>{{/password}}
        {{#hasGrants}}<p>{{w.operator.accounts.grantNeeded}}</p>
        {{#grants}}<pre>{{.}}</pre>{{/grants}}{{/hasGrants}}
        </div>
        {{/made}}
        {{#hasAccounts}}
        <ul class="peers">
        {{#accounts}}
        <li class="record">
        <h2>{{name}}</h2>
        <p class="meta">{{role}} · {{state}}{{#hasRights}} · {{rights}}{{/hasRights}}</p>
        <div class="actions">
        {{^isSelf}}<form method="post" action="{{toggle}}"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{toggleLabel}}</button></form>{{/isSelf}}
        <a href="{{passwd}}">{{w.operator.accounts.passwd}}</a>
        {{^isSelf}}<a href="{{remove}}">{{w.operator.accounts.remove}}</a>{{/isSelf}}
        </div>
        </li>
        {{/accounts}}
        </ul>
        {{/hasAccounts}}
        {{^hasAccounts}}<p class="muted">{{w.operator.accounts.none}}</p>{{/hasAccounts}}
        <h2 id="add">{{w.operator.accounts.add}}</h2>
        {{>operatorSummary}}
        <form class="editor" method="post" action="/operator/accounts" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#name}}{{>operatorLine}}{{/name}}
        {{#role}}{{>operatorChoice}}{{/role}}
        {{#communities}}{{>operatorChoice}}{{/communities}}
        {{#kinds}}{{>operatorChoice}}{{/kinds}}
        {{#passwords}}{{>operatorLine}}{{/passwords}}
        <div class="actions"><button type="submit">{{w.operator.accounts.add}}</button></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// The form that gives an account a new password.
    static let operatorPasswdPage = """
        {{<layout}}
        {{$content}}
        <p><a href="/operator/accounts">{{w.operator.back}}</a></p>
        <h1>{{heading}}</h1>
        <p>{{w.operator.accounts.passwdText}}</p>
        {{>operatorSummary}}
        <form class="editor" method="post" action="{{action}}" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#passwords}}{{>operatorLine}}{{/passwords}}
        <div class="actions"><button type="submit">{{w.operator.accounts.save}}</button> <a href="/operator/accounts">{{w.operator.cancel}}</a></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// The question before removing a peer or an account.
    static let operatorConfirmPage = """
        {{<layout}}
        {{$content}}
        <h1>{{question}}</h1>
        <p class="record"><strong>{{subject}}</strong></p>
        <p>{{text}}</p>
        <form class="editor" method="post" action="{{action}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="actions"><button type="submit">{{button}}</button> <a href="{{back}}">{{w.operator.cancel}}</a></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    /// The grants of the communities whose keys the node holds, and the form that issues one.
    static let operatorGrantsPage = """
        {{<layout}}
        {{$content}}
        {{>operatorTop}}
        <h1>{{w.operator.grantsTitle}}</h1>
        <p>{{w.operator.grants.lead}}</p>
        {{^hasKeys}}<p class="muted">{{w.operator.grants.noKeys}}</p>{{/hasKeys}}
        {{#communities}}
        <section class="record">
        <h2>{{name}}</h2>
        {{#hasGrants}}
        <ul class="peers">
        {{#grants}}
        <li>
        <dl class="details">
        <dt>{{w.operator.grants.to}}</dt><dd><code class="key">{{to}}</code></dd>
        <dt>{{w.operator.grants.kinds}}</dt><dd>{{kinds}}</dd>
        <dt>{{w.operator.grants.dates}}</dt><dd>{{dates}}</dd>
        <dt>{{w.operator.grants.standing}}</dt><dd>{{standing}}</dd>
        </dl>
        {{#revoke}}<p><a href="{{revoke}}">{{w.operator.grants.revoke}}</a></p>{{/revoke}}
        </li>
        {{/grants}}
        </ul>
        {{/hasGrants}}
        {{^hasGrants}}<p class="muted">{{w.operator.grants.none}}</p>{{/hasGrants}}
        </section>
        {{/communities}}
        {{#hasKeys}}
        <h2 id="issue">{{w.operator.grants.issue}}</h2>
        {{>operatorSummary}}
        <form class="editor" method="post" action="/operator/grants" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#community}}{{>operatorChoice}}{{/community}}
        {{#grantee}}{{>operatorLine}}{{/grantee}}
        {{#kinds}}{{>operatorChoice}}{{/kinds}}
        {{#dates}}{{>operatorLine}}{{/dates}}
        <div class="actions"><button type="submit">{{w.operator.grants.issue}}</button></div>
        </form>
        {{/hasKeys}}
        {{/content}}
        {{/layout}}
        """
}
