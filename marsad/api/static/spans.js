/* marsad: offsets of the analysis (Python code points) in JavaScript strings (UTF-16).
 *
 * Every start/end marsad returns counts code points: a character outside the Basic Multilingual
 * Plane (an emoji, a rare CJK ideograph) is one position in Python and two UTF-16 units here.
 * cpIndex(text) maps each code-point offset to its UTF-16 index; segments() cuts a text at every
 * span boundary so overlapping and nested spans can be drawn. Used by the page and by
 * tests/interfaces (node), so it is a plain script: no modules, no dependencies.
 */
(function (root) {
  "use strict";

  /* u16[i] = the UTF-16 index of code point i; u16[length in code points] = text.length */
  function cpIndex(text) {
    var u16 = [];
    var i = 0;
    while (i < text.length) {
      u16.push(i);
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
      } else {
        i += 1;
      }
    }
    u16.push(text.length);
    return u16;
  }

  /* The substring between two code-point offsets (clamped to the text). */
  function cpSlice(text, u16, start, end) {
    var n = u16.length - 1;
    var s = Math.max(0, Math.min(n, start));
    var e = Math.max(s, Math.min(n, end));
    return text.substring(u16[s], u16[e]);
  }

  /* Cut text at every boundary of spans ({start, end} in code points). Returns
   * [{start, end, text, covering: [indices of the spans over this piece]}], in order, covering
   * the whole text. Spans outside the text or empty are ignored. */
  function segments(text, spans) {
    var u16 = cpIndex(text);
    var n = u16.length - 1;
    var cuts = {0: true};
    cuts[n] = true;
    var valid = [];
    for (var k = 0; k < spans.length; k++) {
      var sp = spans[k];
      var s = Math.max(0, Math.min(n, sp.start | 0));
      var e = Math.max(0, Math.min(n, sp.end | 0));
      if (e <= s) continue;
      cuts[s] = true;
      cuts[e] = true;
      valid.push([k, s, e]);
    }
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    var out = [];
    for (var p = 0; p + 1 < points.length; p++) {
      var a = points[p], b = points[p + 1];
      var covering = [];
      for (var v = 0; v < valid.length; v++) {
        if (valid[v][1] <= a && b <= valid[v][2]) covering.push(valid[v][0]);
      }
      out.push({start: a, end: b, text: text.substring(u16[a], u16[b]), covering: covering});
    }
    return out;
  }

  /* "N noun" in the form Arabic gives the number: forms = [one, two, 3-10, 11-99, 100s]
   * (as marsad.explain.brief.count_ar): مقال واحد، مقالان، 3 مقالات، 11 مقالا، 100 مقال. */
  var ARTICLES = ["مقال واحد", "مقالان", "مقالات", "مقالا", "مقال"];
  function countAr(n, forms) {
    var f = forms || ARTICLES;
    if (n === 1) return f[0];
    if (n === 2) return f[1];
    var rest = n % 100;
    if (rest >= 3 && rest <= 10) return n + " " + f[2];
    if (rest >= 11 && rest <= 99) return n + " " + f[3];
    return n + " " + f[4];
  }

  var api = {cpIndex: cpIndex, cpSlice: cpSlice, segments: segments, countAr: countAr};
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.MarsadSpans = api;
})(this);
