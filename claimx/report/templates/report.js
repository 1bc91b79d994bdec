(function () {
  "use strict";
  // Every string from the data block is untrusted: it only ever goes into textContent,
  // title or a data attribute, never innerHTML; links are http(s) only (checked in Python).
  var data = JSON.parse(document.getElementById("claimx-data").textContent);
  var docs = data.docs;
  var state = { stance: "", speaker: "", outlet: "", page: 0, doc: -1, claim: -1 };
  var CONTENT_PREVIEW = 240; // characters of content shown in the claim list
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function stanceCounts(claims) {
    var counts = {};
    claims.forEach(function (c) { counts[c.stance] = (counts[c.stance] || 0) + 1; });
    return data.stances.filter(function (s) { return counts[s]; })
      .map(function (s) { return s + " " + counts[s]; }).join(", ");
  }

  // --- filters and index -------------------------------------------------------

  function claimMatches(c) {
    if (state.stance && c.stance !== state.stance) { return false; }
    if (!state.speaker) { return true; }
    var q = state.speaker.toLowerCase();
    return [c.who, c.who_en, c.label].some(function (v) {
      return v && v.toLowerCase().indexOf(q) !== -1;
    });
  }

  function filtering() { return Boolean(state.stance || state.speaker); }

  function matchingDocs() {
    var out = [];
    docs.forEach(function (d) {
      if (state.outlet && d.outlet !== state.outlet) { return; }
      var claims = filtering() ? d.claims.filter(claimMatches) : d.claims;
      if (filtering() && claims.length === 0) { return; }
      out.push({ doc: d, claims: claims });
    });
    return out;
  }

  function indexRow(m) {
    var tr = el("tr");
    tr.dataset.n = m.doc.n;
    tr.tabIndex = 0;
    if (m.doc.n === state.doc) { tr.setAttribute("aria-current", "true"); }
    tr.appendChild(el("td", "num", m.doc.n + 1));
    var name = el("td", "doc-name", m.doc.id);
    tr.appendChild(name);
    tr.appendChild(el("td", "", m.doc.outlet || "—"));
    tr.appendChild(el("td", "num claim-count", m.claims.length));
    tr.appendChild(el("td", "", stanceCounts(m.claims)));
    tr.addEventListener("click", function () { openDoc(m.doc.n, true); });
    tr.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { openDoc(m.doc.n, true); }
    });
    return tr;
  }

  function renderIndex() {
    var body = document.querySelector("#doc-index tbody");
    if (!body) { return; }
    var matches = matchingDocs();
    var size = data.page_size;
    var pages = Math.max(1, Math.ceil(matches.length / size));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    var frag = document.createDocumentFragment();
    matches.slice(state.page * size, (state.page + 1) * size).forEach(function (m) {
      frag.appendChild(indexRow(m));
    });
    body.replaceChildren(frag);
    var nClaims = matches.reduce(function (n, m) { return n + m.claims.length; }, 0);
    $("match-count").textContent = matches.length + " of " + docs.length +
      " documents, " + nClaims + " claims";
    $("page-info").textContent = "Page " + (state.page + 1) + " of " + pages;
    $("prev-page").disabled = state.page === 0;
    $("next-page").disabled = state.page >= pages - 1;
  }

  function setFilter(key, value) {
    state[key] = value;
    state.page = 0;
    renderIndex();
  }

  function wireFilters() {
    if (!$("corpus")) { return; }
    $("f-stance").addEventListener("change", function (e) { setFilter("stance", e.target.value); });
    $("f-outlet").addEventListener("change", function (e) { setFilter("outlet", e.target.value); });
    $("f-speaker").addEventListener("input", function (e) {
      setFilter("speaker", e.target.value.trim());
    });
    $("f-clear").addEventListener("click", function () {
      $("f-stance").value = ""; $("f-outlet").value = ""; $("f-speaker").value = "";
      state.stance = ""; state.outlet = ""; state.speaker = ""; state.page = 0;
      renderIndex();
    });
    $("prev-page").addEventListener("click", function () { state.page -= 1; renderIndex(); });
    $("next-page").addEventListener("click", function () { state.page += 1; renderIndex(); });
    document.querySelectorAll(".speaker-pick").forEach(function (b) {
      b.addEventListener("click", function () {
        $("f-speaker").value = b.dataset.speaker;
        setFilter("speaker", b.dataset.speaker);
        $("f-speaker").scrollIntoView({ block: "center" });
      });
    });
  }

  // --- one document --------------------------------------------------------------

  function docHead(d) {
    var head = $("doc-head");
    var title = el("h2", "doc-name", d.id);
    var meta = el("p", "meta");
    var parts = [];
    if (d.source !== d.id) { parts.push("source: " + d.source); }
    if (d.outlet) { parts.push("outlet: " + d.outlet); }
    parts.push(d.chars + " characters", d.claims.length + " claims");
    meta.textContent = parts.join(" · ");
    var nodes = [title, meta];
    if (d.url) {
      var where = el("p", "meta");
      if (d.link) {
        var a = el("a", "", d.url);
        a.href = d.link;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        where.appendChild(a);
      } else {
        where.textContent = "address (not a web link): " + d.url;
      }
      nodes.push(where);
    }
    if (d.note) { nodes.push(el("p", "note", d.note)); }
    head.replaceChildren.apply(head, nodes);
  }

  function markTitle(d, marks) {
    var seen = {};
    return marks.map(function (m) {
      var c = d.claims[m[0]];
      var key = m[0] + ":" + m[1];
      if (seen[key]) { return ""; }
      seen[key] = true;
      return (c.label || c.id) + " — " + m[1] + " (" + c.stance + (c.negated ? ", negated" : "") + ")";
    }).filter(Boolean).join("\n");
  }

  function segment(d, seg) {
    var marks = seg[2];
    if (marks.length === 0) { return document.createTextNode(seg[1]); }
    var first = d.claims[marks[0][0]];
    var span = el("span", "mk m-" + marks[0][1] + " st-" + first.stance, seg[1]);
    span.dataset.start = seg[0];
    span.dataset.marks = marks.map(function (m) { return m[0] + ":" + m[1]; }).join(" ");
    span.dataset.c = marks.map(function (m) { return m[0]; })
      .filter(function (v, i, all) { return all.indexOf(v) === i; }).join(" ");
    span.title = markTitle(d, marks);
    span.addEventListener("click", function () { selectClaim(marks[0][0], false, true); });
    return span;
  }

  function renderText(d) {
    var box = $("doc-text");
    if (!d.has_text) {
      box.replaceChildren(el("p", "empty", "The article text is not available."));
      return;
    }
    var frag = document.createDocumentFragment();
    d.segs.forEach(function (seg) { frag.appendChild(segment(d, seg)); });
    box.replaceChildren(frag);
  }

  function row(dl, term, arabic, english) {
    if (!arabic && !english) { return; }
    dl.appendChild(el("dt", "", term));
    var dd = el("dd");
    if (arabic) {
      var ar = el("span", "ar", arabic);
      ar.lang = "ar";
      dd.appendChild(ar);
    }
    if (english) { dd.appendChild(el("span", "", (arabic ? " — " : "") + english)); }
    dl.appendChild(dd);
  }

  // A span's text: given in the data when the article is missing, else read back from
  // the segments (every span boundary is a segment boundary; offsets are code points).
  function spanText(d, span, limit) {
    if (!span) { return ""; }
    var text = span.length > 2 ? span[2] : "";
    if (span.length === 2) {
      var lo = 0, hi = d.segs.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (d.segs[mid][0] < span[0]) { lo = mid + 1; } else { hi = mid; }
      }
      var parts = [];
      for (var k = lo; k < d.segs.length && d.segs[k][0] < span[1]; k += 1) {
        parts.push(d.segs[k][1]);
      }
      text = parts.join("");
    }
    var chars = Array.from(text);
    return limit && chars.length > limit ? chars.slice(0, limit - 1).join("").trim() + "…" : text;
  }

  function claimCard(d, c, i) {
    var card = el("div", "claim st-" + c.stance);
    card.dataset.i = i;
    card.dataset.id = c.id;
    card.tabIndex = 0;
    card.setAttribute("role", "button");
    card.appendChild(el("div", "label", c.label || "(no label)"));
    var badges = el("div", "badges");
    badges.appendChild(el("span", "badge stance st-" + c.stance, c.stance));
    if (c.negated) { badges.appendChild(el("span", "badge", "negated")); }
    if (c.quote) { badges.appendChild(el("span", "badge", "direct quote")); }
    card.appendChild(badges);
    var dl = el("dl");
    if (c.source) {
      row(dl, "speaker", spanText(d, c.source), c.who_en);
    } else if (c.speaker) {
      row(dl, "speaker", spanText(d, c.speaker),
        "resolved (dropped subject)" + (c.who_en ? ": " + c.who_en : ""));
    } else {
      row(dl, "speaker", "", "unattributed");
    }
    row(dl, "cue", spanText(d, c.cue), c.gloss + (c.lemma ? " (" + c.lemma + ")" : ""));
    if (c.channel) { row(dl, "channel", spanText(d, c.channel), ""); }
    row(dl, "content", spanText(d, c.content, CONTENT_PREVIEW), "");
    card.appendChild(dl);
    card.addEventListener("click", function () { selectClaim(i, true, false); });
    card.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); selectClaim(i, true, false); }
    });
    return card;
  }

  function renderClaims(d) {
    var list = $("claim-list");
    if (d.claims.length === 0) {
      list.replaceChildren(el("p", "empty", "No claims found in this document."));
      return;
    }
    var frag = document.createDocumentFragment();
    d.claims.forEach(function (c, i) { frag.appendChild(claimCard(d, c, i)); });
    list.replaceChildren(frag);
  }

  function selectClaim(i, scrollText, scrollList) {
    document.querySelectorAll("#doc-text .mk.active").forEach(function (n) {
      n.classList.remove("active");
    });
    document.querySelectorAll("#claim-list .claim[aria-current]").forEach(function (n) {
      n.removeAttribute("aria-current");
    });
    state.claim = i;
    var marks = document.querySelectorAll('#doc-text [data-c~="' + Number(i) + '"]');
    marks.forEach(function (n) { n.classList.add("active"); });
    var card = document.querySelector('#claim-list .claim[data-i="' + Number(i) + '"]');
    if (card) { card.setAttribute("aria-current", "true"); }
    var target = document.querySelector('#doc-text [data-marks~="' + Number(i) + ':cue"]') || marks[0];
    if (scrollText && target) { target.scrollIntoView({ block: "center" }); }
    if (scrollList && card) { card.scrollIntoView({ block: "nearest" }); }
  }

  function openDoc(n, scroll) {
    var d = docs[n];
    if (!d) { return; }
    state.doc = n;
    state.claim = -1;
    docHead(d);
    renderText(d);
    renderClaims(d);
    document.querySelectorAll("#doc-index tbody tr").forEach(function (tr) {
      if (Number(tr.dataset.n) === n) { tr.setAttribute("aria-current", "true"); }
      else { tr.removeAttribute("aria-current"); }
    });
    $("doc-view").dataset.doc = n;
    if (scroll) { $("doc-view").scrollIntoView({ block: "start" }); }
  }

  wireFilters();
  renderIndex();
  if (docs.length) {
    openDoc(0, false);
  } else {
    $("doc-head").replaceChildren(el("p", "empty", "No documents."));
  }
  document.documentElement.dataset.ready = "true";
})();
