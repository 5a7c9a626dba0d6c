#!/usr/bin/env node
// Reference side of bench/jsonstat.sh: the same job as
// `stemnet jsonstat table FILE --format csv [--labels]`, done with jsonstat-toolkit.
//
//   node bench/node/table.cjs FILE [--labels]  >  out.csv
//
// End to end in one process: read the file, JSON.parse, JSONstat(), .Dataset(0),
// .toTable() with one row per cell (type "arrobj"), then CSV text of that table
// on standard output. The columns follow stemnet's: one per dimension (ids, or
// labels with --labels), then value, then status when the dataset has statuses.
"use strict";

const fs = require("fs");
const JSONstat = require("jsonstat-toolkit");

const args = process.argv.slice(2);
const labels = args.includes("--labels");
const files = args.filter((a) => a !== "--labels");
if (files.length !== 1) {
  process.stderr.write("usage: node table.cjs FILE [--labels]\n");
  process.exit(2);
}

const obj = JSON.parse(fs.readFileSync(files[0], "utf8"));
const ds = JSONstat(obj).Dataset(0);
if (!ds || ds.class !== "dataset") {
  process.stderr.write(`${files[0]}: no dataset\n`);
  process.exit(1);
}
const dims = ds.id;
const hasStatus = ds.status !== null && ds.status !== undefined;
const rows = ds.toTable({
  type: "arrobj",
  content: labels ? "label" : "id",
  status: hasStatus,
});
if (!Array.isArray(rows)) {
  process.stderr.write(`${files[0]}: toTable returned no rows\n`);
  process.exit(1);
}

// RFC 4180: quote a field holding a comma, a quote or a line break.
const special = /[",\r\n]/;
const field = (v) => {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : String(v);
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const header = labels
  ? dims.map((d) => ds.Dimension(d).label).concat(["Value"], hasStatus ? ["Status"] : [])
  : dims.concat(["value"], hasStatus ? ["status"] : []);

// Written to standard output in chunks of about 1 MB, so that the whole text never
// has to exist at once; a pipe may take part of a chunk, or none for a moment.
const write = (text) => {
  const bytes = Buffer.from(text, "utf8");
  for (let off = 0; off < bytes.length; ) {
    try {
      off += fs.writeSync(1, bytes, off);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
    }
  }
};
let buf = header.map(field).join(",") + "\n";
for (const r of rows) {
  let line = "";
  for (const d of dims) line += field(r[d]) + ",";
  line += field(r.value);
  if (hasStatus) line += "," + field(r.status);
  buf += line + "\n";
  if (buf.length >= 1 << 20) {
    write(buf);
    buf = "";
  }
}
write(buf);
