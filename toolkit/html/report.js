(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".filters input[data-filter]"));
  var items = {};
  document.querySelectorAll("ol.findings li[data-id]").forEach(function (li) { items[li.dataset.id] = li; });
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.f"));
  var tip = document.getElementById("tip");
  var SEVERITY = ["critical", "major", "minor"];

  function allowed(kind, value) {
    return boxes.some(function (b) { return b.dataset.filter === kind && b.value === value && b.checked; });
  }
  function visible(id) {
    var li = items[id];
    return li && allowed("kind", li.dataset.kind) && allowed("severity", li.dataset.severity);
  }
  function worst(ids) {
    return ids.slice().sort(function (a, b) {
      return SEVERITY.indexOf(items[a].dataset.severity) - SEVERITY.indexOf(items[b].dataset.severity);
    })[0];
  }
  function apply() {
    Object.keys(items).forEach(function (id) { items[id].hidden = !visible(id); });
    marks.forEach(function (m) {
      var ids = m.dataset.f.split(" ").filter(visible);
      m.className = "f" + (m.dataset.point ? " point" : "");
      if (ids.length) {
        var top = items[worst(ids)];
        m.classList.add("k-" + top.dataset.kind, "s-" + top.dataset.severity);
        m.tabIndex = 0;
      } else {
        m.classList.add("off");
        m.tabIndex = -1;
      }
    });
    var shown = Object.keys(items).filter(visible).length;
    var count = document.getElementById("shown");
    if (count) { count.textContent = String(shown); }
  }
  function show(m) {
    var ids = m.dataset.f.split(" ").filter(visible);
    if (!ids.length) { return; }
    tip.textContent = "";
    ids.forEach(function (id) { tip.appendChild(items[id].querySelector(".detail").cloneNode(true)); });
    var r = m.getBoundingClientRect();
    tip.hidden = false;
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  function hide() { tip.hidden = true; }

  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  marks.forEach(function (m) {
    m.addEventListener("mouseenter", function () { show(m); });
    m.addEventListener("mouseleave", hide);
    m.addEventListener("focus", function () { show(m); });
    m.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  document.querySelectorAll("ol.findings a[href^='#m-']").forEach(function (a) {
    a.addEventListener("click", function (e) {
      var m = document.getElementById(a.getAttribute("href").slice(1));
      if (!m) { return; }
      e.preventDefault();
      m.scrollIntoView({ block: "center" });
      m.focus();
    });
  });
  document.querySelectorAll("input[data-deletions]").forEach(function (b) {
    b.addEventListener("change", function () {
      document.querySelectorAll(".fixed").forEach(function (p) { p.classList.toggle("hide-del", !b.checked); });
    });
  });
  apply();
})();
