// Reader pages on small screens: the header's menu behind one button, and search filters folded away. The page's
// head marks <html class="js"> first, so the menu is folded before it is drawn.
(function () {
  const wide = window.matchMedia("(min-width: 40.0625rem)");

  const toggle = document.querySelector(".menu-toggle");
  const menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (menu) {
    toggle.addEventListener("click", function () {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      menu.classList.toggle("open", open);
      if (open) {
        const field = menu.querySelector("input[type=search]");
        if (field) field.focus();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("open")) {
        toggle.click();
        toggle.focus();
      }
    });
  }

  function unfoldOnWideScreens() {
    document.querySelectorAll("details[data-open-on-wide-screens]").forEach(function (details) {
      details.open = wide.matches;
    });
  }
  unfoldOnWideScreens();
  wide.addEventListener("change", unfoldOnWideScreens);
})();
