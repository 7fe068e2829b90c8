// Title suggestions under the search box, from /api/v2/search/suggest/ (no library, no CDN).
(function () {
  const input = document.querySelector("[data-autocomplete]");
  if (!input) return;
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const language = document.documentElement.lang;
  let timer = null;
  let controller = null;

  function choose(title) {
    input.value = title;
    list.hidden = true;
    input.form.submit();
  }

  function show(titles) {
    list.replaceChildren();
    titles.forEach(function (title, index) {
      const item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "suggestion-" + index;
      item.textContent = title;
      item.tabIndex = -1;
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(title);
      });
      list.appendChild(item);
    });
    list.hidden = titles.length === 0;
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (!prefix) return show([]);
    timer = setTimeout(function () {
      if (controller) controller.abort();
      controller = new AbortController();
      const url = input.dataset.autocomplete + "?locale=" + encodeURIComponent(language) + "&q=" + encodeURIComponent(prefix);
      fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { show(data.suggestions || []); })
        .catch(function () {});
    }, 150);
  });

  input.addEventListener("keydown", function (event) {
    const items = Array.from(list.children);
    const current = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      items[Math.min(current + 1, items.length - 1)].focus();
    } else if (event.key === "Escape") {
      list.hidden = true;
    }
  });

  list.addEventListener("keydown", function (event) {
    const items = Array.from(list.children);
    const current = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown") { event.preventDefault(); (items[current + 1] || items[current]).focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (items[current - 1] || input).focus(); }
    if (event.key === "Enter" && current >= 0) { event.preventDefault(); choose(items[current].textContent); }
    if (event.key === "Escape") { list.hidden = true; input.focus(); }
  });
})();
