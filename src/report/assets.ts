/**
 * The page's style sheet and its one small script, inlined into every report. The script only adds: sorting,
 * the findings filter, zooming diagrams, and opening every disclosure before printing. Everything it touches is
 * readable without it.
 */

export const STYLE = `
:root { --ink: #1a1a1a; --muted: #5c5c5c; --line: #c8c8c8; --accent: #0b5cad; --bg-soft: #f4f6f8;
  --direct: #cde9d6; --platform: #fbe7b5; --none: #f6c9c4; --overdue: #a30000; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Segoe UI", system-ui, sans-serif; color: var(--ink); line-height: 1.45; }
body { margin: 0; }
header.page { background: #12355b; color: #fff; padding: 1.2rem 2rem; }
header.page h1 { margin: 0 0 .3rem; font-size: 1.7rem; }
header.page p { margin: 0; }
nav.toc { padding: .5rem 2rem; background: var(--bg-soft); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 2; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; list-style: none; margin: 0; padding: 0; }
nav.toc a { color: var(--accent); }
main { padding: 0 2rem 3rem; max-width: 1280px; }
section { margin-top: 2rem; border-top: 3px solid #12355b; padding-top: .3rem; }
h2 { font-size: 1.45rem; } h3 { font-size: 1.15rem; margin-top: 1.6rem; }
.muted, .kind { color: var(--muted); font-weight: normal; }
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: .8rem; margin: 1rem 0; }
.kpi { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: .7rem 1rem; }
.kpi dt { font-size: .9rem; color: var(--muted); }
.kpi dd { margin: 0; }
.kpi-value { display: block; font-size: 1.6rem; font-weight: bold; }
.kpi-note { display: block; font-size: .8rem; color: var(--muted); }
figure { margin: 1rem 0; }
figcaption { font-weight: bold; margin-bottom: .4rem; }
figure.chart svg { max-width: 100%; height: auto; }
details > summary { cursor: pointer; }
table { border-collapse: collapse; margin: .6rem 0; }
table.data th, table.data td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
table.data thead th { background: var(--bg-soft); }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
th .sort { margin-left: .3rem; font-size: .8rem; border: 1px solid var(--line); background: #fff; border-radius: 3px; cursor: pointer; }
th[aria-sort="ascending"] .sort::after { content: " ▲"; } th[aria-sort="descending"] .sort::after { content: " ▼"; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.2rem; border-left: 1px dotted var(--line); margin: .2rem 0; }
ul.tree { padding-left: .4rem; border: 0; }
ul.tree li { margin: .15rem 0; }
ul.tree > li > ul { columns: 17rem; column-gap: 2rem; }
ul.tree > li > ul > li { break-inside: avoid; }
section { scroll-margin-top: 3rem; }
figure.chart div[class*="swatches"] { font-size: .9rem; margin-bottom: .4rem; }
figure.chart div[class*="swatch"] svg { width: 14px; height: 14px; }
table.data thead th { white-space: nowrap; }
td code, td.date { white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; list-style: none; padding: 0; }
.swatch { display: inline-block; width: 1.1rem; height: .9rem; border: 1px solid #555; margin-right: .35rem; vertical-align: middle; }
.swatch.organisation { background: #fff2b3; } .swatch.service { background: #fde2c4; border-radius: 6px; }
.swatch.tori { background: #cfe8ff; } .swatch.tosi { background: #d6f5e3; }
.line { display: inline-block; width: 2rem; border-top: 2px solid #b00; margin-right: .35rem; vertical-align: middle; }
.line.dashed { border-top-style: dashed; }
.diagram-box { border: 1px solid var(--line); border-radius: 4px; margin: .35rem 0; padding: .3rem .6rem; }
.diagram-scroll { overflow: auto; max-height: 75vh; border: 1px solid #eee; background: #fff; }
svg.diagram { display: block; font-family: "DejaVu Sans", sans-serif; }
svg.diagram .tag { font-size: 9px; fill: #444; }
svg.diagram rect { stroke: #555; } svg.diagram .k-org { fill: #fff2b3; } svg.diagram .k-service { fill: #fde2c4; }
svg.diagram .k-tori { fill: #cfe8ff; } svg.diagram .k-tosi { fill: #d6f5e3; } svg.diagram .k-other { fill: #eee; }
svg.diagram polyline { fill: none; stroke: #333; stroke-width: 1.2; }
svg.diagram polyline.flow { stroke: #b00; stroke-dasharray: 5 3; }
.zoom { display: flex; gap: .3rem; margin: .3rem 0; }
.zoom button { min-width: 2.4rem; padding: .2rem .5rem; font-size: 1rem; }
.matrix-scroll { overflow: auto; max-width: 100%; }
.scenarios-scroll { overflow: auto; max-width: 100%; }
.scenario-descriptions dt { font-weight: 600; margin-top: .6rem; }
.scenario-descriptions dd { margin: .2rem 0 0 1.2rem; max-width: 60rem; }
table.matrix th, table.matrix td { border: 1px solid var(--line); padding: .25rem .4rem; font-size: .85rem; }
table.matrix caption { text-align: left; font-weight: bold; padding: .3rem 0; }
table.matrix th.rotate { vertical-align: bottom; max-width: 9rem; }
td.pair { text-align: center; white-space: nowrap; }
.pair.direct { background: var(--direct); } .pair.platform { background: var(--platform); } .pair.none { background: var(--none); font-weight: bold; }
.pair.same, .pair.self { color: var(--muted); background: #fafafa; }
.chip { padding: .15rem .5rem; border: 1px solid var(--line); border-radius: 3px; }
.parallel-group { border-left: 4px solid var(--line); padding-left: .9rem; margin: 1.2rem 0; }
.parallel-group.is-overdue { border-left-color: var(--overdue); }
.overdue { color: var(--overdue); }
.missed { color: #a23c00; font-weight: bold; } .met { color: #1d6b3a; }
tr.is-missed td { background: #fff1ea; }
table.overlap-projects { width: 100%; }
.overlap-group { border-left: 4px solid var(--line); padding-left: .9rem; margin: 1.2rem 0; }
.overlap-group.no-national { border-left-color: #e69f00; }
.overlap-group h4 { margin: .2rem 0 .4rem; font-size: 1.05rem; }
.national.exists { color: #1d6b3a; } .national.missing { color: #8a5300; }
ul.compact { list-style: none; padding: 0; margin: 0; }
td.nowrap { white-space: nowrap; }
.severity.error { color: #a30000; font-weight: bold; } .severity.warning { color: #8a5300; } .severity.info { color: #24527a; }
form.filters { display: flex; flex-wrap: wrap; gap: .6rem 1.4rem; align-items: center; margin: .8rem 0; }
form.filters fieldset { border: 1px solid var(--line); border-radius: 4px; }
form.filters input[type=search] { padding: .3rem; min-width: 16rem; }
tr[hidden] { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media print {
  nav.toc, .zoom, form.filters, th .sort { display: none !important; }
  header.page { background: none; color: #000; border-bottom: 2px solid #000; padding: 0 0 .5rem; }
  main { padding: 0; max-width: none; }
  section { break-before: page; border-top: 0; }
  section#overview { break-before: auto; }
  .diagram-scroll, .matrix-scroll { overflow: visible; max-height: none; border: 0; }
  svg.diagram { max-width: 100%; height: auto; }
  table, figure, .parallel-group { break-inside: auto; }
  tr, .kpi, .diagram-box { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

export const SCRIPT = `(function () {
  'use strict';
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var value = cell.getAttribute('data-sort');
    if (value === null) value = cell.textContent || '';
    return cell.hasAttribute('data-sort-number') ? Number(value) : value.toLowerCase();
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = th.querySelector('button.sort');
      if (!button || !th.closest('table').tBodies[0].rows[0] || !th.closest('table').tBodies[0].rows[0].cells[index].hasAttribute('data-sort')) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var form = document.getElementById('findings-filters');
  var findings = document.getElementById('findings-table');
  if (form && findings) {
    form.hidden = false;
    var output = document.getElementById('findings-count');
    var template = output.getAttribute('data-template') || '';
    var apply = function () {
      var shown = {};
      form.querySelectorAll('input[name=severity]').forEach(function (box) { shown[box.value] = box.checked; });
      var query = form.querySelector('input[type=search]').value.trim().toLowerCase();
      var visible = 0;
      Array.prototype.forEach.call(findings.tBodies[0].rows, function (row) {
        var show = shown[row.getAttribute('data-severity')] === true && (query === '' || (row.textContent || '').toLowerCase().indexOf(query) >= 0);
        row.hidden = !show;
        if (show) visible++;
      });
      output.textContent = template.replace('{shown}', String(visible)).replace('{total}', findings.getAttribute('data-total'));
    };
    form.addEventListener('input', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    apply();
  }
  document.querySelectorAll('.zoom').forEach(function (controls) {
    var svg = controls.parentNode.querySelector('svg.diagram');
    if (!svg) return;
    controls.hidden = false;
    var natural = Number(svg.getAttribute('data-width'));
    var ratio = Number(svg.getAttribute('height')) / natural;
    var scale = 1;
    controls.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) return;
      var action = button.getAttribute('data-zoom');
      scale = action === 'in' ? Math.min(4, scale * 1.25) : action === 'out' ? Math.max(0.25, scale / 1.25) : 1;
      svg.setAttribute('width', String(Math.round(natural * scale)));
      svg.setAttribute('height', String(Math.round(natural * ratio * scale)));
      controls.querySelector('.zoom-level').textContent = Math.round(scale * 100) + ' %';
    });
  });
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (details) { details.open = true; opened.push(details); });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();`;
