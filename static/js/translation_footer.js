// The footer of wagtail-localize's side-by-side editor, kept current: after each change in the editor (a string
// saved), asks the server which strings still need a translator and which miss a glossary term, then updates the
// count, lists both in the footer (with "Keep as it is" for a suggestion) and marks glossary flags in place.
(function () {
  "use strict";
  const openPanel = document.querySelector("[data-open-strings]");
  const panel = document.querySelector("[data-glossary-flags]");
  if (!openPanel || !panel) return;
  const url = openPanel.dataset.openStrings;
  const list = panel.querySelector("ul");
  const summary = panel.querySelector("summary");
  const status = document.querySelector("[data-open-status]");
  const csrf = document.querySelector(".translation-footer input[name=csrfmiddlewaretoken]");
  let timer = null;
  let lastJson = "";

  function describe(flag) {
    return flag.missing
      .map((item) => {
        const others = item.accepted.slice(1);
        const alternatives = others.length ? ` (${panel.dataset.labelOr} ${others.join(", ")})` : "";
        return `“${item.term}” → ${item.expected}${alternatives}`;
      })
      .join("; ");
  }

  function quoted(text) {
    const quote = document.createElement("q");
    quote.textContent = text.length > 90 ? `${text.slice(0, 89)}…` : text;
    return quote;
  }

  // The innermost list item of the editor that shows the string's source text: wagtail-localize renders one per
  // string (its markup is its own, so only the text is relied on).
  function segmentFor(flag) {
    const start = flag.source.slice(0, 60);
    const holding = Array.from(document.querySelectorAll(`${panel.dataset.editorRoot} li`)).filter((item) =>
      item.textContent.includes(start),
    );
    return holding.sort((a, b) => a.textContent.length - b.textContent.length)[0];
  }

  function keepForm(item) {
    const form = document.createElement("form");
    form.method = "post";
    form.action = openPanel.dataset.keepUrl.replace(/\/0\/$/, `/${item.segment_id}/`);
    const token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrfmiddlewaretoken";
    token.value = csrf ? csrf.value : "";
    const button = document.createElement("button");
    button.type = "submit";
    button.className = "button button-small button-secondary";
    button.dataset.keepString = "";
    button.textContent = openPanel.dataset.labelKeep;
    form.append(token, button);
    return form;
  }

  function renderOpen(items, inReview) {
    const rows = openPanel.querySelector("ul");
    rows.replaceChildren();
    items.forEach((item) => {
      const row = document.createElement("li");
      row.dataset.openString = item.reason;
      row.append(quoted(item.source), ` ${item.explanation} `);
      if (item.keepable && !inReview) row.append(keepForm(item));
      rows.append(row);
    });
    openPanel.hidden = items.length === 0;
    openPanel.closest("footer").querySelector("[data-open-count]").dataset.openCount = String(items.length);
  }

  function renderFlags(flags) {
    document.querySelectorAll("[data-glossary-inline]").forEach((node) => node.remove());
    list.replaceChildren();
    flags.forEach((flag) => {
      const row = document.createElement("li");
      row.dataset.glossaryFlag = "";
      row.append(quoted(flag.source), ` ${describe(flag)}`);
      list.append(row);
      const segment = segmentFor(flag);
      if (segment) {
        const note = document.createElement("p");
        note.className = "glossary-flag";
        note.dataset.glossaryInline = "";
        note.setAttribute("role", "note");
        note.textContent = `${panel.dataset.labelFlag}: ${describe(flag)}`;
        segment.append(note);
      }
    });
    summary.dataset.glossaryCount = String(flags.length);
    panel.hidden = flags.length === 0;
  }

  async function refresh() {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const json = await response.text();
    if (json === lastJson) return;
    lastJson = json;
    observer.disconnect();
    const data = JSON.parse(json);
    status.textContent = data.status;
    renderOpen(data.open, data.in_review);
    renderFlags(data.flags);
    summary.textContent = data.summary;
    observe();
  }

  // wagtail-localize writes its heading ("English to 简体中文 translation") in English whatever the admin's
  // language; the footer carries it translated.
  const footer = document.querySelector("[data-translation-footer]");
  function translateHeading() {
    if (footer.dataset.heading === footer.dataset.headingAsShown) return;
    document.querySelectorAll(`${panel.dataset.editorRoot} *`).forEach((node) => {
      if (node.childElementCount === 0 && node.textContent.trim() === footer.dataset.headingAsShown) {
        node.textContent = footer.dataset.heading;
      }
    });
  }

  const editor = document.querySelector(panel.dataset.editorRoot) || document.body;
  const observer = new MutationObserver(() => {
    translateHeading();
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  function observe() {
    observer.observe(editor, { childList: true, subtree: true, characterData: true });
  }
  observe();
  refresh();
})();
