extension SiteTemplates {
    /// The events' filter form, shared by the list and the calendar: a plain GET form, so that it
    /// works without a script and every choice has an address to share.
    static let eventFilters = """
        <form class="filters" method="get" action="{{action}}">
        {{#month}}<input type="hidden" name="month" value="{{month}}">{{/month}}
        <div class="fields">
        {{>selectFields}}
        </div>
        <div class="actions">
        <button type="submit">{{w.events.show}}</button>
        <a href="{{action}}{{#month}}?month={{month}}{{/month}}">{{w.events.reset}}</a>
        </div>
        </form>
        {{#problem}}
        <p class="problem" role="alert"><strong>{{w.events.invalid}}:</strong> {{problem}}</p>
        {{/problem}}
        """

    /// The links to subscribe to the events' calendar feed: of all communities, then of each.
    static let eventSubscribe = """
        <section class="subscribe" aria-labelledby="subscribe">
        <h2 id="subscribe">{{w.events.subscribe}}</h2>
        <p>{{w.events.subscribeLead}}</p>
        {{#subscribeAll}}
        <p>{{label}}: {{#webcal}}<a href="{{webcal}}">{{w.events.subscribeApp}}</a> · {{/webcal}}<a href="{{https}}">{{w.events.subscribeLink}}</a></p>
        {{/subscribeAll}}
        {{#hasSubscribeEach}}
        <details>
        <summary>{{w.events.subscribeEach}}</summary>
        <ul>
        {{#subscribeEach}}
        <li>{{label}}: {{#webcal}}<a href="{{webcal}}">{{w.events.subscribeApp}}</a> · {{/webcal}}<a href="{{https}}">{{w.events.subscribeLink}}</a></li>
        {{/subscribeEach}}
        </ul>
        </details>
        {{/hasSubscribeEach}}
        </section>
        """

    /// The coming events: filters, the occurrences found, pages, the calendar, subscriptions.
    static let eventList = """
        {{<layout}}
        {{$content}}
        <h1>{{w.events.title}}</h1>
        <p class="lead">{{w.events.lead}} <a href="/propose/event">{{w.propose.event.link}}</a></p>
        <p class="views"><a href="{{calendarHref}}">{{w.events.toCalendar}}</a></p>
        {{>eventFilters}}
        <p class="count" aria-live="polite">{{found}}</p>
        <p class="live-note" hidden data-live-note>{{w.live.updated}}</p>
        <ol class="cards" id="listing" data-live="{{live}}"{{#liveAfter}} data-live-after="{{liveAfter}}"{{/liveAfter}}>
        {{#events}}
        <li>
        <article class="card{{#cancelled}} cancelled{{/cancelled}}">
        <h2><a href="{{href}}">{{title}}</a></h2>
        <p class="when"><time datetime="{{startISO}}">{{when}}</time>{{#zone}} <span class="zone">{{zone}}</span>{{/zone}}</p>
        <ul class="facts">
        {{#status}}<li class="status">{{status}}</li>{{/status}}
        {{#attendance}}<li>{{attendance}}</li>{{/attendance}}
        {{#type}}<li>{{type}}</li>{{/type}}
        {{#repeats}}<li>{{w.events.repeating}}</li>{{/repeats}}
        {{#place}}<li>{{place}}</li>{{/place}}
        </ul>
        <p class="meta">{{community}}</p>
        </article>
        </li>
        {{/events}}
        </ol>
        {{^events}}
        <p class="empty">{{w.events.none}}</p>
        {{/events}}
        {{>pageLinks}}
        {{>eventSubscribe}}
        {{/content}}
        {{/layout}}
        """

    /// A month: a table of weeks from Monday, each day with its events; a list of days on a phone.
    static let eventCalendar = """
        {{<layout}}
        {{$content}}
        <h1>{{w.calendar.title}}</h1>
        <p class="views"><a href="{{listHref}}">{{w.events.toList}}</a></p>
        {{>eventFilters}}
        <nav class="months" aria-label="{{w.calendar.months}}">
        {{#previous}}<a rel="prev" href="{{href}}">← {{label}}</a>{{/previous}}
        {{#thisMonth}}<a href="{{thisMonth}}">{{w.calendar.thisMonth}}</a>{{/thisMonth}}
        {{#next}}<a rel="next" href="{{href}}">{{label}} →</a>{{/next}}
        </nav>
        <table class="month">
        <caption>{{caption}}</caption>
        <thead>
        <tr>
        {{#weekdays}}
        <th scope="col"><abbr title="{{full}}">{{short}}</abbr></th>
        {{/weekdays}}
        </tr>
        </thead>
        <tbody>
        {{#weeks}}
        <tr>
        {{#days}}
        {{#blank}}<td class="blank"></td>{{/blank}}
        {{^blank}}
        <td class="day{{#today}} today{{/today}}{{^hasEvents}} empty{{/hasEvents}}"{{#today}} aria-current="date"{{/today}}>
        <span class="date"><span class="weekday">{{weekday}}</span> <time datetime="{{iso}}">{{day}}</time>{{#today}} <span class="today-mark">{{w.calendar.today}}</span>{{/today}}</span>
        {{#hasEvents}}
        <ul>
        {{#events}}
        <li><a href="{{href}}">{{#time}}<span class="time">{{time}}</span> {{/time}}{{title}}</a>{{#status}} <span class="status">{{status}}</span>{{/status}}</li>
        {{/events}}
        </ul>
        {{/hasEvents}}
        </td>
        {{/blank}}
        {{/days}}
        </tr>
        {{/weeks}}
        </tbody>
        </table>
        {{#empty}}
        <p class="empty">{{w.calendar.none}}</p>
        {{/empty}}
        {{>eventSubscribe}}
        {{/content}}
        {{/layout}}
        """

    /// One event: every field, the join and registration links, adding it to a calendar.
    static let eventPage = """
        {{<layout}}
        {{$content}}
        <article class="record">
        <h1>{{event.title}}</h1>
        {{#event.status}}<p class="problem">{{w.events.statusNote}}: {{event.status}}</p>{{/event.status}}
        <ul class="facts">
        {{#event.attendance}}<li>{{event.attendance}}</li>{{/event.attendance}}
        {{#event.type}}<li>{{event.type}}</li>{{/event.type}}
        {{#event.recurrence}}<li>{{event.recurrence}}</li>{{/event.recurrence}}
        </ul>
        <dl class="details">
        <dt>{{event.whenLabel}}</dt>
        <dd><time datetime="{{event.startISO}}">{{event.when}}</time></dd>
        {{#event.zone}}<dt>{{w.events.zone}}</dt><dd>{{event.zone}}</dd>{{/event.zone}}
        {{#event.hasPlace}}
        <dt>{{w.events.place}}</dt>
        <dd>{{#event.placeName}}<span class="line">{{event.placeName}}</span>{{/event.placeName}}{{#event.placeAddress}}<span class="line">{{event.placeAddress}}</span>{{/event.placeAddress}}{{#event.placeArea}}<span class="line">{{event.placeArea}}</span>{{/event.placeArea}}</dd>
        {{/event.hasPlace}}
        {{#event.hasJoinLinks}}
        <dt>{{w.events.join}}</dt>
        <dd>{{#event.joinLinks}}<a class="line" href="{{.}}" rel="nofollow noopener">{{.}}</a>{{/event.joinLinks}}</dd>
        {{/event.hasJoinLinks}}
        {{#event.registrationURL}}<dt>{{w.events.registration}}</dt><dd><a href="{{event.registrationURL}}" rel="nofollow noopener">{{event.registrationURL}}</a></dd>{{/event.registrationURL}}
        {{#event.price}}<dt>{{w.events.price}}</dt><dd>{{event.price}}</dd>{{/event.price}}
        {{#event.capacity}}<dt>{{w.events.capacity}}</dt><dd>{{event.capacity}}</dd>{{/event.capacity}}
        {{#event.language}}<dt>{{w.events.spokenLanguage}}</dt><dd>{{event.language}}</dd>{{/event.language}}
        <dt>{{w.events.organiser}}</dt>
        <dd><a href="{{event.communityHref}}">{{event.community}}</a></dd>
        {{#event.hasTags}}<dt>{{w.events.tags}}</dt><dd>{{#event.tags}}<span class="chip">{{.}}</span> {{/event.tags}}</dd>{{/event.hasTags}}
        </dl>
        <p class="actions">
        {{#event.registerButton}}<a class="button" href="{{event.registerButton}}" rel="nofollow noopener">{{w.events.register}}</a>{{/event.registerButton}}
        <a href="{{event.icsHref}}" type="text/calendar">{{w.events.addToCalendar}}</a>
        </p>
        {{#event.hasDescription}}<h2>{{w.events.description}}</h2>{{#event.description}}<p>{{.}}</p>{{/event.description}}{{/event.hasDescription}}
        {{#event.hasUpcoming}}
        <h2>{{w.events.upcoming}}</h2>
        <ul class="upcoming">
        {{#event.upcoming}}
        <li><time datetime="{{iso}}">{{when}}</time></li>
        {{/event.upcoming}}
        </ul>
        {{/event.hasUpcoming}}
        </article>
        {{/content}}
        {{/layout}}
        """
}
