/* Stedenagenda search: the engine and the results under the header search box.
 *
 * Loaded by the inline loader in overrides/partials/search.html only when the reader
 * focuses or types in the search box. The index (built by generator/search.py) is a set of
 * small scripts, loaded with <script> tags so that it works from local files as well as on the
 * web: manifest.js (which shard holds which keys), t/*.js (keys and postings), d/*.js
 * (titles, links, excerpts) and woorden.js (all keys, only for the typo fallback).
 */
(function () {
  "use strict";
  var Z = window.stedenagendaZoek;
  var WORD = /[\p{L}\p{N}]+/gu;
  var PREFIX = 0.5, TYPO = 0.7, PAGE = 10;
  // Dutch function words (Snowball's list): optional in a query, never required.
  var STOP = new Set(("aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus " +
    "een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je " +
    "kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over " +
    "reeds te tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze " +
    "zelf zich zij zijn zo zonder zou").split(" "));

  var loaded = {}, shards = {}, docChunks = {}, manifest = null, vocabulary = null;

  function load(path) {
    if (!loaded[path]) {
      loaded[path] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = Z.folder + path;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("zoekindex: " + path)); };
        document.head.appendChild(s);
      });
    }
    return loaded[path];
  }

  // The index files call these.
  Z.manifest = function (_, data) { manifest = data; };
  Z.shard = function (name, data) { shards[name] = data; };
  Z.docs = function (name, data) { docChunks[name] = data; };
  Z.words = function (_, data) { vocabulary = data.split("\n"); };

  function fold(text) { return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(); }
  function words(text) { return fold(text).match(WORD) || []; }

  function getManifest() { return load("manifest.js").then(function () { return manifest; }); }

  function shardOf(key) {
    for (var n = key.length; n > 0; n--) {
      if (Object.prototype.hasOwnProperty.call(manifest.shards, key.slice(0, n))) return key.slice(0, n);
    }
    return null;
  }

  function loadShard(prefix) {
    return load("t/" + manifest.shards[prefix] + ".js").then(function () { return shards[prefix]; });
  }

  function decode(flat, factor, into) {
    var doc = 0;
    for (var i = 0; i < flat.length; i += 2) {
      doc += flat[i];
      var score = flat[i + 1] * factor;
      if (!(into.get(doc) >= score)) into.set(doc, score);
    }
  }

  // Postings of one key, following an inflected form to its lemma (one hop).
  function entry(key, hops) {
    var prefix = shardOf(key);
    if (prefix === null) return Promise.resolve(null);
    return loadShard(prefix).then(function (shard) {
      var e = Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
      if (typeof e === "string") return hops ? null : entry(e, 1);
      return e;
    });
  }

  // Documents a word finds: the key itself, and keys it begins (as the reader types).
  function match(token) {
    var hits = new Map();
    return entry(token, 0).then(function (e) {
      if (e) decode(e, 1, hits);
      if (token.length < 3) return hits;
      var prefixes = Object.keys(manifest.shards).filter(function (p) {
        return p.length > token.length && p.indexOf(token) === 0;
      });
      var own = shardOf(token);
      if (own !== null) prefixes.push(own);
      return Promise.all(prefixes.slice(0, 4).map(loadShard)).then(function (list) {
        list.forEach(function (shard) {
          Object.keys(shard).forEach(function (key) {
            if (key !== token && key.indexOf(token) === 0 && typeof shard[key] !== "string") {
              decode(shard[key], PREFIX, hits);
            }
          });
        });
        return hits;
      });
    });
  }

  // Optimal string alignment distance, or max + 1 once it is sure to exceed max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        row.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  // A word of 5+ letters that finds nothing: the nearest words in the index, one edit away
  // (two from 9 letters); of those, the one that finds the most pages.
  function typo(token) {
    if (token.length < 5 || /^\d+$/.test(token)) return Promise.resolve(null);
    var max = token.length >= 9 ? 2 : 1;
    return load("woorden.js").then(function () {
      var best = [], bestDistance = max + 1;
      vocabulary.forEach(function (w) {
        var d = distance(token, w, max);
        if (d < bestDistance) { best = [w]; bestDistance = d; } else if (d === bestDistance && d <= max) best.push(w);
      });
      if (!best.length) return null;
      return Promise.all(best.slice(0, 8).map(function (w) {
        return entry(w, 0).then(function (e) {
          var hits = new Map();
          if (e) decode(e, TYPO, hits);
          return { word: w, hits: hits };
        });
      })).then(function (found) {
        found.sort(function (a, b) { return b.hits.size - a.hits.size || (a.word < b.word ? -1 : 1); });
        return found[0].hits.size ? found[0] : null;
      });
    });
  }

  // Pages that have every word of the query (function words optional), best first.
  // Returns {ids, corrected}: corrected is the query as searched when a typo was fixed.
  function search(query) {
    var tokens = words(query);
    return getManifest().then(function () {
      if (!tokens.length) return { ids: [], corrected: null };
      var required = tokens.filter(function (t) { return !STOP.has(t); });
      if (!required.length) required = tokens;
      var optional = tokens.filter(function (t) { return required.indexOf(t) < 0; });
      var corrected = tokens.slice(), fixed = false;
      var unique = required.filter(function (t, i) { return required.indexOf(t) === i; });
      return Promise.all(unique.map(function (t) {
        return match(t).then(function (hits) {
          if (hits.size) return hits;
          return typo(t).then(function (fix) {
            if (!fix) return hits;
            fixed = true;
            corrected = corrected.map(function (c) { return c === t ? fix.word : c; });
            return fix.hits;
          });
        });
      })).then(function (maps) {
        return Promise.all(optional.map(function (t) { return entry(t, 0); })).then(function (extra) {
          var scores = new Map();
          maps[0].forEach(function (score, doc) {
            var total = score;
            for (var i = 1; i < maps.length; i++) {
              if (!maps[i].has(doc)) return;
              total += maps[i].get(doc);
            }
            scores.set(doc, total);
          });
          extra.forEach(function (e) {
            if (!e) return;
            var m = new Map();
            decode(e, 0.1, m);
            m.forEach(function (s, doc) { if (scores.has(doc)) scores.set(doc, scores.get(doc) + s); });
          });
          var ids = Array.from(scores.keys()).sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
          return { ids: ids, corrected: fixed ? corrected.join(" ") : null };
        });
      });
    });
  }

  function doc(id) {
    var chunk = String(Math.floor(id / manifest.docChunk));
    return load("d/" + chunk + ".js").then(function () { return docChunks[chunk][id % manifest.docChunk]; });
  }

  // Every page of the index, as [link, title, excerpt], in index order (for tests and bench).
  function pages() {
    return getManifest().then(function () {
      var all = [];
      for (var i = 0; i < manifest.docs; i++) all.push(doc(i));
      return Promise.all(all);
    });
  }

  Z.search = search;
  Z.doc = doc;
  Z.pages = pages;
  Z.fold = fold;

  // --- the results under the search box ---------------------------------------------------
  var form = Z.form, input = form.querySelector("input");
  var meta = form.parentNode.querySelector(".md-search-result__meta");
  var list = form.parentNode.querySelector(".md-search-result__list");
  var more = form.parentNode.querySelector(".md-search-result__more");
  var latest = 0, shown = [];

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function count(n) { return n === 1 ? "1 resultaat" : n + " resultaten"; }

  function render(ids, from, ticket) {
    var page = ids.slice(from, from + PAGE);
    return Promise.all(page.map(doc)).then(function (docs) {
      // A newer search cleared the list meanwhile: this page of results is for a query
      // the reader has typed past (on a slow machine, "onder" before "ondermijning").
      if (ticket !== latest) return false;
      docs.forEach(function (d, i) {
        // The APG Listbox pattern: the list is one Tab stop (the current result has
        // tabindex 0, the others -1) and the arrows move between the results.
        var item = element("li", "md-search-result__item");
        item.setAttribute("role", "none");
        var link = element("a", "md-search-result__link");
        link.href = new URL(d[0], Z.root).href;
        link.id = "zoek-resultaat-" + (from + i);
        link.setAttribute("role", "option");
        link.setAttribute("aria-selected", "false");
        link.tabIndex = from + i === 0 ? 0 : -1;
        var article = element("article", "md-search-result__article md-typeset");
        article.appendChild(element("h1", "", d[1]));
        if (d[2]) article.appendChild(element("p", "", d[2]));
        link.appendChild(article);
        item.appendChild(link);
        list.appendChild(item);
      });
      shown = ids;
      if (ids.length) list.setAttribute("role", "listbox");
      more.hidden = ids.length <= from + PAGE;
      more.dataset.next = String(from + PAGE);
      return true;
    });
  }

  function update() {
    var query = input.value, ticket = ++latest;
    if (!words(query).length) {
      meta.textContent = "Typ om te zoeken";
      list.textContent = "";
      list.removeAttribute("role");
      more.hidden = true;
      return Promise.resolve();
    }
    return search(query).then(function (result) {
      if (ticket !== latest) return null;
      list.textContent = "";
      list.removeAttribute("role");
      meta.textContent = "";
      if (result.corrected) {
        meta.appendChild(document.createTextNode("Geen resultaten voor \u201c" + query.trim() + "\u201d. Resultaten voor "));
        meta.appendChild(element("em", "", result.corrected));
        meta.appendChild(document.createTextNode(": " + count(result.ids.length)));
      } else {
        meta.textContent = result.ids.length ? count(result.ids.length) : "Geen resultaten";
      }
      return render(result.ids, 0, ticket).then(function (fresh) {
        // Tells a waiting test (and nobody else) which query the list now answers.
        if (fresh) list.parentNode.setAttribute("data-query", query);
      });
    }).catch(function (error) {
      meta.textContent = "Zoeken lukt nu niet: " + error.message;
    });
  }

  var timer = null;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(update, 80);
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  // The result that has focus is the listbox's current one: the Tab stop, and selected.
  function current(link) {
    links().forEach(function (l) {
      l.tabIndex = l === link ? 0 : -1;
      l.setAttribute("aria-selected", String(l === link));
    });
  }

  input.addEventListener("input", schedule);
  form.addEventListener("reset", function () { setTimeout(update, 0); });
  list.addEventListener("focusin", function (e) { if (e.target.getAttribute("role") === "option") current(e.target); });
  more.addEventListener("click", function () {
    var first = Number(more.dataset.next);
    render(shown, first, latest).then(function () { var l = links()[first]; if (l) l.focus(); });
  });
  form.parentNode.addEventListener("keydown", function (e) {
    var all = links(), at = all.indexOf(document.activeElement);
    var tabStop = all.filter(function (l) { return l.tabIndex === 0; })[0] || all[0];
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (at < 0) { if (tabStop) tabStop.focus(); } else all[Math.min(at + 1, all.length - 1)].focus();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (at <= 0) input.focus(); else all[at - 1].focus();
    } else if ((e.key === "Home" || e.key === "End") && at >= 0) {
      e.preventDefault();
      all[e.key === "Home" ? 0 : all.length - 1].focus();
    } else if (e.key === "Enter" && document.activeElement === input) {
      e.preventDefault();
      update().then(function () { var first = links()[0]; if (first) first.click(); });
    }
  });
  Z.ready = true;
  if (input.value) update(); else meta.textContent = "Typ om te zoeken";
})();
