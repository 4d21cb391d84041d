/* mentorsite: enhancements of pages that already work without script.
 *
 * - The catalogue (/mentors/): facets, free-text search, "not from my unit", sorting,
 *   counts per value, all kept in the URL's query string.
 * - The shortlist: stars on cards and profiles, kept in localStorage, sent to the
 *   coordinator in one step.
 * - Checklists: ticks kept in localStorage per programme and role, a reset, a print button.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "mentorsite.shortlist";
  // Cards shown at a time; "show more" adds as many. Laying out thousands of cards at every
  // change would make each click slow.
  var PAGE_SIZE = 60;

  /* -- text folding: case, accents and the Danish letters do not matter ---------------- */

  function strip(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  // Two spellings of a Danish name, so that "sogaard" and "soegaard" both find Søgaard.
  function foldShort(text) {
    return strip(text.toLowerCase().replace(/ø/g, "o").replace(/æ/g, "ae").replace(/ß/g, "ss"));
  }
  function foldLong(text) {
    return strip(text.toLowerCase().replace(/ø/g, "oe").replace(/æ/g, "ae")
      .replace(/å/g, "aa").replace(/ß/g, "ss"));
  }
  function searchable(text) {
    return foldShort(text) + " " + foldLong(text);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  /* -- the shortlist ------------------------------------------------------------------ */

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    if (config) {
      try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* keep "." */ }
    }
    return new URL(base.replace(/\/?$/, "/"), location.href).href;
  }

  var shortlist = {
    key: null,
    read: function () {
      try {
        var items = JSON.parse(localStorage.getItem(this.key) || "[]");
        return Array.isArray(items) ? items : [];
      } catch (error) {
        return [];
      }
    },
    write: function (items) {
      try { localStorage.setItem(this.key, JSON.stringify(items)); } catch (error) { /* private mode */ }
      document.dispatchEvent(new CustomEvent("mentorsite:shortlist"));
    },
    has: function (id) {
      return this.read().some(function (item) { return item.id === id; });
    },
    toggle: function (entry) {
      var items = this.read();
      var kept = items.filter(function (item) { return item.id !== entry.id; });
      if (kept.length === items.length) kept.push(entry);
      this.write(kept);
    },
    // The order is the mentee's preference, the first most wished: a pick moves up or down.
    move: function (id, by) {
      var items = this.read();
      var from = items.findIndex(function (item) { return item.id === id; });
      var to = from + by;
      if (from < 0 || to < 0 || to >= items.length) return;
      items.splice(to, 0, items.splice(from, 1)[0]);
      this.write(items);
    }
  };

  function starButton(entry, labels) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ms-star";
    button.setAttribute("data-ms-star", entry.id);
    function show() {
      var on = shortlist.has(entry.id);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.setAttribute("aria-label", format(on ? labels.remove : labels.add, { name: entry.name }));
      button.title = button.getAttribute("aria-label");
      button.textContent = on ? "\u2605" : "\u2606";
    }
    button.addEventListener("click", function () { shortlist.toggle(entry); });
    document.addEventListener("mentorsite:shortlist", show);
    show();
    return button;
  }

  function profileStar() {
    document.querySelectorAll("[data-ms-star-for]").forEach(function (slot) {
      if (slot.firstChild) return;
      var entry = { id: slot.getAttribute("data-ms-star-for"), name: slot.getAttribute("data-name"),
        url: location.href.split(/[?#]/)[0] };
      slot.appendChild(starButton(entry, { add: slot.getAttribute("data-star-add"),
        remove: slot.getAttribute("data-star-remove") }));
    });
  }

  // The panel stands above the results only while the list has mentors: an empty one
  // would push the cards down.
  function shortlistPanel(panel) {
    var list = panel.querySelector("[data-ms-shortlist-items]");
    var empty = panel.querySelector("[data-ms-shortlist-empty]");
    var send = panel.querySelector("[data-ms-shortlist-send]");
    var clear = panel.querySelector("[data-ms-shortlist-clear]");
    var order = panel.querySelector("[data-ms-shortlist-order]");
    var moved = null;  // the button that moved a pick: focus stays on it after the list is redrawn
    function moveButton(item, by, count, at) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ms-shortlist__move";
      button.textContent = by < 0 ? "\u2191" : "\u2193";
      button.setAttribute("aria-label", format(order.getAttribute(by < 0 ? "data-up" : "data-down"),
        { name: item.name }));
      button.title = button.getAttribute("aria-label");
      button.setAttribute("data-ms-move", item.id + (by < 0 ? ":up" : ":down"));
      button.disabled = by < 0 ? at === 0 : at === count - 1;
      button.addEventListener("click", function () {
        moved = button.getAttribute("data-ms-move");
        shortlist.move(item.id, by);
      });
      return button;
    }
    function render() {
      var items = shortlist.read();
      list.textContent = "";
      items.forEach(function (item, at) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = item.name;
        li.appendChild(link);
        if (items.length > 1) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(moveButton(item, -1, items.length, at));
          li.appendChild(moveButton(item, 1, items.length, at));
        }
        list.appendChild(li);
      });
      if (moved) {
        var again = list.querySelector('[data-ms-move="' + moved + '"]');
        var other = again && again.parentNode.querySelector(".ms-shortlist__move:not([disabled])");
        if (again && !again.disabled) again.focus(); else if (other) other.focus();
        moved = null;
      }
      empty.hidden = items.length > 0;
      order.hidden = items.length < 2;
      panel.hidden = items.length === 0;
      send.hidden = clear.hidden = items.length === 0;
      // The picks in the mentee's order, numbered, and their ids as the pairs file takes them.
      var lines = items.map(function (item, at) { return (at + 1) + ". " + item.name + ": " + item.url; });
      var ids = items.map(function (item) { return item.id; }).join(", ");
      var body = panel.getAttribute("data-intro") + "\n\n" + lines.join("\n") + "\n\n" +
        format(order.getAttribute("data-ids"), { ids: ids }) + "\n";
      if (panel.hasAttribute("data-mailto")) {
        // data-mailto is a mailto: URL with the address already percent-encoded.
        send.href = panel.getAttribute("data-mailto") +
          "?subject=" + encodeURIComponent(panel.getAttribute("data-subject")) +
          "&body=" + encodeURIComponent(body);
      } else {
        var form = new URL(panel.getAttribute("data-form"));
        form.searchParams.set("mentors", items.map(function (item) { return item.name; }).join(", "));
        send.href = form.href;
      }
    }
    clear.addEventListener("click", function () { shortlist.write([]); });
    document.addEventListener("mentorsite:shortlist", render);
    render();
  }

  /* -- the catalogue ------------------------------------------------------------------ */

  // Names in the build's alphabetical order (æ, ø, å after z): plain string comparison of
  // these keys sorts thousands of names in a few milliseconds.
  function sortKey(name) {
    return name.toLowerCase().replace(/[æä]/g, "z{").replace(/[øö]/g, "z|").replace(/å/g, "z}");
  }

  // Everything a change needs is worked out once here: each card's values as numbers, the
  // boxes and counts of each facet. A change then walks plain arrays and touches only the
  // cards and counts that change.
  function Catalogue(root) {
    var self = this;
    this.root = root;
    this.form = root.querySelector("[data-ms-filters]");
    this.sidebar = root.querySelector("[data-ms-sidebar]");
    this.result = root.querySelector("[data-ms-result]");
    this.list = root.querySelector("[data-ms-cards]");
    this.facets = Array.prototype.map.call(this.sidebar.querySelectorAll("[data-ms-facet]"),
      function (fieldset) {
        var facet = { key: fieldset.getAttribute("data-ms-facet"),
          attribute: fieldset.getAttribute("data-ms-attribute"), fieldset: fieldset,
          index: {}, boxes: [], counts: [], names: [], shown: [] };
        fieldset.querySelectorAll("input").forEach(function (box) {
          facet.index[box.value] = facet.boxes.length;
          facet.boxes.push(box);
          facet.counts.push(fieldset.querySelector("[data-ms-count='" + facet.key + ":" + box.value + "']"));
          facet.names.push(box.parentNode.querySelector("[data-ms-name]").textContent);
          facet.shown.push(null);
        });
        return facet;
      });
    // The fields, found once: a form's `elements` with fields outside it (form="...") is
    // looked up again in the whole page after every change of the page.
    this.fields = { q: root.querySelector("#ms-q"), sort: root.querySelector("#ms-sort"),
      "not-unit": root.querySelector("#ms-not-unit") };
    this.free = { box: this.sidebar.querySelector("input[name='free']"), count: this.sidebar.querySelector("[data-ms-count='free:1']"),
      shown: null };
    this.cards = Array.prototype.map.call(this.list.children, function (element, index) {
      var link = element.querySelector("h2 a");
      var name = link.textContent.trim();
      return {
        element: element,
        id: element.getAttribute("data-mentor"),
        name: name,
        key: sortKey(name),
        url: link.href,
        order: index,
        free: parseInt(element.getAttribute("data-free"), 10) || 0,
        units: (element.getAttribute("data-u") || "").split(" "),
        values: self.facets.map(function (facet) {
          var found = [];
          (element.getAttribute("data-" + facet.attribute) || "").split(" ").forEach(function (value) {
            if (value in facet.index) found.push(facet.index[value]);
          });
          return found;
        }),
        text: searchable(element.textContent),
        matches: true
      };
    });
    this.byId = {};
    this.cards.forEach(function (card) { self.byId[card.id] = card; });
    this.orders = { "": this.cards };
    this.list.textContent = "";
  }

  Catalogue.prototype.ordered = function (how) {
    if (!this.orders[how]) {
      var order = this.cards.slice();
      if (how === "name") {
        order.sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order; });
      } else if (how === "free") {
        order.sort(function (a, b) { return b.free - a.free || a.order - b.order; });
      }
      this.orders[how] = order;
    }
    return this.orders[how];
  };

  Catalogue.prototype.state = function () {
    var form = this.fields;
    var state = { q: form.q.value.trim(), notUnit: form["not-unit"].value,
      sort: form.sort.value, free: this.free.box.checked, facets: {}, chosen: [] };
    this.facets.forEach(function (facet) {
      var chosen = [];
      var flags = new Uint8Array(facet.boxes.length);
      facet.boxes.forEach(function (box, i) {
        if (box.checked) { chosen.push(box.value); flags[i] = 1; }
      });
      state.facets[facet.key] = chosen;
      state.chosen.push(chosen.length ? flags : null);
    });
    return state;
  };

  Catalogue.prototype.query = function (state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    this.facets.forEach(function (facet) {
      if (state.facets[facet.key].length) params.set(facet.key, state.facets[facet.key].join(","));
    });
    if (state.notUnit) params.set("not-unit", state.notUnit);
    if (state.free) params.set("free", "1");
    if (state.sort) params.set("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  };

  Catalogue.prototype.restore = function () {
    var params = new URLSearchParams(location.search);
    var form = this.fields;
    form.q.value = params.get("q") || "";
    form["not-unit"].value = params.get("not-unit") || "";
    form.sort.value = params.get("sort") || "";
    this.free.box.checked = params.get("free") === "1";
    this.facets.forEach(function (facet) {
      var chosen = (params.get(facet.key) || "").split(",");
      facet.boxes.forEach(function (box) { box.checked = chosen.indexOf(box.value) !== -1; });
      // A chosen value beyond the first few shows its whole group.
      if (facet.fieldset.querySelector("[data-ms-rest] input:checked")) expand(facet.fieldset, true);
    });
  };

  // Filters every card and counts, for each value, how many mentors there would be with
  // it, the other filters as they are. Values are OR-ed within a facet, facets AND-ed.
  Catalogue.prototype.apply = function () {
    var state = this.state();
    var terms = state.q.split(/\s+/).filter(Boolean).map(function (term) {
      return [foldShort(term), foldLong(term)];
    });
    var facets = this.facets;
    var chosen = state.chosen;
    var counts = facets.map(function (facet) { return new Int32Array(facet.boxes.length); });
    var freeCount = 0;
    var total = 0;
    var cards = this.cards;
    for (var c = 0; c < cards.length; c += 1) {
      var card = cards[c];
      var failures = 0;
      var failed = -1;
      for (var f = 0; f < facets.length && failures < 2; f += 1) {
        var flags = chosen[f];
        if (!flags) continue;
        var values = card.values[f];
        var ok = false;
        for (var v = 0; v < values.length; v += 1) {
          if (flags[values[v]]) { ok = true; break; }
        }
        if (!ok) { failures += 1; failed = f; }
      }
      var rest = failures < 2 && (!state.notUnit || card.units.indexOf(state.notUnit) === -1) &&
        matchesText(card, terms);
      var freeOk = !state.free || card.free > 0;
      card.matches = rest && freeOk && failures === 0;
      if (!rest) continue;
      if (card.matches) total += 1;
      if (failures === 0 && card.free > 0) freeCount += 1;
      if (!freeOk) continue;
      for (f = 0; f < facets.length; f += 1) {
        if (failures === 1 && failed !== f) continue;
        values = card.values[f];
        for (v = 0; v < values.length; v += 1) counts[f][values[v]] += 1;
      }
    }
    facets.forEach(function (facet, f) {
      facet.boxes.forEach(function (box, i) { showCount(facet, i, counts[f][i]); });
    });
    showCount(this.free, -1, freeCount);
    this.total = total;
    this.order = this.ordered(state.sort);
    this.show();
    this.showActive(state);
    return state;
  };

  function matchesText(card, terms) {
    if (!terms.length) return true;
    var text = card.extra ? card.text + card.extra : card.text;
    return terms.every(function (term) {
      return text.indexOf(term[0]) !== -1 || text.indexOf(term[1]) !== -1;
    });
  }

  // A count, and whether its value can be ticked: one that would leave no mentor cannot,
  // unless it is ticked already.
  function showCount(facet, i, count) {
    var shown = i < 0 ? facet.shown : facet.shown[i];
    if (shown === count) return;
    if (i < 0) facet.shown = count; else facet.shown[i] = count;
    var box = i < 0 ? facet.box : facet.boxes[i];
    var element = i < 0 ? facet.count : facet.counts[i];
    element.textContent = "(" + count + ")";
    box.disabled = count === 0 && !box.checked;
  }

  // Shows the first `limit` matching cards in the current order. Only they stand in the
  // list: the others wait outside the page, so that a change moves at most the cards that
  // come and go, and the browser lays out a short list, however many mentors there are.
  Catalogue.prototype.show = function () {
    var limit = this.limit;
    var visible = [];
    var order = this.order;
    for (var i = 0; i < order.length && visible.length < limit; i += 1) {
      if (order[i].matches) visible.push(order[i]);
    }
    var list = this.list;
    var children = list.children;
    visible.forEach(function (card, position) {
      if (children[position] !== card.element) list.insertBefore(card.element, children[position] || null);
    });
    while (children.length > visible.length) list.removeChild(children[children.length - 1]);
    this.visible = visible;
    var total = this.total;
    var result = this.result;
    var template = total === 0 ? result.getAttribute("data-none")
      : visible.length < total ? result.getAttribute("data-some")
      : result.getAttribute(total === 1 ? "data-one" : "data-other");
    result.textContent = format(template, { count: total, shown: visible.length });
    this.more.hidden = visible.length >= total;
  };

  // The chosen filters as chips above the results, each removed with one click, and their
  // number on the button that opens the filters on a phone.
  Catalogue.prototype.showActive = function (state) {
    var chips = [];
    var self = this;
    this.facets.forEach(function (facet) {
      facet.boxes.forEach(function (box, i) {
        if (box.checked) chips.push({ name: facet.names[i], box: box });
      });
    });
    if (state.free) chips.push({ name: this.free.box.parentNode.textContent.replace(/\(\d+\)\s*$/, "").trim(), box: this.free.box });
    var select = this.fields["not-unit"];
    if (state.notUnit) {
      chips.push({ name: "\u2212 " + select.options[select.selectedIndex].textContent.trim(), select: select });
    }
    var signature = chips.map(function (chip) { return chip.name; }).join("\n");
    this.toggle.querySelector("[data-ms-active-count]").textContent = chips.length ? "(" + chips.length + ")" : "";
    if (signature === this.signature) return;
    this.signature = signature;
    var list = this.active.querySelector("[data-ms-active-list]");
    var label = list.getAttribute("data-remove");
    list.textContent = "";
    chips.forEach(function (chip) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "ms-active__chip";
      button.textContent = chip.name + " \u00d7";
      button.setAttribute("aria-label", format(label, { name: chip.name }));
      button.addEventListener("click", function () {
        if (chip.box) chip.box.checked = false; else chip.select.value = "";
        self.changed(true);
        var next = list.querySelector("button") || self.fields.q;
        next.focus();
      });
      li.appendChild(button);
      list.appendChild(li);
    });
    this.active.hidden = chips.length === 0;
  };

  Catalogue.prototype.changed = function (push) {
    this.limit = PAGE_SIZE;
    var url = this.query(this.apply());
    if (url === location.search || (url === location.pathname && !location.search)) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  };

  // A facet's group shows its first values; "show all" the others.
  function expand(fieldset, open) {
    var button = fieldset.querySelector("[data-ms-all]");
    if (!button) return;
    if (!button.hasAttribute("data-all")) button.setAttribute("data-all", button.textContent);
    fieldset.querySelectorAll("[data-ms-rest]").forEach(function (label) { label.hidden = !open; });
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = button.getAttribute(open ? "data-fewer" : "data-all");
  }

  Catalogue.prototype.start = function () {
    var self = this;
    var typing = null;
    var sidebar = this.sidebar;
    this.limit = PAGE_SIZE;
    this.more = this.root.querySelector("[data-ms-more]");
    this.active = this.root.querySelector("[data-ms-active]");
    this.toggle = this.form.querySelector("[data-ms-toggle]");
    this.more.addEventListener("click", function () {
      var first = self.order.filter(function (card) { return card.matches; })[self.limit];
      self.limit += PAGE_SIZE;
      self.show();
      // Keyboard users go on where the new cards begin.
      if (first) first.element.querySelector("h2 a").focus();
    });
    this.form.hidden = false;
    sidebar.hidden = false;
    this.root.querySelectorAll("[data-ms-skips] [hidden]").forEach(function (link) { link.hidden = false; });
    sidebar.querySelectorAll("[data-ms-all]").forEach(function (button) {
      button.addEventListener("click", function () {
        expand(button.parentNode, button.getAttribute("aria-expanded") !== "true");
      });
    });
    // On a phone the filters open below the button that names how many are chosen.
    function open(on) {
      sidebar.classList.toggle("ms-sidebar--open", on);
      self.toggle.setAttribute("aria-expanded", on ? "true" : "false");
    }
    this.toggle.addEventListener("click", function () {
      open(self.toggle.getAttribute("aria-expanded") !== "true");
    });
    this.root.querySelectorAll("a[href='#ms-facets']").forEach(function (link) {
      link.addEventListener("click", function () { open(true); });
    });
    this.restore();
    this.apply();
    function changedBy(event) {
      if (event.target.name && event.target.name !== "q") self.changed(true);
    }
    this.form.addEventListener("change", changedBy);
    sidebar.addEventListener("change", changedBy);
    this.form.addEventListener("input", function (event) {
      if (event.target.name !== "q") return;
      self.limit = PAGE_SIZE;
      self.apply();
      clearTimeout(typing);
      typing = setTimeout(function () { self.changed(false); }, 400);
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.active.querySelector("[data-ms-clear]").addEventListener("click", function () {
      self.form.reset();
      self.free.box.checked = false;
      self.fields["not-unit"].value = "";
      self.facets.forEach(function (facet) {
        facet.boxes.forEach(function (box) { box.checked = false; });
      });
      self.changed(true);
      self.fields.q.focus();
    });
    window.addEventListener("popstate", function () { self.restore(); self.apply(); });

    // Stars on the cards; their labels come from the shortlist panel.
    var panel = this.root.querySelector("[data-ms-shortlist]");
    var labels = { add: panel.getAttribute("data-star-add"), remove: panel.getAttribute("data-star-remove") };
    this.cards.forEach(function (card) {
      var body = card.element.querySelector("div");
      body.appendChild(starButton({ id: card.id, name: card.name, url: card.url }, labels));
    });
    shortlistPanel(panel);

    // The bios are searched too: they come with the catalogue's JSON export.
    var source = this.list.getAttribute("data-ms-json");
    if (source && window.fetch) {
      fetch(source).then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data || !data.mentors) return;
          data.mentors.forEach(function (mentor) {
            var card = self.byId[mentor.id];
            if (card && mentor.bio) card.extra = " " + searchable(mentor.bio);
          });
          self.apply();
        }).catch(function () { /* the cards' own text is searched still */ });
    }
  };

  /* -- checklists: ticks kept per programme and role -------------------------------- */

  var CHECKLIST_KEY = "mentorsite.checklist";

  function startChecklist(box) {
    if (box.hasAttribute("data-ms-started")) return;
    box.setAttribute("data-ms-started", "");
    // One entry per site, programme and role: the ticked items' keys.
    var key = CHECKLIST_KEY + ":" + new URL(siteRoot()).pathname + ":" +
      box.getAttribute("data-ms-checklist");
    var inputs = box.querySelectorAll("input[data-ms-item]");
    var status = box.querySelector("[data-ms-checklist-status]");
    var ticked = [];
    try {
      ticked = JSON.parse(localStorage.getItem(key) || "[]");
      if (!Array.isArray(ticked)) ticked = [];
    } catch (error) { /* nothing kept */ }
    function save() {
      // Items no longer on the page drop out here: their ticks were for a text that changed.
      var keys = [];
      inputs.forEach(function (input) {
        if (input.checked) keys.push(input.getAttribute("data-ms-item"));
      });
      try {
        if (keys.length) localStorage.setItem(key, JSON.stringify(keys));
        else localStorage.removeItem(key);
      } catch (error) { /* private mode: ticks last as long as the page */ }
    }
    inputs.forEach(function (input) {
      input.checked = ticked.indexOf(input.getAttribute("data-ms-item")) >= 0;
      input.addEventListener("change", function () {
        save();
        status.textContent = status.getAttribute("data-ms-kept");
      });
    });
    box.querySelector("[data-ms-reset]").onclick = function () {
      inputs.forEach(function (input) { input.checked = false; });
      save();
      status.textContent = status.getAttribute("data-ms-cleared");
    };
    box.querySelector("[data-ms-checklist-tools]").hidden = false;
  }

  /* -- start ---------------------------------------------------------------------------- */

  // Material's search dialog has no name of its own; give it the one of its search field.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    var input = dialog && dialog.querySelector("input[aria-label]");
    if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  }

  function enhance() {
    nameSearchDialog();
    shortlist.key = STORAGE_KEY + ":" + new URL(siteRoot()).pathname;
    document.querySelectorAll("[data-ms-print]").forEach(function (button) {
      button.hidden = false;
      button.onclick = function () { window.print(); };
    });
    document.querySelectorAll("[data-ms-checklist]").forEach(startChecklist);
    profileStar();
    var filters = document.querySelector("[data-ms-filters]");
    if (filters && !filters.hasAttribute("data-ms-started")) {
      filters.setAttribute("data-ms-started", "");
      new Catalogue(filters.parentNode).start();
    }
  }

  // Material's instant navigation swaps pages without a reload; document$ tells us when.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
