// One-off: turn a 7.0.15 COMMAND DOCS/INFO dump into compact records for engine/docs/data-base.ts.
import fs from 'node:fs';
const d = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const get = (m, k) => { const e = m.v.find(([a]) => a.v === k); return e && e[1]; };
const TYPES = { key: 'k', string: 's', integer: 'i', double: 'd', pattern: 'p', 'unix-time': 'u', 'pure-token': 't', oneof: 'o', block: 'b' };
const FL = { optional: '?', multiple: '*', multiple_token: '+' };
function arg(m) {
  const keys = m.v.map(([k]) => k.v);
  let s = get(m, 'name').v + '=' + TYPES[get(m, 'type').v];
  const ksi = get(m, 'key_spec_index'); if (ksi) s += ksi.v;
  const tok = get(m, 'token'); if (tok) s += '"' + tok.v + '"';
  const fl = get(m, 'flags'); if (fl) for (const f of fl.v) s += FL[f.v];
  const since = get(m, 'since'); if (since) s += '@' + since.v;
  const dep = get(m, 'deprecated_since'); if (dep) s += '%' + dep.v;
  for (const k of keys) if (!['name','type','key_spec_index','token','flags','since','deprecated_since','arguments'].includes(k)) throw new Error('arg key ' + k);
  const kids = get(m, 'arguments'); if (kids) s += '(' + kids.v.map(arg).join(' ') + ')';
  return s;
}
function keyspec(m) {
  const notes = get(m, 'notes');
  const flags = get(m, 'flags').v.map((f) => f.v).join(' ');
  const bs = get(m, 'begin_search'); const bst = get(bs, 'type').v; const bss = get(bs, 'spec');
  let b = bst === 'index' ? 'i' + get(bss, 'index').v : bst === 'keyword' ? 'k' + get(bss, 'keyword').v + ',' + get(bss, 'startfrom').v : 'u';
  const fk = get(m, 'find_keys'); const fkt = get(fk, 'type').v; const fks = get(fk, 'spec');
  let f = fkt === 'range' ? 'r' + ['lastkey','keystep','limit'].map((k) => get(fks, k).v).join(',') : fkt === 'keynum' ? 'n' + ['keynumidx','firstkey','keystep'].map((k) => get(fks, k).v).join(',') : 'u';
  return [flags, b, f, ...(notes ? [notes.v] : [])].join('|');
}
const info = new Map();
for (const e of d.info.v) { info.set(e.v[0].v, e); for (const s of e.v[9].v) info.set(s.v[0].v, s); }
const out = [];
function rec(name, doc) {
  const i = info.get(name);
  const str = (k) => { const v = get(doc, k); return v ? v.v : ''; };
  for (const [k] of doc.v) if (!['summary','since','group','complexity','history','arguments','subcommands'].includes(k.v)) throw new Error(name + ' doc key ' + k.v);
  const args = get(doc, 'arguments');
  const hist = get(doc, 'history');
  const r = [name, i.v[1].v, i.v[2].v.map((f) => f.v).join(' '), i.v[6].v.map((f) => f.v.slice(1)).join(' '),
    [i.v[3].v, i.v[4].v, i.v[5].v].join(','), str('since'), str('group'), str('summary'), str('complexity'),
    args ? args.v.map(arg).join(' ') : '', i.v[8].v.map(keyspec), hist ? hist.v.map((h) => [h.v[0].v, h.v[1].v]) : [],
    i.v[7].v.map((t) => t.v).join(' ')];
  while (r.length > 9 && (r[r.length - 1] === '' || (Array.isArray(r[r.length - 1]) && r[r.length - 1].length === 0))) r.pop();
  out.push(r);
  const subs = get(doc, 'subcommands');
  if (subs) for (const [k, v] of subs.v) rec(k.v, v);
}
for (const [k, v] of d.docs.v) rec(k.v, v);
const only = process.argv[3] ? new RegExp(process.argv[3]) : null;
const lines = out.filter((r) => !only || only.test(r[0])).map((r) => '  ' + JSON.stringify(r).replace(/'/g, "\\'").replace(/^\[|\]$/g, (m) => m).replace(/"((?:[^"\\]|\\.)*)"/g, (m, s) => "'" + s.replace(/\\"/g, '"') + "'") + ',');
process.stdout.write(lines.join('\n') + '\n');
