// The trainer's progress grid fetches itself again every few seconds; without JavaScript a reload
// shows the same. The projector timer counts down from the minutes typed.
(function () {
  "use strict";
  var grid = document.getElementById("progress-grid");
  if (grid && window.fetch) {
    var seconds = parseInt(grid.dataset.seconds, 10) || 10;
    var refresh = function () {
      if (document.hidden) { return; }
      fetch(grid.dataset.url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) { grid.innerHTML = html; grid.dataset.refreshed = String(Date.now()); } })
        .catch(function () { /* the next round tries again */ });
    };
    window.setInterval(refresh, seconds * 1000);
  }
  var display = document.querySelector("[data-timer]");
  if (display) {
    var minutes = document.querySelector("[data-timer-minutes]");
    var handle = null;
    var show = function (left) {
      var m = Math.floor(Math.abs(left) / 60), s = Math.abs(left) % 60;
      display.textContent = (left < 0 ? "-" : "") + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
      display.classList.toggle("is-over", left < 0);
    };
    document.querySelector("[data-timer-start]").addEventListener("click", function () {
      var end = Date.now() + (parseInt(minutes.value, 10) || 5) * 60000;
      window.clearInterval(handle);
      handle = window.setInterval(function () { show(Math.round((end - Date.now()) / 1000)); }, 250);
    });
    document.querySelector("[data-timer-stop]").addEventListener("click", function () { window.clearInterval(handle); });
    minutes.addEventListener("input", function () { show((parseInt(minutes.value, 10) || 0) * 60); });
  }
})();
