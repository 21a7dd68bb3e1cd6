extension SiteAssets {
    /// The site's one script, for pages that work without it: a list marked `data-live="KIND"`
    /// listens to the node's change stream of that kind (`/api/v1/changes/KIND`) and, when a record
    /// changes, fetches the page again and puts the fresh list in place, then says so in the note
    /// marked `data-live-note`. Served as a file so that the Content-Security-Policy can forbid
    /// inline scripts.
    ///
    /// The stream starts after the change the page was made at (`data-live-after`), and then after
    /// the last change it told: a change stored while the page was on its way, or while the stream
    /// was connecting, comes as an event like any later one, instead of falling between the page
    /// and the stream.
    ///
    /// The stream is closed when the visitor leaves the page (`pagehide`): a browser keeps a page it
    /// may go back to, stream and all, and each such stream holds one of the six connections a
    /// browser opens to a host over HTTP/1.1, so that after six boards the next page waited a
    /// minute for a free one. A page the browser brings back listens again from where it stopped,
    /// and so shows what changed while the visitor was away.
    ///
    /// A stream the browser gives up on is opened again. A browser retries a stream that breaks,
    /// but not one answered with an error: a reverse proxy answers 502 while the node restarts, and
    /// the page then listened to nothing until it was reloaded. The script waits 2 s before it
    /// opens it again, twice as long after each failure up to a minute, and 2 s again once a stream
    /// opens; it resumes after the last change it told, as a page brought back does.
    static let liveScript = """
        "use strict";
        (function () {
          var list = document.querySelector("[data-live]");
          if (!list || !window.EventSource || !window.fetch) return;
          var kind = list.getAttribute("data-live");
          var after = list.getAttribute("data-live-after");
          var source = null;
          var pending = false;
          function refresh(announce) {
            pending = false;
            fetch(window.location.href, { headers: { "Accept": "text/html" } })
              .then(function (response) { return response.text(); })
              .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html");
                var freshList = fresh.querySelector("[data-live]");
                var current = document.querySelector("[data-live]");
                if (!freshList || !current) return;
                current.replaceWith(freshList);
                var count = fresh.querySelector(".count"), shown = document.querySelector(".count");
                if (count && shown) shown.textContent = count.textContent;
                var note = document.querySelector("[data-live-note]");
                if (note && announce) note.hidden = false;
              });
          }
          var retry = 2000;
          var reopening = null;
          function listen() {
            var resume = after ? "?after=" + encodeURIComponent(after) : "";
            var opened = new EventSource("/api/v1/changes/" + encodeURIComponent(kind) + resume);
            source = opened;
            opened.addEventListener("open", function () { retry = 2000; });
            opened.addEventListener("change", function (event) {
              if (event.lastEventId) after = event.lastEventId;
              if (pending) return;
              pending = true;
              window.setTimeout(function () { refresh(true); }, 150);
            });
            opened.addEventListener("error", function () {
              if (opened.readyState !== EventSource.CLOSED || source !== opened) return;
              source = null;
              reopening = window.setTimeout(function () { reopening = null; listen(); }, retry);
              retry = Math.min(retry * 2, 60000);
            });
          }
          window.addEventListener("pagehide", function () {
            if (reopening !== null) window.clearTimeout(reopening);
            reopening = null;
            if (source) source.close();
            source = null;
          });
          window.addEventListener("pageshow", function (event) {
            if (!event.persisted || source) return;
            listen();
          });
          listen();
        })();

        """
}
