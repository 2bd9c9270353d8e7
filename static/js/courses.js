// A second click on a quiz or "mark as done" button while the first request is on its way would
// submit the same attempt twice; the server refuses the duplicate, and this spares the round trip.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.matches(".lesson-page form")) return;
  if (form.dataset.submitted === "true") {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "true";
  form.querySelectorAll("button[type=submit]").forEach(function (button) {
    button.setAttribute("aria-disabled", "true");
  });
});
