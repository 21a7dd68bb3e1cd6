extension SiteTemplates {
    /// The sign-in form. It posts to the site itself (the CSP's `form-action 'self'`); the
    /// password field is never filled back in.
    static let signInPage = """
        {{<layout}}
        {{$content}}
        <h1>{{w.signin.title}}</h1>
        {{#signedInAs}}<p>{{w.signin.already}} <strong>{{signedInAs}}</strong>.</p>{{/signedInAs}}
        {{#problem}}
        <div class="problem" role="alert"><p>{{problem}}</p></div>
        {{/problem}}
        <form class="signin" method="post" action="/signin">
        <input type="hidden" name="next" value="{{next}}">
        <div class="field">
        <label for="name">{{w.signin.name}}</label>
        <input id="name" name="name" type="text" value="{{name}}" autocomplete="username" required maxlength="48" autocapitalize="none" spellcheck="false">
        </div>
        <div class="field">
        <label for="password">{{w.signin.password}}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
        </div>
        <button type="submit">{{w.signin.submit}}</button>
        </form>
        <p class="muted">{{w.signin.who}}</p>
        {{/content}}
        {{/layout}}
        """

    /// Who is signed in and the button to sign out, in the header of every page.
    static let accountBar = """
        {{#account}}
        <form class="account" method="post" action="/signout">
        {{#moderates}}<span><a href="/moderation">{{w.moderation.link}}</a>{{#moderateRecord}} · <a href="{{moderateRecord}}">{{w.moderation.moderate}}</a>{{/moderateRecord}}</span>{{/moderates}}
        <span>{{w.account.signedInAs}} <strong>{{name}}</strong> ·</span>
        {{#isOperator}}<a href="/operator">{{w.operator.link}}</a> ·{{/isOperator}}
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">{{w.account.signOut}}</button>
        </form>
        {{/account}}
        """
}
