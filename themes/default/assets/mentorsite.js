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
    panel.hidden = false;
    render();
  }

  /* -- the catalogue ------------------------------------------------------------------ */

  function Catalogue(root) {
    this.form = root.querySelector("[data-ms-filters]");
    this.result = root.querySelector("[data-ms-result]");
    this.list = root.querySelector("[data-ms-cards]");
    this.facets = [];
    this.attributes = {};
    var self = this;
    this.form.querySelectorAll("[data-ms-facet]").forEach(function (fieldset) {
      var facet = fieldset.getAttribute("data-ms-facet");
      self.facets.push(facet);
      self.attributes[facet] = fieldset.getAttribute("data-ms-attribute");
    });
    this.counts = {};
    this.form.querySelectorAll("[data-ms-count]").forEach(function (element) {
      self.counts[element.getAttribute("data-ms-count")] = element;
    });
    this.cards = Array.prototype.map.call(this.list.children, function (element, index) {
      var values = {};
      self.facets.forEach(function (facet) {
        values[facet] = (element.getAttribute("data-" + self.attributes[facet]) || "")
          .split(" ").filter(Boolean);
      });
      return {
        element: element,
        id: element.getAttribute("data-mentor"),
        name: element.querySelector("h2").textContent.trim(),
        url: element.querySelector("h2 a").href,
        order: index,
        free: parseInt(element.getAttribute("data-free"), 10) || 0,
        units: values.units || [],
        values: values,
        text: searchable(element.textContent)
      };
    });
    this.byId = {};
    this.cards.forEach(function (card) { self.byId[card.id] = card; });
  }

  Catalogue.prototype.state = function () {
    var data = new FormData(this.form);
    var state = { q: (data.get("q") || "").trim(), notUnit: data.get("not-unit") || "",
      sort: data.get("sort") || "", free: data.get("free") === "1", facets: {} };
    this.facets.forEach(function (facet) { state.facets[facet] = data.getAll(facet); });
    return state;
  };

  Catalogue.prototype.query = function (state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    this.facets.forEach(function (facet) {
      if (state.facets[facet].length) params.set(facet, state.facets[facet].join(","));
    });
    if (state.notUnit) params.set("not-unit", state.notUnit);
    if (state.free) params.set("free", "1");
    if (state.sort) params.set("sort", state.sort);
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  };

  Catalogue.prototype.restore = function () {
    var params = new URLSearchParams(location.search);
    var form = this.form;
    form.elements.q.value = params.get("q") || "";
    form.elements["not-unit"].value = params.get("not-unit") || "";
    form.elements.sort.value = params.get("sort") || "";
    form.elements.free.checked = params.get("free") === "1";
    this.facets.forEach(function (facet) {
      var chosen = (params.get(facet) || "").split(",");
      form.querySelectorAll('input[name="' + facet + '"]').forEach(function (box) {
        box.checked = chosen.indexOf(box.value) !== -1;
      });
    });
  };

  // Which tests a card passes: one per facet, and one for everything else.
  Catalogue.prototype.tests = function (card, state, terms) {
    var passes = {};
    this.facets.forEach(function (facet) {
      var chosen = state.facets[facet];
      passes[facet] = !chosen.length || chosen.some(function (value) {
        return card.values[facet].indexOf(value) !== -1;
      });
    });
    passes.free = !state.free || card.free > 0;
    var text = card.text + (card.extra || "");
    passes.rest = (!state.notUnit || card.units.indexOf(state.notUnit) === -1) &&
      terms.every(function (term) {
        return text.indexOf(term[0]) !== -1 || text.indexOf(term[1]) !== -1;
      });
    return passes;
  };

  Catalogue.prototype.apply = function () {
    var state = this.state();
    var terms = state.q.split(/\s+/).filter(Boolean).map(function (term) {
      return [foldShort(term), foldLong(term)];
    });
    var keys = this.facets.concat(["free", "rest"]);
    var counts = {};
    var shown = 0;
    var self = this;
    var matching = [];
    this.cards.forEach(function (card) {
      var passes = self.tests(card, state, terms);
      var failed = keys.filter(function (key) { return !passes[key]; });
      card.matches = failed.length === 0;
      if (card.matches) shown += 1;
      // A value's count: how many mentors there would be with it, the other filters as they are.
      self.facets.forEach(function (facet) {
        if (failed.length === 0 || (failed.length === 1 && failed[0] === facet)) {
          card.values[facet].forEach(function (value) {
            var key = facet + ":" + value;
            counts[key] = (counts[key] || 0) + 1;
          });
        }
      });
      if ((failed.length === 0 || (failed.length === 1 && failed[0] === "free")) && card.free > 0) {
        counts["free:1"] = (counts["free:1"] || 0) + 1;
      }
    });
    Object.keys(this.counts).forEach(function (key) {
      var text = "(" + (counts[key] || 0) + ")";
      if (self.counts[key].textContent !== text) self.counts[key].textContent = text;
    });
    this.sort(state.sort);
    this.show();
    return state;
  };

  // Shows the first `limit` matching cards, in the current order, and says how many match.
  Catalogue.prototype.show = function () {
    var limit = this.limit;
    var visible = 0;
    var total = 0;
    this.order.forEach(function (card) {
      var on = card.matches && visible < limit;
      if (card.matches) total += 1;
      if (on) visible += 1;
      if (card.element.hidden === on) card.element.hidden = !on;
    });
    var result = this.result;
    var template = total === 0 ? result.getAttribute("data-none")
      : visible < total ? result.getAttribute("data-some")
      : result.getAttribute(total === 1 ? "data-one" : "data-other");
    result.textContent = format(template, { count: total, shown: visible });
    this.more.hidden = visible >= total;
  };

  Catalogue.prototype.sort = function (how) {
    if (how === this.sorted) return;
    this.sorted = how;
    var order = this.cards.slice();
    if (how === "name") {
      order.sort(function (a, b) { return a.name.localeCompare(b.name, document.documentElement.lang); });
    } else if (how === "free") {
      order.sort(function (a, b) { return b.free - a.free || a.order - b.order; });
    } else {
      order.sort(function (a, b) { return a.order - b.order; });
    }
    this.order = order;
    // Reordered while out of the document, so that the page is laid out once, not per card.
    var list = this.list;
    var parent = list.parentNode;
    var next = list.nextSibling;
    parent.removeChild(list);
    order.forEach(function (card) { list.appendChild(card.element); });
    parent.insertBefore(list, next);
  };

  Catalogue.prototype.start = function () {
    var self = this;
    var typing = null;
    this.sorted = "";
    this.order = this.cards.slice();
    this.limit = PAGE_SIZE;
    this.more = document.querySelector("[data-ms-more]");
    this.more.addEventListener("click", function () {
      var first = self.order.filter(function (card) { return card.matches; })[self.limit];
      self.limit += PAGE_SIZE;
      self.show();
      // Keyboard users go on where the new cards begin.
      if (first) first.element.querySelector("h2 a").focus();
    });
    this.form.hidden = false;
    this.restore();
    this.apply();
    function changed(push) {
      self.limit = PAGE_SIZE;
      var state = self.apply();
      var url = self.query(state);
      if (url === location.search || (url === location.pathname && !location.search)) return;
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
    this.form.addEventListener("change", function (event) {
      if (event.target.name !== "q") changed(true);
    });
    this.form.addEventListener("input", function (event) {
      if (event.target.name !== "q") return;
      self.limit = PAGE_SIZE;
      self.apply();
      clearTimeout(typing);
      typing = setTimeout(function () { changed(false); }, 400);
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.form.querySelector("[data-ms-clear]").addEventListener("click", function () {
      self.form.reset();
      changed(true);
    });
    window.addEventListener("popstate", function () { self.restore(); self.apply(); });

    // Stars on the cards; their labels come from the shortlist panel.
    var panel = document.querySelector("[data-ms-shortlist]");
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
