/* newsweave web page: compose a brief, show a brief (the Stories page: stories.js).
 *
 * Safety rule: article text (and anything else that comes from a brief) is only ever
 * put on the page with textContent / text nodes, never as HTML. The page's
 * Content-Security-Policy forbids inline script as a second line of defence.
 */
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const ACCEPT = /\.(txt|text|md|markdown|html?|xhtml)$/i;
  const MAX_FILE_BYTES = 5_000_000;
  const PALETTE = 8;

  /* ---------- small DOM helpers (text only, never HTML) -------------------------- */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "text") node.textContent = v;
        else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
        else if (k === "dataset") Object.assign(node.dataset, v);
        else node.setAttribute(k, v === true ? "" : String(v));
      }
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };
  const show = (node, on = true) => { node.hidden = !on; return node; };

  function toast(message) {
    const t = $("toast");
    t.textContent = message;
    show(t);
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => show(t, false), 2200);
  }

  function formatDate(iso, withWeekday = false) {
    if (!iso) return "";
    const d = new Date(iso.length === 10 ? iso + "T12:00:00Z" : iso);
    if (isNaN(d)) return iso;
    const opts = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
    if (withWeekday) opts.weekday = "short";
    return d.toLocaleDateString("en-GB", opts);
  }
  function formatWhen(iso) {
    const d = new Date(iso);
    if (isNaN(d)) return iso || "";
    return d.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric",
                                       hour: "2-digit", minute: "2-digit" });
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : (many || one + "s")}`;
  const kb = (n) => n < 1000 ? `${n} B` : n < 1e6 ? `${Math.round(n / 1000)} kB` : `${(n / 1e6).toFixed(1)} MB`;

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      throw new Error("cannot reach the newsweave server: is `newsweave serve` still running?");
    }
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON */ }
    if (!response.ok) {
      const err = new Error((body && typeof body.detail === "string") ? body.detail
                            : `the server answered ${response.status}`);
      err.status = response.status;
      throw err;
    }
    return body;
  }

  /* ---------- routing ------------------------------------------------------------ */
  function views(name) {
    for (const v of ["compose", "result", "stories-compose", "stories-result", "notfound"]) show($(v), v === name);
    show($("loading"), false);
    hidePopover(true);
  }

  /* The "not found" view, for a brief or a set of stories; `message`: another failure. */
  function notFound(kind, message) {
    const stories = kind === "stories";
    $("notfound-title").textContent = stories ? "No such stories" : "No such brief";
    $("notfound-text").textContent = message || (stories
      ? "The link may be mistyped, or the stories were saved in another newsweave database."
      : "The link may be mistyped, or the brief was saved in another newsweave database.");
    $("notfound-start").textContent = stories ? "Find stories in new articles" : "Start a new brief";
    $("notfound-start").href = stories ? "/stories" : "/";
    document.title = `${stories ? "No such stories" : "No such brief"} — newsweave`;
    views("notfound");
  }

  async function route() {
    const m = location.pathname.match(/^\/b\/([A-Za-z0-9_-]+)\/?$/);
    if (m) {
      try {
        renderBrief(await api(`/api/briefs/${m[1]}`));
      } catch (e) {
        notFound("brief", e.status === 404 ? null : e.message);
      }
      return;
    }
    const stories = window.newsweaveStories;
    const s = location.pathname.match(/^\/s\/([A-Za-z0-9_-]+)\/?$/);
    if (s && stories) { await stories.open(s[1]); return; }
    if (/^\/stories\/?$/.test(location.pathname) && stories) {
      await stories.compose(new URLSearchParams(location.search).get("extends"));
      return;
    }
    if (location.pathname !== "/") { notFound("brief"); return; }
    const extendsId = new URLSearchParams(location.search).get("extends");
    await showCompose(extendsId);
  }

  /* ---------- compose ------------------------------------------------------------ */
  const state = { articles: [], extends: null, busy: false };

  async function showCompose(extendsId) {
    state.extends = null;
    show($("extend-note"), false);
    $("compose-title").textContent = "Many articles in, one cited brief out.";
    show($("compose-lede"));
    if (extendsId) {
      try {
        const saved = await api(`/api/briefs/${encodeURIComponent(extendsId)}`);
        state.extends = saved.saved;
        const title = saved.saved.title || "an earlier brief";
        $("compose-title").textContent = "Add articles and re-run";
        show($("compose-lede"), false);
        const link = $("extend-link");
        link.textContent = title;
        link.href = saved.saved.url;
        $("extend-count").textContent = String(saved.saved.articles);
        show($("extend-note"));
        const s = saved.settings || {};
        if (s.words) setWords(s.words);
        $("query").value = s.query || "";
        $("keep-all").checked = !!s.keep_all;
      } catch (e) {
        showError(`Cannot re-run that brief: ${e.message}`);
      }
    }
    document.title = "newsweave — cited briefs from many articles";
    views("compose");
    refreshArticles();
    loadRecent();
  }

  function setWords(n) {
    const r = $("words");
    r.value = String(Math.max(+r.min, Math.min(+r.max, n)));
    $("words-out").textContent = `${r.value} words`;
  }

  function showError(message) {
    const box = $("compose-error");
    box.textContent = message;
    show(box, !!message);
  }

  function addArticle(name, text, note) {
    state.articles.push({ id: name, text, note, size: new Blob([text]).size });
    refreshArticles();
  }

  function refreshArticles() {
    const list = clear($("articles"));
    state.articles.forEach((a, i) => {
      const isHtml = /\.html?$/i.test(a.id) || /^\s*</.test(a.text);
      list.append(el("li", { class: "article-item" },
        el("span", { class: "fmt " + (isHtml ? "fmt-html" : "fmt-text"), text: isHtml ? "HTML" : "TXT" }),
        el("span", { class: "article-name" },
          el("span", { class: "name", text: a.id }),
          el("small", { class: "muted", text: a.note || `${kb(a.size)} · ${preview(a.text)}` })),
        el("button", { type: "button", class: "icon-btn", "aria-label": `Remove ${a.id}`, title: "Remove",
                       on: { click: () => { state.articles.splice(i, 1); refreshArticles(); } } }, "×")));
    });
    $("article-count").textContent = String(state.articles.length);
    show($("articles-empty"), state.articles.length === 0 && !state.extends);
    show($("clear-articles"), state.articles.length > 1);
    const canSubmit = state.extends ? true : state.articles.length > 0;
    $("submit").disabled = state.busy || !canSubmit;
    $("submit-label").textContent = state.extends
      ? (state.articles.length ? `Re-run with ${plural(state.articles.length, "new article")}` : "Re-run the brief")
      : (state.articles.length === 1 ? "Add one more article" : "Weave the brief");
    if (!state.extends && state.articles.length === 1) $("submit").disabled = true;
  }

  function preview(text) {
    const plain = text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
    return plain.length > 70 ? plain.slice(0, 70) + "…" : plain;
  }

  async function readFile(file) {
    const buffer = await file.arrayBuffer();
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    } catch (e) {
      return new TextDecoder("windows-1252").decode(buffer);
    }
  }

  async function addFiles(files) {
    showError("");
    const problems = [];
    for (const file of files) {
      if (!ACCEPT.test(file.name) && !(file.type || "").startsWith("text/")) {
        problems.push(`${file.name}: not a text or HTML file (newsweave reads .txt, .md and .html)`);
        continue;
      }
      if (file.size > MAX_FILE_BYTES) {
        problems.push(`${file.name} is ${kb(file.size)}, over the 5 MB limit for one article`);
        continue;
      }
      if (file.size === 0) { problems.push(`${file.name} is empty`); continue; }
      addArticle(file.name, await readFile(file));
    }
    if (problems.length) showError(problems.join("; "));
  }

  async function useExample() {
    showError("");
    try {
      const docs = await api("/api/example");
      for (const d of docs) addArticle(d.id, d.text);
    } catch (e) { showError(e.message); }
  }

  async function submit(event) {
    event.preventDefault();
    if (state.busy) return;
    showError("");
    const body = {
      documents: state.articles.map((a) => ({ id: a.id, text: a.text })),
      words: +$("words").value,
      query: $("query").value.trim() || null,
      keep_all: $("keep-all").checked,
    };
    if (state.extends) body.extends = state.extends.id;
    state.busy = true;
    $("compose-form").classList.add("busy");
    $("submit").disabled = true;
    $("submit-label").textContent = "Weaving…";
    try {
      const brief = await api("/api/brief", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      state.articles = [];
      history.pushState({}, "", brief.saved ? brief.saved.url : "/");
      renderBrief(brief);
      window.scrollTo(0, 0);
    } catch (e) {
      showError(e.message);
    } finally {
      state.busy = false;
      $("compose-form").classList.remove("busy");
      refreshArticles();
    }
  }

  async function loadRecent() {
    try {
      const items = await api("/api/briefs?limit=8");
      const list = clear($("recent"));
      for (const b of items) {
        // Briefs of one story share a title: say what tells them apart.
        const sources = b.sources || [];
        const more = b.articles > sources.length ? ` +${b.articles - sources.length} more` : "";
        const about = [plural(b.articles, "article")];
        if (sources.length) about.push(sources.join(", ") + more);
        if (b.dates) about.push(b.dates[0] === b.dates[1] ? formatDate(b.dates[0])
                                : `${formatDate(b.dates[0])} – ${formatDate(b.dates[1])}`);
        list.append(el("li", null, el("a", { href: `/b/${b.id}` },
          el("span", { class: "recent-title", text: b.title || "Untitled brief" }),
          el("small", { class: "recent-about", text: about.join(" · ") }),
          el("small", { class: "muted recent-when",
                        text: `made ${formatWhen(b.created)}${b.parent ? " · re-run" : ""}` }))));
      }
      show($("recent-card"), items.length > 0);
    } catch (e) { show($("recent-card"), false); }
  }

  /* ---------- the brief ----------------------------------------------------------- */
  let current = null;   // the brief being shown
  let docIndex = {};    // id -> {n, doc}

  function colorClass(id) {
    const info = docIndex[id];
    return info ? `c${(info.n - 1) % PALETTE}` : "c-none";
  }

  function renderBrief(brief) {
    current = brief;
    docIndex = {};
    brief.documents.forEach((d, i) => { docIndex[d.id] = { n: i + 1, doc: d }; });
    const stats = brief.stats;
    const title = (brief.saved && brief.saved.title) || brief.headline
      || (brief.documents.find((d) => d.status === "used" && d.title) || {}).title || "Brief";
    $("r-title").textContent = title;
    document.title = `${title} — newsweave`;
    const parts = [plural(stats.documents, "article"), `${stats.used} used`];
    if (stats.set_aside) parts.push(`${stats.set_aside} set aside`);
    if (stats.skipped) parts.push(`${stats.skipped} unreadable`);
    parts.push(`summary of ${plural(stats.summary_words, "word")}`);
    if (brief.settings && brief.settings.query) parts.push(`focus: “${brief.settings.query}”`);
    $("r-meta").textContent = parts.join(" · ");
    // What a reader should know before trusting the brief as one story (docs/brief-schema.md)
    const cautions = clear($("cautions"));
    for (const c of (brief.analysis && brief.analysis.cautions) || []) {
      cautions.append(el("p", { class: "caution" }, el("strong", { text: "Caution: " }), c.text));
    }

    const saved = brief.saved;
    const lineage = clear($("r-lineage"));
    $("r-created").textContent = saved ? `· ${formatWhen(saved.created)}` : "· not saved";
    if (saved && saved.story_set) lineage.append("· one of ", el("a", { href: `${saved.story_set.url}#${saved.story_set.story}`, class: "story-set", text: "a set of stories" }), " ");
    if (saved && saved.parent) lineage.append("· re-run of ", el("a", { href: `/b/${saved.parent}`, text: "an earlier brief" }));
    if (saved && saved.children && saved.children.length) {
      const last = saved.children[saved.children.length - 1];
      lineage.append(" · ", el("a", { href: `/b/${last}`, class: "newer", text: "a newer version exists" }));
    }
    show($("copy-link"), !!saved);
    show($("rerun"), !!saved);
    show($("download-json"), !!saved);
    if (saved) {
      $("rerun").href = `/?extends=${encodeURIComponent(saved.id)}`;
      $("download-json").href = saved.api;
      $("download-json").setAttribute("download", `brief-${saved.id}.json`);
    }

    renderSummary(brief);
    const a = brief.analysis || {};
    renderFacts(a.facts || []);
    renderTimeline(a.timeline || []);
    renderQuotes(a.quotes || []);
    renderEntities(a.entities || []);
    renderSources(brief);
    views("result");
  }

  function citeButton(span, kind) {
    const info = docIndex[span.doc];
    const n = info ? info.n : "?";
    const title = info && info.doc.title ? info.doc.title : span.doc;
    return el("button", {
      type: "button", class: `cite ${kind} ${colorClass(span.doc)}`,
      "aria-label": `${kind === "primary" ? "Source" : "Also in"} ${n}: ${span.doc}`,
      dataset: { doc: span.doc, start: String(span.start), end: String(span.end) },
      title: `${span.doc} — ${title}`,
    }, String(n));
  }

  const SHOWN_ALSO_IN = 3;  // as in the Markdown and HTML briefs

  function renderSummary(brief) {
    const list = clear($("summary"));
    if (!brief.summary.length) {
      list.append(el("li", { class: "muted", text: "No sentence could be selected." }));
      return;
    }
    for (const s of brief.summary) {
      const cites = el("span", { class: "cites" }, citeButton(s, "primary"));
      const support = s.support || [];  // the closest first; a large cluster can have hundreds
      for (const p of support.slice(0, SHOWN_ALSO_IN)) cites.append(citeButton(p, "support"));
      if (support.length > SHOWN_ALSO_IN) {
        const more = el("button", { type: "button", class: "cite more",
          text: `and ${support.length - SHOWN_ALSO_IN} more` });
        more.addEventListener("click", () => {
          more.replaceWith(...support.slice(SHOWN_ALSO_IN).map((p) => citeButton(p, "support")));
        });
        cites.append(more);
      }
      list.append(el("li", { class: "summary-sentence", dataset: { doc: s.doc } },
        el("span", { class: "sentence-text", text: s.text }), " ", cites));
    }
  }

  const VERDICTS = {
    agree: ["Sources agree", "ok"], conflict: ["Sources differ", "bad"],
    update: ["Updated over time", "warn"], single: ["One source", "neutral"],
  };

  function renderFacts(facts) {
    const box = clear($("facts"));
    show($("facts-card"), facts.length > 0);
    for (const f of facts) {
      const [label, tone] = VERDICTS[f.verdict] || [f.verdict, "neutral"];
      const mentions = el("ul", { class: "mentions" });
      for (const m of f.mentions) {
        mentions.append(el("li", null,
          el("span", { class: "value", text: [m.qualifier, m.value_text].filter(Boolean).join(" ") }),
          citeButton(m, "primary"),
          m.date ? el("small", { class: "muted", text: formatDate(m.date) }) : null));
      }
      box.append(el("div", { class: `fact tone-${tone}` },
        el("div", { class: "fact-head" },
          el("span", { class: "quantity", text: f.quantity }),
          el("span", { class: `verdict ${tone}`, text: label })),
        mentions,
        f.note ? el("p", { class: "note", text: f.note }) : null));
    }
  }

  // A timeline date of any granularity: "1970s", "1988", "Q3 1988", "summer 1989", "Aug 1988",
  // "week of 1 Aug 1988", "Tue, 2 Aug 1988".
  function formatPeriod(date, granularity) {
    // TimeML's periods (docs/brief-schema.md): "197" the 1970s, "1988-H2", "1988-Q3", "1994-WI", "1990-W32-WE"
    if (granularity === "decade") return `${date}0s`;
    const part = /^(\d{4})-(H[12]|Q[1-4]|SP|SU|FA|WI)$/.exec(date);
    if (part) {
      const season = { SP: "spring", SU: "summer", FA: "autumn" }[part[2]];
      if (part[2] === "WI") return `winter ${+part[1] - 1}-${part[1].slice(2)}`;
      return season ? `${season} ${part[1]}` : `${part[2]} ${part[1]}`;
    }
    if (granularity === "year" || /^\d{4}$/.test(date)) return date;
    if (granularity === "month" || /^\d{4}-\d{2}$/.test(date)) {
      const d = new Date(date + "-15T12:00:00Z");
      return isNaN(d) ? date : d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
    }
    const week = /^(\d{4})-W(\d{2})(-WE)?$/.exec(date);
    if (week) {  // the Monday of the ISO week (its Saturday for a weekend)
      const jan4 = new Date(Date.UTC(+week[1], 0, 4));
      const monday = new Date(jan4.getTime() + ((+week[2] - 1) * 7 - ((jan4.getUTCDay() + 6) % 7)) * 86400000);
      if (week[3]) return `weekend of ${formatDate(new Date(monday.getTime() + 5 * 86400000).toISOString().slice(0, 10))}`;
      return `week of ${formatDate(monday.toISOString().slice(0, 10))}`;
    }
    return formatDate(date, true);
  }

  // The story's own timeline first, then the entries of set-aside articles, grouped apart and
  // marked; the server sends them in that order, sorted within each group. A sentence with
  // several dates is one entry, shown with each of its dates.
  function renderTimeline(entries) {
    const list = clear($("timeline"));
    show($("timeline-card"), entries.length > 0);
    const isAside = (t) => !!t.set_aside || (docIndex[t.doc] && docIndex[t.doc].doc.status && docIndex[t.doc].doc.status !== "used");
    const ordered = [...entries.filter((t) => !isAside(t)), ...entries.filter(isAside)];
    const LIMIT = 10;
    let lastDate = null;
    let headed = false;
    ordered.forEach((t, i) => {
      const aside = isAside(t);
      if (aside && !headed) {
        headed = true;
        lastDate = null;
        list.append(el("li", { class: "tl-group" + (i >= LIMIT ? " extra" : "") },
          el("span", { class: "status set_aside", text: "Set aside" }),
          " From set-aside articles — not part of the story's own timeline"));
      }
      const item = el("li", { class: "tl-item" + (aside ? " set-aside" : "") + (i >= LIMIT ? " extra" : "") });
      const seen = new Map();
      for (const d of (t.dates && t.dates.length ? t.dates : [t])) if (!seen.has(d.date)) seen.set(d.date, d);
      const dates = [...seen.values()];
      if (t.date !== lastDate) {
        const head = el("div", { class: "tl-date" });
        dates.forEach((d, k) => {
          if (k) head.append(" · ");
          head.append(el("time", { datetime: d.date, text: formatPeriod(d.date, d.granularity) }));
        });
        item.append(head);
      } else item.classList.add("same-date");
      lastDate = t.date;
      const text = el("p", { class: "tl-text" }, highlight(t.text, dates.map((d) => d.expression)), " ", citeButton(t, "primary"));
      if (aside) text.append(" ", el("small", { class: "status set_aside", text: "set aside" }));
      item.append(text);
      list.append(item);
    });
    if (ordered.length > LIMIT) {
      list.classList.add("collapsed");
      list.append(el("li", { class: "more" }, el("button", {
        type: "button", class: "linkish",
        on: { click: (e) => { list.classList.remove("collapsed"); e.target.closest("li").remove(); } },
      }, `Show all ${ordered.length} dated statements`)));
    }
  }

  // The text with each of the phrases marked (the first occurrence of each, in text order).
  function highlight(text, phrases) {
    const frag = document.createDocumentFragment();
    const spans = [];
    for (const p of [].concat(phrases || [])) {
      const at = p ? text.indexOf(p) : -1;
      if (at >= 0 && !spans.some(([s, e]) => at < e && s < at + p.length)) spans.push([at, at + p.length]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [s, e] of spans) {
      frag.append(text.slice(pos, s), el("mark", { text: text.slice(s, e) }));
      pos = e;
    }
    frag.append(text.slice(pos));
    return frag;
  }

  /* The first `limit` of `nodes` shown, the rest behind one "Show all" button. */
  function showSome(container, nodes, limit, label) {
    nodes.forEach((node, i) => { if (i >= limit) { node.hidden = true; node.classList.add("extra"); } container.append(node); });
    if (nodes.length <= limit) return;
    const button = el("button", { type: "button", class: "linkish small show-all", text: `Show all ${nodes.length} ${label}` });
    button.addEventListener("click", () => { for (const node of nodes) node.hidden = false; button.remove(); });
    container.append(button);
  }

  const SHOWN_QUOTES = 8, SHOWN_ENTITIES = 12;

  function renderQuotes(quotes) {
    const box = clear($("quotes"));
    show($("quotes-card"), quotes.length > 0);
    showSome(box, quotes.map((q) => el("figure", { class: "quote" },
      el("blockquote", { text: `“${q.quote}”` }),
      el("figcaption", null, el("span", { text: q.speaker ? `— ${q.speaker}` : "— unattributed" }), " ", citeButton(q, "primary")))),
    SHOWN_QUOTES, "quotes");
  }

  const LABELS = { person: "People", organisation: "Organisations", place: "Places" };

  function renderEntities(entities) {
    const box = clear($("entities"));
    show($("entities-card"), entities.length > 0);
    const groups = {};
    for (const e of entities) (groups[e.label] = groups[e.label] || []).push(e);
    for (const [label, items] of Object.entries(groups)) {
      const chips = el("div", { class: "chips" });
      showSome(chips, items.sort((a, b) => b.total - a.total).map((e) => {
        const where = Object.entries(e.mentions).map(([d, c]) => `${d}: ${c}`).join(", ");
        return el("span", { class: "chip", title: where }, e.name, el("small", { text: String(e.total) }));
      }), SHOWN_ENTITIES, (LABELS[label] || label).toLowerCase());
      box.append(el("div", { class: "entity-group" }, el("h3", { text: LABELS[label] || label }), chips));
    }
  }

  const STATUS = { used: "Used", set_aside: "Set aside", skipped: "Unreadable" };

  function renderSources(brief) {
    const list = clear($("sources"));
    const cited = {};
    for (const s of brief.summary) {
      (cited[s.doc] = cited[s.doc] || []).push({ start: s.start, end: s.end, kind: "cited" });
      for (const p of s.support || []) (cited[p.doc] = cited[p.doc] || []).push({ start: p.start, end: p.end, kind: "support" });
    }
    const showDebris = $("show-debris");
    showDebris.checked = false;
    list.classList.remove("with-debris");
    for (const d of brief.documents) {
      const n = docIndex[d.id].n;
      const nCited = (cited[d.id] || []).filter((c) => c.kind === "cited").length;
      const body = el("div", { class: "article-body", id: `article-${n}`, hidden: true });
      const sub = d.title ? [d.id] : [];  // untitled: the heading is already the id
      if (d.date) sub.push(formatDate(d.date));
      if (d.status === "used") sub.push(nCited ? `cited ${plural(nCited, "time")}` : "not cited");
      const readBtn = el("button", { type: "button", class: "linkish small", "aria-expanded": "false",
                                     "aria-controls": `article-${n}` }, "Read article");
      const debrisCount = (d.removed || []).length;
      const item = el("li", { class: `source status-${d.status}`, id: `source-${n}`, dataset: { doc: d.id } },
        el("div", { class: "source-head" },
          el("span", { class: `num ${colorClass(d.id)}`, text: String(n) }),
          el("div", { class: "source-title" },
            el("h3", { text: d.title || d.id }),
            el("p", { class: "muted small", text: sub.join(" · ") })),
          el("span", { class: `status ${d.status}`, text: STATUS[d.status] || d.status })),
        d.reason ? el("p", { class: "reason" }, el("strong", { text: d.status === "skipped" ? "Why unreadable: " : "Why set aside: " }), d.reason) : null,
        d.relevance !== null && d.relevance !== undefined
          ? el("div", { class: "relevance", title: `relevance ${d.relevance.toFixed(2)}: similarity to the other articles` },
              el("span", { class: "bar" }, el("span", { class: `fill w${Math.round(Math.min(1, d.relevance / 0.6) * 10)}` })),
              el("small", { class: "muted", text: `relevance ${d.relevance.toFixed(2)}` }))
          : null,
        d.text ? el("div", { class: "source-actions" }, readBtn,
          debrisCount ? el("small", { class: "muted", text: `${plural(debrisCount, "piece")} of debris removed` }) : null) : null,
        body);
      readBtn.addEventListener("click", () => toggleArticle(item, !item.classList.contains("open")));
      item._render = () => renderArticleText(body, d, cited[d.id] || []);
      list.append(item);
    }
  }

  function toggleArticle(item, open) {
    const body = item.querySelector(".article-body");
    const btn = item.querySelector(".source-actions button");
    if (open && !body.firstChild) item._render();
    item.classList.toggle("open", open);
    show(body, open);
    if (btn) {
      btn.textContent = open ? "Hide article" : "Read article";
      btn.setAttribute("aria-expanded", String(open));
    }
  }

  /* The article with its cited sentences marked and its debris (shown on demand) struck
   * through; built from text nodes only. */
  function renderArticleText(container, doc, spans) {
    clear(container);
    const intervals = spans.map((s) => ({ ...s }));
    for (const r of doc.removed || []) intervals.push({ start: r.start, end: r.end, kind: "debris", label: r.kind });
    const cuts = new Set([0, doc.text.length]);
    for (const iv of intervals) { cuts.add(Math.max(0, iv.start)); cuts.add(Math.min(doc.text.length, iv.end)); }
    const points = [...cuts].sort((a, b) => a - b);
    const para = () => el("p", { class: "para" });
    let p = para();
    container.append(p);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const covering = intervals.filter((iv) => iv.start <= a && iv.end >= b);
      const debris = covering.find((iv) => iv.kind === "debris");
      const cite = covering.find((iv) => iv.kind === "cited") || covering.find((iv) => iv.kind === "support");
      const pieces = doc.text.slice(a, b).split(/\n\s*\n/);
      pieces.forEach((piece, k) => {
        if (k > 0) { p = para(); container.append(p); }
        if (!piece) return;
        let node;
        if (debris) {
          node = el("del", { class: "debris", dataset: { kind: debris.label, start: String(a) }, title: `removed: ${debris.label}`, text: piece });
          if (a === debris.start && k === 0) node.classList.add("first");
        } else if (cite) {
          node = el("mark", { class: cite.kind, dataset: { start: String(cite.start), end: String(cite.end) }, text: piece });
        } else node = document.createTextNode(piece);
        p.append(node);
      });
    }
    for (const q of container.querySelectorAll("p.para")) if (!q.textContent.trim()) q.classList.add("empty-para");
  }

  /* ---------- citation popover ------------------------------------------------------ */
  let popTarget = null, pinned = false, hideTimer = null;

  /* The sentence in its paragraph, trimmed to about R characters either side. */
  function contextOf(doc, start, end) {
    const text = doc.text, R = 170;
    const sep = text.includes("\n\n") ? "\n\n" : "\n";
    let from = start > 0 ? text.lastIndexOf(sep, start - 1) : -1;
    from = from < 0 ? 0 : Math.min(start, from + sep.length);
    let to = text.indexOf(sep, end);
    if (to < 0) to = text.length;
    let lead = "", tail = "";
    if (start - from > R) { from = text.indexOf(" ", start - R) + 1 || start - R; lead = "…"; }
    if (to - end > R) { const cut = text.lastIndexOf(" ", end + R); to = cut > end ? cut : end + R; tail = " …"; }
    return [lead, text.slice(from, start), text.slice(start, end), text.slice(end, to), tail];
  }

  function showPopover(button, pin) {
    const info = docIndex[button.dataset.doc];
    if (!info || !current) return;
    clearTimeout(hideTimer);
    const d = info.doc, start = +button.dataset.start, end = +button.dataset.end;
    const [lead, before, sentence, after, tail] = contextOf(d, start, end);
    const pop = clear($("popover"));
    pop.append(
      el("div", { class: "pop-head" },
        el("span", { class: `num ${colorClass(d.id)}`, text: String(info.n) }),
        el("div", null, el("strong", { text: d.title || d.id }),
          el("small", { class: "muted", text: [d.id, formatDate(d.date)].filter(Boolean).join(" · ") })),
        el("button", { type: "button", class: "icon-btn pop-close", "aria-label": "Close", on: { click: () => hidePopover(true) } }, "×")),
      el("p", { class: "pop-context" }, lead, before, el("mark", { text: sentence }), after, tail),
      el("button", { type: "button", class: "linkish small", on: { click: () => openInArticle(d.id, start) } }, "Show in the article ↓"));
    show(pop);
    pop.classList.toggle("pinned", pin);
    if (popTarget && popTarget !== button) popTarget.classList.remove("active");
    popTarget = button;
    pinned = pin;
    button.classList.add("active");
    place(pop, button);
  }

  function place(pop, button) {
    if (window.matchMedia("(max-width: 640px)").matches) {
      pop.classList.add("sheet");
      pop.style.left = pop.style.top = "";
      return;
    }
    pop.classList.remove("sheet");
    const r = button.getBoundingClientRect();
    const w = pop.offsetWidth, h = pop.offsetHeight;
    let left = Math.min(Math.max(12, r.left + r.width / 2 - w / 2), window.innerWidth - w - 12);
    let top = r.bottom + 8;
    if (top + h > window.innerHeight - 8 && r.top - h - 8 > 0) top = r.top - h - 8;
    pop.style.left = `${left + window.scrollX}px`;
    pop.style.top = `${top + window.scrollY}px`;
  }

  function hidePopover(force) {
    if (pinned && !force) return;
    const pop = $("popover");
    if (pop) show(pop, false);
    if (popTarget) popTarget.classList.remove("active");
    popTarget = null;
    pinned = false;
  }

  function openInArticle(docId, start) {
    hidePopover(true);
    const item = document.querySelector(`#source-${docIndex[docId].n}`);
    toggleArticle(item, true);
    const mark = [...item.querySelectorAll("mark")].find((m) => +m.dataset.start === start);
    const target = mark || item;
    target.scrollIntoView({ behavior: "smooth", block: "center" });
    if (mark) {
      for (const m of item.querySelectorAll(`mark[data-start="${start}"]`)) {
        m.classList.remove("flash"); void m.offsetWidth; m.classList.add("flash");
      }
    }
  }

  /* ---------- wiring ------------------------------------------------------------------ */
  function wire() {
    $("compose-form").addEventListener("submit", submit);
    $("file-input").addEventListener("change", (e) => { addFiles([...e.target.files]); e.target.value = ""; });
    const dz = $("dropzone");
    for (const ev of ["dragenter", "dragover"]) dz.addEventListener(ev, (e) => { e.preventDefault(); dz.classList.add("over"); });
    for (const ev of ["dragleave", "drop"]) dz.addEventListener(ev, () => dz.classList.remove("over"));
    dz.addEventListener("drop", (e) => { e.preventDefault(); addFiles([...e.dataTransfer.files]); });
    window.addEventListener("dragover", (e) => e.preventDefault());
    window.addEventListener("drop", (e) => e.preventDefault());
    $("paste").addEventListener("input", () => { $("add-paste").disabled = !$("paste").value.trim(); });
    $("add-paste").addEventListener("click", () => {
      const text = $("paste").value;
      if (!text.trim()) return;
      const n = state.articles.filter((a) => a.id.startsWith("pasted-")).length + 1;
      addArticle(`pasted-${n}`, text);
      $("paste").value = "";
      $("add-paste").disabled = true;
    });
    $("use-example").addEventListener("click", useExample);
    $("clear-articles").addEventListener("click", () => { state.articles = []; refreshArticles(); });
    $("words").addEventListener("input", () => setWords(+$("words").value));
    $("copy-link").addEventListener("click", async () => {
      const url = new URL(current.saved.url, location.origin).href;
      try { await navigator.clipboard.writeText(url); toast("Link copied"); }
      catch (e) { toast(url); }
    });
    $("show-debris").addEventListener("change", (e) => {
      const on = e.target.checked;
      $("sources").classList.toggle("with-debris", on);
      if (on) for (const item of $("sources").children) {
        if ((docIndex[item.dataset.doc].doc.removed || []).length) toggleArticle(item, true);
      }
    });

    // Citations: hover previews (mouse), click/tap pins.
    document.addEventListener("mouseover", (e) => {
      const b = e.target.closest && e.target.closest("button.cite");
      if (b && !pinned && window.matchMedia("(hover: hover)").matches) showPopover(b, false);
    });
    document.addEventListener("mouseout", (e) => {
      const b = e.target.closest && e.target.closest("button.cite, #popover");
      if (b && !pinned) { clearTimeout(hideTimer); hideTimer = setTimeout(() => hidePopover(false), 250); }
    });
    $("popover").addEventListener("mouseover", () => clearTimeout(hideTimer));
    document.addEventListener("click", (e) => {
      const b = e.target.closest("button.cite");
      if (b) { e.preventDefault(); if (pinned && popTarget === b) hidePopover(true); else showPopover(b, true); return; }
      if (!e.target.closest("#popover")) hidePopover(true);
    });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") hidePopover(true); });
    window.addEventListener("resize", () => hidePopover(true));
    window.addEventListener("popstate", route);
  }

  // What stories.js (the Stories page) shares with this file.
  window.newsweave = { $, el, clear, show, toast, api, views, notFound, formatDate, formatWhen, plural, kb,
                       preview, readFile, ACCEPT, MAX_FILE_BYTES };

  document.addEventListener("DOMContentLoaded", () => { wire(); route(); });
})();
