extension SiteAssets {
    /// The site's one script, for pages that work without it: a list marked `data-live="KIND"`
    /// listens to the node's change stream of that kind (`/api/v1/changes/KIND`, from now on) and, when a record
    /// changes, fetches the page again and puts the fresh list in place, then says so in the note
    /// marked `data-live-note`. Served as a file so that the Content-Security-Policy can forbid
    /// inline scripts.
    static let liveScript = """
        "use strict";
        (function () {
          var list = document.querySelector("[data-live]");
          if (!list || !window.EventSource || !window.fetch) return;
          var kind = list.getAttribute("data-live");
          var source = new EventSource("/api/v1/changes/" + encodeURIComponent(kind));
          var pending = false;
          function refresh() {
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
                if (note) note.hidden = false;
              });
          }
          source.addEventListener("change", function () {
            if (pending) return;
            pending = true;
            window.setTimeout(refresh, 150);
          });
        })();

        """
}
