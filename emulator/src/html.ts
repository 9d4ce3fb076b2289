// Escaped HTML for the emulator's pages (sign-in, consent, errors, tenant viewer). Every interpolation in the `html`
// template is escaped unless it is already SafeHtml, so a seed's display name can never inject markup.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | boolean | null | undefined | SafeHtml | HtmlValue[];

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${name}</p>\`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

const STYLE = `
body{margin:0;font-family:"Segoe UI","Segoe UI Web",Tahoma,Arial,sans-serif;background:#f2f2f2;color:#1b1b1b}
main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
main.wide{max-width:1100px}
h1{font-size:24px;font-weight:600;margin:0 0 16px}
.brand{font-size:15px;color:#5e5e5e;margin-bottom:16px}
label{display:block;margin:12px 0 4px}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px 0;border:0;border-bottom:1px solid #666;font-size:15px}
button{font:inherit;padding:6px 20px;min-width:108px;border:1px solid #0067b8;cursor:pointer}
button.primary{background:#0067b8;color:#fff}
button.secondary{background:#ccc;border-color:#ccc;color:#000}
button.account{display:block;width:100%;text-align:left;background:#fff;border:0;border-bottom:1px solid #e6e6e6;padding:10px 4px}
button.account:hover,button.account:focus{background:#f2f2f2}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:24px}
.error{color:#e81123;margin:8px 0}
.muted{color:#5e5e5e;font-size:13px}
ul.perms li{margin:6px 0}
table{border-collapse:collapse;width:100%;margin:8px 0 24px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
:focus-visible{outline:2px solid #000;outline-offset:2px}
`;

/** A whole page in a Microsoft-like card. */
export function page(title: string, body: SafeHtml, options: { wide?: boolean } = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<main${new SafeHtml(options.wide ? ' class="wide"' : '')}>
<div class="brand" aria-hidden="true">Microsoft (emulated)</div>
${body}
</main>
</body>
</html>`.value;
}
