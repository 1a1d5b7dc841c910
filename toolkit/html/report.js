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

  // The fixed text an editor chooses: fixes applied (ticked) and suggestions left (unticked).
  var files = {};
  document.querySelectorAll("section.file").forEach(function (section) {
    var script = section.querySelector("script.changes");
    if (!script) { return; }
    var data = JSON.parse(script.textContent);
    data.byId = {};
    data.changes.forEach(function (c) { c.choice = 0; data.byId[c.id] = c; });
    data.section = section;
    files[section.dataset.file] = data;
  });
  function esc(text) {
    return text.replace(/&/g, "&amp;").replace(/[<]/g, "&lt;").replace(/[>]/g, "&gt;").replace(/"/g, "&quot;");
  }
  function conflict(a, b) {
    if (a.start === a.end && b.start === b.end) { return a.start === b.start; }
    if (a.start === a.end) { return b.start < a.start && a.start < b.end; }
    if (b.start === b.end) { return a.start < b.start && b.start < a.end; }
    return a.start < b.end && b.start < a.end;
  }
  function chosen(data) {
    return data.changes.filter(function (c) {
      return c.follows ? data.byId[c.follows] && data.byId[c.follows].on : c.on;
    }).sort(function (a, b) { return a.start - b.start || a.end - b.end; });
  }
  function walk(data, text, change) {
    var position = 0;
    chosen(data).forEach(function (c) {
      if (c.start < position) { return; }
      text(position, c.start);
      change(c);
      position = c.end;
    });
    text(position, data.text.length);
  }
  function corrected(data) {
    var out = [];
    walk(data, function (a, b) { out.push(data.text.slice(a, b)); },
      function (c) { out.push(c.options[c.choice]); });
    return out.join("");
  }
  function render(data) {
    var rows = Array.prototype.slice.call(data.section.querySelectorAll(".text.fixed"));
    var bounds = data.bounds, pieces = rows.map(function () { return []; });
    function rowOf(offset) {
      var i = 0;
      while (i + 1 < rows.length && bounds[i + 1] <= offset) { i += 1; }
      return i;
    }
    walk(data, function (a, b) {
      var cut = a;
      bounds.forEach(function (bound) {
        if (bound > cut && bound < b) { pieces[rowOf(cut)].push(esc(data.text.slice(cut, bound))); cut = bound; }
      });
      if (b > cut) { pieces[rowOf(cut)].push(esc(data.text.slice(cut, b))); }
    }, function (c) {
      var rule = esc(c.rule), row = pieces[rowOf(c.start)], text = c.options[c.choice];
      if (c.end > c.start) { row.push('<del title="' + rule + '">' + esc(data.text.slice(c.start, c.end)) + "</del>"); }
      if (text) { row.push('<ins title="' + rule + '">' + esc(text) + "</ins>"); }
    });
    rows.forEach(function (row, i) { row.innerHTML = pieces[i].join(""); });
    var count = data.changes.filter(function (c) { return c.on && !c.follows; }).length;
    var label = data.section.querySelector(".chosen");
    if (label) { label.textContent = count + " change(s) chosen"; }
  }
  document.querySelectorAll("input[data-change]").forEach(function (box) {
    var id = box.dataset.change, data = files[id.split("-")[0]];
    var change = data && data.byId[id];
    if (!change) { box.disabled = true; return; }
    box.addEventListener("change", function () {
      change.on = box.checked;
      if (change.on) {
        data.changes.forEach(function (other) {
          if (other !== change && other.on && !other.follows && conflict(change, other)) {
            other.on = false;
            var twin = document.querySelector('input[data-change="' + other.id + '"]');
            if (twin) { twin.checked = false; }
          }
        });
      }
      render(data);
    });
  });
  document.querySelectorAll("select[data-choice]").forEach(function (select) {
    var id = select.dataset.choice, data = files[id.split("-")[0]];
    select.addEventListener("change", function () {
      data.byId[id].choice = select.selectedIndex;
      if (data.byId[id].on) { render(data); }
    });
  });
  document.querySelectorAll("button.download").forEach(function (button) {
    button.addEventListener("click", function () {
      var data = files[button.dataset.file];
      var url = URL.createObjectURL(new Blob([corrected(data)], { type: "text/plain;charset=utf-8" }));
      var link = document.createElement("a");
      link.href = url;
      link.download = data.name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });
  });
  Object.keys(files).forEach(function (key) {
    var data = files[key], label = data.section.querySelector(".chosen");
    if (label) { label.textContent = data.changes.filter(function (c) { return c.on && !c.follows; }).length + " change(s) chosen"; }
  });
})();
