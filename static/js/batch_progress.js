// The batch page's machine translation progress bar: while the worker translates, asks for the progress every
// second and moves the bar; when it is done (or failed), reloads the page to show each item's new state.
(function () {
  "use strict";
  const box = document.querySelector("[data-batch-progress]");
  if (!box || !["queued", "running"].includes(box.dataset.machineState)) return;
  const bar = box.querySelector("progress");
  const label = box.querySelector("[data-progress-label]");

  async function poll() {
    let response = null;
    try {
      response = await fetch(box.dataset.batchProgress, { credentials: "same-origin" });
    } catch (error) {
      response = null; // offline for a moment: ask again on the next round
    }
    if (response && response.ok) {
      const progress = await response.json();
      bar.max = progress.total || 1;
      bar.value = progress.state === "done" ? bar.max : progress.done;
      label.textContent = `${progress.label}: ${progress.done} / ${progress.total}`;
      if (!["queued", "running"].includes(progress.state)) {
        window.location.reload();
        return;
      }
    }
    setTimeout(poll, 1000);
  }
  setTimeout(poll, 1000);
})();
