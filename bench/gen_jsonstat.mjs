#!/usr/bin/env node
// Writes a deterministic JSON-stat 2.0 dataset for bench/jsonstat.sh.
//
//   node bench/gen_jsonstat.mjs OUT.json [REGIONS]
//
// Dimensions: year 10 (role time) × region REGIONS (role geo; default 400)
// × sex 2 × age 20 × measure 10 (role metric, with units): 1,600,000 cells by
// default. Category labels everywhere (a few region labels hold a comma, so CSV
// quoting is exercised); about 3 % of the values are null; about 1 % of the cells
// have a status, given sparsely (an object from cell index to status). The same
// seed gives the same bytes on every run and machine.
import { openSync, writeSync, closeSync } from "node:fs";

const [out, regionsArg] = process.argv.slice(2);
if (!out) {
  process.stderr.write("usage: node gen_jsonstat.mjs OUT.json [REGIONS]\n");
  process.exit(2);
}
const REGIONS = regionsArg === undefined ? 400 : Number(regionsArg);
if (!Number.isInteger(REGIONS) || REGIONS < 1 || REGIONS > 9999) {
  process.stderr.write(`REGIONS must be an integer 1..9999 (got '${regionsArg}')\n`);
  process.exit(2);
}

// mulberry32: small, fast, good enough for test data, and fully deterministic.
let seed = 0x5eed2024 >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pad = (n, w) => String(n).padStart(w, "0");
const category = (ids, labelOf) => ({
  index: ids,
  label: Object.fromEntries(ids.map((id, i) => [id, labelOf(id, i)])),
});

const years = Array.from({ length: 10 }, (_, i) => String(2015 + i));
const regions = Array.from({ length: REGIONS }, (_, i) => `R${pad(i + 1, 4)}`);
const sexes = ["F", "M"];
const ages = Array.from({ length: 20 }, (_, i) => `Y${pad(i * 5, 2)}`);
// id, label, unit label, symbol, decimals, typical size
const measures = [
  ["POP", "population", "persons", "", 0, 2000],
  ["EMP", "employed persons", "persons", "", 0, 1200],
  ["UNE", "unemployed persons", "persons", "", 0, 90],
  ["UNR", "unemployment rate", "percent", "%", 1, 6],
  ["INC", "median income", "Norwegian kroner", "NOK", 0, 450000],
  ["EDU", "higher education", "percent", "%", 1, 35],
  ["MIG", "net migration", "persons", "", 0, 15],
  ["HOU", "average household size", "persons per household", "", 2, 2.2],
  ["DEN", "population density", "persons per km²", "", 1, 120],
  ["LIF", "life expectancy", "years", "", 1, 81],
];

const dataset = {
  version: "2.0",
  class: "dataset",
  label: "Generated benchmark dataset: population and labour by year, region, sex and age",
  source: "stemnet bench/gen_jsonstat.mjs (synthetic; seed 0x5eed2024)",
  updated: "2024-01-01",
  id: ["year", "region", "sex", "age", "measure"],
  size: [years.length, regions.length, sexes.length, ages.length, measures.length],
  role: { time: ["year"], geo: ["region"], metric: ["measure"] },
  dimension: {
    year: { label: "year", category: category(years, (id) => id) },
    region: {
      label: "region",
      category: category(regions, (id, i) =>
        i % 25 === 7 ? `Region ${i + 1}, ${["north", "south", "east", "west"][i % 4]}` : `Region ${i + 1}`),
    },
    sex: { label: "sex", category: category(sexes, (id) => (id === "F" ? "female" : "male")) },
    age: {
      label: "age group",
      category: category(ages, (id, i) => (i === 19 ? "95 years or older" : `${i * 5}-${i * 5 + 4} years`)),
    },
    measure: {
      label: "measure",
      category: {
        index: measures.map((m) => m[0]),
        label: Object.fromEntries(measures.map((m) => [m[0], m[1]])),
        unit: Object.fromEntries(measures.map(([id, , label, symbol, decimals]) => {
          const unit = { label, decimals };
          if (symbol) {
            unit.symbol = symbol;
            unit.position = symbol === "%" ? "end" : "start";
          }
          return [id, unit];
        })),
      },
    },
  },
};

const n = dataset.size.reduce((a, b) => a * b, 1);
const statuses = ["p", "e", "c", "b"]; // provisional, estimated, confidential, break in series

// The metadata first, with value and status as placeholders that are streamed.
const head = JSON.stringify(dataset, null, 1).replace(/\n}$/, "");
const fd = openSync(out, "w");
let buf = `${head},\n "value": [`;
const status = [];
for (let i = 0; i < n; i++) {
  const m = measures[i % measures.length];
  const r = random();
  let text;
  if (r < 0.03) {
    text = "null";
  } else {
    const scale = 10 ** m[4];
    const v = m[5] * (0.5 + random());
    text = String(Math.round(v * scale) / scale);
  }
  if (random() < 0.01) status.push(`"${i}":"${statuses[Math.floor(random() * statuses.length)]}"`);
  buf += (i ? "," : "") + text;
  if (buf.length >= 1 << 20) {
    writeSync(fd, buf);
    buf = "";
  }
}
buf += `],\n "status": {${status.join(",")}}\n}\n`;
writeSync(fd, buf);
closeSync(fd);
process.stderr.write(`gen_jsonstat: ${out}: ${n} cells, ${status.length} statuses\n`);
