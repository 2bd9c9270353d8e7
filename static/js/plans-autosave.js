// Saves the wizard's fields as they are typed, so a closed tab or a failed submit loses nothing.
// Without JavaScript the form still works: every "Next" saves the draft on the server too.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = form.querySelector(".autosave-status");
  var timer = null;
  var inFlight = false;
  var pending = false;

  function save() {
    if (inFlight) { pending = true; return; }
    inFlight = true;
    fetch(form.dataset.autosave, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      if (status) { status.textContent = status.dataset.savedLabel + " " + data.saved; }
      form.dataset.saved = data.saved;
    }).catch(function () {
      if (status) { status.textContent = status.dataset.failedLabel; }
    }).then(function () {
      inFlight = false;
      if (pending) { pending = false; save(); }
    });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 600);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
