/* marsad's page: analyze a pasted article, search the store, read an article, follow an actor's
 * timeline, read and manage alerts. Plain JavaScript over the REST API (/api); all text goes
 * into the page through textContent, never as HTML. Offsets are code points: spans.js. */
(function () {
  "use strict";
  var S = window.MarsadSpans;

  var TYPES = {PERSON: "شخص", ORG: "منظمة", GPE: "دولة أو مدينة", LOC: "موقع", FAC: "منشأة"};
  var MODES = {asserted: "وقع", negated: "منفي", planned: "مرتقب", hypothetical: "افتراضي", denied: "مُنكَر"};
  var KINDS = {direct: "مباشر", indirect: "غير مباشر"};

  // -- small helpers -------------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = v;
        else if (k === "class") node.className = v;
        else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) node.appendChild(typeof x === "string" ? document.createTextNode(x) : x); });
      else node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function showError(message) {
    var box = $("error");
    if (!message) { box.hidden = true; box.textContent = ""; return; }
    box.textContent = message;
    box.hidden = false;
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== null && v !== undefined && v !== "") parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(v));
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  /* fetch JSON from the API; an error answer becomes an Error with the API's message */
  function api(path, options) {
    options = options || {};
    var init = {method: options.method || "GET", headers: {"Accept": "application/json"}};
    if (options.body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body);
    }
    return fetch(path, init).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        if (!r.ok) {
          var msg = data && data.error ? data.error.message : ("HTTP " + r.status);
          var err = new Error(msg);
          err.status = r.status;
          throw err;
        }
        return data;
      });
    });
  }

  function busy(button, promise) {
    if (button) button.disabled = true;
    showError(null);
    return promise.catch(function (e) { showError(e.message); }).then(function (v) {
      if (button) button.disabled = false;
      return v;
    });
  }

  function ltr(text) { return el("span", {"class": "ltr", text: text}); }
  function articleLink(id, title) {
    return el("a", {href: "#article/" + encodeURIComponent(id), text: title || id});
  }

  // -- the annotated text --------------------------------------------------------------------
  /* Draw text with the analysis's spans: entity mentions by type, times, quotes, events, and
   * extra spans ({start, end, cls, title}). Returns {node, focus(start, end)}. */
  function annotated(text, analysis, extra) {
    var spans = [];
    var ents = {};
    (analysis.entities || []).forEach(function (e) {
      ents[e.id] = e;
      (e.mentions || []).forEach(function (m) {
        spans.push({start: m.start, end: m.end, kind: "ent", entity: e,
          title: (TYPES[e.type] || e.type) + ": " + e.name + (e.kb_id ? " (" + e.kb_id + ")" : "")});
      });
    });
    (analysis.times || []).forEach(function (t) {
      spans.push({start: t.start, end: t.end, kind: "time", title: "زمن: " + t.text + " ← " + t.value});
    });
    (analysis.quotes || []).forEach(function (q) {
      var who = q.speaker && ents[q.speaker] ? ents[q.speaker].name : "؟";
      spans.push({start: q.start, end: q.end, kind: "quote", title: "اقتباس (" + (KINDS[q.kind] || q.kind) + "): " + who});
    });
    (extra || []).forEach(function (x) { spans.push(x); });
    var node = el("div", {"class": "doc", dir: "auto"});
    S.segments(text, spans).forEach(function (seg) {
      if (!seg.covering.length) { node.appendChild(document.createTextNode(seg.text)); return; }
      var classes = [];
      var titles = [];
      var inner = null;
      var nEnt = 0;
      seg.covering.forEach(function (k) {
        var sp = spans[k];
        titles.push(sp.title || "");
        if (sp.kind === "ent") {
          nEnt++;
          if (!inner || (sp.end - sp.start) < (inner.end - inner.start)) inner = sp;
        } else if (sp.kind === "time") classes.push("time");
        else if (sp.kind === "quote") classes.push("quote");
        else if (sp.cls) classes.push(sp.cls);
      });
      if (inner) { classes.push("m", inner.entity.type); if (nEnt > 1) classes.push("nested"); }
      var span = el("span", {"class": classes.join(" "), title: titles.filter(Boolean).join("\n"),
        "data-start": seg.start, "data-end": seg.end}, seg.text);
      if (inner) {
        var entity = inner.entity;
        span.addEventListener("click", function () { showEntity(entity); });
      }
      node.appendChild(span);
    });
    function focus(start, end) {
      var first = null;
      Array.prototype.forEach.call(node.querySelectorAll("span[data-start]"), function (s) {
        var a = +s.getAttribute("data-start"), b = +s.getAttribute("data-end");
        var on = a < end && start < b;
        s.classList.toggle("focus", on);
        if (on && !first) first = s;
      });
      if (first) first.scrollIntoView({block: "center", behavior: "smooth"});
    }
    return {node: node, focus: focus};
  }

  var entityPanel = null;
  function showEntity(e) {
    if (!entityPanel) return;
    clear(entityPanel);
    entityPanel.appendChild(el("h3", {text: e.name}));
    entityPanel.appendChild(el("div", {"class": "meta"},
      el("span", {"class": "tag " + e.type + "-tag", text: TYPES[e.type] || e.type}),
      e.subtype ? el("span", {"class": "tag", text: e.subtype}) : null,
      e.name_en ? ltr(e.name_en) : null));
    if (!e.kb_id) {
      entityPanel.appendChild(el("p", {"class": "muted", text: "اسم وُجد في هذا النص، غير مرتبط بقاعدة المعرفة."}));
      return;
    }
    entityPanel.appendChild(el("p", {"class": "kb", text: "kb: " + e.kb_id}));
    api("/api/kb/" + encodeURIComponent(e.kb_id)).then(function (k) {
      var rows = [];
      if (k.aliases && k.aliases.length) rows.push(el("div", null, "أسماء أخرى: " + k.aliases.slice(0, 8).join("، ")));
      if (k.country) rows.push(el("div", null, "البلد: ", ltr(k.country)));
      if (k.cameo) rows.push(el("div", null, "رمز CAMEO: ", ltr(k.cameo)));
      (k.roles || []).slice(0, 4).forEach(function (r) {
        rows.push(el("div", null, "منصب: " + r.title + (r.start ? " (" + r.start + (r.end ? " – " + r.end : "") + ")" : "")));
      });
      if (k.wikidata) rows.push(el("div", null, "ويكي بيانات: ", el("a", {href: "https://www.wikidata.org/wiki/" + k.wikidata, rel: "noopener", target: "_blank"}, ltr(k.wikidata))));
      rows.push(el("div", null, el("a", {href: "#timeline/" + encodeURIComponent(e.kb_id), text: "الخط الزمني لهذا الفاعل"})));
      rows.forEach(function (r) { entityPanel.appendChild(r); });
    }).catch(function () { /* the entry may be gone from the KB: the id is shown */ });
  }

  /* The analysis next to its text: lists of entities, times, events, quotes, indicators. */
  function renderAnalysis(box, text, analysis, options) {
    options = options || {};
    clear(box);
    var ents = {};
    (analysis.entities || []).forEach(function (e) { ents[e.id] = e; });
    function name(id) { return id && ents[id] ? ents[id].name : "؟"; }
    var view = annotated(text, analysis, options.extra);
    var legend = el("div", {"class": "legend"},
      Object.keys(TYPES).map(function (t) { return el("span", {"class": t + "-tag", text: TYPES[t]}); }),
      el("span", {"class": "time", text: "زمن"}), el("span", {"class": "quote", text: "اقتباس"}));
    entityPanel = el("div", {"class": "card", id: "entity-panel"}, el("p", {"class": "muted", text: "انقر على اسم في النص لعرض بطاقته."}));
    var side = el("div");
    function section(title, items, render) {
      side.appendChild(el("h3", {text: title + " (" + items.length + ")"}));
      if (!items.length) { side.appendChild(el("p", {"class": "muted", text: "لا شيء"})); return; }
      side.appendChild(el("ul", {"class": "items"}, items.map(render)));
    }
    function jump(start, end) { return function () { view.focus(start, end); }; }
    section("الكيانات", analysis.entities || [], function (e) {
      var first = (e.mentions || [])[0];
      return el("li", null,
        el("button", {"class": "link", type: "button", text: e.name, onclick: function () { showEntity(e); if (first) view.focus(first.start, first.end); }}),
        " ", el("span", {"class": "tag " + e.type + "-tag", text: TYPES[e.type] || e.type}),
        e.kb_id ? el("span", {"class": "kb", text: e.kb_id}) : el("span", {"class": "muted", text: "خارج قاعدة المعرفة"}),
        el("span", {"class": "meta", text: " · " + (e.mentions || []).length + " ذكر"}));
    });
    section("الأزمنة", analysis.times || [], function (t) {
      return el("li", {onclick: jump(t.start, t.end)}, "«" + t.text + "» ← ", ltr(t.value), el("span", {"class": "meta", text: " " + t.type}));
    });
    section("الأحداث", analysis.events || [], function (v) {
      var ev = v.evidence || {start: 0, end: 0};
      return el("li", {onclick: jump(ev.start, ev.end)},
        el("span", {"class": "tag", text: v.code}), (v.label || "") + ": ",
        el("strong", {text: name(v.source)}), " ← ", el("strong", {text: name(v.target)}),
        v.location ? " في " + name(v.location) : "", v.date ? " · " : "", v.date ? ltr(v.date) : null,
        v.mode && v.mode !== "asserted" ? el("span", {"class": "tag", text: MODES[v.mode] || v.mode}) : null,
        el("div", {"class": "meta", text: "«" + S.cpSlice(text, S.cpIndex(text), ev.start, ev.end) + "»"}));
    });
    section("الاقتباسات", analysis.quotes || [], function (q) {
      return el("li", {onclick: jump(q.start, q.end)},
        el("strong", {text: name(q.speaker)}),
        q.channel && q.channel !== q.speaker ? " عبر " + name(q.channel) : "",
        el("span", {"class": "tag", text: KINDS[q.kind] || q.kind}), q.date ? ltr(q.date) : null,
        el("div", {text: "«" + q.text + "»"}));
    });
    section("مؤشرات للمتابعة", analysis.indicators || [], function (ind) {
      var ev = ind.evidence || {start: 0, end: 0};
      var li = el("li", null, el("span", {onclick: jump(ev.start, ev.end), text: ind.text}),
        el("div", {"class": "meta"},
          (ind.actors || []).length ? "الفاعلون: " + ind.actors.map(name).join("، ") + " · " : "",
          ind.event_code ? "حدث " + ind.event_code + " · " : "",
          ind.location ? "المكان: " + name(ind.location) : ""));
      return li;
    });
    if ((analysis.indicators || []).length) {
      var watchBtn = el("button", {type: "button", text: "راقب هذه المؤشرات"});
      watchBtn.addEventListener("click", function () {
        busy(watchBtn, api("/api/watch", {method: "POST", body: {analysis: analysis}}).then(function (r) {
          var made = r.items.filter(function (x) { return x.rule; }).length;
          watchBtn.textContent = "أضيفت " + made + " قاعدة مراقبة";
        }));
      });
      side.appendChild(watchBtn);
    }
    section("الفرضيات", analysis.hypotheses || [], function (h) {
      var ev = h.evidence || {start: 0, end: 0};
      return el("li", {onclick: jump(ev.start, ev.end), text: h.text});
    });
    box.appendChild(legend);
    box.appendChild(el("div", {"class": "layout"}, el("div", null, view.node), el("div", null, entityPanel, side)));
    return view;
  }

  // -- views ---------------------------------------------------------------------------------
  var views = ["analyze", "search", "article", "timeline", "alerts"];
  function show(name) {
    views.forEach(function (v) { $("view-" + v).hidden = v !== name; });
    Array.prototype.forEach.call(document.querySelectorAll("header nav a"), function (a) {
      a.classList.toggle("active", a.getAttribute("data-view") === name);
    });
  }

  $("analyze-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = $("analyze-text").value;
    var button = ev.target.querySelector("button");
    busy(button, api("/api/analyze", {method: "POST", body: {
      text: text, title: $("analyze-title").value || null, published: $("analyze-published").value || null,
    }}).then(function (analysis) {
      renderAnalysis($("analyze-result"), text, analysis);
    }));
  });

  function searchParams() {
    return {q: $("search-q").value, entity: $("search-entity").value, code: $("search-code").value,
      source: $("search-source").value, from: $("search-from").value, to: $("search-to").value};
  }

  function runSearch(params, offset) {
    var box = $("search-result");
    var p = Object.assign({}, params, {limit: 20, offset: offset || 0});
    return busy(null, api("/api/search" + query(p)).then(function (r) {
      clear(box);
      if (!r.items.length) { box.appendChild(el("p", {"class": "muted", text: "لا نتائج."})); return; }
      r.items.forEach(function (h) {
        var snip = el("p");
        S.segments(h.snippet, (h.highlights || []).map(function (x) { return {start: x[0], end: x[1]}; })).forEach(function (seg) {
          snip.appendChild(seg.covering.length ? el("mark", {text: seg.text}) : document.createTextNode(seg.text));
        });
        box.appendChild(el("div", {"class": "card"},
          el("h3", null, articleLink(h.id, h.title || "(بلا عنوان)")),
          el("div", {"class": "meta"}, h.published ? ltr(h.published) : "", h.source ? " · " + h.source : "",
            h.near_duplicate_of ? " · نسخة قريبة من " + h.near_duplicate_of : ""),
          snip));
      });
      var pager = el("div", {"class": "pager"});
      if (p.offset > 0) pager.appendChild(el("button", {type: "button", text: "السابق", onclick: function () { runSearch(params, Math.max(0, p.offset - 20)); }}));
      if (r.items.length === 20) pager.appendChild(el("button", {type: "button", text: "التالي", onclick: function () { runSearch(params, p.offset + 20); }}));
      box.appendChild(pager);
    }));
  }

  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    location.hash = "#search" + query(searchParams());
  });

  function openArticle(id) {
    var box = clear($("article-result"));
    busy(null, Promise.all([
      api("/api/articles/" + encodeURIComponent(id)),
      api("/api/articles/" + encodeURIComponent(id) + "/analysis").catch(function () { return null; }),
    ]).then(function (res) {
      var a = res[0], analysis = res[1] || {entities: [], times: [], events: [], quotes: [], indicators: [], hypotheses: []};
      box.appendChild(el("h2", {text: a.title || "(بلا عنوان)"}));
      box.appendChild(el("div", {"class": "meta"}, a.published ? ltr(a.published) : "تاريخ غير معروف",
        a.source ? " · " + a.source : "", " · ", el("span", {"class": "kb", text: a.id}),
        a.url ? " · " : "", a.url ? el("a", {href: a.url, rel: "noopener", target: "_blank", text: "الأصل"}) : null,
        a.near_duplicate_of ? " · نسخة قريبة من " : "", a.near_duplicate_of ? articleLink(a.near_duplicate_of) : null));
      var extra = [];
      (a.alerts || []).forEach(function (al) {
        var ev = al.evidence || {};
        (ev.events || []).forEach(function (v) { extra.push({start: v.start, end: v.end, cls: "ev", title: "تنبيه: " + al.rule_name}); });
        (ev.keywords || []).forEach(function (k) { extra.push({start: k.start, end: k.end, cls: "hit", title: "كلمة القاعدة " + al.rule}); });
      });
      if ((a.alerts || []).length) {
        box.appendChild(el("div", {"class": "card"}, el("h3", {text: "تنبيهات على هذا المقال"}),
          el("ul", {"class": "items"}, a.alerts.map(function (al) {
            return el("li", null, el("span", {"class": "tag", text: "قاعدة " + al.rule}), al.rule_name);
          }))));
      }
      var holder = el("div");
      box.appendChild(holder);
      renderAnalysis(holder, a.text, analysis, {extra: extra});
    }));
  }

  function openTimeline(actor) {
    $("timeline-actor").value = actor;
    var box = clear($("timeline-result"));
    busy(null, api("/api/timeline" + query({actor: actor})).then(function (r) {
      if (!r.items.length) { box.appendChild(el("p", {"class": "muted", text: "لا أحداث مخزنة لهذا الفاعل."})); return; }
      var list = el("div", {"class": "timeline"});
      r.items.forEach(function (e) {
        list.appendChild(el("div", {"class": "card"},
          el("div", {"class": "meta"}, e.date ? ltr(e.date) : "تاريخ غير معروف"),
          el("div", null, el("span", {"class": "tag", text: e.code}), (e.label || "") + ": ",
            el("strong", {text: e.source || "؟"}), " ← ", el("strong", {text: e.target || "؟"}),
            e.location ? " في " + e.location : ""),
          el("div", {"class": "meta"}, "المصادر: ", (e.articles || []).map(function (a, i) {
            return el("span", null, i ? "، " : "", articleLink(a.id, a.title || a.id), a.outlet ? " (" + a.outlet + ")" : "");
          }))));
      });
      box.appendChild(list);
    }));
  }

  $("timeline-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    location.hash = "#timeline/" + encodeURIComponent($("timeline-actor").value);
  });

  function evidenceLine(ev) {
    if (ev.events && ev.events.length) {
      var v = ev.events[0];
      return el("span", null, el("span", {"class": "tag", text: v.code}), (v.label || "") + ": " + (v.source || "؟") + " ← " + (v.target || "؟") +
        (v.location ? " في " + v.location : "") + " — «" + v.text + "»");
    }
    if (ev.quotes && ev.quotes.length) return el("span", {text: (ev.quotes[0].speaker || "؟") + ": «" + ev.quotes[0].text + "»"});
    if (ev.keywords && ev.keywords.length) {
      var words = [];
      ev.keywords.forEach(function (k) { if (words.indexOf(k.text) < 0) words.push(k.text); });
      return el("span", {text: "كلمات: " + words.join("، ")});
    }
    var names = [];
    (ev.mentions || []).forEach(function (m) { if (names.indexOf(m.entity) < 0) names.push(m.entity); });
    return el("span", {text: "ذكر: " + names.join("، ")});
  }

  /* what a rule watches, in Arabic (the API's description is in English) */
  function describeRule(r) {
    function names(ts) { return ts.map(function (t) { return t.name || t.spec; }); }
    var parts = [];
    if (r.actors.length) parts.push("الفاعلون: " + names(r.actors).join(r.all_actors ? " و" : " أو "));
    if (r.codes.length) parts.push("الحدث: " + r.codes.join(" أو "));
    if (r.places.length) parts.push("المكان: " + names(r.places).join(" أو "));
    if (r.keywords) parts.push("الكلمات: «" + r.keywords + "»");
    if (r.date_from || r.date_to) parts.push("الفترة: " + (r.date_from || "…") + " – " + (r.date_to || "…"));
    return parts.join(" · ");
  }

  function loadAlerts() {
    var box = clear($("alerts-result"));
    var rules = clear($("rules-result"));
    busy(null, Promise.all([api("/api/alerts" + query({since: $("alerts-since").value, limit: 200})), api("/api/watch")]).then(function (res) {
      var alerts = res[0].items, list = res[1].items;
      if (!alerts.length) box.appendChild(el("p", {"class": "muted", text: "لا تنبيهات في هذه الفترة."}));
      alerts.forEach(function (a) {
        box.appendChild(el("div", {"class": "card"},
          el("div", {"class": "meta"}, el("span", {"class": "tag", text: "قاعدة " + a.rule}), a.rule_name, " · ", ltr(a.raised_at)),
          el("h3", null, articleLink(a.article_id, a.article_title || a.article_id)),
          el("div", {"class": "meta"}, a.day ? ltr(a.day) : "", a.article_source ? " · " + a.article_source : ""),
          el("div", null, evidenceLine(a.evidence || {}))));
      });
      if (!list.length) rules.appendChild(el("p", {"class": "muted", text: "لا قواعد بعد."}));
      if (list.length) rules.appendChild(el("ul", {"class": "items"}, list.map(function (r) {
        var del = el("button", {"class": "link", type: "button", text: "احذف"});
        del.addEventListener("click", function () {
          if (!window.confirm("حذف القاعدة " + r.id + " وتنبيهاتها؟")) return;
          busy(del, api("/api/watch/" + r.id, {method: "DELETE"}).then(loadAlerts));
        });
        return el("li", null, el("span", {"class": "tag", text: String(r.id)}), r.name === r.description ? describeRule(r) : r.name,
          el("div", {"class": "meta", text: describeRule(r) + " · " + r.alerts + " تنبيه" + (r.active ? "" : " · موقوفة")}), del);
      })));
    }));
  }

  $("alerts-since").addEventListener("change", loadAlerts);
  $("alerts-run").addEventListener("click", function (ev) {
    busy(ev.target, api("/api/watch/run", {method: "POST"}).then(function (r) {
      ev.target.textContent = "تنبيهات جديدة: " + r.new_alerts;
      loadAlerts();
    }));
  });
  $("rule-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    function list(id) { var v = $(id).value.trim(); return v ? [v] : []; }
    var body = {actors: list("rule-actor"), codes: list("rule-code"), places: list("rule-place"),
      keywords: $("rule-keywords").value.trim() || null};
    busy(ev.target.querySelector("button"), api("/api/watch", {method: "POST", body: body}).then(function () {
      ev.target.reset();
      loadAlerts();
    }));
  });

  // -- routing -------------------------------------------------------------------------------
  function route() {
    var h = location.hash.replace(/^#/, "");
    var name = h.split(/[/?]/)[0] || "analyze";
    var rest = h.slice(name.length);
    showError(null);
    if (views.indexOf(name) < 0) name = "analyze";
    show(name);
    if (name === "article" && rest.charAt(0) === "/") openArticle(decodeURIComponent(rest.slice(1)));
    else if (name === "timeline" && rest.charAt(0) === "/") openTimeline(decodeURIComponent(rest.slice(1)));
    else if (name === "alerts") loadAlerts();
    else if (name === "search" && rest.charAt(0) === "?") {
      var params = {};
      rest.slice(1).split("&").forEach(function (kv) {
        var i = kv.indexOf("=");
        if (i > 0) params[decodeURIComponent(kv.slice(0, i).replace(/\+/g, " "))] = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " "));
      });
      ["q", "entity", "code", "source", "from", "to"].forEach(function (k) { $("search-" + k).value = params[k] || ""; });
      if (params.q) runSearch(params, 0);
    }
  }
  window.addEventListener("hashchange", route);

  api("/api/health").then(function (h) {
    $("store-status").textContent = h.store ? ("المخزن: " + S.countAr(h.store.articles)) : "لا مخزن: التحليل وحده متاح";
  }).catch(function () { $("store-status").textContent = ""; });
  route();
})();
