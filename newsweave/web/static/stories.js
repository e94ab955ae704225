/* newsweave web page: the Stories page — a pile of articles in (files, pasted text, JSONL),
 * the stories out, each opening its brief (shown by app.js like any brief).
 *
 * Same safety rule as app.js: everything from the server or an article is put on the page
 * as text (textContent / text nodes), never as HTML.
 */
"use strict";

(() => {
  const NW = window.newsweave;
  const { $, el, clear, show, api, plural, kb, formatDate, formatWhen } = NW;
  const JSONL = /\.(jsonl|ndjson)$/i;
  const MAX_JSONL_BYTES = 10_000_000;  // the server's body limit

  const state = { items: [], extends: null, kept: new Set(), busy: false };

  /* ---------- compose ------------------------------------------------------------ */
  async function compose(extendsId) {
    state.extends = null;
    state.kept = new Set();
    show($("st-extend-note"), false);
    $("st-compose-title").textContent = "A pile of articles in, the stories out.";
    show($("st-compose-lede"));
    showError("");
    if (extendsId) {
      try {
        const set = await api(`/api/stories/${encodeURIComponent(extendsId)}`);
        state.extends = set.saved;
        // the set's article ids are taken: a new article needs a name of its own
        state.kept = new Set(set.stories.flatMap((s) => s.articles.map((a) => a.id)));
        $("st-compose-title").textContent = "Add articles and regroup";
        show($("st-compose-lede"), false);
        $("st-extend-link").textContent = setTitle(set.saved);
        $("st-extend-link").href = set.saved.url;
        $("st-extend-count").textContent = String(set.saved.articles);
        show($("st-extend-note"));
      } catch (e) {
        showError(`Cannot add to those stories: ${e.message}`);
      }
    }
    document.title = "Stories — newsweave";
    NW.views("stories-compose");
    refresh();
    loadRecent();
  }

  const setTitle = (saved) => `${plural(saved.stories, "story", "stories")} from ${plural(saved.articles, "article")}`;

  function showError(message) {
    $("st-error").textContent = message;
    show($("st-error"), !!message);
  }

  /* A name not yet in the list (nor in the set being added to): "a.txt" twice becomes
   * "a-2.txt" (ids must be unique). */
  function uniqueName(name) {
    const taken = new Set([...state.kept, ...state.items.map((i) => i.name)]);
    if (!taken.has(name)) return name;
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}${ext}`)) return `${stem}-${n}${ext}`;
  }

  const lines = (text) => text.split(/\r?\n/).filter((l) => l.trim()).length;

  function add(kind, name, text) {
    state.items.push({ kind, name: uniqueName(name), text, size: new Blob([text]).size });
    refresh();
  }

  function refresh() {
    const list = clear($("st-articles"));
    state.items.forEach((it, i) => {
      const jsonl = it.kind === "jsonl";
      const isHtml = !jsonl && (/\.html?$/i.test(it.name) || /^\s*</.test(it.text));
      const about = jsonl ? `${kb(it.size)} · ${plural(lines(it.text), "line")}, one article each`
                          : `${kb(it.size)} · ${NW.preview(it.text)}`;
      list.append(el("li", { class: "article-item" },
        el("span", { class: "fmt " + (jsonl ? "fmt-jsonl" : isHtml ? "fmt-html" : "fmt-text"),
                     text: jsonl ? "JSONL" : isHtml ? "HTML" : "TXT" }),
        el("span", { class: "article-name" },
          el("span", { class: "name", text: it.name }), el("small", { class: "muted", text: about })),
        el("button", { type: "button", class: "icon-btn", "aria-label": `Remove ${it.name}`, title: "Remove",
                       on: { click: () => { state.items.splice(i, 1); refresh(); } } }, "×")));
    });
    const count = state.items.reduce((n, it) => n + (it.kind === "jsonl" ? lines(it.text) : 1), 0);
    $("st-count").textContent = String(count);
    show($("st-empty"), state.items.length === 0 && !state.extends);
    show($("st-clear"), state.items.length > 1);
    const enough = state.extends ? count > 0 : count >= 2;
    $("st-submit").disabled = state.busy || !enough;
    $("st-submit-label").textContent = state.extends
      ? (count ? `Regroup with ${plural(count, "new article")}` : "Add articles to regroup")
      : (count === 1 ? "Add one more article" : "Find the stories");
  }

  async function addFiles(files) {
    showError("");
    const problems = [];
    for (const file of files) {
      const jsonl = JSONL.test(file.name);
      if (!jsonl && !NW.ACCEPT.test(file.name) && !(file.type || "").startsWith("text/")) {
        problems.push(`${file.name}: not a text, HTML or JSONL file`);
        continue;
      }
      const limit = jsonl ? MAX_JSONL_BYTES : NW.MAX_FILE_BYTES;
      if (file.size > limit) {
        problems.push(`${file.name} is ${kb(file.size)}, over the ${kb(limit)} limit`);
        continue;
      }
      if (file.size === 0) { problems.push(`${file.name} is empty`); continue; }
      add(jsonl ? "jsonl" : "article", file.name, await NW.readFile(file));
    }
    if (problems.length) showError(problems.join("; "));
  }

  /* Pasted JSONL (a first line that is a JSON object) is a JSONL text; anything else one article. */
  function looksLikeJsonl(text) {
    const first = text.split(/\r?\n/).find((l) => l.trim());
    try {
      const row = JSON.parse(first);
      return row !== null && typeof row === "object" && !Array.isArray(row);
    } catch (e) { return false; }
  }

  function addPasted() {
    const text = $("st-paste").value;
    if (!text.trim()) return;
    const jsonl = looksLikeJsonl(text);
    const taken = new Set([...state.kept, ...state.items.map((it) => it.name.replace(/\.jsonl$/, ""))]);
    let n = 1;
    while (taken.has(`pasted-${n}`)) n++;
    add(jsonl ? "jsonl" : "article", jsonl ? `pasted-${n}.jsonl` : `pasted-${n}`, text);
    $("st-paste").value = "";
    $("st-add-paste").disabled = true;
  }

  async function submit(event) {
    event.preventDefault();
    if (state.busy) return;
    showError("");
    const body = {
      articles: state.items.filter((it) => it.kind === "article").map((it) => ({ id: it.name, text: it.text })),
      jsonl: state.items.filter((it) => it.kind === "jsonl").map((it) => ({ name: it.name, text: it.text })),
      words: +$("st-words").value,
      briefs: !$("st-no-briefs").checked,
    };
    if (state.extends) body.extends = state.extends.id;
    state.busy = true;
    $("st-form").classList.add("busy");
    $("st-submit").disabled = true;
    $("st-submit-label").textContent = body.briefs ? "Grouping and briefing…" : "Grouping…";
    try {
      const set = await api("/api/stories", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      state.items = [];  // only once the stories are saved: a refused request keeps them
      history.pushState({}, "", set.saved ? set.saved.url : "/stories");
      render(set);
      window.scrollTo(0, 0);
    } catch (e) {
      showError(e.message);
    } finally {
      state.busy = false;
      $("st-form").classList.remove("busy");
      refresh();
    }
  }

  async function loadRecent() {
    try {
      const sets = await api("/api/stories?limit=8");
      const list = clear($("st-recent"));
      for (const s of sets) {
        const about = [plural(s.stories, "story", "stories"), plural(s.articles, "article")];
        if (s.dates) about.push(s.dates[0] === s.dates[1] ? formatDate(s.dates[0])
                                : `${formatDate(s.dates[0])} – ${formatDate(s.dates[1])}`);
        list.append(el("li", null, el("a", { href: `/s/${s.id}` },
          el("span", { class: "recent-title", text: s.title || "Untitled stories" }),
          el("small", { class: "recent-about", text: about.join(" · ") }),
          el("small", { class: "muted recent-when",
                        text: `made ${formatWhen(s.created)}${s.parent ? " · regrouped" : ""}` }))));
      }
      show($("st-recent-card"), sets.length > 0);
    } catch (e) { show($("st-recent-card"), false); }
  }

  /* ---------- a saved set ------------------------------------------------------------ */
  async function open(id) {
    try {
      render(await api(`/api/stories/${id}`));
    } catch (e) {
      NW.notFound("stories", e.status === 404 ? null : e.message);
    }
  }

  const span = (a, b) => !a ? "undated" : a === b ? formatDate(a) : `${formatDate(a)} – ${formatDate(b)}`;

  function render(set) {
    const saved = set.saved;
    const stories = set.stories;
    const nArticles = stories.reduce((n, s) => n + s.articles.length, 0);
    const title = `${plural(stories.length, "story", "stories")} from ${plural(nArticles, "article")}`;
    $("st-title").textContent = title;
    document.title = `${title} — newsweave`;
    const dated = stories.filter((s) => s.first_date);
    const parts = [];
    if (dated.length) parts.push(span(dated.map((s) => s.first_date).sort()[0],
                                      dated.map((s) => s.last_date).sort().pop()));
    const briefed = stories.filter((s) => s.brief).length;
    parts.push(plural(briefed, "brief"));
    const copies = stories.reduce((n, s) => n + s.articles.filter((a) => a.copy_of).length, 0);
    if (copies) parts.push(plural(copies, "wire copy", "wire copies"));
    const skipped = set.skipped || [];
    if (skipped.length) parts.push(`${skipped.length} not read`);
    $("st-meta").textContent = parts.join(" · ");

    $("st-created").textContent = saved ? `· ${formatWhen(saved.created)}` : "· not saved";
    const lineage = clear($("st-lineage"));
    if (saved && saved.parent) lineage.append("· regrouped from ", el("a", { href: `/s/${saved.parent}`, text: "an earlier set" }));
    if (saved && saved.children && saved.children.length) {
      const last = saved.children[saved.children.length - 1];
      lineage.append(" · ", el("a", { href: `/s/${last}`, class: "newer", text: "a newer version exists" }));
    }
    for (const id of ["st-copy-link", "st-extend", "st-json"]) show($(id), !!saved);
    if (saved) {
      $("st-extend").href = `/stories?extends=${encodeURIComponent(saved.id)}`;
      $("st-json").href = saved.api;
      $("st-json").setAttribute("download", `stories-${saved.id}.json`);
      $("st-copy-link").dataset.url = saved.url;
    }

    const list = clear($("st-list"));
    stories.forEach((s) => list.append(storyCard(s)));
    const notRead = clear($("st-skipped"));
    for (const s of skipped) notRead.append(el("li", null, el("strong", { text: s.id }), ` — ${s.reason}`));
    show($("st-skipped-card"), skipped.length > 0);
    NW.views("stories-result");
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("story")) {
      target.classList.add("focus");
      target.scrollIntoView({ block: "center" });
    }
  }

  function storyCard(s) {
    const n = s.articles.length;
    const copies = s.articles.filter((a) => a.copy_of).length;
    const meta = [plural(n, "article"), span(s.first_date, s.last_date)];
    if (copies) meta.push(plural(copies, "wire copy", "wire copies"));
    const link = s.saved_brief;
    const headline = link ? el("a", { href: link.url, text: s.headline }) : s.headline;
    const card = el("li", { class: "card story", id: s.id, dataset: { size: String(n) } },
      el("div", { class: "story-head" },
        el("span", { class: "story-size", title: plural(n, "article"), text: String(n) }),
        el("div", { class: "story-title" },
          el("h3", null, headline),
          el("p", { class: "muted small story-meta", text: meta.join(" · ") }))));
    const update = s.brief && s.brief.update;
    if (update) {
      const fresh = el("ul", { class: "story-update-list" });
      for (const x of update.sentences) fresh.append(el("li", { text: x.text }));
      if (!update.sentences.length) fresh.append(el("li", { class: "muted", text: "Nothing the earlier brief did not report." }));
      card.append(el("div", { class: "story-update" },
        el("strong", { text: `New since the earlier brief${update.since ? ` (${formatWhen(update.since)})` : ""}` }), fresh));
    }
    const summary = (s.brief && s.brief.summary) || [];
    if (summary.length) {
      const lead = summary.slice(0, 2).map((x) => x.text).join(" ");
      card.append(el("p", { class: "story-lead", text: lead }));
    }
    const articles = el("ul", { class: "story-articles" });
    for (const a of s.articles) {
      const name = a.title || (a.lead ? `“${a.lead}”` : a.id);
      const sub = [name !== a.id ? a.id : null, a.date ? formatDate(a.date) : null].filter(Boolean).join(" · ");
      articles.append(el("li", { class: a.copy_of ? "copy" : null },
        el("span", { class: "story-article-title", text: name }),
        sub ? el("small", { class: "muted", text: ` ${sub}` }) : null,
        a.copy_of ? el("span", { class: "badge copy-badge", title: `the same wire story as ${a.copy_of}`,
                                  text: `copy of ${a.copy_of}` }) : null));
    }
    card.append(articles);
    const foot = el("div", { class: "story-foot" });
    if (link) foot.append(el("a", { class: "btn secondary open-brief", href: link.url }, "Open the brief →"));
    else if (s.brief_note) foot.append(el("p", { class: "muted small", text: `No brief: ${s.brief_note}` }));
    else if (n === 1) foot.append(el("p", { class: "muted small", text: "One article: no brief (a brief compares several sources)." }));
    else foot.append(el("p", { class: "muted small", text: "Grouped only: not briefed." }));
    card.append(foot);
    return card;
  }

  /* ---------- wiring ------------------------------------------------------------------ */
  function wire() {
    $("st-form").addEventListener("submit", submit);
    $("st-file-input").addEventListener("change", (e) => { addFiles([...e.target.files]); e.target.value = ""; });
    const dz = $("st-dropzone");
    for (const ev of ["dragenter", "dragover"]) dz.addEventListener(ev, (e) => { e.preventDefault(); dz.classList.add("over"); });
    for (const ev of ["dragleave", "drop"]) dz.addEventListener(ev, () => dz.classList.remove("over"));
    dz.addEventListener("drop", (e) => { e.preventDefault(); addFiles([...e.dataTransfer.files]); });
    $("st-paste").addEventListener("input", () => { $("st-add-paste").disabled = !$("st-paste").value.trim(); });
    $("st-add-paste").addEventListener("click", addPasted);
    $("st-clear").addEventListener("click", () => { state.items = []; refresh(); });
    $("st-words").addEventListener("input", () => { $("st-words-out").textContent = `${$("st-words").value} words`; });
    $("st-no-briefs").addEventListener("change", (e) => { $("st-words").disabled = e.target.checked; });
    $("st-copy-link").addEventListener("click", async (e) => {
      const url = new URL(e.currentTarget.dataset.url, location.origin).href;
      try { await navigator.clipboard.writeText(url); NW.toast("Link copied"); }
      catch (err) { NW.toast(url); }
    });
  }

  window.newsweaveStories = { compose, open };
  wire();  // a deferred script: the page is parsed already
})();
