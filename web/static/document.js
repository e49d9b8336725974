// A link to #p450 of a long document opened on the wrong part: go to the part holding it.
(function () {
  var match = /^#p(\d+)$/.exec(window.location.hash);
  var passages = document.querySelector("[data-passages-per-page]");
  if (!match || !passages || document.getElementById("p" + match[1])) return;
  var perPage = parseInt(passages.getAttribute("data-passages-per-page"), 10);
  var part = Math.floor((parseInt(match[1], 10) - 1) / perPage) + 1;
  var url = new URL(window.location.href);
  if (url.searchParams.get("page") === String(part) || (part === 1 && !url.searchParams.get("page"))) return;
  url.searchParams.set("page", String(part));
  window.location.replace(url.toString());
})();
