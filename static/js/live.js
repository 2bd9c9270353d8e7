// Live sessions follow the server by polling the small state endpoint with If-None-Match: an
// unchanged session answers 304 and nothing happens; a change brings the new state's HTML, which
// replaces the live region (announced by aria-live) and moves the focus to a new scene's heading.
// Choices and trainer actions are posted in the background; without JavaScript the forms post and
// the page refreshes itself every few seconds.
(function () {
  var root = document.querySelector("[data-live]");
  if (!root || !window.fetch) return;
  var region = root.querySelector("[data-live-region]");
  var url = root.dataset.stateUrl;
  var etag = root.dataset.etag;
  var interval = parseInt(root.dataset.pollMs, 10) || 1000;
  var busy = false;

  function current() { return region.querySelector("[data-live-state]"); }

  function show(data) {
    var before = current();
    var key = before ? before.dataset.phase + ":" + before.dataset.step : "";
    var focusedInside = region.contains(document.activeElement);
    region.innerHTML = data.html;
    var after = current();
    if (after && key !== after.dataset.phase + ":" + after.dataset.step) {
      var heading = region.querySelector("[data-scene-heading]");
      if (heading && (focusedInside || document.activeElement === document.body)) heading.focus();
    }
  }

  function poll() {
    if (busy || document.hidden) return;
    busy = true;
    fetch(url, { headers: { "If-None-Match": etag, "Accept": "application/json" }, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) return null;
        etag = response.headers.get("ETag") || etag;
        return response.json();
      })
      .then(function (data) { if (data) show(data); })
      .catch(function () {})
      .then(function () { busy = false; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-live-form]")) return;
    event.preventDefault();
    var body = new FormData(form);
    if (event.submitter && event.submitter.name) body.append(event.submitter.name, event.submitter.value);
    form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
    fetch(form.action, { method: "POST", body: body, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) { show(data); etag = ""; poll(); })
      .catch(function () { form.submit(); });
  });

  setInterval(poll, interval);
})();
