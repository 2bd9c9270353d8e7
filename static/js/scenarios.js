// Progressive enhancement of the solo player: a choice is posted in the background and only the
// player is replaced, so the aria-live region announces the feedback and the next scene and the
// focus moves to the new heading. Without JavaScript the forms post and the page reloads.
(function () {
  if (window.scenarioPlayerReady) return;
  window.scenarioPlayerReady = true;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-scenario-form]") || !window.fetch) return;
    var player = form.closest("[data-scenario-play]");
    if (!player) return;
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
    fetch(form.action, { method: "POST", body: data, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("[data-scenario-live]");
        var live = player.querySelector("[data-scenario-live]");
        if (!fresh || !live) { window.location.reload(); return; }
        live.innerHTML = fresh.innerHTML;
        var heading = live.querySelector("[data-scene-heading]");
        if (heading) heading.focus();
      })
      .catch(function () { form.submit(); });
  });
})();
