extension SiteAssets {
    /// The script of pages with text to copy (a digest's text for Telegram): a button marked
    /// `data-copy="ID"`, hidden until the script shows it, copies the text of the element with that
    /// id and says so in its `data-copied` words. Without the script the text can still be selected.
    static let copyScript = """
        "use strict";
        (function () {
          document.querySelectorAll("[data-copy]").forEach(function (button) {
            var source = document.getElementById(button.getAttribute("data-copy"));
            if (!source || !navigator.clipboard) return;
            button.hidden = false;
            button.addEventListener("click", function () {
              navigator.clipboard.writeText(source.value || source.textContent).then(function () {
                button.textContent = button.getAttribute("data-copied");
              });
            });
          });
        })();

        """
}
