// Glossary flags in wagtail-localize's side-by-side editor: after each change in the editor (a string saved), asks
// the server which translated strings miss a glossary term, then marks those strings in place and lists them in
// the footer. A flag only warns.
(function () {
  "use strict";
  const panel = document.querySelector("[data-glossary-flags]");
  if (!panel) return;
  const url = panel.dataset.glossaryFlags;
  const list = panel.querySelector("ul");
  const summary = panel.querySelector("summary");
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

  // The innermost list item of the editor that shows the string's source text: wagtail-localize renders one per
  // string (its markup is its own, so only the text is relied on).
  function segmentFor(flag) {
    const start = flag.source.slice(0, 60);
    const holding = Array.from(document.querySelectorAll(`${panel.dataset.editorRoot} li`)).filter((item) =>
      item.textContent.includes(start),
    );
    return holding.sort((a, b) => a.textContent.length - b.textContent.length)[0];
  }

  function render(flags) {
    document.querySelectorAll("[data-glossary-inline]").forEach((node) => node.remove());
    list.replaceChildren();
    flags.forEach((flag) => {
      const text = `${panel.dataset.labelFlag}: ${describe(flag)}`;
      const row = document.createElement("li");
      row.dataset.glossaryFlag = "";
      const quote = document.createElement("q");
      quote.textContent = flag.source.length > 90 ? `${flag.source.slice(0, 89)}…` : flag.source;
      row.append(quote, ` ${describe(flag)}`);
      list.append(row);
      const segment = segmentFor(flag);
      if (segment) {
        const note = document.createElement("p");
        note.className = "glossary-flag";
        note.dataset.glossaryInline = "";
        note.setAttribute("role", "note");
        note.textContent = text;
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
    render(data.flags);
    summary.textContent = data.summary;
    observe();
  }

  const editor = document.querySelector(panel.dataset.editorRoot) || document.body;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
  function observe() {
    observer.observe(editor, { childList: true, subtree: true, characterData: true });
  }
  observe();
  refresh();
})();
