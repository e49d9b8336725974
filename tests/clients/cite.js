// The citation clients the tests check Cuttings' files with, as one command:
//   node cite.js parse FILE                      citation-js reads FILE (BibTeX, biblatex, RIS
//                                                or CSL-JSON): its CSL-JSON on stdout
//   node cite.js render ITEMS STYLE LOCALE CITES citeproc-js formats the CSL-JSON ITEMS with the
//                                                CSL STYLE: each reference and each citation of
//                                                CITES ([{id, locator, prefix}]), as text and HTML
"use strict";

const fs = require("fs");

function parse(file) {
  const { Cite } = require("@citation-js/core");
  require("@citation-js/plugin-bibtex");
  require("@citation-js/plugin-ris");
  require("@citation-js/plugin-csl");
  const items = new Cite(fs.readFileSync(file, "utf8")).data;
  return items.map(({ _graph, ...item }) => item);
}

function engine(items, styleXml, localeXml, format) {
  const CSL = require("citeproc");
  const byId = new Map(items.map((item) => [item.id, item]));
  const sys = {
    retrieveLocale: () => localeXml,
    retrieveItem: (id) => byId.get(id),
  };
  const processor = new CSL.Engine(sys, styleXml, "en-US", true);
  processor.setOutputFormat(format);
  processor.updateItems(items.map((item) => item.id));
  return processor;
}

function render(itemsFile, styleFile, localeFile, citesFile) {
  const items = JSON.parse(fs.readFileSync(itemsFile, "utf8"));
  const style = fs.readFileSync(styleFile, "utf8");
  const locale = fs.readFileSync(localeFile, "utf8");
  const cites = JSON.parse(fs.readFileSync(citesFile, "utf8"));
  const out = { references: [], citations: [] };
  const formats = ["text", "html"];
  const done = {};
  for (const format of formats) {
    const processor = engine(items, style, locale, format);
    const [params, entries] = processor.makeBibliography();
    done[format] = {
      references: params.entry_ids.map((ids, i) => [ids[0], entries[i].trim()]),
      // each citation on its own, as a first citation (a full note in a note style)
      citations: cites.map((cite) => {
        const item = { id: cite.id };
        if (cite.locator) Object.assign(item, { locator: cite.locator, label: "paragraph" });
        if (cite.prefix) item.prefix = cite.prefix + " ";
        return processor.makeCitationCluster([item]);
      }),
    };
  }
  done.text.references.forEach(([id, text], i) => {
    out.references.push({ id, text, html: done.html.references[i][1] });
  });
  done.text.citations.forEach((text, i) => {
    out.citations.push({ id: cites[i].id, text, html: done.html.citations[i] });
  });
  return out;
}

const [command, ...args] = process.argv.slice(2);
const result = command === "parse" ? parse(...args) : command === "render" ? render(...args) : null;
if (result === null) {
  process.stderr.write("usage: node cite.js parse FILE | render ITEMS STYLE LOCALE CITES\n");
  process.exit(2);
}
process.stdout.write(JSON.stringify(result, null, 1) + "\n");
