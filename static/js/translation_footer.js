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

  // A one-button form posting to the string's address (the URL's placeholder segment id 0 replaced).
  function postForm(url, item, label, flag) {
    const form = document.createElement("form");
    form.method = "post";
    form.action = url.replace(/\/0\/$/, `/${item.segment_id}/`);
    const token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrfmiddlewaretoken";
    token.value = csrf ? csrf.value : "";
    const button = document.createElement("button");
    button.type = "submit";
    button.className = "button button-small button-secondary";
    button.dataset[flag] = "";
    button.textContent = label;
    form.append(token, button);
    return form;
  }

  // The memory's near match of an untranslated string: its remembered source with the words that differ marked,
  // its approved translation, and "Use it".
  function nearMatch(item, match) {
    const box = document.createElement("div");
    box.className = "memory-match";
    box.dataset.nearMatch = String(match.similarity);
    const source = document.createElement("span");
    source.className = "memory-match__source";
    match.changes.forEach(([how, words]) => {
      const part = document.createElement(how === "added" ? "ins" : how === "removed" ? "del" : "span");
      part.textContent = words;
      source.append(part, " ");
    });
    const translated = quoted(match.translation);
    box.append(`${openPanel.dataset.labelNear} (${match.similarity}%): `, source, "→ ", translated);
    box.append(postForm(openPanel.dataset.memoryUrl, item, openPanel.dataset.labelUse, "useNearMatch"));
    return box;
  }

  function renderOpen(items, near, inReview) {
    const rows = openPanel.querySelector("ul");
    rows.replaceChildren();
    items.forEach((item) => {
      const row = document.createElement("li");
      row.dataset.openString = item.reason;
      row.append(quoted(item.source), ` ${item.explanation} `);
      if (item.keepable && !inReview) row.append(postForm(openPanel.dataset.keepUrl, item, openPanel.dataset.labelKeep, "keepString"));
      const match = near[String(item.segment_id)];
      if (match && !inReview) row.append(nearMatch(item, match));
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
    renderOpen(data.open, data.near, data.in_review);
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
