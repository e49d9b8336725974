// The progress of an upload job: poll its JSON status and move the bar; reload the page
// (with its one-line-per-item summary) once the job is finished.
(function () {
  "use strict";
  function start() {
    var box = document.querySelector(".job[data-status]");
    if (!box) return;
    var bar = box.querySelector("progress");
    var count = box.querySelector(".job-count");
    var state = box.querySelector(".job-state");
    function poll() {
      fetch(box.dataset.status, { credentials: "same-origin", cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (job) {
          if (!job) { window.setTimeout(poll, 3000); return; }
          bar.max = job.total || 1;
          bar.value = job.done;
          count.textContent = job.done + " of " + (job.total || "?") + " items";
          state.textContent = "(" + job.state + ")";
          if (job.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
