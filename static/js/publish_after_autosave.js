// Publish and autosave agree. Wagtail's editor saves a draft automatically (its w-autosave controller); on a new
// page, the first autosave creates the page and then points the form at the new page's edit view. A Publish (or
// any other button) pressed while an autosave is on its way would post to the create view again: a second page,
// refused because the first took its slug, leaving a duplicate draft. Here such a submission waits until the
// autosave has answered, then goes to where the form now points.
(function () {
  "use strict";
  const form = document.querySelector("form[data-controller~='w-autosave']");
  if (!form) return;
  let saving = false;
  let waiting = null;

  form.addEventListener("w-autosave:save", (event) => {
    if (!event.defaultPrevented) saving = true;
  });
  ["w-autosave:success", "w-autosave:error", "w-autosave:deactivated"].forEach((name) =>
    form.addEventListener(name, () => {
      saving = false;
      if (waiting) {
        const submitter = waiting;
        waiting = null;
        // The button is disabled by now (it shows its progress), so its name would not be sent: say it here.
        if (submitter.name) {
          const action = document.createElement("input");
          action.type = "hidden";
          action.name = submitter.name;
          action.value = submitter.value;
          form.append(action);
        }
        form.requestSubmit();
      }
    }),
  );

  form.addEventListener(
    "submit",
    (event) => {
      if (!saving || event.defaultPrevented) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      waiting = event.submitter || {};
    },
    true,
  );
})();
