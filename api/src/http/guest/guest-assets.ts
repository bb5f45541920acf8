/**
 * The guest page's two files, served from /guest/assets/ so the page runs under a CSP without inline style or
 * script. The script only picks the browser's own time zone on the first visit; the page works without it
 * (times are then shown in UTC with a zone selector).
 */
export const GUEST_STYLE = `
:root { color-scheme: light dark; }
body { margin: 0; font: 16px/1.5 "Segoe UI", system-ui, sans-serif; background: Canvas; color: CanvasText; }
main { max-width: 600px; margin: 40px auto; padding: 0 20px; }
.brand { font-size: 14px; font-weight: 600; opacity: .75; }
h1 { font-size: 26px; font-weight: 600; margin: 8px 0 16px; }
h2 { font-size: 19px; font-weight: 600; margin-top: 32px; }
fieldset { border: 1px solid GrayText; border-radius: 6px; padding: 12px 16px; margin: 16px 0; }
legend { font-weight: 600; padding: 0 4px; }
.slot { display: block; padding: 8px 4px; }
.slot input { margin-inline-end: 10px; }
label { display: block; margin: 12px 0 4px; }
select, input[type="datetime-local"], textarea { font: inherit; padding: 6px 8px; max-width: 100%; }
textarea { width: 100%; box-sizing: border-box; }
button { font: inherit; padding: 8px 20px; border-radius: 4px; border: 0; background: #4f52b2; color: #fff; cursor: pointer; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
.secondary { background: transparent; color: LinkText; border: 1px solid currentColor; }
.zone { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; }
.note { font-size: 14px; opacity: .85; }
.error { border-inline-start: 4px solid #c50f1f; padding: 8px 12px; }
a { color: LinkText; }
`;

export const GUEST_SCRIPT = `(function () {
  var form = document.getElementById('zone-form');
  if (!form || form.getAttribute('data-chosen') === 'yes') return;
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  var select = form.querySelector('select');
  if (!zone || !select || zone === select.value) return;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) { select.value = zone; form.submit(); return; }
  }
})();
`;
