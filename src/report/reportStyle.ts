/** The report's only styling, inline so the file prints and opens offline with no other resource. */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{font-family:"Noto Sans","Helvetica Neue",Arial,"PingFang SC","Microsoft YaHei",sans-serif;color:#1b1b1b;margin:0 auto;max-width:60rem;padding:2rem 1.5rem;line-height:1.5;font-size:11pt}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:2px solid #1f4e79;padding-bottom:.2rem;color:#1f4e79}
h3{font-size:1rem;margin:1rem 0 .25rem}
.subtitle{color:#555;margin:0 0 1rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
table{width:100%;border-collapse:collapse;margin:.5rem 0}
th,td{border:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef3f8}
td.amount{white-space:nowrap;text-align:right}
tr.eligible td.status{color:#1a6b2f;font-weight:600}
tr.needs_info td.status{color:#8a5a00;font-weight:600}
tr.not_eligible td.status{color:#777}
tr.total td{font-weight:700;background:#f6f6f6}
ul{margin:.25rem 0 .5rem 1.25rem;padding:0}
.note{color:#555;font-size:.95em}
.disclaimer{border:1px solid #d9b44a;background:#fff8e1;padding:.75rem 1rem}
footer{margin-top:2rem;color:#777;font-size:.85em}
@media print{body{padding:0;max-width:none;font-size:10pt}h2{break-after:avoid}tr,li{break-inside:avoid}}
`;
