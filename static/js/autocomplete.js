// Title suggestions under the search box, from /api/v2/search/suggest/ (no library, no CDN), as a WAI-ARIA
// combobox: focus stays in the field, arrows move the active option (aria-activedescendant, aria-selected), Enter
// opens it, Escape closes the list.
(function () {
  const input = document.querySelector("[data-autocomplete]");
  if (!input) return;
  const list = document.getElementById(input.getAttribute("aria-controls"));
  const language = document.documentElement.lang;
  let timer = null;
  let controller = null;
  let active = -1;

  function options() {
    return Array.from(list.children);
  }

  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (!open) activate(-1);
  }

  function activate(index) {
    active = index;
    options().forEach(function (option, position) {
      option.setAttribute("aria-selected", String(position === index));
    });
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options()[index].id);
      options()[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(title) {
    input.value = title;
    setOpen(false);
    input.form.submit();
  }

  function show(titles) {
    list.replaceChildren();
    titles.forEach(function (title, index) {
      const option = document.createElement("li");
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.id = "suggestion-" + index;
      option.textContent = title;
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keeps focus in the field
        choose(title);
      });
      list.appendChild(option);
    });
    setOpen(titles.length > 0);
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
    const count = options().length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      setOpen(true);
      activate(active < count - 1 ? active + 1 : 0);
    } else if (event.key === "ArrowUp" && count && !list.hidden) {
      event.preventDefault();
      activate(active > 0 ? active - 1 : count - 1);
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      choose(options()[active].textContent);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      setOpen(false);
    }
  });

  input.addEventListener("blur", function () {
    setOpen(false);
  });
})();
