/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function hiddenFields(fields: Record<string, string | undefined>): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

const STYLE = `
:root { color-scheme: light dark; --accent:#0f6cbd; --accent-hover:#115ea3; --bg:#f5f5f5; --card:#fff; --text:#242424; --muted:#616161; --line:#e0e0e0; }
@media (prefers-color-scheme: dark) { :root { --bg:#1f1f1f; --card:#292929; --text:#f5f5f5; --muted:#adadad; --line:#3d3d3d; --accent:#479ef5; --accent-hover:#62abf5; } }
* { box-sizing: border-box; }
body { margin:0; min-height:100vh; display:flex; align-items:flex-start; justify-content:center; background:var(--bg); color:var(--text);
  font: 15px/1.4 "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif; }
main { width:min(460px, 100% - 24px); margin:48px 0; background:var(--card); border-radius:8px; box-shadow:0 2px 6px rgba(0,0,0,.14); padding:36px 40px; }
.brand { display:flex; align-items:center; gap:10px; font-weight:600; color:var(--muted); font-size:13px; letter-spacing:.02em; }
.brand svg { width:22px; height:22px; }
h1 { font-size:24px; font-weight:600; margin:18px 0 6px; }
p.lead { margin:0 0 20px; color:var(--muted); }
ul.people { list-style:none; margin:0; padding:0; max-height:60vh; overflow:auto; border-top:1px solid var(--line); }
ul.people li { border-bottom:1px solid var(--line); }
button.person { all:unset; box-sizing:border-box; width:100%; display:flex; align-items:center; gap:12px; padding:10px 8px; cursor:pointer; border-radius:4px; }
button.person:hover, button.person:focus-visible { background:rgba(15,108,189,.08); outline:2px solid transparent; }
button.person:focus-visible { outline:2px solid var(--accent); }
.avatar { flex:none; width:36px; height:36px; border-radius:50%; display:grid; place-items:center; color:#fff; font-weight:600; font-size:14px; }
.who { display:flex; flex-direction:column; min-width:0; }
.who strong { font-weight:600; }
.who span { color:var(--muted); font-size:13px; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
.hinted { border:1px solid var(--accent); border-radius:6px; margin-bottom:14px; }
.perm { margin:0 0 20px; padding:0 0 0 20px; }
.perm li { margin:6px 0; }
.actions { display:flex; gap:10px; justify-content:flex-end; margin-top:24px; }
.btn { font:inherit; padding:7px 22px; border-radius:4px; border:1px solid var(--line); background:var(--card); color:var(--text); cursor:pointer; }
.btn.primary { background:var(--accent); border-color:var(--accent); color:#fff; }
.btn.primary:hover { background:var(--accent-hover); }
.note { font-size:12px; color:var(--muted); margin-top:22px; }
.error { border-left:4px solid #c50f1f; padding:8px 12px; background:rgba(197,15,31,.08); }
code { font-family: Consolas, "Courier New", monospace; font-size:13px; }
`;

const LOGO = `<svg viewBox="0 0 23 23" aria-hidden="true"><path fill="#f35325" d="M1 1h10v10H1z"/><path fill="#81bc06" d="M12 1h10v10H12z"/><path fill="#05a6f0" d="M1 12h10v10H1z"/><path fill="#ffba08" d="M12 12h10v10H12z"/></svg>`;

export function renderPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><div class="brand">${LOGO}<span>Contoso · local Microsoft 365 tenant</span></div>${body}</main></body></html>`;
}
